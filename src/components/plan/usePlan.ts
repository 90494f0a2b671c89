import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import {
  chosenPlan,
  planPending,
  scenarioPlan,
  shownPlan,
  type PlanView,
} from '../../store/scenario/plan.ts';
import { useApp } from '../../store/store.ts';
import { useScenario } from '../scenario/useScenario.ts';

export interface PlanState {
  /** What the numbers on screen describe now. */
  shown: PlanView;
  /** What the user chose; differs from `shown` while a scenario is being measured. */
  chosen: PlanView;
  pending: boolean;
  /** The live scenario, shown or not; null while it has no edits. */
  scenario: PlanView | null;
}

/** The plan the app shows (baseline or scenario) and the user's choice, from the two stores. */
export function usePlan(): PlanState {
  const result = useApp((s) => s.result);
  const sc = useScenario(
    useShallow((s) => ({
      shown: s.shown,
      edits: s.edits,
      name: s.name,
      saved: s.saved,
      scenarioResult: s.scenarioResult,
    })),
  );
  return useMemo(
    () => ({
      shown: shownPlan({ result }, sc),
      chosen: chosenPlan(sc),
      pending: planPending({ result }, sc),
      scenario: sc.edits.length > 0 ? scenarioPlan(sc) : null,
    }),
    [result, sc],
  );
}

/** The `plan` namespace's translator (the strings are in src/i18n/plan.ts). */
export function usePlanTranslation() {
  return useTranslation('plan');
}
