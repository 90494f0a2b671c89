import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ColocationCandidate, ColocationResult } from '../../analysis/colocation.ts';
import type { AnalysisResult } from '../../analysis/types.ts';
import type { ScenarioControl } from '../scenario/scenarioController.ts';
import type { ScenarioStore } from '../scenario/scenarioStore.ts';
import type { AppStore } from '../store.ts';
import { activeLens } from '../lens.ts';

/** Candidates the panel lists: enough to choose from, few enough to send between threads at once. */
export const COLOCATION_LIMIT = 100;

export interface ColocationState {
  /** The operator the candidates are for; null without an operator lens. */
  operator: string | null;
  status: 'idle' | 'busy' | 'ready' | 'error';
  /** Against the scenario's edits as the engine had them when asked. */
  result: ColocationResult | null;
  error: string | null;
  /** The candidate shown on the map (its host's id), if any. */
  selectedId: string | null;
  select(siteId: string | null): void;
}

export type ColocationStore = StoreApi<ColocationState>;

/** The candidate shown on the map, if it is still among the candidates. */
export function selectedCandidate(
  s: Pick<ColocationState, 'result' | 'selectedId'>,
): ColocationCandidate | null {
  if (s.selectedId === null) return null;
  return s.result?.candidates.find((c) => c.siteId === s.selectedId) ?? null;
}

/** Tower-sharing candidates of the lens operator and the one shown on the map; a store of its own, as the scenario's. */
export function createColocationStore(): ColocationStore {
  return createStore<ColocationState>()((set) => ({
    operator: null,
    status: 'idle',
    result: null,
    error: null,
    selectedId: null,
    select: (selectedId) => set({ selectedId }),
  }));
}

export const colocationStore: ColocationStore = createColocationStore();

/**
 * Keeps the candidates in step with the lens operator and the analysis shown: when either changes (a new
 * operator, a scenario edit measured, new data or settings), and the scenario is not busy, it asks the
 * scenario engine again, against the edits it has applied. Only the newest answer is kept.
 * Returns a function that stops it.
 */
export function startColocationController(
  app: AppStore,
  scenario: ScenarioStore,
  store: ColocationStore,
  control: () => Pick<ScenarioControl, 'colocation'> | null,
): () => void {
  let asked: { operator: string | null; result: AnalysisResult | null } = { operator: null, result: null };
  let generation = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const check = (): void => {
    timer = undefined;
    const s = app.getState();
    const operator = activeLens(s).operator;
    // A sync under way will bring a new result: ask then.
    if (scenario.getState().busy) return;
    if (operator === asked.operator && s.result === asked.result) return;
    asked = { operator, result: s.result };
    const mine = ++generation;
    if (operator === null || !s.result) {
      store.setState({ operator, status: 'idle', result: null, error: null, selectedId: null });
      return;
    }
    const c = control();
    if (!c) return;
    const sameOperator = store.getState().operator === operator;
    store.setState({
      operator,
      status: 'busy',
      error: null,
      ...(sameOperator ? {} : { result: null, selectedId: null }),
    });
    c.colocation(operator, { limit: COLOCATION_LIMIT }).then(
      (result) => {
        if (mine === generation) store.setState({ status: 'ready', result });
      },
      (e: unknown) => {
        if (mine === generation)
          store.setState({ status: 'error', error: e instanceof Error ? e.message : String(e) });
      },
    );
  };
  // After the stores' other listeners: the scenario controller marks itself busy in the same change.
  const later = (): void => {
    if (timer === undefined) timer = setTimeout(check, 0);
  };
  const offApp = app.subscribe((s, before) => {
    if (s.lens !== before.lens || s.result !== before.result || s.input !== before.input) later();
  });
  const offScenario = scenario.subscribe((s, before) => {
    if (s.busy !== before.busy || s.edits !== before.edits) later();
  });
  later();
  return () => {
    offApp();
    offScenario();
    if (timer !== undefined) clearTimeout(timer);
  };
}
