import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { type BuiltSample, buildSample } from '../../../geodata/scripts/buildSample.ts';
import { networkStats, versionChange } from '../../../geodata/scripts/engineSummary.ts';
import { marketCheck } from '../../../geodata/scripts/marketCheck.ts';
import { measuredCheck } from '../../../geodata/scripts/measuredCheck.ts';
import { analyze } from '../../../src/analysis/analyze.ts';
import { computeSummary, computeUnitSummary } from '../../../src/analysis/rollups.ts';
import { outsideHamlets, splitHamlets } from '../../../src/analysis/units.ts';
import type { AnalysisResult, InputLayers } from '../../../src/analysis/types.ts';
import { pooledOnly } from './pooledOnly.ts';

// The whole build once (the layers, the versions, three engine runs, the measured files): ~15 s.
const dir = join(import.meta.dirname, '../../../geodata');
let built: BuiltSample;
beforeAll(() => {
  built = buildSample();
}, 300_000);
const committed = (path: string) => readFileSync(join(dir, path), 'utf8');
const collection = (path: string) => JSON.parse(committed(path)) as FeatureCollection;

describe('the shipped sample', () => {
  it('is reproduced byte for byte by npm run geodata, and nothing else lies in its folders', () => {
    for (const [path, text] of built.files) expect(committed(path) === text, path).toBe(true);
    const listed = (sub: string): string[] =>
      readdirSync(join(dir, sub), { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? listed(join(sub, e.name)) : e.name.endsWith('.md') ? [] : [join(sub, e.name)],
      );
    expect(listed('versions').sort()).toEqual(
      [...built.files.keys()].filter((p) => p.startsWith('versions/')).sort(),
    );
    expect(listed('measured').sort()).toEqual(
      [...built.files.keys()].filter((p) => p.startsWith('measured/')).sort(),
    );
  });

  it('gives the same pooled analysis with and without the fourth operator', () => {
    const sites = collection('sites.geojson');
    const layers = {
      hamlets: collection('hamlets.geojson'),
      fibre: collection('fibre.geojson'),
      sites: { ...sites, features: sites.features.filter((f) => f.properties?.operator !== 'Vietnamobile') },
      facilities: collection('facilities.geojson'),
    } as unknown as InputLayers;
    expect(sites.features.length - layers.sites!.features.length).toBeGreaterThan(20);
    const latest = built.runs[built.runs.length - 1];
    expect(pooledOnly(analyze(layers))).toEqual(pooledOnly(latest?.result as AnalysisResult));
  });

  it('puts every hamlet in one of the 57 units of 2025, reporting the split ones with their shares', () => {
    const a = built.units;
    expect(a.units).toHaveLength(57);
    expect(a.hamlets.every((h) => h.code !== '')).toBe(true);
    // Two hamlets of the coarse 2019 outlines lie beyond the 2025 boundaries: the crosswalk places them.
    expect(outsideHamlets(a).map((h) => [h.id, h.code, h.method])).toEqual([
      ['13963-09', '13894', 'crosswalk'],
      ['14221-23', '14221', 'crosswalk'],
    ]);
    const split = splitHamlets(a);
    expect(split.length).toBeGreaterThan(500);
    for (const h of split) {
      expect(h.parts[0]?.code).toBe(h.code);
      expect(h.parts.reduce((s, p) => s + p.share, 0)).toBeLessThanOrEqual(1.001);
    }
    expect(committed('unit-splits.csv').split('\r\n')[0]).toMatch(/^\uFEFFhamlet_id,hamlet_name,unit_code/);
  });

  it('adds up to the province total by units of 2025 and by districts and communes of 2020–2024', () => {
    const result = (built.runs[built.runs.length - 1] as (typeof built.runs)[number]).result;
    const byId = new Map(built.units.hamlets.map((h) => [h.id, h]));
    const units = computeUnitSummary(result.hamlets, result.summary.settings, (id) => byId.get(id));
    const old = computeSummary(result.hamlets, result.summary.settings);
    expect(units.units).toHaveLength(57);
    expect(old.districts).toHaveLength(10);
    expect(old.communes).toHaveLength(226);
    for (const key of [
      'hamlets',
      'households',
      'broadbandHouseholds',
      'fibreHouseholds',
      'whiteAreaM2',
    ] as const) {
      const total = old.province[key];
      expect(units.province[key]).toBe(total);
      for (const rows of [units.units ?? [], old.districts, old.communes])
        expect(rows.reduce((s, r) => s + r[key], 0)).toBeCloseTo(total, 6);
    }
    expect(units.province.hamlets).toBe(2784);
    expect(units.province.households).toBeCloseTo(570_901, 6);
  });

  it('gains service from version to version, with a few hamlets losing it in 2025', () => {
    const stats = built.runs.map((r) => networkStats(r.date, r.result));
    expect(stats.map((s) => s.date)).toEqual(['2022-12', '2024-12', '2026-06']);
    for (let i = 1; i < stats.length; i++) {
      const [a, b] = [stats[i - 1], stats[i]];
      expect(b?.served).toBeGreaterThan(a?.served ?? Infinity);
      expect(b?.unserved).toBeLessThan(a?.unserved ?? 0);
      expect(b?.broadbandHouseholds).toBeGreaterThan(a?.broadbandHouseholds ?? Infinity);
    }
    const [early, late] = [0, 1].map((i) =>
      versionChange(
        built.runs[i] as (typeof built.runs)[number],
        built.runs[i + 1] as (typeof built.runs)[number],
      ),
    );
    expect(early?.hamletsGaining).toBeGreaterThan(50);
    expect(early?.hamletsLosing).toBe(0);
    expect(late?.hamletsGaining).toBeGreaterThan(50);
    expect(late?.hamletsLosing).toBeGreaterThan(0);
    expect(late?.hamletsLosing).toBeLessThan(30);
    // The 2G switch-off turns some weak areas white between the first two versions.
    expect(stats[1]?.whiteHouseholds).toBeGreaterThan((stats[0]?.whiteHouseholds ?? 0) + 1000);
  });

  it('measures what the model says, with a few percent of contradictions both ways', () => {
    const latest = built.runs[built.runs.length - 1]?.result as AnalysisResult;
    const hamlets = (built.layers.get('hamlets.geojson') as FeatureCollection).features as never;
    const m = built.measured;
    const check = measuredCheck(
      hamlets,
      latest.hamlets,
      (built.layers.get('fibre.geojson') as FeatureCollection).features as never,
      m.mobileTiles,
      m.fixedTiles,
      m.points,
    );
    const failing = check.mobile.servedFailing;
    for (const id of m.overstated) expect(failing).toContain(id);
    expect(failing.length / check.mobile.servedWithData).toBeGreaterThan(0.01);
    expect(failing.length / check.mobile.servedWithData).toBeLessThan(0.05);
    for (const id of m.unmodelled) expect(check.mobile.whiteGood).toContain(id);
    expect(check.mobile.whiteGood.length).toBeGreaterThanOrEqual(3);
    expect(check.mobile.whiteWithData).toBeLessThan(check.mobile.hamletsWithData / 50);
    expect(check.mobile.servedMeanDownMbps).toBeGreaterThan(40);
    expect(check.fixed.testsNearFibreShare).toBeGreaterThan(0.9);
    expect(check.points.noServiceInGapShare).toBeGreaterThan(2 * check.points.noServiceElsewhereShare);
  });

  it('has grey and black areas for mobile broadband and for fibre', () => {
    const g = (p: string) => (built.layers.get(p) as FeatureCollection).features as never;
    const market = marketCheck(g('hamlets.geojson'), g('fibre.geojson'), g('sites.geojson'), 200);
    const latest = built.runs[built.runs.length - 1]?.result as AnalysisResult;
    // The grid's white share matches the engine's exact MBB share to within half a point.
    expect(Math.abs(market.households.mbb.white - (1 - latest.summary.province.mbbShare))).toBeLessThan(
      0.005,
    );
    expect(market.households.mbb.grey).toBeGreaterThan(0.01);
    expect(market.households.mbb.black).toBeGreaterThan(0.5);
    expect(market.households.fibre.grey).toBeGreaterThan(0.1);
    expect(market.households.fibre.black).toBeGreaterThan(0.1);
    expect(Object.keys(market.byOperator).sort()).toEqual(['MobiFone', 'VNPT', 'Vietnamobile', 'Viettel']);
  });
});
