import { engineSettingsKey } from '../analysis/settings.ts';
import type { AnalysisResult, InputLayers, Settings } from '../analysis/types.ts';
import type { AppState } from './appState.ts';
import { effectiveSettings, type AppStore } from './store.ts';
import { resultViewsInSlices } from './slices/analysisSlice.ts';
import { pageSlices } from '../data/resultCodec.ts';
import { RunCancelled } from '../worker/analysisClient.ts';
import { WorkerFailed } from '../worker/lifeline.ts';
import { resultOrigin } from './persist/resultCache.ts';

/** What the runner needs from a client; the app passes an `AnalysisClient`, tests may pass an in-thread one. */
export interface Analyser {
  /**
   * `previous`: the last result of these very layers, which the analyser may rank again instead of
   * analysing when `settings` differ from its own only in the ranking, the costs or the targets.
   */
  run(
    layers: InputLayers,
    settings: Settings,
    onProgress: (done: number, total: number, phase: string) => void,
    previous?: AnalysisResult,
  ): Promise<AnalysisResult>;
  /** Stops the run in flight, if any: its `run` rejects with `RunCancelled`. */
  cancel?(): void;
}

let lastAnalysed: { input: InputLayers; reports: AppState['fieldReports']; out: InputLayers } | null = null;

/**
 * The layers the engine reads: the data's, with the field reports recorded in the app (and any a project
 * or import brought, merged by id; the recorded ones win). Unchanged (the same object) without reports, so
 * the sample keeps its cached result and the worker its copy.
 */
export function analysedInput(s: Pick<AppState, 'input' | 'fieldReports'>): InputLayers | null {
  const { input, fieldReports: reports } = s;
  if (!input || reports.length === 0) return input;
  if (lastAnalysed?.input === input && lastAnalysed.reports === reports) return lastAnalysed.out;
  const recorded = new Set(reports.map((r) => r.properties.id));
  const brought = (input.fieldReports?.features ?? []).filter((f) => !recorded.has(f.properties.id));
  const out: InputLayers = {
    ...input,
    fieldReports: { type: 'FeatureCollection', features: [...reports, ...brought] },
  };
  lastAnalysed = { input, reports, out };
  return out;
}

/**
 * Re-runs the analysis whenever the input data or the settings change. Settings changes are debounced
 * (a slider drag is one run, not fifty); the store's run id drops any result that arrives late.
 */
export function startAnalysisRunner(store: AppStore, analyser: Analyser, debounceMs = 250): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastKey = '';
  let lastInput: InputLayers | null = null;
  let lastRetries = store.getState().retries;
  let lastReports: AppState['fieldReports'] | null = null;
  /** The last result the runner got, and the layers it is of. */
  let lastDone: { input: InputLayers; result: AnalysisResult } | null = null;

  const launch = (s: AppState): void => {
    const input = analysedInput(s);
    if (!input) return;
    const settings = effectiveSettings(s);
    const previous = lastDone?.input === input ? lastDone.result : undefined;
    const runId = s.startRun();
    const started = performance.now();
    // Marks for the page-load bench and the browser's performance panel.
    performance.mark(`vt:run-start:${runId}`);
    analyser
      .run(
        input,
        settings,
        (done, total, phase) => store.getState().setProgress(runId, { done, total, phase }),
        previous,
      )
      .then(async (result) => {
        performance.mark(`vt:run-end:${runId}`);
        lastDone = { input, result };
        const ms = performance.now() - started;
        // The list's rows in 40 ms slices (~300 ms of work at 89,000 hamlets), its render in the task
        // after them. The result already shown (opened ahead of its data after a reload) keeps its rows.
        const now = store.getState();
        const views =
          runId !== now.runId
            ? undefined
            : result === now.result
              ? { rows: now.rows, coverageById: now.coverageById, rankingById: now.rankingById }
              : await resultViewsInSlices(result, now.unitOf, pageSlices());
        await new Promise((resolve) => setTimeout(resolve, 0));
        store.getState().finishRun(runId, result, ms, views, resultOrigin(result));
      })
      .catch((e: unknown) => {
        if (e instanceof RunCancelled) return;
        const kind = e instanceof WorkerFailed ? 'worker' : undefined;
        store.getState().failRun(runId, e instanceof Error ? e.message : String(e), kind);
      });
  };

  const check = (s: AppState): void => {
    if (!s.input) return;
    // Targets mark progress only: changing one does not re-run the analysis.
    const key = engineSettingsKey(effectiveSettings(s));
    const inputChanged = s.input !== lastInput;
    const retry = s.retries !== lastRetries;
    const reportsChanged = s.fieldReports !== lastReports;
    if (!inputChanged && !retry && !reportsChanged && key === lastKey) return;
    lastInput = s.input;
    lastReports = s.fieldReports;
    lastKey = key;
    lastRetries = s.retries;
    clearTimeout(timer);
    // New data and a retry run at once; a settings change or a field report waits for the user to pause.
    if (inputChanged || retry) launch(s);
    else timer = setTimeout(() => launch(store.getState()), debounceMs);
  };

  check(store.getState());
  const unsubscribe = store.subscribe(check);
  return () => {
    clearTimeout(timer);
    unsubscribe();
  };
}
