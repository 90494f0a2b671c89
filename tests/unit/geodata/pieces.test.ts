import type { Feature, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { apportion, clampShares } from '../../../geodata/scripts/apportion.ts';
import { readCommunes } from '../../../geodata/scripts/communes.ts';
import { hamletNames } from '../../../geodata/scripts/hamletNames.ts';
import { hamletCount } from '../../../geodata/scripts/hamlets.ts';
import { minimumSpanningTree } from '../../../geodata/scripts/mst.ts';
import { mulberry32, rngFor } from '../../../geodata/scripts/prng.ts';
import { featureCollectionText } from '../../../geodata/scripts/writeGeoJson.ts';
import { tilingReport } from './tiling.ts';

const square = (x0: number, y0: number, s: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [x0, y0],
      [x0 + s, y0],
      [x0 + s, y0 + s],
      [x0, y0 + s],
      [x0, y0],
    ],
  ],
});

describe('seeded random numbers', () => {
  it('repeat for a seed and differ between seeds and labels', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const seqA = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(seqA);
    expect(mulberry32(8)()).not.toBe(seqA[0]);
    expect(rngFor(7, '13633')()).not.toBe(rngFor(7, '13636')());
    for (const v of seqA) expect(v >= 0 && v < 1).toBe(true);
  });
});

describe('apportion', () => {
  it('adds up exactly and follows the weights', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(1176, [1, 2, 1])).toEqual([294, 588, 294]);
    const shares = apportion(4516, [0.9, 1.1, 1.0, 0.8, 1.2]);
    expect(shares.reduce((s, v) => s + v, 0)).toBe(4516);
  });

  it('clamps shares into a range while keeping the sum', () => {
    const out = clampShares([100, 400, 250], 150, 300);
    expect(out.reduce((s, v) => s + v, 0)).toBe(750);
    expect(Math.min(...out)).toBeGreaterThanOrEqual(150);
    expect(Math.max(...out)).toBeLessThanOrEqual(300);
  });
});

describe('hamlet counts and names', () => {
  it('aims at ~205 households per hamlet within 150–300', () => {
    expect(hamletCount(1176)).toBe(6);
    expect(hamletCount(4516)).toBe(22);
    for (const hh of [300, 451, 1176, 2999, 6542]) {
      const n = hamletCount(hh);
      expect(hh / n).toBeGreaterThanOrEqual(150);
      expect(hh / n).toBeLessThanOrEqual(300);
    }
  });

  it('names by commune type, uniquely within a commune', () => {
    expect(hamletNames('Phường', 3, mulberry32(1))).toEqual(['Tổ dân phố 1', 'Tổ dân phố 2', 'Tổ dân phố 3']);
    for (let seed = 0; seed < 30; seed++) {
      const names = hamletNames('Xã', 40, mulberry32(seed));
      expect(new Set(names).size).toBe(40);
      for (const n of names) expect(n).toMatch(/^(Xóm \d+|Thôn \S.*)$/);
      expect(
        hamletNames('Thị trấn', 5, mulberry32(seed)).every((n) => /^(Tổ dân phố|Khu) \d+$/.test(n)),
      ).toBe(true);
    }
  });
});

describe('minimumSpanningTree', () => {
  it('joins points with the shortest edges', () => {
    expect(
      minimumSpanningTree([
        [0, 0],
        [10, 0],
        [50, 0],
        [11, 5],
      ]),
    ).toEqual([
      [0, 1],
      [1, 3],
      [3, 2],
    ]);
  });
});

describe('readCommunes', () => {
  it('names the file, the feature and the missing fields', () => {
    const bad = {
      type: 'FeatureCollection' as const,
      features: [
        {
          type: 'Feature' as const,
          properties: { code: '1', name: 'Xã A' },
          geometry: square(106, 20, 0.01),
        },
      ],
    };
    expect(() => readCommunes(bad, 'x.geojson')).toThrow(
      /x\.geojson: 1 commune.*Xã A.*district_code.*households/s,
    );
  });

  it('accepts the census field names of the shared sources', () => {
    const ok = {
      type: 'FeatureCollection' as const,
      features: [
        {
          type: 'Feature' as const,
          properties: {
            code: 1,
            name: 'Xã A',
            district_code: '9',
            district: 'H',
            households_2019: 1200,
            pop_2019: 4000,
          },
          geometry: square(106, 20, 0.01),
        },
      ],
    };
    expect(readCommunes(ok, 'ok.geojson')[0]?.properties).toMatchObject({
      code: '1',
      households: 1200,
      population: 4000,
    });
  });
});

describe('tilingReport', () => {
  const commune: Feature<Polygon, { code: string }> = {
    type: 'Feature',
    properties: { code: 'c' },
    geometry: square(106, 20, 0.01),
  };
  const half = (
    x0: number,
    w: number,
    id: string,
  ): Feature<Polygon, { id: string; commune_code: string }> => ({
    type: 'Feature',
    properties: { id, commune_code: 'c' },
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [x0, 20],
          [x0 + w, 20],
          [x0 + w, 20.01],
          [x0, 20.01],
          [x0, 20],
        ],
      ],
    },
  });

  it('accepts an exact tiling', () => {
    const r = tilingReport([commune], [half(106, 0.005, 'a'), half(106.005, 0.005, 'b')]);
    expect(r.worstMismatchM2).toBe(0);
    expect(r.worstPairOverlapM2).toBe(0);
  });

  it('reports a 1 µ° overlap (~0.1 m × 1.1 km) and the gap it leaves', () => {
    const r = tilingReport([commune], [half(106, 0.005001, 'a'), half(106.005, 0.004999, 'b')]);
    expect(r.worstPairOverlapM2).toBeGreaterThan(100);
    expect(r.worstPair).toBe('a × b');
    expect(r.worstMismatchM2).toBeGreaterThan(100);
  });
});

describe('featureCollectionText', () => {
  it('writes members first, one feature per line, coordinates at 6 decimals', () => {
    const text = featureCollectionText(
      [
        {
          type: 'Feature',
          properties: { id: 'x' },
          geometry: { type: 'Point', coordinates: [106.12345678, 20.1] },
        },
      ],
      { illustrative: true },
    );
    expect(text).toBe(
      '{"type":"FeatureCollection","illustrative":true,"features":[\n' +
        '{"type":"Feature","properties":{"id":"x"},"geometry":{"type":"Point","coordinates":[106.123457,20.1]}}\n]}\n',
    );
  });
});
