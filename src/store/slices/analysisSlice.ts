import type { StateCreator } from 'zustand';
import type { AnalysisSlice, AppState, ResultViews } from '../appState.ts';
import type { AnalysisResult } from '../../analysis/types.ts';
import type { HamletUnit } from '../../analysis/units.ts';
import { buildRows } from '../rows.ts';

/** A result's rows and lookups, which the runner builds in a task before the one that renders them. */
export function resultViews(result: AnalysisResult, unitOf?: ReadonlyMap<string, HamletUnit>): ResultViews {
  return {
    rows: buildRows(result, unitOf),
    coverageById: new Map(result.hamlets.map((h) => [h.id, h])),
    rankingById: new Map(result.ranking.map((r) => [r.id, r])),
  };
}

/** The state of no result: no rows, empty lookups (fresh ones each time). */
export function noResultViews(): Pick<AppState, 'result' | 'rows' | 'coverageById' | 'rankingById'> {
  return { result: null, rows: [], coverageById: new Map(), rankingById: new Map() };
}

export const createAnalysisSlice: StateCreator<AppState, [], [], AnalysisSlice> = (set, get) => ({
  ...noResultViews(),
  running: false,
  progress: null,
  analysisError: null,
  analysisErrorKind: null,
  retries: 0,
  runId: 0,
  lastRunMs: null,
  lastRunFrom: null,
  startRun: () => {
    const runId = get().runId + 1;
    set({
      runId,
      running: true,
      progress: { done: 0, total: 1, phase: 'start' },
      analysisError: null,
      analysisErrorKind: null,
    });
    return runId;
  },
  setProgress: (runId, progress) => {
    if (runId === get().runId) set({ progress });
  },
  finishRun: (runId, result, ms, views, from = 'run') => {
    if (runId !== get().runId) return;
    set({
      result,
      ...(views ?? resultViews(result, get().unitOf)),
      running: false,
      progress: null,
      lastRunMs: ms,
      lastRunFrom: from,
    });
  },
  failRun: (runId, message, kind) => {
    if (runId === get().runId) {
      set({ running: false, progress: null, analysisError: message, analysisErrorKind: kind ?? null });
    }
  },
  retryRun: () => set({ retries: get().retries + 1, analysisError: null, analysisErrorKind: null }),
});
