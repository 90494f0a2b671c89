import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analysis/analyze.ts';
import { DEFAULT_SETTINGS } from '../../../src/analysis/settings.ts';
import type { AnalysisResult } from '../../../src/analysis/types.ts';
import {
  appDataKey,
  binaryResultStore,
  withResultCache,
  type ResultStore,
} from '../../../src/store/persist/resultCache.ts';
import { canonicalJson } from '../../../src/data/canonicalJson.ts';
import { rememberLayerDigest } from '../../../src/data/layerDigest.ts';
import { rememberResultBytes } from '../../../src/data/resultBytes.ts';
import { inputDigest, knownDigest } from '../../../src/store/persist/inputDigest.ts';
import { blobKv, type KeyValueStore } from '../../../src/store/persist/kvStore.ts';
import { encodeList } from '../../../src/store/persist/listRecord.ts';
import { encodeResult, noPause, RESULT_FORMAT_VERSION } from '../../../src/data/resultCodec.ts';
import { buildRows } from '../../../src/store/rows.ts';
import { restorePersisted, startPersistence } from '../../../src/store/persist/persist.ts';
import { createAppStore } from '../../../src/store/store.ts';
import fc from 'fast-check';
import { vi } from 'vitest';
import type { InputLayers, Settings } from '../../../src/analysis/types.ts';
import type { Analyser } from '../../../src/store/runner.ts';
import { sampleInput } from './sampleResult.ts';

function memoryStore(): ResultStore & { entries: Map<string, AnalysisResult> } {
  const entries = new Map<string, AnalysisResult>();
  return {
    entries,
    get: async (k) => entries.get(k),
    replace: async (k, r) => {
      entries.clear();
      entries.set(k, r);
    },
  };
}

function countingEngine(): Analyser & { calls: number } {
  const engine = {
    calls: 0,
    run: async (...[layers, settings, onProgress]: Parameters<Analyser['run']>) => {
      engine.calls++;
      return analyze(layers, settings, onProgress);
    },
  };
  return engine;
}

const flush = () => new Promise((r) => setTimeout(r, 0));
/** Writes at once (the app waits for an idle moment: `whenIdle`). */
const now = (write: () => void) => write();

describe('withResultCache', () => {
  it('returns the stored result for the same data and settings without running again', async () => {
    const engine = countingEngine();
    const store = memoryStore();
    const cached = withResultCache(engine, store, () => 'sample-v1', now);
    const first = await cached.run(sampleInput(), DEFAULT_SETTINGS, () => {});
    await flush();
    const second = await cached.run(sampleInput(), DEFAULT_SETTINGS, () => {});
    expect(engine.calls).toBe(1);
    expect(second).toBe(first);
  });

  it('runs again when the settings differ, and keeps only the latest result', async () => {
    const engine = countingEngine();
    const store = memoryStore();
    const cached = withResultCache(engine, store, () => 'sample-v1', now);
    await cached.run(sampleInput(), DEFAULT_SETTINGS, () => {});
    await flush();
    await cached.run(sampleInput(), { ...DEFAULT_SETTINGS, fibreServiceRadiusM: 900 }, () => {});
    await flush();
    expect(engine.calls).toBe(2);
    expect([...store.entries.keys()]).toEqual([
      `sample-v1|${canonicalJson({ ...DEFAULT_SETTINGS, fibreServiceRadiusM: 900 })}`,
    ]);
  });

  it('never caches data without a stable name, such as an import', async () => {
    const engine = countingEngine();
    const store = memoryStore();
    const cached = withResultCache(engine, store, () => null, now);
    await cached.run(sampleInput(), DEFAULT_SETTINGS, () => {});
    await cached.run(sampleInput(), DEFAULT_SETTINGS, () => {});
    expect(engine.calls).toBe(2);
    expect(store.entries.size).toBe(0);
  });

  it('writes a result only when `later` lets it, and writes in run order', async () => {
    const engine = countingEngine();
    const written: string[] = [];
    let release!: () => void;
    const slow: ResultStore = {
      get: async () => undefined,
      // The first write takes a while: the second must wait for it, not overtake it.
      replace: (k) =>
        written.length === 0
          ? new Promise<void>((resolve) => {
              release = () => {
                written.push(k);
                resolve();
              };
            })
          : Promise.resolve(void written.push(k)),
    };
    const pending: (() => void)[] = [];
    const cached = withResultCache(
      engine,
      slow,
      () => 'k',
      (write) => pending.push(write),
    );
    await cached.run(sampleInput(), DEFAULT_SETTINGS, () => {});
    await cached.run(sampleInput(), { ...DEFAULT_SETTINGS, fibreServiceRadiusM: 900 }, () => {});
    await flush();
    expect(written).toEqual([]);
    for (const write of pending) write();
    await flush();
    expect(written).toEqual([]);
    release();
    await flush();
    expect(written.map((k) => k.includes('900'))).toEqual([false, true]);
  });

  it('runs the engine when the cache itself fails', async () => {
    const engine = countingEngine();
    const broken: ResultStore = {
      get: () => Promise.reject(new Error('IndexedDB unavailable')),
      replace: () => Promise.reject(new Error('IndexedDB unavailable')),
    };
    const result = await withResultCache(engine, broken, () => 'k', now).run(
      sampleInput(),
      DEFAULT_SETTINGS,
      () => {},
    );
    expect(result.hamlets).toHaveLength(3);
  });
});

function mapKv() {
  const records = new Map<string, unknown>();
  return {
    records,
    get: async (k: string) => structuredClone(records.get(k)),
    set: async (k: string, v: unknown) => void records.set(k, structuredClone(v)),
    clear: async () => records.clear(),
    keys: async () => [...records.keys()],
  };
}

describe('stored as bytes', () => {
  it('reads back the same result from one record of bytes, its list beside it, and keeps only the last one', async () => {
    const kv = mapKv();
    const store = binaryResultStore(kv, () => noPause);
    const result = analyze(sampleInput(), DEFAULT_SETTINGS);
    await store.replace('a', result);
    expect(kv.records.get('a')).toBeInstanceOf(ArrayBuffer);
    expect(kv.records.get('list|a')).toBeInstanceOf(ArrayBuffer);
    expect(await store.get('a')).toStrictEqual(result);
    expect(await binaryResultStore(kv, () => noPause).list?.('a')).toMatchObject({
      key: 'a',
      rows: buildRows(result),
      summary: result.summary,
    });
    await store.replace('b', { ...result, warnings: ['b'] });
    expect([...kv.records.keys()]).toEqual(['b', 'list|b']);
    expect(await store.get('a')).toBeUndefined();
    expect((await store.get('b'))?.warnings).toEqual(['b']);
  });

  it('writes the bytes the analysis worker gives for a result, and encodes it itself when the worker cannot', async () => {
    const kv = mapKv();
    const store = binaryResultStore(kv, () => noPause);
    const result = analyze(sampleInput(), DEFAULT_SETTINGS);
    // Marked so that what is written shows whose bytes they are.
    const fromWorker = await encodeResult({ ...result, warnings: ['the worker’s'] }, noPause);
    rememberResultBytes(result, () => Promise.resolve(fromWorker));
    await store.replace('a', result);
    expect((await binaryResultStore(kv, () => noPause).get('a'))?.warnings).toEqual(['the worker’s']);
    expect(kv.records.get('list|a')).toBeInstanceOf(ArrayBuffer);
    // The worker moved on (null) or failed: the page encodes the same result.
    for (const source of [() => Promise.resolve(null), () => Promise.reject(new Error('gone'))]) {
      const other = { ...result, warnings: ['other'] };
      rememberResultBytes(other, source);
      await store.replace('b', other);
      expect(kv.records.get('b')).toBeInstanceOf(ArrayBuffer);
      expect(await binaryResultStore(kv, () => noPause).get('b')).toStrictEqual(other);
    }
  });

  it('kept as Blobs in IndexedDB (read back as bytes), and records of bytes from earlier versions still read', async () => {
    const kv = mapKv();
    const store = binaryResultStore(blobKv(kv), () => noPause);
    const result = analyze(sampleInput(), DEFAULT_SETTINGS);
    await store.replace('a', result);
    expect(kv.records.get('a')).toBeInstanceOf(Blob);
    expect(kv.records.get('list|a')).toBeInstanceOf(Blob);
    const again = binaryResultStore(blobKv(kv), () => noPause);
    expect((await again.list?.('a'))?.rows).toStrictEqual(buildRows(result));
    expect(await again.get('a')).toStrictEqual(result);
    kv.records.set('old', await encodeResult(result));
    expect(await binaryResultStore(blobKv(kv), () => noPause).get('old')).toStrictEqual(result);
  });

  it('reads the kept result ahead only when its key is wanted, and a get of that key waits for that read', async () => {
    const result = analyze(sampleInput(), DEFAULT_SETTINGS);
    const kv = mapKv();
    await binaryResultStore(kv, () => noPause).replace('engine|imported|abc|{}', result);
    const reads: string[] = [];
    // Each read takes a while: a get that comes during the read ahead must wait for it, not read again.
    const slow = (k: string) => new Promise((r) => setTimeout(r, 50)).then(() => kv.get(k));
    const counted = { ...kv, get: (k: string) => (reads.push(k), slow(k)) };
    const other = binaryResultStore(counted, () => noPause);
    other.readAhead?.((key) => key.startsWith('engine|imported|xyz|'));
    await new Promise((r) => setTimeout(r, 10));
    expect(reads).toEqual([]);
    const store = binaryResultStore(counted, () => noPause);
    store.readAhead?.((key) => key.startsWith('engine|imported|abc|'));
    // The list first; the result once it is asked for (after the list is shown).
    const both = ['list|engine|imported|abc|{}', 'engine|imported|abc|{}'];
    await vi.waitFor(() => expect(reads).toEqual(both.slice(0, 1)));
    expect((await store.list?.('engine|imported|abc|{}'))?.rows).toStrictEqual(buildRows(result));
    await new Promise((r) => setTimeout(r, 100));
    expect(reads).toEqual(both.slice(0, 1));
    expect(await store.get('engine|imported|abc|{}')).toStrictEqual(result);
    expect(await store.get('engine|imported|abc|{"x":1}')).toBeUndefined();
    expect(reads).toEqual([...both, 'engine|imported|abc|{"x":1}']);
  });

  it('a result saved without its list (an earlier version) gains one when it is read ahead', async () => {
    const result = analyze(sampleInput(), DEFAULT_SETTINGS);
    const kv = mapKv();
    kv.records.set('k', await encodeResult(result));
    const store = binaryResultStore(kv, () => noPause);
    store.readAhead?.(() => true);
    await flush();
    expect(await store.get('k')).toStrictEqual(result);
    await vi.waitFor(() => expect([...kv.records.keys()]).toEqual(['k', 'list|k']));
    expect((await binaryResultStore(kv, () => noPause).list?.('k'))?.rows).toStrictEqual(buildRows(result));
  });

  it('skips a list that does not read, or was saved for another result, and reads the result instead', async () => {
    const result = analyze(sampleInput(), DEFAULT_SETTINGS);
    const kv = mapKv();
    await binaryResultStore(kv, () => noPause).replace('k', result);
    const garbled = (kv.records.get('list|k') as ArrayBuffer).slice(0, 100);
    const another = await encodeList('other', result);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      for (const list of [garbled, another, { rows: [] }]) {
        kv.records.set('list|k', list);
        const store = binaryResultStore(kv, () => noPause);
        store.readAhead?.(() => true);
        await flush();
        expect(await store.list?.('k')).toBeUndefined();
        expect(await store.get('k')).toStrictEqual(result);
      }
      expect(warn).toHaveBeenCalledTimes(3);
      expect(String(warn.mock.calls[1]?.[0])).toMatch(
        /list skipped, reading the whole result: the list of another/,
      );
    } finally {
      warn.mockRestore();
    }
  });

  it('drops an entry of another format version, a garbled one or an older object form, and says so in the console', async () => {
    const result = analyze(sampleInput(), DEFAULT_SETTINGS);
    const other = await encodeResult(result);
    new DataView(other).setUint32(4, RESULT_FORMAT_VERSION + 1, true);
    const garbled = (await encodeResult(result)).slice(0, 200);
    const notAResult = await encodeResult({ hamlets: 'no' });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      for (const stored of [other, garbled, notAResult, { ...result, parts: 1 }]) {
        const kv = mapKv();
        kv.records.set('k', stored);
        expect(await binaryResultStore(kv, () => noPause).get('k')).toBeUndefined();
        expect(kv.records.size).toBe(0);
      }
      expect(warn).toHaveBeenCalledTimes(4);
      expect(String(warn.mock.calls[0]?.[0])).toMatch(/dropped, analysing again: format version 2/);
    } finally {
      warn.mockRestore();
    }
  });
});

/** The leaves of the settings, as paths, to change one at a time. */
function leaves(o: unknown, path: string[] = []): string[][] {
  if (typeof o !== 'object' || o === null) return [path];
  return Object.entries(o).flatMap(([k, v]) => leaves(v, [...path, k]));
}

function withLeaf(settings: Settings, path: string[], value: unknown): Settings {
  const copy = structuredClone(settings) as unknown as Record<string, unknown>;
  let at = copy;
  for (const k of path.slice(0, -1)) at = at[k] as Record<string, unknown>;
  at[path[path.length - 1]!] = value;
  return copy as unknown as Settings;
}

/** Every own key of every object in reverse order: the same settings, put together differently. */
function reversed<T>(v: T): T {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
  return Object.fromEntries(
    Object.entries(v)
      .reverse()
      .map(([k, x]) => [k, reversed(x)]),
  ) as T;
}

describe('the key of a saved result', () => {
  it('changes with any setting, not with the order the settings object was put together in', () => {
    const base = canonicalJson(DEFAULT_SETTINGS);
    expect(canonicalJson(reversed(DEFAULT_SETTINGS))).toBe(base);
    expect(JSON.stringify(reversed(DEFAULT_SETTINGS))).not.toBe(JSON.stringify(DEFAULT_SETTINGS));
    const paths = leaves(DEFAULT_SETTINGS);
    expect(paths.length).toBeGreaterThan(20);
    for (const path of paths) {
      const value = path.reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], DEFAULT_SETTINGS);
      const other = typeof value === 'number' ? value + 1 : `${String(value)}-other`;
      expect(canonicalJson(withLeaf(DEFAULT_SETTINGS, path, other)), path.join('.')).not.toBe(base);
    }
  });

  it('changes with any byte of any feature of the imported layers', async () => {
    const input = sampleInput();
    const base = await inputDigest(input);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    const text = JSON.stringify(input.hamlets.features);
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.constantFrom('1', '7', 'x', 'ẫ'), async (n, c) => {
        // One character of the features' JSON changed where the result is still JSON of the same layers.
        const at = n % text.length;
        if (text[at] === c || !/[0-9A-Za-zÀ-ỹ]/.test(text[at]!)) return;
        const changed = text.slice(0, at) + c + text.slice(at + 1);
        let features: InputLayers['hamlets']['features'];
        try {
          features = JSON.parse(changed) as typeof features;
        } catch {
          return;
        }
        const other: InputLayers = { ...input, hamlets: { ...input.hamlets, features } };
        expect(await inputDigest(other)).not.toBe(base);
      }),
      { numRuns: 60 },
    );
  });

  it('is the same for the same layers however they are listed, and differs with a layer added', async () => {
    const input = sampleInput();
    const fibre: NonNullable<InputLayers['fibre']> = { type: 'FeatureCollection', features: [] };
    const a = await inputDigest({ hamlets: input.hamlets, fibre });
    const b = await inputDigest({ fibre, hamlets: structuredClone(input.hamlets) });
    expect(b).toBe(a);
    expect(await inputDigest(input)).not.toBe(a);
  });

  it('takes the digest of the bytes an imported layer was decoded from, without serialising its features', async () => {
    const input = sampleInput();
    let serialised = 0;
    // A layer whose features count their serialisations.
    const counted = (): InputLayers['hamlets'] => ({
      ...input.hamlets,
      features: input.hamlets.features.map((f, i) =>
        i === 0 ? { ...f, toJSON: () => (serialised++, { ...f }) } : f,
      ),
    });
    const fromBytes = (digest: string): InputLayers => {
      const hamlets = counted();
      rememberLayerDigest(hamlets, digest);
      return { ...input, hamlets };
    };
    const a = await inputDigest(fromBytes('a'.repeat(64)));
    expect(serialised).toBe(0);
    // Another object decoded from the same bytes is the same data; other bytes are other data.
    expect(await inputDigest(fromBytes('a'.repeat(64)))).toBe(a);
    expect(await inputDigest(fromBytes('b'.repeat(64)))).not.toBe(a);
    expect(serialised).toBe(0);
    // The same features held without their bytes are hashed from their JSON: another key.
    const plain = await inputDigest({ ...input, hamlets: counted() });
    expect(serialised).toBeGreaterThan(0);
    expect(plain).not.toBe(a);
    expect(plain).toBe(await inputDigest(input));
  });

  it('names imported data by engine and digest, the sample by its URLs, and never runs with field reports', async () => {
    const input = sampleInput();
    const reports: InputLayers = {
      ...input,
      fieldReports: { type: 'FeatureCollection', features: [] },
    };
    expect(appDataKey('sample', input, 'sample-v1', 'w.js')).toBe('sample-v1');
    expect(appDataKey('sample', { ...input, mobileTests: reports.fieldReports as never }, 's', 'w')).toBe(
      's|measured',
    );
    expect(appDataKey('imported', reports, 's', 'w.js')).toBeNull();
    expect(appDataKey('sample', reports, 's', 'w.js')).toBeNull();
    const fresh = structuredClone(input);
    const pending = appDataKey('imported', fresh, 's', 'w.js');
    expect(pending).toBeInstanceOf(Promise);
    const digest = await inputDigest(fresh);
    await expect(pending).resolves.toBe(`w.js|imported|${digest}`);
    expect(appDataKey('imported', fresh, 's', 'w.js')).toBe(`w.js|imported|${digest}`);
    expect(appDataKey('imported', fresh, 's', 'other-engine.js')).toBe(`other-engine.js|imported|${digest}`);
  });
});

describe('imported data across a reload', () => {
  function memoryKv(): KeyValueStore {
    const data = new Map<string, unknown>();
    return {
      get: async (k) => structuredClone(data.get(k)),
      set: async (k, v) => void data.set(k, structuredClone(v)),
      del: async (k) => void data.delete(k),
    };
  }

  it('saves the digest with the data, and a reload opens the last result without running', async () => {
    const kv = memoryKv();
    const results = binaryResultStore(mapKv(), () => noPause);
    const key = (store: ReturnType<typeof createAppStore>) => (layers: InputLayers) =>
      appDataKey(store.getState().dataSource, layers, 'sample', 'w.js');
    const empty = { province: null, units: null, districts: null, communes: null };

    const before = createAppStore();
    const saving = startPersistence(before, kv);
    before.getState().setImportedData(sampleInput(), empty, [], ['hamlets.geojson']);
    const engine = countingEngine();
    const first = withResultCache(engine, results, key(before), now);
    const computed = await first.run(before.getState().input!, DEFAULT_SETTINGS, () => {});
    await saving.flush();
    await flush();
    saving.stop();
    expect(engine.calls).toBe(1);

    // A reload: a fresh store and cache wrapper; the data comes back with its digest, not hashed again.
    const after = createAppStore();
    await restorePersisted(after, kv);
    const restored = after.getState().input!;
    expect(restored).not.toBe(before.getState().input);
    expect(knownDigest(restored)).toBe(await inputDigest(before.getState().input!));
    const reloaded = countingEngine();
    const second = withResultCache(reloaded, results, key(after), now);
    const shown = await second.run(restored, DEFAULT_SETTINGS, () => {});
    expect(reloaded.calls).toBe(0);
    expect(shown).toStrictEqual(computed);

    // Another setting runs; so does a changed layer.
    await second.run(restored, { ...DEFAULT_SETTINGS, fibreServiceRadiusM: 901 }, () => {});
    expect(reloaded.calls).toBe(1);
    const moved = structuredClone(restored);
    moved.hamlets.features[0]!.properties.households = 999;
    // Its digest known, as after a save: the lookup happens, under another key.
    expect(await inputDigest(moved)).not.toBe(knownDigest(restored));
    await second.run(moved, DEFAULT_SETTINGS, () => {});
    expect(reloaded.calls).toBe(2);
  });
});
