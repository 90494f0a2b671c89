import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { type CommuneFeature, readCommunes } from '../../../geodata/scripts/communes.ts';
import { approximateGaps } from '../../../geodata/scripts/gapCheck.ts';
import { generateSample } from '../../../geodata/scripts/generate.ts';
import { makeMeasured } from '../../../geodata/scripts/measured.ts';
import { measuredCheck } from '../../../geodata/scripts/measuredCheck.ts';
import { FOURTH_OPERATOR } from '../../../geodata/scripts/vietnamobile.ts';
import { featureCollectionText } from '../../../geodata/scripts/writeGeoJson.ts';
import { analyze } from '../../../src/analysis/analyze.ts';
import { pooledOnly } from './pooledOnly.ts';
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

describe('the fourth operator, the earlier versions and the measured tests', () => {
  // Giao Thủy (coastal, with gaps) and its neighbour Xuân Trường: 41 communes.
  const communes = load('nam-dinh/nam-dinh-communes-226.geojson').filter((c) =>
    ['364', '365'].includes(c.properties.district_code),
  );
  const s = generateSample({ communes, seed: 7 });
  const fc = <T>(features: T[]) => ({ type: 'FeatureCollection' as const, features });
  const vnm = s.sites.filter((f) => f.properties.operator === FOURTH_OPERATOR);
  const others = s.sites.filter((f) => f.properties.operator !== FOURTH_OPERATOR);

  it('puts every fourth-operator site on a 4G host of another operator, reaching less far', () => {
    expect(vnm.length).toBeGreaterThan(3);
    for (const v of vnm) {
      const host = others.find(
        (o) =>
          o.geometry.coordinates.join() === v.geometry.coordinates.join() &&
          /4G|5G/.test(o.properties.tech) &&
          o.properties.azimuths === undefined,
      );
      expect(host, v.properties.id).toBeDefined();
      expect(v.properties.radius_m ?? Infinity).toBeLessThanOrEqual((host?.properties.radius_m ?? 0) - 50);
      expect(String(v.properties.id) > String(host?.properties.id)).toBe(true);
      expect(v.properties.tech).toBe('4G');
    }
  });

  it('leaves the pooled analysis exactly as without it', () => {
    const layers = (sites: typeof s.sites) => ({
      hamlets: fc(s.hamlets),
      fibre: fc(s.fibre),
      sites: fc(sites),
      facilities: fc(s.facilities),
    });
    expect(pooledOnly(analyze(layers(s.sites) as never))).toEqual(
      pooledOnly(analyze(layers(others) as never)),
    );
  });

  it('keeps ids at their positions across versions and only removes or downgrades going back', () => {
    expect(s.versions.map((v) => v.date)).toEqual(['2022-12', '2024-12']);
    const latest = new Map(s.sites.map((f) => [f.properties.id, f]));
    const fibre = new Map(s.fibre.map((f) => [f.properties.id, f]));
    for (const v of s.versions) {
      for (const f of v.sites) {
        const now = latest.get(f.properties.id);
        if (!now) {
          expect(f.properties.id, v.date).toMatch(/^site-(2g|old)-/);
          continue;
        }
        expect(f.geometry, f.properties.id).toEqual(now.geometry);
        expect(f.properties.radius_m).toBe(now.properties.radius_m);
      }
      for (const f of v.fibre) expect(f, f.properties.id).toEqual(fibre.get(f.properties.id));
      expect(v.sites.some((f) => f.properties.tech.includes('5G'))).toBe(v.date !== '2022-12');
    }
    const [v22, v24] = s.versions;
    const ids = (list: { properties: { id?: string } }[]) => new Set(list.map((f) => f.properties.id));
    const in24 = ids(v24?.sites ?? []);
    // Going forward only the 2G switch-off removes sites by 2024.
    for (const f of v22?.sites ?? [])
      if (!in24.has(f.properties.id)) expect(f.properties.id).toMatch(/^site-2g-/);
    const fibre24 = ids(v24?.fibre ?? []);
    for (const f of v22?.fibre ?? []) expect(fibre24.has(f.properties.id)).toBe(true);
    expect(v22?.fibre.length).toBeLessThan(v24?.fibre.length ?? 0);
    expect(v24?.fibre.length).toBeLessThan(s.fibre.length);
  });

  it('makes measured tests: valid quadkeys, the planted contradictions, points of each kind', () => {
    const result = analyze({ hamlets: fc(s.hamlets), fibre: fc(s.fibre), sites: fc(s.sites) } as never);
    const m = makeMeasured({
      ctx: s.context,
      hamlets: s.hamlets,
      sites: s.sites,
      fibre: s.fibre,
      engine: result.hamlets,
      seed: 7,
    });
    expect(m.mobileTiles.length).toBeGreaterThan(100);
    for (const r of [...m.mobileTiles, ...m.fixedTiles]) {
      expect(r.quadkey).toMatch(/^[0-3]{16}$/);
      expect(r.devices).toBeLessThanOrEqual(r.tests);
    }
    const check = measuredCheck(s.hamlets, result.hamlets, s.fibre, m.mobileTiles, m.fixedTiles, m.points);
    expect(m.overstated.length).toBeGreaterThan(0);
    for (const id of m.overstated) expect(check.mobile.servedFailing).toContain(id);
    for (const id of m.unmodelled) expect(check.mobile.whiteGood).toContain(id);
    expect(new Set(m.points.map((p) => p.result))).toEqual(new Set(['ok', 'no_service']));
    expect(m.points.filter((p) => p.tech === 'fixed').length).toBeGreaterThan(10);
  });
});
