import type { Feature, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { apportion, clampShares } from '../../../geodata/scripts/apportion.ts';
import { readCommunes } from '../../../geodata/scripts/communes.ts';
import { hamletNames } from '../../../geodata/scripts/hamletNames.ts';
import { hamletCount } from '../../../geodata/scripts/hamlets.ts';
import { minimumSpanningTree } from '../../../geodata/scripts/mst.ts';
import { mulberry32, rngFor } from '../../../geodata/scripts/prng.ts';
import { featureCollectionText } from '../../../geodata/scripts/writeGeoJson.ts';
import { marketCheck } from '../../../geodata/scripts/marketCheck.ts';
import { csvText } from '../../../geodata/scripts/measured.ts';
import { hamletMeasures } from '../../../geodata/scripts/measuredCheck.ts';
import {
  lonLatToTile,
  quadkeyBounds,
  quadkeyToTile,
  tileBounds,
  tileToQuadkey,
} from '../../../src/data/quadkey.ts';
import { tileOverlaps } from '../../../geodata/scripts/tileOverlap.ts';
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

describe('quadkeys', () => {
  it('match the published example and the zoom-16 tile of a point in Nam Định', () => {
    // Bing Maps tile system: tile (3, 5) at level 3 has the quadkey 213.
    expect(tileToQuadkey({ x: 3, y: 5, z: 3 })).toBe('213');
    expect(quadkeyToTile('213')).toEqual({ x: 3, y: 5, z: 3 });
    // x = floor((106.17 + 180) / 360 × 2^16) = floor(52095.9) at zoom 16.
    const t = lonLatToTile(106.17, 20.42, 16);
    expect(t.x).toBe(52095);
    const [w, s, e, n] = tileBounds(t);
    expect(106.17).toBeGreaterThanOrEqual(w);
    expect(106.17).toBeLessThan(e);
    expect(20.42).toBeGreaterThanOrEqual(s);
    expect(20.42).toBeLessThan(n);
    // ~611 m × cos(latitude) across, the same up: web mercator is conformal.
    expect((e - w) * 111_320 * Math.cos((20.42 * Math.PI) / 180)).toBeCloseTo(573, 0);
    expect(tileToQuadkey(t)).toHaveLength(16);
  });

  it('round-trip, and a child tile lies inside its parent', () => {
    const rng = mulberry32(16);
    for (let k = 0; k < 200; k++) {
      const t = { x: Math.floor(rng() * 65536), y: Math.floor(rng() * 65536), z: 16 };
      const key = tileToQuadkey(t);
      expect(quadkeyToTile(key)).toEqual(t);
      const child = quadkeyBounds(key);
      const parent = quadkeyBounds(key.slice(0, -1));
      expect(child[0]).toBeGreaterThanOrEqual(parent[0]);
      expect(child[1]).toBeGreaterThanOrEqual(parent[1]);
      expect(child[2]).toBeLessThanOrEqual(parent[2]);
      expect(child[3]).toBeLessThanOrEqual(parent[3]);
    }
    expect(tileBounds({ x: 0, y: 0, z: 0 })[3]).toBeCloseTo(85.0511, 4);
  });

  it('reject anything but the digits 0–3', () => {
    expect(() => quadkeyToTile('13221013014')).toThrow(/"13221013014" is not a quadkey/);
    expect(() => quadkeyToTile('1322 1013')).toThrow(/not a quadkey/);
  });
});

describe('tile overlaps and measured figures per hamlet', () => {
  // Two zoom-16 tiles side by side; hamlet "h" is the eastern half of the first and the south-western
  // quarter of the second, joined along their shared edge.
  const a = tileBounds({ x: 52095, y: 28969, z: 16 });
  const b = tileBounds({ x: 52096, y: 28969, z: 16 });
  const midA = (a[0] + a[2]) / 2;
  const midB = (b[0] + b[2]) / 2;
  const midLat = (b[1] + b[3]) / 2;
  const r6 = (v: number) => Math.round(v * 1e6) / 1e6;
  const ring = [
    [midA, a[1]],
    [b[0], a[1]],
    [midB, b[1]],
    [midB, midLat],
    [b[0], midLat],
    [a[2], a[3]],
    [midA, a[3]],
    [midA, a[1]],
  ].map(([x, y]) => [r6(x as number), r6(y as number)]);
  const hamlet = {
    type: 'Feature' as const,
    properties: { id: 'h' },
    geometry: { type: 'Polygon' as const, coordinates: [ring] },
  };
  const qa = tileToQuadkey({ x: 52095, y: 28969, z: 16 });
  const qb = tileToQuadkey({ x: 52096, y: 28969, z: 16 });

  it('finds half of one tile and a quarter of the other', () => {
    const o = tileOverlaps([hamlet]);
    expect([...o.keys()]).toEqual([qa, qb].sort());
    const share = (q: string) => {
      const t = o.get(q);
      return t ? (t.parts[0]?.area ?? 0) / t.area : NaN;
    };
    // Exact up to the tile edges' rounding to micro-degrees (0.5 µ° of a 5,493 µ° tile).
    expect(share(qa)).toBeCloseTo(0.5, 3);
    expect(share(qb)).toBeCloseTo(0.25, 3);
  });

  it('weights the tests by the overlap: w = 10 × ½ + 4 × ¼ = 6, mean (5 × 20 + 1 × 50) / 6 = 25 Mb/s', () => {
    const row = (quadkey: string, tests: number, down: number) => ({
      quadkey,
      avg_d_kbps: down * 1000,
      avg_u_kbps: down * 250,
      avg_lat_ms: 30,
      tests,
      devices: 1,
    });
    const [m] = hamletMeasures([hamlet], [row(qa, 10, 20), row(qb, 4, 50)]);
    expect(m?.tests).toBeCloseTo(6, 2);
    expect(m?.downMbps).toBeCloseTo(25, 2);
    expect(m?.upMbps).toBeCloseTo(6.25, 2);
    expect(m?.latencyMs).toBeCloseTo(30, 6);
    const [none] = hamletMeasures([hamlet], [row(tileToQuadkey({ x: 52000, y: 28969, z: 16 }), 9, 10)]);
    expect(none).toEqual({ tests: 0, downMbps: null, upMbps: null, latencyMs: null });
  });
});

describe('csvText', () => {
  it('writes a header, empty cells for null, and refuses values that would need quoting', () => {
    expect(csvText([{ a: 1, b: null }], ['a', 'b'])).toBe('a,b\n1,\n');
    expect(() => csvText([{ a: 'x,y' }], ['a'])).toThrow(/would need quoting/);
  });
});

describe('marketCheck', () => {
  // A hamlet of 0.0095° (~1 km) square at 20° N.
  const hamlet = {
    type: 'Feature' as const,
    properties: { households: 100 },
    geometry: square(106, 20, 0.0095),
  };
  const site = (operator: string, lon: number, radius: number, tech = '4G') => ({
    type: 'Feature' as const,
    properties: { operator, tech, radius_m: radius },
    geometry: { type: 'Point' as const, coordinates: [lon, 20.00475] },
  });

  it('counts distinct operators: one covering all is grey, a second over the western half makes it black', () => {
    const one = marketCheck([hamlet], [], [site('A', 106.00475, 2000), site('A', 106.004, 2000)], 25);
    expect(one.households.mbb.grey).toBeCloseTo(1, 6);
    // B's disc reaches from 105.98° to the hamlet's middle meridian, 0.02475° × 104.6 km/° east of it.
    const two = marketCheck([hamlet], [], [site('A', 106.00475, 2000), site('B', 105.98, 2589)], 25);
    expect(two.households.mbb.black).toBeGreaterThan(0.45);
    expect(two.households.mbb.black).toBeLessThan(0.55);
    expect(two.households.mbb.white).toBe(0);
    const legacy = marketCheck([hamlet], [], [site('A', 106.00475, 2000, '2G,3G')], 25);
    expect(legacy.households.mbb.white).toBeCloseTo(1, 6);
  });
});
