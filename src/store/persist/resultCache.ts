import { clear, createStore, get, keys, set, type UseStore } from 'idb-keyval';
import type { AnalysisResult, InputLayers, Settings } from '../../analysis/types.ts';
import type { Analyser } from '../runner.ts';
import { canonicalJson } from '../../data/canonicalJson.ts';
import { resultBytesSource } from '../../data/resultBytes.ts';
import { inputDigest, knownDigest } from './inputDigest.ts';
import { blobKv } from './kvStore.ts';
import { decodeList, encodeList, type SavedList } from './listRecord.ts';
import {
  decodeResult,
  encodeResult,
  pageSlices,
  ResultCodecError,
  type Pause,
} from '../../data/resultCodec.ts';

/** Where finished results are kept between visits. */
export interface ResultStore {
  get(key: string): Promise<AnalysisResult | undefined>;
  /** Keeps only this one result: the settings a user comes back with are the ones they last used. */
  replace(key: string, result: AnalysisResult): Promise<void>;
  /**
   * Starts reading the one kept result if its key passes `wanted`, before anyone asks for it (the page's
   * first module, while the app's code loads); a `get` of its key then waits for it instead of reading
   * it again.
   */
  readAhead?(wanted: (key: string) => boolean): void;
  /**
   * The list saved beside the result of `key` (`listRecord.ts`): its rows and roll-ups, read and decoded
   * far sooner than the result; undefined if there is none or it does not read.
   */
  list?(key: string): Promise<SavedList | undefined>;
}

/** The few storage calls the result cache needs; the app uses IndexedDB, tests may pass a Map-backed one. */
export interface ResultKv {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  clear(): Promise<void>;
  /** The records' keys (one result and its list). */
  keys(): Promise<string[]>;
}

/** The key of the list saved beside the result of `key`. */
export const listKey = (key: string): string => `list|${key}`;

/**
 * A result store that keeps the one result as bytes (`encodeResult`, DATA-MODEL "Saved result"): one
 * IndexedDB record, read and written as a copy of bytes instead of a structured clone of ~10⁶ objects, and
 * about 2.5 times smaller. Beside it, under `listKey`, the list of that result (`encodeList`, DATA-MODEL
 * "Saved list"): written after the result, so a list read back always has its result beside it. Encoding
 * and decoding run in slices of the page's time (`pause`). A record that is not bytes, has another format
 * version or does not decode is deleted and read as a miss (the console says why): the analysis then runs as
 * on a first visit; a list that does not read is skipped and the result is read instead. The last result
 * read or written is kept in memory under its key: opened ahead of the data after a reload
 * (`restorePersisted`), it is not decoded twice.
 *
 * @example const cache = binaryResultStore(idbKv); await cache.replace(key, result);
 */
export function binaryResultStore(kv: ResultKv, pause: () => Pause = pageSlices): ResultStore {
  let last: { key: string; result: AnalysisResult } | undefined;
  let ahead: { key: string; read: () => Promise<AnalysisResult | undefined> } | undefined;
  let aheadList: { key: string; read: Promise<SavedList | undefined> } | undefined;
  const read = async (
    key: string,
    stored: Promise<unknown> = kv.get(key),
    withoutList = false,
  ): Promise<AnalysisResult | undefined> => {
    performance.mark('vt:result:read-start');
    const bytes = await stored;
    performance.mark('vt:result:read-end');
    if (bytes === undefined) return undefined;
    try {
      if (!(bytes instanceof ArrayBuffer)) throw new ResultCodecError('not bytes');
      const result = await decodeResult(bytes, pause());
      if (!isResult(result)) throw new ResultCodecError('not an analysis result');
      performance.mark('vt:result:decode-end');
      last = { key, result };
      // A result saved without its list (by an earlier version) gains one for the next visit.
      if (withoutList) void addList(key, result).catch(() => undefined);
      return result;
    } catch (e) {
      console.warn(`Saved analysis result dropped, analysing again: ${describe(e)}`);
      await kv.clear();
      return undefined;
    }
  };
  const addList = async (key: string, result: AnalysisResult): Promise<void> => {
    const bytes = await encodeList(key, result, pause());
    if (last?.key === key) await kv.set(listKey(key), bytes);
  };
  const readList = async (key: string): Promise<SavedList | undefined> => {
    const bytes = await kv.get(listKey(key));
    performance.mark('vt:list:read-end');
    if (bytes === undefined) return undefined;
    try {
      if (!(bytes instanceof ArrayBuffer)) throw new ResultCodecError('not bytes');
      const list = await decodeList(bytes, pause());
      if (list.key !== key) throw new ResultCodecError('the list of another result');
      performance.mark('vt:list:decode-end');
      return list;
    } catch (e) {
      console.warn(`Saved list skipped, reading the whole result: ${describe(e)}`);
      return undefined;
    }
  };
  return {
    async get(key) {
      if (ahead?.key === key) await ahead.read().catch(() => undefined);
      if (last?.key === key) return last.result;
      return read(key);
    },
    readAhead(wanted) {
      void kv.keys().then(
        (keys) => {
          const key = keys.find((k) => !k.startsWith(listKey('')));
          if (key === undefined || !wanted(key) || last?.key === key) return;
          // The list first; the result's bytes once the result is asked for (the page asks after it has
          // shown the list) and the list is read: copied onto the page as they arrive, they would take the
          // list's time. Without a list, the result at once.
          const listed = keys.includes(listKey(key));
          const list = listed ? readList(key) : Promise.resolve(undefined);
          let started: Promise<AnalysisResult | undefined> | undefined;
          const start = (): Promise<AnalysisResult | undefined> =>
            (started ??= list.catch(() => undefined).then(() => read(key, kv.get(key), !listed)));
          aheadList = { key, read: list };
          ahead = { key, read: start };
          if (!listed) void start().catch(() => undefined);
        },
        () => undefined,
      );
    },
    async list(key) {
      if (aheadList?.key === key) return aheadList.read;
      if (last?.key === key) return undefined;
      return readList(key);
    },
    async replace(key, result) {
      last = { key, result };
      let bytes: ArrayBuffer;
      let list: ArrayBuffer | undefined;
      try {
        // The analysis worker's bytes of this result, when it can still give them; else encoded here.
        const source = resultBytesSource(result);
        bytes = (source ? await source().catch(() => null) : null) ?? (await encodeResult(result, pause()));
      } catch (e) {
        console.warn(`Analysis result not saved: ${describe(e)}`);
        return;
      }
      try {
        list = await encodeList(key, result, pause());
      } catch (e) {
        // The result alone still comes back, only later after a reload.
        console.warn(`List not saved beside its result: ${describe(e)}`);
      }
      await kv.clear();
      await kv.set(key, bytes);
      if (list) await kv.set(listKey(key), list);
    },
  };
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function isResult(v: unknown): v is AnalysisResult {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Partial<Record<keyof AnalysisResult, unknown>>;
  return Array.isArray(r.hamlets) && Array.isArray(r.ranking) && typeof r.summary === 'object';
}

let db: UseStore | undefined;
const results = (): UseStore => (db ??= createStore('vungtrang-results', 'results'));
export const idbResultStore: ResultStore = binaryResultStore(
  blobKv({
    get: (key) => get(key, results()),
    set: (key, value) => set(key, value, results()),
    clear: () => clear(results()),
    keys: () => keys<string>(results()),
  }),
);

/**
 * Runs `fn` when the page is next idle, at the latest after two seconds: a result is saved after the list
 * that shows it has been drawn, not in the tasks that draw it (encoding it takes slices of the page's time).
 */
export function whenIdle(fn: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => fn(), { timeout: 2000 });
  else setTimeout(fn, 500);
}

const readBack = new WeakSet<AnalysisResult>();
const shippedBack = new WeakSet<AnalysisResult>();

/**
 * Where a result the runner got came from: `shipped`, the sample's result built with the app
 * (`withShippedResult`); `cache`, one saved in this browser by an earlier visit; `run`, computed now.
 */
export function resultOrigin(result: AnalysisResult): 'run' | 'cache' | 'shipped' {
  return shippedBack.has(result) ? 'shipped' : readBack.has(result) ? 'cache' : 'run';
}

/**
 * A result store that answers `key` (the sample's, with the settings the app was built with) with the
 * result built with the app (`ShippedResult`): its bytes (`fetchBytes`) decoded once, in slices (`pause`).
 * The key names the engine build, the sample's files and the settings, so a result saved under it would be
 * the same; the browser's store is not asked (on a first visit its database takes a second to open). A
 * result that does not read is skipped (the console says why) and the store is asked, then the sample
 * analysed. Nothing is written.
 */
export function withShippedResult(
  store: ResultStore,
  key: string,
  fetchBytes: () => Promise<ArrayBuffer>,
  pause: () => Pause = pageSlices,
): ResultStore {
  let decoded: Promise<AnalysisResult | undefined> | undefined;
  const decode = async (): Promise<AnalysisResult | undefined> => {
    try {
      const result = await decodeResult(await fetchBytes(), pause());
      if (!isResult(result)) throw new ResultCodecError('not an analysis result');
      shippedBack.add(result);
      return result;
    } catch (e) {
      console.warn(`The result built with the app was skipped, analysing the sample: ${describe(e)}`);
      return undefined;
    }
  };
  return {
    ...store,
    async get(k) {
      if (k !== key) return store.get(k);
      // Decoded once: the list shown ahead of the sample's layers and the runner's run get the same result.
      decoded ??= decode();
      return (await decoded) ?? store.get(k);
    },
  };
}

/** A data key that may still be being computed (an import's digest), or null: not cached. */
export type DataKey = string | Promise<string | null> | null;

/**
 * The cache key of the data the app analyses, before the settings are added:
 * - the shipped sample: `sampleKey` (its hashed asset URLs and the worker's), marked when the run has the
 *   sample's speed tests;
 * - imported data (a file import, a project, data restored after a reload): the engine (`engine`, the
 *   worker's hashed URL) and the SHA-256 of the layers (`inputDigest`), known at once after a reload;
 * - layers with field reports: null, never cached (recording or deleting a report changes the input on
 *   every visit; its run is quick to repeat). What-if edits run in the scenario engine, never through here.
 */
export function appDataKey(
  source: 'sample' | 'imported',
  layers: InputLayers,
  sampleKey: string,
  engine: string,
): DataKey {
  if (layers.fieldReports) return null;
  if (source === 'sample') return `${sampleKey}${layers.mobileTests ? '|measured' : ''}`;
  const known = knownDigest(layers);
  const imported = (digest: string): string => importedDataKey(engine, digest);
  return known !== undefined
    ? imported(known)
    : inputDigest(layers).then((d) => (d === null ? null : imported(d)));
}

/** The data key of the shipped sample (its files' hashed URLs) analysed by this engine build. */
export function sampleDataKey(engine: string, urls: Readonly<Record<string, string>>): string {
  return `${engine}|${Object.values(urls).sort().join('|')}`;
}

/** The data key of imported layers with this SHA-256, analysed by this engine build. */
export function importedDataKey(engine: string, digest: string): string {
  return `${engine}|imported|${digest}`;
}

/** A result's key: its data's (`appDataKey`) and the settings it was computed with. */
export function resultKey(dataKey: string, settings: Settings): string {
  return `${dataKey}|${canonicalJson(settings)}`;
}

/**
 * Wraps an analyser with a cache of its last result, under the data's key (`dataKey`, see `appDataKey`)
 * and the settings (`canonicalJson`): other data, another engine build or any other setting is a miss and
 * runs. A key still being computed (a fresh import's digest) is not waited for: the run starts at once and
 * its result is written under the key once it is known. A hit stops a run still in flight (it was asked for
 * earlier data or settings, and would not be shown). A cache that fails is skipped, never fatal.
 * `later` decides when a result is written (`whenIdle`); writes happen one after another, in run order.
 */
export function withResultCache(
  inner: Analyser,
  store: ResultStore,
  dataKey: (layers: InputLayers) => DataKey,
  later: (write: () => void) => void = whenIdle,
): Analyser {
  let writes: Promise<void> = Promise.resolve();
  return {
    async run(layers, settings: Settings, onProgress, previous) {
      const base = dataKey(layers);
      if (typeof base === 'string') {
        const cached = await store.get(resultKey(base, settings)).catch(() => undefined);
        if (cached) {
          inner.cancel?.();
          readBack.add(cached);
          return cached;
        }
      }
      const result = await inner.run(layers, settings, onProgress, previous);
      if (base !== null) {
        later(() => {
          writes = writes
            .then(async () => {
              const key = await base;
              if (key !== null) await store.replace(resultKey(key, settings), result);
            })
            .catch(() => undefined);
        });
      }
      return result;
    },
    cancel: () => inner.cancel?.(),
  };
}
