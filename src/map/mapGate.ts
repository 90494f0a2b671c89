import type { AppState } from '../store/appState.ts';
import type { AppStore } from '../store/store.ts';

/**
 * How long the map waits for the first ranked list at most. Without a wait, MapLibre's start-up (shader
 * compiles, SwiftShader or a weak GPU rasterising every tile) competes with the analysis worker for the
 * same cores and the list comes later; with an unbounded one, a slow import would leave the map blank.
 */
export const MAP_WAIT_MAX_MS = 6000;

/** True once the first list (or a reason there will be none) is there: the map may start. */
export function firstListSettled(s: AppState): boolean {
  return s.result !== null || s.analysisError !== null || s.dataStatus === 'error';
}

/**
 * Calls `start` once: after the first list is settled and the browser has painted it, or after `maxMs`.
 * Returns a function that cancels the wait.
 *
 * @example const cancel = whenFirstListSettled(appStore, () => createMap());
 */
export function whenFirstListSettled(
  store: AppStore,
  start: () => void,
  maxMs: number = MAP_WAIT_MAX_MS,
): () => void {
  let done = false;
  let frame = 0;
  let paintTimer: ReturnType<typeof setTimeout> | undefined;
  const fire = (): void => {
    if (done) return;
    done = true;
    cleanup();
    start();
  };
  // A frame, then a task: the list's first paint happens before the map's set-up blocks the thread.
  const afterPaint = (): void => {
    unsubscribe();
    if (frame || paintTimer) return;
    frame = requestAnimationFrame(() => {
      paintTimer = setTimeout(fire, 0);
    });
  };
  const unsubscribe = store.subscribe((s) => {
    if (firstListSettled(s)) afterPaint();
  });
  const timer = setTimeout(fire, maxMs);
  function cleanup(): void {
    unsubscribe();
    clearTimeout(timer);
    clearTimeout(paintTimer);
    cancelAnimationFrame(frame);
  }
  if (firstListSettled(store.getState())) afterPaint();
  return () => {
    done = true;
    cleanup();
  };
}

/**
 * Calls `start` once, as soon as an analysis runs, a saved or shipped list is shown ahead of its result, or
 * the first list is settled: the map is made, empty, while the first analysis runs in its worker (or the
 * result is read), and given the data after the list. Returns a function that cancels the wait.
 *
 * @example const cancel = whenAnalysing(appStore, () => void import('./MapAdapter.ts'));
 */
export function whenAnalysing(store: AppStore, start: () => void): () => void {
  const ready = (s: AppState): boolean => s.running || s.listAhead !== null || firstListSettled(s);
  if (ready(store.getState())) {
    start();
    return () => undefined;
  }
  const unsubscribe = store.subscribe((s) => {
    if (!ready(s)) return;
    unsubscribe();
    start();
  });
  return unsubscribe;
}

let settleMap: (() => void) | null = null;
const mapSettledPromise = new Promise<void>((resolve) => {
  settleMap = resolve;
});

/** Called by the map view on the map's first `idle` (everything drawn once). */
export function markMapSettled(): void {
  settleMap?.();
}

/**
 * Resolves once the map has drawn everything once, or after `maxMs`: background work that is not needed
 * for the first screen (the scenario engine's own analysis) waits for it rather than slowing it down.
 */
export function mapSettled(maxMs = 12_000): Promise<void> {
  return Promise.race([mapSettledPromise, new Promise<void>((resolve) => setTimeout(resolve, maxMs))]);
}
