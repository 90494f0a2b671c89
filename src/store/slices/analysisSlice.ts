import type { StateCreator } from 'zustand';
import type { AnalysisSlice, AppState, ResultViews } from '../appState.ts';
import type { AnalysisResult, Summary } from '../../analysis/types.ts';
import type { HamletUnit } from '../../analysis/units.ts';
import type { Pause } from '../../data/resultCodec.ts';
import { buildRows, buildRowsInSlices, type HamletRow } from '../rows.ts';

/**
 * A result's rows and lookups, which the runner builds in a task before the one that renders them; `rows`
 * when they are known already (the saved list of this result, read ahead of it).
 */
export function resultViews(
  result: AnalysisResult,
  unitOf?: ReadonlyMap<string, HamletUnit>,
  rows?: HamletRow[],
): ResultViews {
  return {
    rows: rows ?? buildRows(result, unitOf),
    coverageById: new Map(result.hamlets.map((h) => [h.id, h])),
    rankingById: new Map(result.ranking.map((r) => [r.id, r])),
  };
}

/** Lookups are filled this many entries at a time between looks at the clock. */
const PER_LOOK = 1024;

/**
 * `resultViews` in slices (`pause`: e.g. `pageSlices()`), so a national result's rows, search index and
 * lookups (~300 ms of work at 89,000 hamlets) never hold the page for long.
 */
export async function resultViewsInSlices(
  result: AnalysisResult,
  unitOf: ReadonlyMap<string, HamletUnit> | undefined,
  pause: Pause,
): Promise<ResultViews> {
  const rows = await buildRowsInSlices(result, unitOf, pause);
  const coverageById = new Map<string, AnalysisResult['hamlets'][number]>();
  for (let i = 0; i < result.hamlets.length; i++) {
    const h = result.hamlets[i] as AnalysisResult['hamlets'][number];
    coverageById.set(h.id, h);
    if (i % PER_LOOK === 0) await pause();
  }
  const rankingById = new Map(result.ranking.map((r) => [r.id, r]));
  return { rows, coverageById, rankingById };
}

/** The state of no result: no rows, empty lookups (fresh ones each time). */
export function noResultViews(): Pick<
  AppState,
  'result' | 'rows' | 'coverageById' | 'rankingById' | 'listAhead'
> {
  return { result: null, rows: [], coverageById: new Map(), rankingById: new Map(), listAhead: null };
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
      listAhead: null,
      running: false,
      progress: null,
      lastRunMs: ms,
      lastRunFrom: from,
      // The imported data's result is in: the import is done, there is nothing left to stop.
      importUndo: null,
    });
  },
  failRun: (runId, message, kind) => {
    if (runId === get().runId) {
      set({ running: false, progress: null, analysisError: message, analysisErrorKind: kind ?? null });
    }
  },
  retryRun: () => set({ retries: get().retries + 1, analysisError: null, analysisErrorKind: null }),
  showSavedList: (rows, summary, from = 'cache') => {
    if (get().result === null) set({ rows, listAhead: summary, lastRunFrom: from, lastRunMs: 0 });
  },
});

/** The roll-ups on screen: the result's, or those of the saved list shown ahead of it. */
export function shownSummary(s: Pick<AppState, 'result' | 'listAhead'>): Summary | undefined {
  return s.result?.summary ?? s.listAhead ?? undefined;
}

/**
 * Whether the list can show its rows: a result is in, or a saved list is shown ahead of it and the list is
 * not asked for a lens ranking (that needs the result's hamlets: the list waits for them).
 */
export function listReady(s: Pick<AppState, 'result' | 'listAhead' | 'lens'>): boolean {
  return s.result !== null || (s.listAhead !== null && s.lens.ranking !== 'public-fund');
}
