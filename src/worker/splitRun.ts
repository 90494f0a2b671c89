import * as Comlink from 'comlink';
import { BlockMerge, computeBlock, type BlockResult } from '../analysis/blocks.ts';
import { hamletOrder, keepsGeometry, prepareEngine, type EngineState } from '../analysis/engine.ts';
import type { InputLayers, ProgressCallback, Settings } from '../analysis/types.ts';
import { yieldToPage } from '../data/resultCodec.ts';
import type { AnalysisWorkerApi } from './analysisWorkerApi.ts';
import { watchWorker, WorkerDied } from './lifeline.ts';
import { layersTransfers, type LayersBytes } from './layersBytes.ts';

/**
 * Inputs of at least this many hamlets are analysed on several workers. Each helper decodes and prepares
 * every layer again (~1/6 of the work at 32× the sample) and a worker takes a few hundred ms to start, so
 * a province (2,784 hamlets) is faster on one (see tests/bench/README.md). The browser tests' build
 * splits from 10,000, so that their 4× set (11,136 hamlets) is analysed split.
 */
export const SPLIT_MIN_HAMLETS = import.meta.env.MODE === 'e2e' ? 10_000 : 20_000;
/**
 * Machines with fewer cores than this analyse on one worker: on two cores the page, the GPU process and
 * every worker's collector share them, and in two pairs of 32× imports in turn the split was 5–16 s slower
 * (in one 9× pair too; see tests/bench/README.md). The browser tests' build splits on two cores, so that its 4× set is
 * analysed split on a two-core machine.
 */
export const SPLIT_MIN_CORES = import.meta.env.MODE === 'e2e' ? 2 : 3;
/** Workers for one run at most, the analysis worker included: each holds a copy of every layer. */
export const MAX_RUN_WORKERS = 4;
/** Blocks a helper holds at once: it starts the next while its last result is on its way. */
const AHEAD = 2;

/** How many workers analyse layers of `hamlets` hamlets on a machine with `cores` cores. */
export function runWorkers(
  hamlets: number,
  cores: number,
  minHamlets = SPLIT_MIN_HAMLETS,
  minCores = SPLIT_MIN_CORES,
): number {
  if (hamlets < minHamlets || cores < minCores) return 1;
  return Math.max(1, Math.min(MAX_RUN_WORKERS, Math.floor(cores) || 1));
}

/** A worker helping with a run: the port its blocks go over, and its end. */
export interface Helper {
  port: MessagePort;
  /** Rejects when the helper dies or its work fails. */
  done: Promise<unknown>;
}

/** What a helper says on its port: ready for blocks, or a block's results. */
type FromHelper = { ready: true } | BlockResult;

/**
 * The analysis of `layers` on this worker and the `helpers`, which prepare the same engine
 * (`helpWithBlocks`). This worker hands out blocks by message as each helper is ready or returns one,
 * computes the others itself (keeping their geometry for what-if edits as `buildEngine` would,
 * `keepsGeometry`) and merges all into its state, which it returns: the state one worker's `buildEngine`
 * makes, with the other hamlets' geometry materialised on demand (`materialise`). Rejects with the first
 * helper's failure.
 */
export async function analyzeSplit(
  layers: InputLayers,
  settings: Settings,
  helpers: readonly Helper[],
  onProgress?: ProgressCallback,
): Promise<EngineState> {
  const state = prepareEngine(layers, settings, onProgress);
  const t0 = performance.now();
  const order = hamletOrder(state);
  const merge = new BlockMerge(state, order);
  let next = 0;
  let wake: (() => void) | undefined;
  let failed: { error: unknown } | undefined;
  const give = (h: Helper, n: number): void => {
    for (let i = 0; i < n && next < merge.blocks; i++) h.port.postMessage(next++);
  };
  for (const h of helpers) {
    h.port.onmessage = (e: MessageEvent<FromHelper>) => {
      if ('ready' in e.data) give(h, AHEAD);
      else {
        merge.add(e.data);
        give(h, 1);
      }
      wake?.();
    };
    h.done.then(
      () => undefined,
      (error: unknown) => {
        failed ??= { error };
        wake?.();
      },
    );
  }
  try {
    const keep = keepsGeometry(order.length);
    for (let b = next++; b < merge.blocks; b = next++) {
      merge.computeHere(b, keep);
      onProgress?.(merge.done, order.length, 'hamlets');
      // The helpers' results and requests come in between blocks.
      await yieldToPage();
      if (failed) throw failed.error;
    }
    while (!merge.complete) {
      if (failed) throw failed.error;
      await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
      onProgress?.(merge.done, order.length, 'hamlets');
    }
  } finally {
    for (const h of helpers) {
      h.port.onmessage = null;
      h.port.postMessage(-1);
    }
  }
  merge.finish();
  onProgress?.(order.length, order.length, 'hamlets');
  state.timingsMs.hamlets = performance.now() - t0;
  return state;
}

/**
 * A helper's side of {@link analyzeSplit}: prepares the engine, says it is ready, then computes each
 * block it is given and sends its results (with the hamlets' nearest features, which edits move), until
 * told to stop (-1) or the port closes.
 */
export async function helpWithBlocks(
  layers: InputLayers,
  settings: Settings,
  port: MessagePort,
): Promise<void> {
  const state = prepareEngine(layers, settings);
  const order = hamletOrder(state);
  const queue: number[] = [];
  let wake: (() => void) | undefined;
  port.onmessage = (e: MessageEvent<number>) => {
    queue.push(e.data);
    wake?.();
  };
  const ready: FromHelper = { ready: true };
  port.postMessage(ready);
  for (;;) {
    while (queue.length === 0) {
      await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
    }
    const b = queue.shift() as number;
    if (b < 0) break;
    const result: FromHelper = computeBlock(state, order, b, true);
    port.postMessage(result);
  }
  port.close();
}

/** A helper worker started for a run; `stop` ends it. */
export interface StartedHelper extends Helper {
  stop(): void;
}

/**
 * A helper worker given the layers' bytes, decoding them before its run's settings are known: `run`
 * starts its part of a run, `stop` ends it (unused, or after its run).
 */
export interface WarmHelper {
  run(settings: Settings): StartedHelper;
  stop(): void;
}

/**
 * Starts a helper worker (`make`: the analysis worker's own script) and gives it the layers' bytes
 * (`LayersBytes`, transferred), which it decodes at once; its run's `done` rejects with `WorkerDied` when
 * it dies.
 */
export function startHelper(make: () => Worker, bytes: LayersBytes): WarmHelper {
  const worker = make();
  let unwatch = (): void => undefined;
  const death = new Promise<never>((_, reject) => {
    unwatch = watchWorker(worker, (reason) => reject(new WorkerDied(reason)));
  });
  death.catch(() => undefined);
  const api = Comlink.wrap<Pick<AnalysisWorkerApi, 'helpLayers' | 'helpBlocks'>>(worker);
  const taken = api.helpLayers(Comlink.transfer(bytes, layersTransfers(bytes)));
  taken.catch(() => undefined);
  const stop = (): void => {
    unwatch();
    worker.terminate();
  };
  return {
    run: (settings) => {
      const { port1, port2 } = new MessageChannel();
      const done = Promise.race([
        taken.then(() => api.helpBlocks(settings, Comlink.transfer(port2, [port2]))),
        death,
      ]);
      done.catch(() => undefined);
      return {
        port: port1,
        done,
        stop: () => {
          port1.close();
          stop();
        },
      };
    },
    stop,
  };
}
