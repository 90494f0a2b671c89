import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { type BuiltSample, buildSample } from '../../../geodata/scripts/buildSample.ts';
import { networkStats, versionChange } from '../../../geodata/scripts/engineSummary.ts';
import { marketCheck } from '../../../geodata/scripts/marketCheck.ts';
import { measuredCheck } from '../../../geodata/scripts/measuredCheck.ts';
import { analyze } from '../../../src/analysis/analyze.ts';
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
