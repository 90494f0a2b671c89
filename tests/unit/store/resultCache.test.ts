import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analysis/analyze.ts';
import { DEFAULT_SETTINGS } from '../../../src/analysis/settings.ts';
import type { AnalysisResult } from '../../../src/analysis/types.ts';
import { withResultCache, type ResultStore } from '../../../src/worker/resultCache.ts';
import type { Analyser } from '../../../src/worker/runner.ts';
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

describe('withResultCache', () => {
  it('returns the stored result for the same data and settings without running again', async () => {
    const engine = countingEngine();
    const store = memoryStore();
    const cached = withResultCache(engine, store, () => 'sample-v1');
    const first = await cached.run(sampleInput(), DEFAULT_SETTINGS, () => {});
    await flush();
    const second = await cached.run(sampleInput(), DEFAULT_SETTINGS, () => {});
    expect(engine.calls).toBe(1);
    expect(second).toBe(first);
  });

  it('runs again when the settings differ, and keeps only the latest result', async () => {
    const engine = countingEngine();
    const store = memoryStore();
    const cached = withResultCache(engine, store, () => 'sample-v1');
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
    const cached = withResultCache(engine, store, () => null);
    await cached.run(sampleInput(), DEFAULT_SETTINGS, () => {});
    await cached.run(sampleInput(), DEFAULT_SETTINGS, () => {});
    expect(engine.calls).toBe(2);
    expect(store.entries.size).toBe(0);
  });

  it('runs the engine when the cache itself fails', async () => {
    const engine = countingEngine();
    const broken: ResultStore = {
      get: () => Promise.reject(new Error('IndexedDB unavailable')),
      replace: () => Promise.reject(new Error('IndexedDB unavailable')),
    };
    const result = await withResultCache(engine, broken, () => 'k').run(
      sampleInput(),
      DEFAULT_SETTINGS,
      () => {},
    );
    expect(result.hamlets).toHaveLength(3);
  });
});
