import { analyze } from '../analysis/analyze.ts';
import type { AnalysisResult, InputLayers, ProgressCallback, Settings } from '../analysis/types.ts';
import { aheadSettings } from './aheadProgress.ts';
import { fetchSampleFiles, parseSampleFiles, sampleLayersOf } from '../data/sampleLayers.ts';

/** Hamlets per result message: a few hundred keep each message's clone on the page to a few ms. */
const HAMLETS_PER_CHUNK = 400;

/** Progress messages cross threads; at most one every 100 ms keeps the main thread free. */
function throttled(onProgress: ProgressCallback, everyMs = 100): ProgressCallback {
  let last = 0;
  return (done, total, phase) => {
    const now = performance.now();
    if (now - last < everyMs && done < total) return;
    last = now;
    onProgress(done, total, phase);
  };
}

/** A result without its hamlets, which follow in chunks (`takeHamlets`); `hamletChunks` says how many. */
export type ResultHead = AnalysisResult & { hamletChunks: number };

/**
 * What the analysis worker does, with its state (the layers it keeps, the run ahead, the last result's
 * hamlets) in this closure: `analysis.worker.ts` exposes one to the page; tests run one on a
 * MessageChannel in place of the worker.
 */
export function createAnalysisWorkerApi() {
  let layers: InputLayers | null = null;
  /** Bumped by every change of `layers`, so a slow sample fetch cannot overwrite layers set after it began. */
  let generation = 0;
  let resultOut: { hamlets: AnalysisResult['hamlets'] } | null = null;
  /**
   * A run made ahead on the freshly loaded sample with the default settings (`loadSample(..., true)`), for
   * the layers of `generation`: the page's first `run` with the same settings takes it instead of waiting.
   */
  let ahead: { generation: number; settings: string; result: AnalysisResult } | null = null;
  /** Whether `run` was called for the current layers (then nothing is run ahead any more). */
  let ranFor = -1;

  const api = {
    /** Layers are sent once per worker and kept, so a settings change does not re-copy megabytes. */
    setLayers(input: InputLayers): void {
      layers = input;
      generation++;
      ahead = null;
    },
    /**
     * Fetches and parses the shipped sample here instead of on the page, and keeps its layers for `run`.
     * With a `port`, also posts each file's bytes on it (`SampleFile`s, transferred, then `null`), which the
     * page parses one per task. Returns the number of files.
     */
    async loadSample(
      urls: Record<string, string>,
      port?: MessagePort,
      runAhead = false,
      progressPort?: MessagePort,
    ): Promise<number> {
      const mine = ++generation;
      ahead = null;
      const files = await fetchSampleFiles(urls);
      const byName = parseSampleFiles(files);
      if (mine !== generation) throw new Error('analysis worker: sample load superseded by newer layers');
      layers = sampleLayersOf(byName).input;
      if (port) {
        // The page gets the bytes as they came and parses them itself: a transfer costs this thread nothing,
        // where a structured clone of the parsed layers held up the run ahead by ~50 ms.
        for (const f of files) port.postMessage(f, [f.bytes]);
        port.postMessage(null);
        port.close();
      }
      // The page needs a few hundred ms (more while the browser paints the first frame) to take the files
      // and ask for a run; most first visits ask for the defaults, so start on them now, in the next task.
      if (runAhead) setTimeout(() => runAheadOn(mine, progressPort), 0);
      else endAhead(progressPort);
      return port ? files.length : 0;
    },
    /** Runs the analysis and returns it without its hamlets (see `ResultHead`). */
    run(settings: Settings, onProgress: ProgressCallback): ResultHead {
      if (!layers) throw new Error('analysis worker: setLayers must be called before run');
      ranFor = generation;
      const early =
        ahead?.generation === generation && ahead.settings === JSON.stringify(settings) ? ahead : null;
      ahead = null;
      if (early) onProgress(1, 1, 'hamlets');
      const result = early?.result ?? analyze(layers, settings, throttled(onProgress));
      resultOut = { hamlets: result.hamlets };
      return { ...result, hamlets: [], hamletChunks: Math.ceil(result.hamlets.length / HAMLETS_PER_CHUNK) };
    },
    takeHamlets(i: number): AnalysisResult['hamlets'] {
      if (!resultOut) throw new Error('analysis worker: no result to take hamlets from');
      return resultOut.hamlets.slice(i * HAMLETS_PER_CHUNK, (i + 1) * HAMLETS_PER_CHUNK);
    },
  };

  /**
   * The run ahead reports its progress on `progressPort` ([done, total, phase] messages, then null): the
   * page's first run, which waits for it, shows it instead of a bar standing at zero.
   */
  function runAheadOn(forGeneration: number, progressPort?: MessagePort): void {
    if (!layers || generation !== forGeneration || ranFor === forGeneration) {
      endAhead(progressPort);
      return;
    }
    const settings = aheadSettings();
    const report = progressPort
      ? // Every 500 ms: each report repaints the page, which shares the cores with this run on a first visit.
        throttled((done, total, phase) => progressPort.postMessage([done, total, phase]), 500)
      : undefined;
    ahead = {
      generation: forGeneration,
      settings: JSON.stringify(settings),
      result: analyze(layers, settings, report),
    };
    endAhead(progressPort);
  }

  return api;
}

function endAhead(progressPort?: MessagePort): void {
  progressPort?.postMessage(null);
  progressPort?.close();
}

export type AnalysisWorkerApi = ReturnType<typeof createAnalysisWorkerApi>;
