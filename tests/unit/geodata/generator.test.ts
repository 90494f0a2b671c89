import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { type CommuneFeature, readCommunes } from '../../../geodata/scripts/communes.ts';
import { approximateGaps } from '../../../geodata/scripts/gapCheck.ts';
import { generateSample } from '../../../geodata/scripts/generate.ts';
import { featureCollectionText } from '../../../geodata/scripts/writeGeoJson.ts';
import { tilingReport } from './tiling.ts';

const sources = join(import.meta.dirname, '../../../geodata/sources');
const load = (file: string): CommuneFeature[] =>
  readCommunes(JSON.parse(readFileSync(join(sources, file), 'utf8')) as FeatureCollection, file);

/** Every output layer as the exact text the build writes. */
function texts(s: ReturnType<typeof generateSample>): string[] {
  return [s.communes, s.hamlets, s.fibre, s.sites, s.facilities].map((f) => featureCollectionText(f));
}

describe('generateSample', () => {
  // Three neighbouring communes of Giao Thủy (coastal), enough for every layer to appear.
  const namDinh = load('nam-dinh/nam-dinh-communes-226.geojson').filter((c) =>
    ['14155', '14158', '14161'].includes(c.properties.code),
  );

  it('gives identical bytes for the same seed and different hamlets for another seed', () => {
    expect(namDinh).toHaveLength(3);
    const a = texts(generateSample({ communes: namDinh, seed: 1 }));
    const b = texts(generateSample({ communes: namDinh, seed: 1 }));
    const c = texts(generateSample({ communes: namDinh, seed: 2 }));
    expect(b).toEqual(a);
    expect(c[1]).not.toEqual(a[1]);
    expect(c[3]).not.toEqual(a[3]);
  });

  it('does not depend on the input order of the communes', () => {
    const a = texts(generateSample({ communes: namDinh, seed: 5 }));
    const b = texts(generateSample({ communes: [...namDinh].reverse(), seed: 5 }));
    expect(b).toEqual(a);
  });

  it('runs on Thái Bình communes: households add up, hamlets tile their communes, all layers present', () => {
    // Thành phố Thái Bình and coastal Tiền Hải: a city and a rural coast, 51 communes.
    const communes = load('thai-binh/communes.geojson').filter((c) =>
      ['336', '342'].includes(c.properties.district_code),
    );
    expect(communes.length).toBeGreaterThan(40);
    const s = generateSample({ communes, seed: 34 });

    const byCommune = new Map<string, number>();
    for (const h of s.hamlets) {
      byCommune.set(
        h.properties.commune_code,
        (byCommune.get(h.properties.commune_code) ?? 0) + h.properties.households,
      );
    }
    for (const c of communes)
      expect(byCommune.get(c.properties.code), c.properties.name).toBe(c.properties.households);
    expect(s.hamlets.every((h) => h.properties.id.startsWith(h.properties.commune_code))).toBe(true);
    expect(new Set(s.hamlets.map((h) => h.properties.id)).size).toBe(s.hamlets.length);

    const r = tilingReport(s.communes, s.hamlets);
    expect(r.worstAreaRelDiff).toBeLessThan(0.001);
    expect(r.worstMismatchM2, r.worstCommune).toBeLessThan(1);
    // Only within a commune: the Thái Bình source communes themselves overlap by up to ~100 m².
    expect(r.worstPairOverlapM2, r.worstPair).toBeLessThan(1);

    expect(s.sites.length).toBeGreaterThan(50);
    expect(s.fibre.some((f) => f.properties.kind === 'access')).toBe(true);
    expect(s.fibre.some((f) => f.properties.kind === 'backbone')).toBe(true);
    expect(s.facilities).toHaveLength(3 * communes.length);
    expect(s.hamlets.some((h) => h.properties.name.startsWith('Tổ dân phố'))).toBe(true);
    expect(s.hamlets.some((h) => /^(Xóm|Thôn) /.test(h.properties.name))).toBe(true);

    // Gaps appear here too (for a subset, its own outline counts as the remote edge).
    const gaps = approximateGaps(s.hamlets, s.fibre, s.sites);
    expect(gaps.unserved).toBeGreaterThan(0);
    expect(gaps.unserved / gaps.hamlets).toBeLessThan(0.1);
    expect(gaps.unservedByDistrict['Huyện Tiền Hải'] ?? 0).toBeGreaterThan(gaps.unserved / 2);
  });
});
