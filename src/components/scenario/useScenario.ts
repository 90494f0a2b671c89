import { useStore } from 'zustand';
import { scenarioStore, type ScenarioState } from '../../store/scenario/scenarioStore.ts';

/** Narrow selector hook over the scenario store; wrap object selectors in `useShallow`. */
export function useScenario<T>(selector: (s: ScenarioState) => T): T {
  return useStore(scenarioStore, selector);
}
