import { clear, createStore, get, set, type UseStore } from 'idb-keyval';
import type { AnalysisResult, InputLayers, Settings } from '../../analysis/types.ts';
import type { Analyser } from '../runner.ts';

/** Where finished results are kept between visits. */
export interface ResultStore {
  get(key: string): Promise<AnalysisResult | undefined>;
  /** Keeps only this one result: the settings a user comes back with are the ones they last used. */
  replace(key: string, result: AnalysisResult): Promise<void>;
}

/** The few storage calls the result cache needs; the app uses IndexedDB, tests may pass a Map-backed one. */
export interface ResultKv {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  clear(): Promise<void>;
}

/** Hamlets per stored record: each read or write is one structured clone on the page's thread. */
const HAMLETS_PER_RECORD = 400;

/**
 * A result store that keeps the hamlets in records of a few hundred: one record of the whole result is
 * one clone of ~2.5 MB, a 100-300 ms block of the page both when it is saved and when a revisit reads it.
 *
 * @example const cache = chunkedResultStore(idbKv); await cache.replace(key, result);
 */
export function chunkedResultStore(kv: ResultKv): ResultStore {
  return {
    async get(key) {
      const head = (await kv.get(`${key}|head`)) as (AnalysisResult & { parts?: unknown }) | undefined;
      if (!head || typeof head.parts !== 'number') return undefined;
      const { parts, ...rest } = head;
      const hamlets: AnalysisResult['hamlets'] = [];
      for (let i = 0; i < parts; i++) {
        const part = await kv.get(`${key}|hamlets|${i}`);
        if (!Array.isArray(part)) return undefined;
        for (const h of part as AnalysisResult['hamlets']) hamlets.push(h);
      }
      return { ...rest, hamlets };
    },
    async replace(key, result) {
      await kv.clear();
      const parts = Math.ceil(result.hamlets.length / HAMLETS_PER_RECORD);
      for (let i = 0; i < parts; i++) {
        const slice = result.hamlets.slice(i * HAMLETS_PER_RECORD, (i + 1) * HAMLETS_PER_RECORD);
        await kv.set(`${key}|hamlets|${i}`, slice);
      }
      // The head goes last: a write cut short (tab closed) is never read back as a whole result.
      await kv.set(`${key}|head`, { ...result, hamlets: [], parts });
    },
  };
}

let db: UseStore | undefined;
const results = (): UseStore => (db ??= createStore('vungtrang-results', 'results'));
export const idbResultStore: ResultStore = chunkedResultStore({
  get: (key) => get(key, results()),
  set: (key, value) => set(key, value, results()),
  clear: () => clear(results()),
});

/**
 * Runs `fn` when the page is next idle, at the latest after two seconds: a result is saved after the list
 * that shows it has been drawn, not in the tasks that draw it (each record is a clone on the page's thread).
 */
export function whenIdle(fn: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => fn(), { timeout: 2000 });
  else setTimeout(fn, 500);
}

const readBack = new WeakSet<AnalysisResult>();

/** True for a result the cache read back from an earlier visit rather than computed now. */
export function fromResultCache(result: AnalysisResult): boolean {
  return readBack.has(result);
}

/**
 * Wraps an analyser with a cache of its last result. `dataKey` names the exact data and engine build
 * (e.g. the hashed asset URLs of the sample and of the worker), or null when the data has no stable
 * name (an import), in which case nothing is cached. A cache that fails is skipped, never fatal.
 * `later` decides when a result is written (`whenIdle`); writes happen one after another, in run order.
 */
export function withResultCache(
  inner: Analyser,
  store: ResultStore,
  dataKey: (layers: InputLayers) => string | null,
  later: (write: () => void) => void = whenIdle,
): Analyser {
  let writes: Promise<void> = Promise.resolve();
  return {
    async run(layers, settings: Settings, onProgress) {
      const base = dataKey(layers);
      const key = base === null ? null : `${base}|${JSON.stringify(settings)}`;
      if (key !== null) {
        const cached = await store.get(key).catch(() => undefined);
        if (cached) {
          readBack.add(cached);
          return cached;
        }
      }
      const result = await inner.run(layers, settings, onProgress);
      if (key !== null) {
        later(() => {
          writes = writes.then(() => store.replace(key, result)).catch(() => undefined);
        });
      }
      return result;
    },
  };
}
