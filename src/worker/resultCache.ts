import { clear, createStore, get, set, type UseStore } from 'idb-keyval';
import type { AnalysisResult, InputLayers, Settings } from '../analysis/types.ts';
import type { Analyser } from './runner.ts';

/** Where finished results are kept between visits. */
export interface ResultStore {
  get(key: string): Promise<AnalysisResult | undefined>;
  /** Keeps only this one result: the settings a user comes back with are the ones they last used. */
  replace(key: string, result: AnalysisResult): Promise<void>;
}

let db: UseStore | undefined;
export const idbResultStore: ResultStore = {
  get: (key) => get<AnalysisResult>(key, (db ??= createStore('vungtrang-results', 'results'))),
  replace: async (key, result) => {
    db ??= createStore('vungtrang-results', 'results');
    await clear(db);
    await set(key, result, db);
  },
};

/**
 * Wraps an analyser with a cache of its last result. `dataKey` names the exact data and engine build
 * (e.g. the hashed asset URLs of the sample and of the worker), or null when the data has no stable
 * name (an import), in which case nothing is cached. A cache that fails is skipped, never fatal.
 */
export function withResultCache(
  inner: Analyser,
  store: ResultStore,
  dataKey: (layers: InputLayers) => string | null,
): Analyser {
  return {
    async run(layers, settings: Settings, onProgress) {
      const base = dataKey(layers);
      const key = base === null ? null : `${base}|${JSON.stringify(settings)}`;
      if (key !== null) {
        const cached = await store.get(key).catch(() => undefined);
        if (cached) return cached;
      }
      const result = await inner.run(layers, settings, onProgress);
      if (key !== null) void store.replace(key, result).catch(() => undefined);
      return result;
    },
  };
}
