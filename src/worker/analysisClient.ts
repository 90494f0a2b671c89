import * as Comlink from 'comlink';
import type { FeatureCollection } from 'geojson';
import { rerankResult } from '../analysis/rankHamlets.ts';
import { onlyRankingDiffers } from '../analysis/settings.ts';
import type { AnalysisResult, InputLayers, ProgressCallback, Settings } from '../analysis/types.ts';
import type { AnalysisWorkerApi } from './analysisWorkerApi.ts';
import analysisWorkerUrl from './analysis.worker.ts?worker&url';
import { AheadProgress, aheadSettings } from './aheadProgress.ts';
import { watchWorker, WorkerDied, WorkerFailed } from './lifeline.ts';
import { pageSlices, ResultCodecError } from '../data/resultCodec.ts';
import { rememberResultBytes } from '../data/resultBytes.ts';
import { SharedStrings } from '../data/sharedStrings.ts';
import { layersToBytes, layersTransfers } from './layersBytes.ts';
import {
  originOf,
  parseCollection,
  rememberOrigin,
  SampleFileError,
  type SampleFile,
} from '../data/sampleLayers.ts';

/** Thrown to the caller of a run that a newer run replaced. */
export class RunCancelled extends Error {
  constructor() {
    super('analysis run replaced by a newer one');
    this.name = 'RunCancelled';
  }
}

/** Thrown to a sample load whose worker was replaced by a newer run before it finished. */
export class WorkerReplaced extends Error {
  constructor() {
    super('analysis worker replaced while loading the sample');
    this.name = 'WorkerReplaced';
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

/** A sample load under way: its files arrive on `port`; `count` settles when the worker is done. */
interface SampleLoad {
  port: MessagePort;
  count: Promise<number>;
}

/** Collects the sample's files from the worker, up to the closing null. */
function receiveFiles(port: MessagePort): Promise<SampleFile[]> {
  return new Promise((resolve) => {
    const files: SampleFile[] = [];
    port.onmessage = (e: MessageEvent<SampleFile | null>) => {
      if (e.data === null) resolve(files);
      else files.push(e.data);
    };
  });
}

/** Parses the files one per task (the biggest, 1.4 MB of hamlets, takes a few tens of ms), in order. */
async function parseInTasks(files: readonly SampleFile[]): Promise<Map<string, FeatureCollection>> {
  const out = new Map<string, FeatureCollection>();
  for (const f of files) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    out.set(f.name, parseCollection(f.name, f.bytes));
  }
  return out;
}

/** Sample collections the worker fetched, and how to tell it that the page's layers are the same ones. */
export interface LoadedSample {
  byName: Map<string, FeatureCollection>;
  /** Call with the page's input built from `byName`: the worker then needs no copy of it for `run`. */
  adopt(input: InputLayers): void;
}

/**
 * Runs `analyze` in a Web Worker. A run started while another is busy terminates that worker (the only
 * way to stop synchronous work in it) and starts a fresh one, so the newest settings always win fast.
 * Big things cross in small messages (sample layers, result hamlets), so the page never stalls on one.
 */
export class AnalysisClient {
  private worker: Worker | null = null;
  private api: Comlink.Remote<AnalysisWorkerApi> | null = null;
  private layersSent: InputLayers | null = null;
  /** Layers on their way to the current worker. */
  private sending: { layers: InputLayers; api: unknown; done: Promise<void> } | null = null;
  /** The hamlets of the last run taken from the worker `api` (run `seq`), which a re-ranked run reuses. */
  private lastHamlets: { api: unknown; seq: number; hamlets: AnalysisResult['hamlets'] } | null = null;
  private cancelCurrent: (() => void) | null = null;
  private readonly onReplace = new Set<() => void>();
  /** A sample load started ahead (`prefetchSample`) on the current worker, by its URLs. */
  private prefetched: (SampleLoad & { key: string }) | null = null;
  /** The current worker's run ahead on the sample, while it reports progress. */
  private ahead: { progress: AheadProgress; port: MessagePort } | null = null;
  /** Rejects with `WorkerDied` when the current worker dies; work on it races this. */
  private death: Promise<never> = new Promise(() => undefined);
  private unwatch: () => void = () => undefined;
  private runsSent = 0;

  constructor(private readonly makeWorker: () => Worker = createAnalysisWorker) {}

  /** Analyses asked of a worker so far (a run ahead on the sample not included): the e2e build reads it. */
  get runs(): number {
    return this.runsSent;
  }

  /** The worker now in use, if any: the e2e build's test handle ends it as a crash would. */
  get currentWorker(): Worker | null {
    return this.worker;
  }

  /**
   * Starts fetching and parsing the sample in the worker at once (e.g. while the page still renders and
   * reads its saved state); a later `loadSample` with the same URLs takes it over instead of starting over.
   * With `runAhead`, the worker then analyses the sample with the default settings before it is asked: a
   * first `run` with those settings returns that result (a run with others waits for it to finish).
   */
  prefetchSample(urls: Record<string, string>, runAhead = false): void {
    this.prefetched = { key: JSON.stringify(urls), ...this.startLoad(urls, runAhead) };
  }

  /**
   * The shipped sample, fetched and parsed in the worker (which keeps it for the first run) and handed to
   * the page as the files' bytes, which the page parses one file per task. Rejects with `WorkerReplaced`
   * if a run replaces the worker.
   */
  async loadSample(urls: Record<string, string>): Promise<LoadedSample> {
    const ahead = this.prefetched?.key === JSON.stringify(urls) ? this.prefetched : null;
    this.prefetched = null;
    const { port, count } = ahead ?? this.startLoad(urls);
    const worker = this.worker;
    const { gone, release } = this.untilReplaced();
    try {
      // A failed fetch rejects `count` (a bad file with its class restored); the files end with a null.
      const failed = count.then(
        () => new Promise<never>(() => undefined),
        (e: unknown) => {
          throw SampleFileError.revive(e);
        },
      );
      const death = this.death;
      const files = await Promise.race([receiveFiles(port), failed, gone, death]);
      return {
        byName: await Promise.race([parseInTasks(files), gone]),
        adopt: (input) => {
          rememberOrigin(input, urls);
          if (this.worker === worker) this.layersSent = input;
        },
      };
    } finally {
      release();
      port.close();
    }
  }

  private startLoad(urls: Record<string, string>, runAhead = false): SampleLoad {
    const api = this.ensure();
    const { port1, port2 } = new MessageChannel();
    let progressPort: MessagePort | undefined;
    if (runAhead) {
      const channel = new MessageChannel();
      const progress = new AheadProgress(JSON.stringify(aheadSettings()));
      const ahead = { progress, port: channel.port1 };
      channel.port1.onmessage = (e: MessageEvent<[number, number, string] | null>) => {
        progress.receive(e.data);
        if (e.data === null) {
          channel.port1.close();
          if (this.ahead === ahead) this.ahead = null;
        }
      };
      this.ahead = ahead;
      progressPort = channel.port2;
    }
    const count = api.loadSample(
      urls,
      Comlink.transfer(port2, [port2]),
      runAhead,
      ...(progressPort ? [Comlink.transfer(progressPort, [progressPort])] : []),
    );
    count.catch(() => undefined);
    return { port: port1, count };
  }

  /**
   * Analyses `layers` with `settings` in the worker. A worker that dies during the run (out of memory, a
   * crash) is replaced once and the run starts again on the new one; a second death rejects with
   * `WorkerFailed`, which the page shows with a retry.
   */
  async run(
    layers: InputLayers,
    settings: Settings,
    onProgress: ProgressCallback,
    previous?: AnalysisResult,
  ): Promise<AnalysisResult> {
    // Ranking settings alone, and no session in the worker to re-rank (a result read back from the cache
    // or built with the app): `previous` ranked again here, instead of an analysis.
    if (
      previous &&
      !this.cancelCurrent &&
      onlyRankingDiffers(previous.summary.settings, settings) &&
      !(await this.reranksItself(layers, settings))
    ) {
      onProgress(1, 1, 'hamlets');
      return rerankResult(previous, settings);
    }
    try {
      return await this.runOnce(layers, settings, onProgress);
    } catch (e) {
      if (!(e instanceof WorkerDied)) throw e;
    }
    try {
      return await this.runOnce(layers, settings, onProgress);
    } catch (e) {
      if (e instanceof WorkerDied) throw new WorkerFailed('analysis', e.reason);
      throw e;
    }
  }

  private async runOnce(
    layers: InputLayers,
    settings: Settings,
    onProgress: ProgressCallback,
  ): Promise<AnalysisResult> {
    if (this.cancelCurrent) this.restart();
    if (this.prefetched && !originOf(layers)) {
      // The page had data of its own: drop the sample's files waiting on the port, and its run's progress.
      this.prefetched.port.close();
      this.prefetched = null;
      this.dropAhead();
    }
    const api = this.ensure();
    const death = this.death;
    const cancelled = new Promise<never>((_, reject) => {
      this.cancelCurrent = () => reject(new RunCancelled());
    });
    const mine = this.cancelCurrent;
    try {
      const work = (async () => {
        await this.sendLayers(api, layers);
        // The worker may be busy with its run ahead on these very settings: show that run's progress.
        const detach = originOf(layers) ? this.ahead?.progress.attach(settings, onProgress) : undefined;
        this.runsSent++;
        const { hamletChunks, runSeq, hamletsOfRun, ...head } = await api
          .run(settings, Comlink.proxy(onProgress))
          .finally(() => detach?.());
        // A re-ranked run's hamlets are the last run's, which this page holds: nothing to take.
        const held = this.lastHamlets;
        if (hamletsOfRun !== undefined && held?.api === api && held.seq === hamletsOfRun) {
          const result = { ...head, hamlets: held.hamlets };
          this.lastHamlets = { api, seq: runSeq, hamlets: held.hamlets };
          rememberResultBytes(result, () => this.resultBytes(api, death, runSeq));
          return result;
        }
        // All chunks asked for at once: the worker answers one after another without waiting for the
        // page, and each answer still arrives as its own small task, which shares its repeated texts.
        const shared = new SharedStrings();
        const chunks = await Promise.all(
          Array.from({ length: hamletChunks }, (_, i) =>
            api.takeHamlets(i).then((chunk) => {
              for (const h of chunk) shared.hamlet(h);
              return chunk;
            }),
          ),
        );
        const hamlets: AnalysisResult['hamlets'] = [];
        for (const chunk of chunks) for (const h of chunk) hamlets.push(h);
        const result = { ...head, hamlets };
        this.lastHamlets = { api, seq: runSeq, hamlets };
        // Saving it asks this worker for its bytes instead of encoding it on the page.
        rememberResultBytes(result, () => this.resultBytes(api, death, runSeq));
        return result;
      })();
      return await Promise.race([work, cancelled, death]);
    } finally {
      if (this.cancelCurrent === mine) this.cancelCurrent = null;
    }
  }

  /** Whether the worker holds a session of `layers` that a run with `settings` re-ranks (asked, not sent). */
  private async reranksItself(layers: InputLayers, settings: Settings): Promise<boolean> {
    const api = this.api;
    if (!api || this.layersSent !== layers) return false;
    return api.canRerank(settings).catch(() => false);
  }

  /**
   * Runs `call` (a what-if call: the worker keeps the session of its last run, or builds one) once the
   * worker holds `layers`. Rejects with `WorkerDied` if the worker dies, and with `WorkerReplaced` if a
   * newer run replaces it meanwhile.
   */
  async scenario<T>(
    layers: InputLayers,
    call: (api: Comlink.Remote<AnalysisWorkerApi>) => Promise<T>,
  ): Promise<T> {
    const api = this.ensure();
    const death = this.death;
    const { gone, release } = this.untilReplaced();
    try {
      const work = (async () => {
        await this.sendLayers(api, layers);
        return call(api);
      })();
      return await Promise.race([work, death, gone]);
    } finally {
      release();
    }
  }

  /**
   * Run `seq`'s result as bytes from the worker that computed it; null if that worker is gone, replaced or
   * has moved on (a newer run, a what-if edit).
   */
  private async resultBytes(
    api: Comlink.Remote<AnalysisWorkerApi>,
    death: Promise<never>,
    seq: number,
  ): Promise<ArrayBuffer | null> {
    if (this.api !== api) return null;
    const { gone, release } = this.untilReplaced();
    try {
      return await Promise.race([api.resultBytes(seq), death, gone]);
    } catch {
      return null;
    } finally {
      release();
    }
  }

  /** A promise that rejects with `WorkerReplaced` if a run replaces the worker before `release`. */
  private untilReplaced(): { gone: Promise<never>; release: () => void } {
    let replaced!: () => void;
    const gone = new Promise<never>((_, reject) => {
      replaced = () => reject(new WorkerReplaced());
    });
    this.onReplace.add(replaced);
    return { gone, release: () => this.onReplace.delete(replaced) };
  }

  /** Gives the worker `layers` unless it has them: one copy, however many calls ask at once. */
  private sendLayers(api: Comlink.Remote<AnalysisWorkerApi>, layers: InputLayers): Promise<void> {
    if (this.layersSent === layers) return Promise.resolve();
    if (this.sending?.layers === layers && this.sending.api === api) return this.sending.done;
    this.lastHamlets = null;
    // Layers the page got from URLs are fetched again by the worker (HTTP cache) rather than cloned.
    const urls = originOf(layers);
    // Encoding takes a while: the worker is still given the layers in the order they were asked for.
    const before = this.sending?.api === api ? this.sending.done.catch(() => undefined) : undefined;
    const done = (async () => {
      if (urls) {
        await before;
        await api.loadSample({ ...urls });
      } else {
        const send = await encodeLayers(layers);
        await before;
        await send(api);
      }
      if (this.api === api) this.layersSent = layers;
    })();
    const sending = { layers, api, done };
    this.sending = sending;
    void done
      .finally(() => {
        if (this.sending === sending) this.sending = null;
      })
      .catch(() => undefined);
    return done;
  }

  dispose(): void {
    this.restart();
  }

  private ensure(): Comlink.Remote<AnalysisWorkerApi> {
    if (!this.api) {
      const worker = this.makeWorker();
      this.worker = worker;
      this.api = Comlink.wrap<AnalysisWorkerApi>(worker);
      this.layersSent = null;
      this.death = new Promise<never>((_, reject) => {
        this.unwatch = watchWorker(worker, (reason) => {
          // A dead worker is dropped at once: the next call starts a fresh one.
          if (this.worker === worker) this.drop();
          reject(new WorkerDied(reason));
        });
      });
      this.death.catch(() => undefined);
    }
    return this.api;
  }

  /** Forgets the current worker without waiting for anything it was doing. */
  private drop(): void {
    this.unwatch();
    this.unwatch = () => undefined;
    this.prefetched = null;
    this.dropAhead();
    this.worker?.terminate();
    this.worker = null;
    this.api = null;
    this.layersSent = null;
    this.sending = null;
    this.lastHamlets = null;
  }

  /** Stops relaying the run ahead's progress (its worker is replaced, or the page has other data). */
  private dropAhead(): void {
    this.ahead?.port.close();
    this.ahead = null;
  }

  /**
   * Stops the run in flight, if any: its `run` rejects with `RunCancelled` and the worker is replaced (the
   * only way to stop synchronous work in it). Without a run in flight, nothing changes.
   */
  cancel(): void {
    if (this.cancelCurrent) this.restart();
  }

  private restart(): void {
    this.cancelCurrent?.();
    this.cancelCurrent = null;
    for (const replaced of this.onReplace) replaced();
    this.onReplace.clear();
    this.drop();
  }
}

/**
 * The page's own layers as a call that gives them to a worker: as bytes, transferred (a structured clone
 * of 89,000 hamlets with their fibre and sites blocked the page for over a second): a layer imported
 * through the dialog as the bytes the import worker sent, the others encoded in 40 ms slices
 * (`layersToBytes`); layers the codec cannot carry (a string with a lone surrogate) are cloned as before.
 */
async function encodeLayers(
  layers: InputLayers,
): Promise<(api: Comlink.Remote<AnalysisWorkerApi>) => Promise<void>> {
  try {
    const bytes = await layersToBytes(layers, pageSlices());
    // With the hamlets' count: a run it will split starts its helpers with the layers.
    const hamlets = layers.hamlets.features.length;
    return (api) => api.setLayersEncoded(Comlink.transfer(bytes, layersTransfers(bytes)), hamlets);
  } catch (e) {
    if (!(e instanceof ResultCodecError)) throw e;
    return (api) => api.setLayers(layers);
  }
}
