import * as Comlink from 'comlink';
import { analyze } from '../analysis/analyze.ts';
import type { AnalysisResult, InputLayers, ProgressCallback, Settings } from '../analysis/types.ts';

let layers: InputLayers | null = null;

/** Progress messages cross threads; at most one every 100 ms keeps the main thread free. */
function throttled(onProgress: ProgressCallback): ProgressCallback {
  let last = 0;
  return (done, total, phase) => {
    const now = performance.now();
    if (now - last < 100 && done < total) return;
    last = now;
    onProgress(done, total, phase);
  };
}

const api = {
  /** Layers are sent once per worker and kept, so a settings change does not re-copy megabytes. */
  setLayers(input: InputLayers): void {
    layers = input;
  },
  run(settings: Settings, onProgress: ProgressCallback): AnalysisResult {
    if (!layers) throw new Error('analysis worker: setLayers must be called before run');
    return analyze(layers, settings, throttled(onProgress));
  },
};

export type AnalysisWorkerApi = typeof api;

Comlink.expose(api);
