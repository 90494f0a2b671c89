import * as Comlink from 'comlink';
import type { ScenarioEdit } from '../analysis/scenarioTypes.ts';
import type { SuggestOptions } from '../analysis/suggestSites.ts';
import type { InputLayers, Settings } from '../analysis/types.ts';
import { originOf } from './sampleLayers.ts';
import type { ScenarioWorkerApi } from './scenario.worker.ts';
import type { ScenarioWorkerUpdate, SuggestReply } from './scenarioProtocol.ts';

/** The scenario engine as the store's controller sees it; tests may pass an in-thread one. */
export interface ScenarioEngine {
  init(layers: InputLayers, settings: Settings): Promise<void>;
  sync(edits: ScenarioEdit[], name: string): Promise<ScenarioWorkerUpdate>;
  suggest(opts: SuggestOptions): Promise<SuggestReply>;
  dispose(): void;
}

export interface ScenarioWorkerOptions {
  /** Building the session is a whole analysis: it may wait for this (e.g. the map's first full draw). */
  startAfter?: () => Promise<void>;
}

/** A ScenarioSession in its own Web Worker, so edits never block the map. */
export function createScenarioWorkerEngine(opts: ScenarioWorkerOptions = {}): ScenarioEngine {
  const worker = new Worker(new URL('./scenario.worker.ts', import.meta.url), { type: 'module' });
  const api = Comlink.wrap<ScenarioWorkerApi>(worker);
  return {
    init: async (layers, settings) => {
      await opts.startAfter?.();
      // The sample is fetched by the worker itself: cloning megabytes of layers would block the page.
      const urls = originOf(layers);
      return urls ? api.initFromUrls({ ...urls }, settings) : api.init(layers, settings);
    },
    sync: (edits, name) => api.sync(edits, name),
    suggest: (opts) => api.suggest(opts),
    dispose: () => worker.terminate(),
  };
}
