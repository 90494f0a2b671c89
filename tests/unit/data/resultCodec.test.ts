import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisResult, HamletCoverage } from '../../../src/analysis/types.ts';
import {
  DATA_RECORD,
  decodeResult,
  encodeResult,
  pauseEvery,
  RESULT_FORMAT_VERSION,
  ResultCodecError,
} from '../../../src/data/resultCodec.ts';
import { sampleRun } from '../../fixtures/sampleRun.ts';

/** The shipped sample's result: every field the engine writes, white and weak zones included. */
let sample: AnalysisResult;
beforeAll(() => {
  sample = sampleRun().result;
}, 60_000);

async function roundTrip(value: unknown): Promise<unknown> {
  return decodeResult(await encodeResult(value));
}

/** Equal as the page would use it: -0 is not 0, NaN is NaN, an absent key is not an undefined one. */
function same(a: unknown, b: unknown): boolean {
  return isDeepStrictEqual(a, b);
}

describe('the binary form of a saved result', () => {
  it('gives back the sample’s whole result, and is smaller than its structured clone', async () => {
    expect(sample.hamlets.length).toBeGreaterThan(2000);
    expect(sample.hamlets.some((h) => h.whiteZone !== null)).toBe(true);
    const bytes = await encodeResult(sample);
    const back = (await decodeResult(bytes)) as AnalysisResult;
    expect(same(back, sample)).toBe(true);
    expect(back).toStrictEqual(sample);
    const { serialize } = await import('node:v8');
    expect(bytes.byteLength).toBeLessThan(serialize(sample).length / 2);
  });

  it('gives back any selection of the sample’s hamlets with any numbers and names in them', async () => {
    const edit = fc.record({
      at: fc.nat(),
      households: fc.double(),
      distance: fc.option(fc.double(), { nil: null }),
      name: fc.string({ unit: 'grapheme' }),
      nearest: fc.option(fc.string(), { nil: null }),
      shares: fc.tuple(fc.double(), fc.double(), fc.double()),
      zone: fc.option(fc.array(fc.tuple(fc.double(), fc.double()), { minLength: 1, maxLength: 8 }), {
        nil: null,
      }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { maxLength: 20 }), fc.nat(), async (edits, from) => {
        const start = from % sample.hamlets.length;
        const hamlets: HamletCoverage[] = sample.hamlets.slice(start, start + 200).map((h) => ({ ...h }));
        for (const e of edits) {
          const h = hamlets[e.at % hamlets.length]!;
          hamlets[e.at % hamlets.length] = {
            ...h,
            name: e.name,
            households: e.households,
            distanceToFibreM: e.distance,
            nearestFibreId: e.nearest,
            market: { ...h.market, shares: e.shares },
            whiteZone: e.zone && { type: 'Polygon', coordinates: [e.zone] },
          };
        }
        const value = { ...sample, hamlets };
        expect(same(await roundTrip(value), value)).toBe(true);
      }),
      { numRuns: 25 },
    );
  });

  it('gives back any JSON-like value', async () => {
    const value = fc.letrec((tie) => ({
      any: fc.oneof(
        { depthSize: 'small' },
        fc.constantFrom(null, undefined, true, false, -0, NaN, Infinity, 2 ** 31, -(2 ** 31)),
        fc.double(),
        fc.integer(),
        fc.string({ unit: 'grapheme' }),
        fc.array(tie('any')),
        fc.array(fc.double()),
        fc.array(fc.tuple(fc.double(), fc.double())),
        fc.dictionary(fc.string(), tie('any'), { noNullPrototype: true }),
      ),
    })).any;
    await fc.assert(
      fc.asyncProperty(value, async (v) => {
        expect(same(await roundTrip(v), v)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('a key named __proto__ comes back as data, not as the prototype', async () => {
    const value = JSON.parse('{"__proto__": {"polluted": 1}, "a": [{"__proto__": 2}]}') as unknown;
    const back = (await roundTrip(value)) as Record<string, unknown>;
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    expect(same(back, value)).toBe(true);
  });

  it('reads and writes the hamlets in slices, pausing between them, with the same bytes', async () => {
    let pauses = 0;
    const pause = pauseEvery(0, () => {
      pauses++;
      return Promise.resolve();
    });
    const sliced = await encodeResult(sample, pause);
    const whole = await encodeResult(sample);
    expect(Buffer.from(sliced).equals(Buffer.from(whole))).toBe(true);
    const written = pauses;
    expect(written).toBeGreaterThanOrEqual(Math.floor(sample.hamlets.length / 128));
    expect(same(await decodeResult(sliced, pause), sample)).toBe(true);
    expect(pauses - written).toBeGreaterThanOrEqual(Math.floor(sample.hamlets.length / 128));
  });

  it('writes a record of many MB in chunks, pausing while it copies them into the record', async () => {
    // One list of 1.4 million numbers, written whole: ~11 MB of body in several chunks of up to 4 MB.
    const value = { numbers: Array.from({ length: 1_400_000 }, (_, i) => i / 7), name: 'Xóm 1' };
    let pauses = 0;
    const counting = () => {
      pauses++;
      return undefined;
    };
    const bytes = await encodeResult(value, counting);
    // Before the chunks, the record's tail (its strings, then its body copied whole) had no pause at all.
    expect(pauses).toBeGreaterThanOrEqual(5);
    expect(bytes.byteLength).toBeGreaterThan(11_000_000);
    expect(Buffer.from(bytes).equals(Buffer.from(await encodeResult(value)))).toBe(true);
    expect(same(await decodeResult(bytes), value)).toBe(true);
  });

  it('writes a Float64Array as the list of its numbers, byte for byte, and reads it back as that list', async () => {
    const boxes = Float64Array.from([105.9, 20.1, 106.2, 20.4, -0, 1e-300]);
    const asArray = await encodeResult({ boxes: Array.from(boxes) });
    const asTyped = await encodeResult({ boxes });
    expect(Buffer.from(asTyped).equals(Buffer.from(asArray))).toBe(true);
    expect(await decodeResult(asTyped)).toEqual({ boxes: Array.from(boxes) });
  });

  it('refuses what it cannot carry: a Map, a class instance, a lone surrogate, a function', async () => {
    for (const bad of [{ m: new Map() }, [new Date(0)], { s: 'a\uD800b' }, { f: () => 1 }]) {
      await expect(encodeResult(bad)).rejects.toBeInstanceOf(ResultCodecError);
    }
  });
});

describe('a saved result that cannot be read', () => {
  let bytes: ArrayBuffer;
  beforeAll(async () => {
    bytes = await encodeResult({ ...sample, hamlets: sample.hamlets.slice(0, 50) });
  });

  const refused = async (buf: ArrayBuffer, why: RegExp): Promise<void> => {
    await expect(decodeResult(buf)).rejects.toThrow(why);
    await expect(decodeResult(buf)).rejects.toBeInstanceOf(ResultCodecError);
  };

  it('is refused when written by another format version', async () => {
    for (const version of [0, RESULT_FORMAT_VERSION + 1]) {
      const old = bytes.slice(0);
      new DataView(old).setUint32(4, version, true);
      await refused(old, new RegExp(`format version ${version}`));
    }
  });

  it('is refused when it is not a saved result at all', async () => {
    await refused(new TextEncoder().encode('{"hamlets":[]} and more bytes').buffer, /not a saved result/);
    await refused(new ArrayBuffer(3), /too short/);
  });

  it('is refused when cut short or padded', async () => {
    await refused(bytes.slice(0, bytes.byteLength - 1), /cut short/);
    const padded = new Uint8Array(bytes.byteLength + 8);
    padded.set(new Uint8Array(bytes));
    await refused(padded.buffer, /cut short/);
    new DataView(padded.buffer).setUint32(8, padded.length, true);
    await refused(padded.buffer, /bytes left over/);
  });

  it('is refused, never read in part, when cut anywhere with its length made to match', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 20, max: bytes.byteLength - 1 }), async (end) => {
        const cut = bytes.slice(0, end);
        new DataView(cut).setUint32(8, end, true);
        await expect(decodeResult(cut)).rejects.toBeInstanceOf(ResultCodecError);
      }),
      { numRuns: 200 },
    );
  });

  it('is refused when a tag byte is garbled', async () => {
    const garbled = bytes.slice(0);
    const view = new DataView(garbled);
    // The root value's tag: the first byte after the string and shape tables is an object's.
    const strings = view.getUint32(12, true);
    let at = 20 + 4 * strings + view.getUint32(16, true);
    const shapes = view.getUint32(at, true);
    at += 4;
    for (let i = 0; i < shapes; i++) at += 4 + 4 * view.getUint32(at, true);
    expect(view.getUint8(at)).toBe(8);
    view.setUint8(at, 200);
    await refused(garbled, /unknown tag 200/);
  });
});

describe('the binary form of saved data (the imported layers)', () => {
  it('gives back every layer of the sample with its geometry, in slices of its features', async () => {
    const { layers } = sampleRun();
    const saved = {
      version: 2,
      savedAt: '2026-12-02T00:00:00.000Z',
      input: layers,
      importedFiles: ['a.geojson'],
    };
    let pauses = 0;
    const pause = pauseEvery(0, () => {
      pauses++;
      return Promise.resolve();
    });
    const bytes = await encodeResult(saved, pause, DATA_RECORD);
    // Each layer's features are walked one by one: about one pause per 128 features, hamlets included.
    const features = Object.values(layers).reduce((n, l) => n + (l?.features.length ?? 0), 0);
    expect(pauses).toBeGreaterThanOrEqual(Math.floor(layers.hamlets.features.length / 128));
    const written = pauses;
    const back = await decodeResult(bytes, pause, DATA_RECORD);
    expect(pauses - written).toBeGreaterThanOrEqual(Math.floor(layers.hamlets.features.length / 128));
    expect(same(back, saved)).toBe(true);
    expect(features).toBeGreaterThan(layers.hamlets.features.length);
    const { serialize } = await import('node:v8');
    expect(bytes.byteLength).toBeLessThan(serialize(saved).length);
  });

  it('keeps polygons, multipolygons, points and 3-D positions exactly, -0 included', async () => {
    const saved = {
      input: {
        hamlets: {
          type: 'FeatureCollection',
          features: [
            {
              type: 'Feature',
              properties: { id: 'A', name: 'Thôn Đông', households: 120, note: null },
              geometry: {
                type: 'Polygon',
                coordinates: [
                  [
                    [105.1, 20.2],
                    [105.2, 20.2],
                    [105.2, -0],
                    [105.1, 20.2],
                  ],
                ],
              },
            },
            {
              type: 'Feature',
              properties: { id: 'B', name: 'Xóm 3', households: 0.5 },
              geometry: {
                type: 'MultiPolygon',
                coordinates: [
                  [
                    [
                      [1, 2, 3],
                      [4, 5, 6],
                      [7, 8, 9],
                      [1, 2, 3],
                    ],
                  ],
                  [
                    [
                      [0.1, 0.2],
                      [0.3, 0.4],
                      [0.1, 0.2],
                    ],
                  ],
                ],
              },
            },
          ],
        },
        sites: {
          type: 'FeatureCollection',
          features: [
            { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [105.5, 20.5] } },
          ],
        },
      },
    };
    const back = await decodeResult(
      await encodeResult(saved, undefined, DATA_RECORD),
      undefined,
      DATA_RECORD,
    );
    expect(same(back, saved)).toBe(true);
  });

  it('a saved result is not read as saved data, nor saved data as a result', async () => {
    const data = await encodeResult({ input: {} }, undefined, DATA_RECORD);
    const result = await encodeResult({ hamlets: [] });
    await expect(decodeResult(result, undefined, DATA_RECORD)).rejects.toThrow(/not saved data/);
    await expect(decodeResult(data)).rejects.toThrow(/not a saved result/);
  });

  it('is refused when written by another format version or garbled', async () => {
    const bytes = await encodeResult({ input: { hamlets: { features: [1, 2, 3] } } }, undefined, DATA_RECORD);
    const old = bytes.slice(0);
    new DataView(old).setUint32(4, RESULT_FORMAT_VERSION + 1, true);
    await expect(decodeResult(old, undefined, DATA_RECORD)).rejects.toThrow(/format version/);
    const cut = bytes.slice(0, bytes.byteLength - 3);
    new DataView(cut).setUint32(8, cut.byteLength, true);
    await expect(decodeResult(cut, undefined, DATA_RECORD)).rejects.toBeInstanceOf(ResultCodecError);
  });
});
