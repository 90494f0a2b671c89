import * as Comlink from 'comlink';
import type { ColocationOptions, ColocationResult } from '../analysis/colocation.ts';
import type { ScenarioEdit } from '../analysis/scenarioTypes.ts';
import type { SuggestOptions } from '../analysis/suggestSites.ts';
import type { InputLayers, Settings } from '../analysis/types.ts';
import { originOf } from '../data/sampleLayers.ts';
import type { ScenarioWorkerApi } from './scenario.worker.ts';
import { watchedWorker, WorkerDied, WorkerFailed } from './lifeline.ts';
import { EngineDisposed, type ScenarioWorkerUpdate, type SuggestReply } from './scenarioProtocol.ts';

/** The scenario engine as the store's controller sees it; tests may pass an in-thread one. */
export interface ScenarioEngine {
  init(layers: InputLayers, settings: Settings): Promise<void>;
  sync(edits: ScenarioEdit[], name: string): Promise<ScenarioWorkerUpdate>;
  suggest(opts: SuggestOptions): Promise<SuggestReply>;
  /** Tower-sharing candidates for an operator against the edits synced last. */
  colocation(operator: string, opts?: ColocationOptions): Promise<ColocationResult>;
  dispose(): void;
}

export interface ScenarioWorkerOptions {
  /** Building the session is a whole analysis: it may wait for this (e.g. the map's first full draw). */
  startAfter?: () => Promise<void>;
}

/**
 * A ScenarioSession in its own Web Worker, so edits never block the map. The worker itself (a V8 isolate
 * and ~160 KB of code to compile) starts with `init`, after `startAfter`, not when the engine is made: that
 * happens in the task that shows the first list. A worker that dies (out of memory, a crash) is replaced
 * once: the new one is built again from the same data and settings and the call is repeated; a second
 * death rejects with `WorkerFailed`.
 */
export function createScenarioWorkerEngine(
  opts: ScenarioWorkerOptions = {},
  makeWorker: () => Worker = () =>
    new Worker(new URL('./scenario.worker.ts', import.meta.url), { type: 'module' }),
): ScenarioEngine {
  let current: { worker: Worker; api: Comlink.Remote<ScenarioWorkerApi>; death: Promise<never> } | null =
    null;
  let disposed = false;
  let built: { layers: InputLayers; settings: Settings } | null = null;
  const remote = (): NonNullable<typeof current> => {
    if (disposed) throw new EngineDisposed();
    if (!current) {
      const watched = watchedWorker(makeWorker, (dead) => {
        if (current?.worker === dead) current = null;
      });
      current = { ...watched, api: Comlink.wrap<ScenarioWorkerApi>(watched.worker) };
    }
    return current;
  };
  const build = (api: Comlink.Remote<ScenarioWorkerApi>, layers: InputLayers, settings: Settings) => {
    // The sample is fetched by the worker itself: cloning megabytes of layers would block the page.
    const urls = originOf(layers);
    return urls ? api.initFromUrls({ ...urls }, settings) : api.init(layers, settings);
  };
  /** Runs `call` on a live, built worker; after a death, once more on a fresh one built again. */
  const call = async <T>(work: (api: Comlink.Remote<ScenarioWorkerApi>) => Promise<T>): Promise<T> => {
    for (let attempt = 0; ; attempt++) {
      const fresh = !current;
      const w = remote();
      try {
        if (fresh && attempt > 0 && built)
          await Promise.race([build(w.api, built.layers, built.settings), w.death]);
        return await Promise.race([work(w.api), w.death]);
      } catch (e) {
        if (!(e instanceof WorkerDied)) throw e;
        if (attempt >= 1) throw new WorkerFailed('scenario', e.reason);
      }
    }
  };
  return {
    init: async (layers, settings) => {
      await opts.startAfter?.();
      built = { layers, settings };
      return call((api) => build(api, layers, settings));
    },
    sync: (edits, name) => call((api) => api.sync(edits, name)),
    suggest: (o) => call((api) => api.suggest(o)),
    colocation: (operator, opts) => call((api) => api.colocation(operator, opts)),
    dispose: () => {
      disposed = true;
      current?.worker.terminate();
      current = null;
    },
  };
}
