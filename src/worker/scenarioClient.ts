import * as Comlink from 'comlink';
import type { ColocationOptions, ColocationResult } from '../analysis/colocation.ts';
import type { ScenarioEdit } from '../analysis/scenarioTypes.ts';
import type { SuggestOptions } from '../analysis/suggestSites.ts';
import type { InputLayers, Settings } from '../analysis/types.ts';
import { originOf } from '../data/sampleLayers.ts';
import type { ScenarioWorkerApi } from './scenario.worker.ts';
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
 * happens in the task that shows the first list.
 */
export function createScenarioWorkerEngine(opts: ScenarioWorkerOptions = {}): ScenarioEngine {
  let worker: Worker | null = null;
  let api: Comlink.Remote<ScenarioWorkerApi> | null = null;
  let disposed = false;
  const remote = (): Comlink.Remote<ScenarioWorkerApi> => {
    if (disposed) throw new EngineDisposed();
    if (!api) {
      worker = new Worker(new URL('./scenario.worker.ts', import.meta.url), { type: 'module' });
      api = Comlink.wrap<ScenarioWorkerApi>(worker);
    }
    return api;
  };
  return {
    init: async (layers, settings) => {
      await opts.startAfter?.();
      // The sample is fetched by the worker itself: cloning megabytes of layers would block the page.
      const urls = originOf(layers);
      return urls ? remote().initFromUrls({ ...urls }, settings) : remote().init(layers, settings);
    },
    sync: (edits, name) => remote().sync(edits, name),
    suggest: (opts) => remote().suggest(opts),
    colocation: (operator, opts) => remote().colocation(operator, opts),
    dispose: () => {
      disposed = true;
      worker?.terminate();
    },
  };
}
