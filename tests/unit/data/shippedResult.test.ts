import { readFileSync } from 'node:fs';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it, vi } from 'vitest';
import { analyze } from '../../../src/analysis/analyze.ts';
import { DEFAULT_SETTINGS } from '../../../src/analysis/settings.ts';
import type { AnalysisResult, InputLayers } from '../../../src/analysis/types.ts';
import { canonicalJson } from '../../../src/data/canonicalJson.ts';
import { decodeResult, encodeResult, noPause } from '../../../src/data/resultCodec.ts';
import { fetchShippedBytes } from '../../../src/data/shippedResult.ts';
import {
  resultOrigin,
  withResultCache,
  withShippedResult,
  type ResultStore,
} from '../../../src/store/persist/resultCache.ts';
import { encodeShippedResult, readSampleFiles } from '../../../tools/shippedResult.ts';
import { aheadSettings } from '../../../src/worker/aheadProgress.ts';
import { sampleInput } from '../store/sampleResult.ts';
import { decodeList } from '../../../src/store/persist/listRecord.ts';
import { buildRows } from '../../../src/store/rows.ts';

const read = (name: string): FeatureCollection =>
  JSON.parse(readFileSync(`geodata/${name}.geojson`, 'utf8')) as FeatureCollection;

describe('the sample result built with the app', () => {
  it('is the engine’s result for the shipped files with the default settings, without timings', async () => {
    const { result: bytes, list } = await encodeShippedResult(readSampleFiles('geodata'));
    const shipped = (await decodeResult(bytes, noPause)) as AnalysisResult;
    const input = {
      hamlets: read('hamlets'),
      fibre: read('fibre'),
      sites: read('sites'),
      facilities: read('facilities'),
    } as unknown as InputLayers;
    const fresh = analyze(input, DEFAULT_SETTINGS);
    expect(shipped.timingsMs).toEqual({});
    expect(shipped.hamlets.length).toBe(input.hamlets.features.length);
    expect(shipped).toEqual({ ...fresh, timingsMs: {} });
    // Its list: the rows the app builds from that result, under the settings' key.
    const saved = await decodeList(list);
    expect(saved.key).toBe(canonicalJson(DEFAULT_SETTINGS));
    expect(saved.summary).toEqual(fresh.summary);
    const rows = buildRows(fresh);
    expect(saved.rows).toEqual(rows);
    // The same files give the same bytes: the assets' hashes change only with the code or the data.
    const again = await encodeShippedResult(readSampleFiles('geodata'));
    expect(Buffer.from(again.result).equals(Buffer.from(bytes))).toBe(true);
    expect(Buffer.from(again.list).equals(Buffer.from(list))).toBe(true);
    expect(canonicalJson(aheadSettings())).toBe(canonicalJson(DEFAULT_SETTINGS));
  });
});

const result = (): AnalysisResult => analyze(sampleInput(), DEFAULT_SETTINGS);

function memoryStore(saved?: [string, AnalysisResult]): ResultStore & { gets: number } {
  const entries = new Map<string, AnalysisResult>(saved ? [saved] : []);
  const store = {
    gets: 0,
    get: async (k: string) => {
      store.gets++;
      return entries.get(k);
    },
    replace: async (k: string, r: AnalysisResult) => {
      entries.clear();
      entries.set(k, r);
    },
  };
  return store;
}

describe('withShippedResult', () => {
  it('answers its key with the shipped result when nothing is saved, and says where it came from', async () => {
    const r = result();
    const bytes = await encodeResult(r, noPause);
    const fetchBytes = vi.fn(async () => bytes.slice(0));
    const store = withShippedResult(memoryStore(), 'sample|{}', fetchBytes, () => noPause);
    const got = await store.get('sample|{}');
    expect(got).toEqual(r);
    expect(resultOrigin(got!)).toBe('shipped');
    expect(resultOrigin(r)).toBe('run');
    // Any other key (other settings, imported data) is the store's alone: nothing is fetched.
    expect(await store.get('sample|{"x":1}')).toBeUndefined();
    expect(fetchBytes).toHaveBeenCalledTimes(1);
  });

  it('answers its key without asking the store, and asks it when the shipped bytes do not read', async () => {
    const r = result();
    const inner = memoryStore(['sample|{}', r]);
    const bytes = await encodeResult(r, noPause);
    const store = withShippedResult(
      inner,
      'sample|{}',
      async () => bytes,
      () => noPause,
    );
    const got = await store.get('sample|{}');
    expect(resultOrigin(got!)).toBe('shipped');
    // Decoded once: the same object again.
    expect(await store.get('sample|{}')).toBe(got);
    expect(inner.gets).toBe(0);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const broken = withShippedResult(
      inner,
      'sample|{}',
      async () => new ArrayBuffer(64),
      () => noPause,
    );
    expect(await broken.get('sample|{}')).toBe(r);
    expect(inner.gets).toBe(1);
    warn.mockRestore();
  });

  it('skips shipped bytes that do not read or do not come, and the sample is analysed', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const broken = withShippedResult(
      memoryStore(),
      'k',
      async () => new ArrayBuffer(64),
      () => noPause,
    );
    expect(await broken.get('k')).toBeUndefined();
    const missing = withShippedResult(
      memoryStore(),
      'k',
      () => fetchShippedBytes('assets/sample-result-x.bin', async () => new Response('', { status: 404 })),
      () => noPause,
    );
    expect(await missing.get('k')).toBeUndefined();
    expect(warn.mock.calls.map((c) => String(c[0]))).toEqual([
      expect.stringMatching(/built with the app was skipped/),
      expect.stringMatching(/sample-result-x\.bin: HTTP 404; rebuild the app with npm run build/),
    ]);
    warn.mockRestore();

    // Behind the result cache, a miss runs the engine.
    let runs = 0;
    const cached = withResultCache(
      { run: async () => (runs++, result()) },
      broken,
      () => 'k0',
      () => undefined,
    );
    await cached.run(sampleInput(), DEFAULT_SETTINGS, () => undefined);
    expect(runs).toBe(1);
  });

  it('behind the result cache, its result needs no run', async () => {
    const r = result();
    const bytes = await encodeResult(r, noPause);
    let runs = 0;
    const cached = withResultCache(
      { run: async () => (runs++, r) },
      withShippedResult(
        memoryStore(),
        `sample|${canonicalJson(DEFAULT_SETTINGS)}`,
        async () => bytes,
        () => noPause,
      ),
      () => 'sample',
      () => undefined,
    );
    const got = await cached.run(sampleInput(), DEFAULT_SETTINGS, () => undefined);
    expect(runs).toBe(0);
    expect(resultOrigin(got)).toBe('shipped');
  });
});
