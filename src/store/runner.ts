import type { AnalysisResult, InputLayers, Settings } from '../analysis/types.ts';
import type { AppState } from './appState.ts';
import { effectiveSettings, type AppStore } from './store.ts';
import { resultViews } from './slices/analysisSlice.ts';
import { RunCancelled } from '../worker/analysisClient.ts';
import { fromResultCache } from './persist/resultCache.ts';

/** What the runner needs from a client; the app passes an `AnalysisClient`, tests may pass an in-thread one. */
export interface Analyser {
  run(
    layers: InputLayers,
    settings: Settings,
    onProgress: (done: number, total: number, phase: string) => void,
  ): Promise<AnalysisResult>;
}

/**
 * Re-runs the analysis whenever the input data or the settings change. Settings changes are debounced
 * (a slider drag is one run, not fifty); the store's run id drops any result that arrives late.
 */
export function startAnalysisRunner(store: AppStore, analyser: Analyser, debounceMs = 250): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastKey = '';
  let lastInput: InputLayers | null = null;

  const launch = (s: AppState): void => {
    const input = s.input;
    if (!input) return;
    const settings = effectiveSettings(s);
    const runId = s.startRun();
    const started = performance.now();
    // Marks for the page-load bench and the browser's performance panel.
    performance.mark(`vt:run-start:${runId}`);
    analyser
      .run(input, settings, (done, total, phase) =>
        store.getState().setProgress(runId, { done, total, phase }),
      )
      .then(async (result) => {
        performance.mark(`vt:run-end:${runId}`);
        const ms = performance.now() - started;
        // The list's rows in this task, its render in the next: together they blocked the page for
        // 200+ ms on two busy cores; apart, neither does.
        const views =
          runId === store.getState().runId ? resultViews(result, store.getState().unitOf) : undefined;
        await new Promise((resolve) => setTimeout(resolve, 0));
        store.getState().finishRun(runId, result, ms, views, fromResultCache(result) ? 'cache' : 'run');
      })
      .catch((e: unknown) => {
        if (e instanceof RunCancelled) return;
        store.getState().failRun(runId, e instanceof Error ? e.message : String(e));
      });
  };

  const check = (s: AppState): void => {
    if (!s.input) return;
    const key = JSON.stringify(effectiveSettings(s));
    const inputChanged = s.input !== lastInput;
    if (!inputChanged && key === lastKey) return;
    lastInput = s.input;
    lastKey = key;
    clearTimeout(timer);
    // New data runs at once; a settings change waits for the user to pause.
    if (inputChanged) launch(s);
    else timer = setTimeout(() => launch(store.getState()), debounceMs);
  };

  check(store.getState());
  const unsubscribe = store.subscribe(check);
  return () => {
    clearTimeout(timer);
    unsubscribe();
  };
}
