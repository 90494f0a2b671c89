import * as Comlink from 'comlink';
import type { AnalysisResult, InputLayers, ProgressCallback, Settings } from '../analysis/types.ts';
import type { AnalysisWorkerApi } from './analysis.worker.ts';
import analysisWorkerUrl from './analysis.worker.ts?worker&url';

/** Thrown to the caller of a run that a newer run replaced. */
export class RunCancelled extends Error {
  constructor() {
    super('analysis run replaced by a newer one');
    this.name = 'RunCancelled';
  }
}

/**
 * The bundled worker's URL; hashed in a build, so it changes whenever the engine code does. (A bare
 * `new URL('./x.ts', import.meta.url)` outside `new Worker(…)` would ship the raw TypeScript instead.)
 */
export const ANALYSIS_WORKER_URL: string = analysisWorkerUrl;

export function createAnalysisWorker(): Worker {
  return new Worker(ANALYSIS_WORKER_URL, { type: 'module' });
}

/**
 * Runs `analyze` in a Web Worker. A run started while another is busy terminates that worker (the only
 * way to stop synchronous work in it) and starts a fresh one, so the newest settings always win fast.
 */
export class AnalysisClient {
  private worker: Worker | null = null;
  private api: Comlink.Remote<AnalysisWorkerApi> | null = null;
  private layersSent: InputLayers | null = null;
  private cancelCurrent: (() => void) | null = null;

  constructor(private readonly makeWorker: () => Worker = createAnalysisWorker) {}

  async run(layers: InputLayers, settings: Settings, onProgress: ProgressCallback): Promise<AnalysisResult> {
    if (this.cancelCurrent) this.restart();
    const api = this.ensure();
    const cancelled = new Promise<never>((_, reject) => {
      this.cancelCurrent = () => reject(new RunCancelled());
    });
    const mine = this.cancelCurrent;
    try {
      const work = (async () => {
        if (this.layersSent !== layers) {
          await api.setLayers(layers);
          this.layersSent = layers;
        }
        return api.run(settings, Comlink.proxy(onProgress));
      })();
      return await Promise.race([work, cancelled]);
    } finally {
      if (this.cancelCurrent === mine) this.cancelCurrent = null;
    }
  }

  dispose(): void {
    this.cancelCurrent?.();
    this.cancelCurrent = null;
    this.worker?.terminate();
    this.worker = null;
    this.api = null;
  }

  private ensure(): Comlink.Remote<AnalysisWorkerApi> {
    if (!this.api) {
      this.worker = this.makeWorker();
      this.api = Comlink.wrap<AnalysisWorkerApi>(this.worker);
      this.layersSent = null;
    }
    return this.api;
  }

  private restart(): void {
    this.cancelCurrent?.();
    this.cancelCurrent = null;
    this.worker?.terminate();
    this.worker = null;
    this.api = null;
  }
}
