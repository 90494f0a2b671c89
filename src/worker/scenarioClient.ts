import type * as Comlink from 'comlink';
import type { ColocationOptions, ColocationResult } from '../analysis/colocation.ts';
import type { ScenarioEdit } from '../analysis/scenarioTypes.ts';
import type { SuggestOptions } from '../analysis/suggestSites.ts';
import type { InputLayers, Settings } from '../analysis/types.ts';
import { WorkerReplaced, type AnalysisClient } from './analysisClient.ts';
import type { AnalysisWorkerApi } from './analysisWorkerApi.ts';
import { WorkerDied, WorkerFailed } from './lifeline.ts';
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

export interface ScenarioEngineOptions {
  /** Building a session that the last run did not leave is a whole analysis: it may wait for this. */
  startAfter?: () => Promise<void>;
}

/** A newer run may replace the worker between a call and its answer; a call is tried this many times. */
const MAX_REPLACED = 3;

/**
 * The what-if engine in the analysis worker: the session of its last run (DATA-MODEL §9), so the
 * first edit costs neither a copy of the layers nor a second analysis. A session the worker does not
 * hold (other settings, a result opened from storage, a worker started afresh) is built there first.
 * A worker that dies is replaced once and the call repeated (the new one builds the session again from
 * the same data); a second death rejects with `WorkerFailed`.
 */
export function createScenarioEngine(
  client: AnalysisClient,
  opts: ScenarioEngineOptions = {},
): ScenarioEngine {
  let disposed = false;
  let built: { layers: InputLayers; settings: Settings } | null = null;
  const call = async <T>(work: (settings: Settings) => (api: WorkerApi) => Promise<T>): Promise<T> => {
    let died = 0;
    for (let replaced = 0; ;) {
      if (disposed || !built) throw new EngineDisposed();
      const { layers, settings } = built;
      try {
        return await client.scenario(layers, work(settings));
      } catch (e) {
        if (e instanceof WorkerReplaced && ++replaced < MAX_REPLACED) continue;
        if (!(e instanceof WorkerDied)) throw e;
        if (++died > 1) throw new WorkerFailed('scenario', e.reason);
      }
    }
  };
  return {
    init: async (layers, settings) => {
      await opts.startAfter?.();
      if (disposed) throw new EngineDisposed();
      built = { layers, settings };
      await call((s) => (api) => api.scenarioInit(s));
    },
    sync: (edits, name) => call((s) => (api) => api.scenarioSync(s, edits, name)),
    suggest: (o) => call((s) => (api) => api.scenarioSuggest(s, o)),
    colocation: (operator, o) => call((s) => (api) => api.scenarioColocation(s, operator, o)),
    dispose: () => {
      disposed = true;
    },
  };
}

type WorkerApi = Comlink.Remote<AnalysisWorkerApi>;
