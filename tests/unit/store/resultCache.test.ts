import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analysis/analyze.ts';
import { DEFAULT_SETTINGS } from '../../../src/analysis/settings.ts';
import type { AnalysisResult } from '../../../src/analysis/types.ts';
import {
  chunkedResultStore,
  withResultCache,
  type ResultStore,
} from '../../../src/store/persist/resultCache.ts';
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
    run: async (...args: Parameters<Analyser['run']>) => {
      engine.calls++;
      return analyze(...args);
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
      `sample-v1|${JSON.stringify({ ...DEFAULT_SETTINGS, fibreServiceRadiusM: 900 })}`,
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

describe('stored in small records', () => {
  function mapKv() {
    const records = new Map<string, unknown>();
    return {
      records,
      get: async (k: string) => structuredClone(records.get(k)),
      set: async (k: string, v: unknown) => void records.set(k, structuredClone(v)),
      clear: async () => records.clear(),
    };
  }

  it('reads back the same result from a head and hamlet records, and keeps only the last one', async () => {
    const kv = mapKv();
    const store = chunkedResultStore(kv);
    const many = analyze(sampleInput(), DEFAULT_SETTINGS);
    const big = {
      ...many,
      hamlets: Array.from({ length: 1000 }, (_, i) => ({ ...many.hamlets[i % 3]!, id: `h${i}` })),
    };
    await store.replace('a', big);
    expect(await store.get('a')).toEqual(big);
    expect([...kv.records.keys()].filter((k) => k.startsWith('a|hamlets|'))).toHaveLength(3);
    await store.replace('b', many);
    expect(await store.get('a')).toBeUndefined();
    expect(await store.get('b')).toEqual(many);
  });

  it('a write cut short before its head is a miss, not a partial result', async () => {
    const kv = mapKv();
    const store = chunkedResultStore(kv);
    await store.replace('a', analyze(sampleInput(), DEFAULT_SETTINGS));
    kv.records.delete('a|hamlets|0');
    expect(await store.get('a')).toBeUndefined();
    kv.records.delete('a|head');
    expect(await store.get('a')).toBeUndefined();
  });
});
