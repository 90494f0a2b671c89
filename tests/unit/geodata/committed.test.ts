import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, FeatureCollection } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { approximateGaps } from '../../../geodata/scripts/gapCheck.ts';
import { tilingReport } from './tiling.ts';

const dir = join(import.meta.dirname, '../../../geodata');
const FILES = [
  'province',
  'districts',
  'communes',
  'units',
  'hamlets',
  'fibre',
  'sites',
  'facilities',
] as const;
const SYNTHETIC = ['hamlets', 'fibre', 'sites', 'facilities'] as const;
type Layer = (typeof FILES)[number];
type Props = Record<string, unknown>;

const layers = {} as Record<Layer, FeatureCollection & Record<string, unknown>>;
beforeAll(() => {
  for (const f of FILES) layers[f] = JSON.parse(readFileSync(join(dir, `${f}.geojson`), 'utf8'));
});
const props = (layer: Layer): Props[] => layers[layer].features.map((f: Feature) => f.properties ?? {});
const num = (v: unknown): number => (typeof v === 'number' ? v : NaN);

describe('committed geodata', () => {
  it('has the real admin counts and at least 2,000 hamlets', () => {
    expect(layers.province.features).toHaveLength(1);
    expect(layers.districts.features).toHaveLength(10);
    expect(layers.communes.features).toHaveLength(226);
    expect(layers.units.features).toHaveLength(57);
    expect(layers.hamlets.features.length).toBeGreaterThanOrEqual(2000);
  });

  it('keeps every file under 5 MB', () => {
    for (const f of FILES) expect(statSync(join(dir, `${f}.geojson`)).size, f).toBeLessThan(5_000_000);
  });

  it('has hamlet households adding up to each commune census figure, 570,901 in all', () => {
    const byCommune = new Map<string, number>();
    for (const h of props('hamlets')) {
      byCommune.set(String(h.commune_code), (byCommune.get(String(h.commune_code)) ?? 0) + num(h.households));
    }
    for (const c of props('communes'))
      expect(byCommune.get(String(c.code)), String(c.name)).toBe(c.households);
    expect(props('hamlets').reduce((s, h) => s + num(h.households), 0)).toBe(570_901);
    expect(props('communes').reduce((s, c) => s + num(c.households), 0)).toBe(570_901);
    expect(num(props('province')[0]?.households)).toBe(570_901);
  });

  it('gives every hamlet 150–300 households and a population of a plausible household size', () => {
    for (const h of props('hamlets')) {
      expect(num(h.households), String(h.id)).toBeGreaterThanOrEqual(150);
      expect(num(h.households), String(h.id)).toBeLessThanOrEqual(300);
      const perHousehold = num(h.population) / num(h.households);
      expect(perHousehold, String(h.id)).toBeGreaterThan(2);
      expect(perHousehold, String(h.id)).toBeLessThan(5);
    }
  });

  it('uses unique ids in every synthetic layer and unique hamlet names within a commune', () => {
    for (const f of SYNTHETIC) {
      const ids = props(f).map((p) => p.id);
      expect(new Set(ids).size, f).toBe(ids.length);
    }
    const names = props('hamlets').map((h) => `${String(h.commune_code)}/${String(h.name)}`);
    expect(new Set(names).size).toBe(names.length);
  });

  it('marks every synthetic feature and collection as illustrative', () => {
    for (const f of SYNTHETIC) {
      expect(layers[f].illustrative, f).toBe(true);
      expect(typeof layers[f].note, f).toBe('string');
      for (const p of props(f)) expect(p.synthetic, `${f} ${String(p.id)}`).toBe(true);
    }
    for (const f of ['province', 'districts', 'communes'] as const) {
      for (const p of props(f)) expect(p.synthetic, f).toBeUndefined();
    }
  });

  it('matches the manifest', () => {
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    expect(manifest.note).toBe('Hamlets, fibre, sites and facilities are synthetic (illustrative)');
    expect(typeof manifest.seed).toBe('number');
    for (const entry of manifest.files) {
      const layer = String(entry.file).replace('.geojson', '') as Layer;
      expect(layers[layer].features.length, entry.file).toBe(entry.features);
      expect(statSync(join(dir, entry.file)).size, entry.file).toBe(entry.bytes);
    }
  });

  it('labels the 2025 units honestly: Ninh Bình since 1 July 2025, on the former Nam Định area', () => {
    const units = props('units');
    expect(
      new Set(
        units.map((u) => `${String(u.province)} / ${String(u.province_area_of)} / ${String(u.valid_from)}`),
      ),
    ).toEqual(new Set(['Tỉnh Ninh Bình / Tỉnh Nam Định / 2025-07-01']));
    expect(new Set(units.map((u) => u.type))).toEqual(new Set(['Xã', 'Phường']));
    // Every 2020–2024 commune went into exactly one unit by the crosswalk.
    const from = units.flatMap((u) => u.from_communes as string[]);
    expect(from.sort()).toEqual(
      props('communes')
        .map((c) => String(c.code))
        .sort(),
    );
  });

  it('has site and fibre attributes of the documented shapes', () => {
    const sites = props('sites');
    expect(sites.length).toBeGreaterThanOrEqual(1000);
    expect(sites.length).toBeLessThanOrEqual(1300);
    expect(new Set(sites.map((s) => s.operator))).toEqual(
      new Set(['Viettel', 'VNPT', 'MobiFone', 'Vietnamobile']),
    );
    const fourth = sites.filter((s) => s.operator === 'Vietnamobile');
    expect(fourth.length).toBeGreaterThanOrEqual(24);
    expect(fourth.length).toBeLessThanOrEqual(60);
    for (const s of fourth) expect(s.tech, String(s.id)).toBe('4G');
    for (const f of props('fibre')) expect(['VNPT', 'Viettel'], String(f.id)).toContain(f.operator);
    const share = (pred: (s: Props) => boolean) => sites.filter(pred).length / sites.length;
    expect(share((s) => s.azimuths !== undefined)).toBeGreaterThan(0.15);
    expect(share((s) => s.azimuths !== undefined)).toBeLessThan(0.25);
    expect(share((s) => s.radius_m === undefined)).toBeGreaterThan(0.01);
    expect(share((s) => s.radius_m === undefined)).toBeLessThan(0.06);
    expect(sites.some((s) => s.tech === '4G,5G')).toBe(true);
    expect(sites.some((s) => !/4G|5G/.test(String(s.tech)))).toBe(true);
    const kinds = new Set(props('fibre').map((f) => f.kind));
    expect(kinds).toEqual(new Set(['access', 'backbone']));
    for (const f of props('fibre')) expect(String(f.road ?? ''), String(f.id)).not.toMatch(/sắt/i);
  });

  it('has a school, a health station and an office in every commune', () => {
    const kinds = new Map<string, Set<string>>();
    for (const f of props('facilities')) {
      const code = String(f.id).split('-')[0] ?? '';
      kinds.set(code, (kinds.get(code) ?? new Set()).add(String(f.kind)));
    }
    for (const c of props('communes')) {
      expect(kinds.get(String(c.code)), String(c.name)).toEqual(
        new Set(['school', 'health', 'commune_office']),
      );
    }
  });

  it('has closed, non-degenerate rings with at most 6 decimals in the areal layers', () => {
    // Every problem found, checked in plain code (one expect per coordinate took seconds).
    const problems: string[] = [];
    let rings = 0;
    for (const layer of ['province', 'districts', 'communes', 'hamlets'] as const) {
      for (const f of layers[layer].features) {
        const g = f.geometry;
        if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') throw new Error(`${layer}: ${g.type}`);
        const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
        for (const ring of polys.flat()) {
          rings++;
          const label = `${layer} ${String(f.properties?.id ?? f.properties?.code)}`;
          const [first, last] = [ring[0] ?? [], ring[ring.length - 1] ?? []];
          if (ring.length < 4) problems.push(`${label}: ${ring.length} positions`);
          if (String(first) !== String(last)) problems.push(`${label}: not closed`);
          for (let i = 1; i < ring.length; i++) {
            const [a, b] = [ring[i - 1] ?? [], ring[i] ?? []];
            if (String(a) === String(b)) problems.push(`${label}: [${String(b)}] repeated`);
          }
          for (const p of ring)
            for (const v of p)
              if (!(Math.abs(v * 1e6 - Math.round(v * 1e6)) < 1e-6)) problems.push(`${label}: ${v}`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(rings).toBeGreaterThan(layers.hamlets.features.length);
  });

  it('tiles every commune with its hamlets (areas within 0.1 %, no gaps or overlaps beyond 1 m²)', () => {
    const r = tilingReport(layers.communes.features as never, layers.hamlets.features as never);
    expect(r.worstAreaRelDiff).toBeLessThan(0.001);
    expect(r.worstMismatchM2, r.worstCommune).toBeLessThan(1);
    expect(r.worstPairOverlapM2, r.worstPair).toBeLessThan(1);
    expect(r.worstCrossPairOverlapM2).toBeLessThan(1);
    expect(r.pairsChecked).toBeGreaterThan(layers.hamlets.features.length);
  });

  it('leaves a few percent of hamlets unserved, mostly in coastal and river-edge districts', () => {
    const r = approximateGaps(
      layers.hamlets as never,
      layers.fibre.features as never,
      layers.sites.features as never,
    );
    expect(r.unserved / r.hamlets).toBeGreaterThan(0.02);
    expect(r.unserved / r.hamlets).toBeLessThan(0.07);
    expect(r.unservedWhite).toBeLessThan(r.unserved);
    const edge = ['Huyện Giao Thủy', 'Huyện Hải Hậu', 'Huyện Nghĩa Hưng', 'Huyện Ý Yên', 'Huyện Xuân Trường'];
    const atEdge = edge.reduce((s, d) => s + (r.unservedByDistrict[d] ?? 0), 0);
    expect(atEdge / r.unserved).toBeGreaterThan(0.8);
    expect(r.unservedByDistrict['Thành phố Nam Định'] ?? 0).toBe(0);
  });
});
