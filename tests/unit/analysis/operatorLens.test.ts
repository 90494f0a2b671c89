import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analysis/analyze.ts';
import { rankLens } from '../../../src/analysis/lensRanking.ts';
import { hamletLens, operatorColumns, operatorLens, rollupLens } from '../../../src/analysis/operatorLens.ts';
import { DEFAULT_SETTINGS } from '../../../src/analysis/settings.ts';
import type { HamletCoverage } from '../../../src/analysis/types.ts';
import { makeHamlet } from '../../fixtures/cli/makeHamlet.ts';
import { hamlet, layersOf, site } from './helpers.ts';

const R = 600;
const DISC = Math.PI * R * R;
const LENS = 2 * R * R * Math.acos(0.5) - 300 * Math.sqrt(4 * R * R - R * R);
const SQUARE = 4e6;
const near = (actual: number, expected: number, of: number): void =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-3 * of);

describe('the operator lens', () => {
  // Viettel and MobiFone discs overlap in a lens; a second hamlet far away has nothing.
  const result = analyze(
    layersOf({
      hamlets: [hamlet('h', 0, 0, 1000, 100), hamlet('far', 20_000, 0, 500, 50)],
      sites: [
        site('a', -300, 0, { tech: '4G', radius_m: R, operator: 'Viettel' }),
        site('b', 300, 0, { tech: '4G', radius_m: R, operator: 'MobiFone' }),
      ],
    }),
  );
  const h = result.hamlets[0] as HamletCoverage;

  it("splits an operator's gap into competitor-only and white households, from the geometry", () => {
    const l = hamletLens(h, 'Viettel');
    near(l.mbbHouseholds, (100 * DISC) / SQUARE, 100);
    // MobiFone's disc outside the lens: others cover it, Viettel does not.
    near(l.competitorOnlyHouseholds, (100 * (DISC - LENS)) / SQUARE, 100);
    near(l.whiteHouseholds, (100 * (SQUARE - 2 * DISC + LENS)) / SQUARE, 100);
    expect(l.gapHouseholds).toBeCloseTo(l.competitorOnlyHouseholds + l.whiteHouseholds, 12);
    expect(l.gapHouseholds + l.mbbHouseholds).toBeCloseTo(100, 9);
    expect(l.competitors).toBe(1);
  });

  it('gives an operator that does not reach a hamlet all of it as gap', () => {
    const l = hamletLens(h, 'VNPT');
    expect(l.mbbHouseholds).toBe(0);
    expect(l.competitorOnlyHouseholds).toBeCloseTo(h.classHouseholds.mbb, 12);
    expect(l.gapHouseholds).toBeCloseTo(100, 9);
    expect(l.competitors).toBe(2);
    expect(operatorLens(result.hamlets, 'VNPT').map((x) => x.id)).toEqual(['h', 'far']);
  });

  it('rolls up: the province lens is the sum of the hamlet lenses', () => {
    const p = rollupLens(result.summary.province, 'MobiFone');
    const rows = operatorLens(result.hamlets, 'MobiFone');
    const sum = (k: 'mbbHouseholds' | 'competitorOnlyHouseholds' | 'whiteHouseholds'): number =>
      rows.reduce((s, r) => s + r[k], 0);
    expect(p.households).toBe(150);
    expect(p.mbbHouseholds).toBeCloseTo(sum('mbbHouseholds'), 9);
    expect(p.competitorOnlyHouseholds).toBeCloseTo(sum('competitorOnlyHouseholds'), 9);
    expect(p.whiteHouseholds).toBeCloseTo(sum('whiteHouseholds'), 9);
    expect(p.whiteHouseholds).toBeGreaterThan(50);
    expect(result.summary.province.hamletsByMarketClass).toEqual({ white: 2, grey: 0, black: 0 });
    const op = result.summary.province.operators.map((o) => [o.operator, o.hamletsWithMbb]);
    expect(op).toEqual([
      ['MobiFone', 1],
      ['Viettel', 1],
    ]);
  });
});

describe('lens ranking presets', () => {
  const X = 'Vietnamobile';
  const withOps = (h: HamletCoverage, ops: [string, number][], extra: Partial<HamletCoverage> = {}) => ({
    ...h,
    ...extra,
    operators: operatorColumns(
      ops.map(([operator, hh]) => ({
        operator,
        mbbHouseholds: hh,
        mbbShare: hh / h.households,
        fibreHouseholds: 0,
        fibreShare: 0,
      })),
    ),
  });
  const hamlets: HamletCoverage[] = [
    // X covers 50 of 200; a competitor 180: gap 150, of it 130 competitor-only.
    withOps(makeHamlet({ id: 'H1', households: { mbb: 180, white: 20 } }), [
      [X, 50],
      ['Viettel', 180],
    ]),
    { ...makeHamlet({ id: 'H2', households: { white: 100 } }), distanceToMbbSiteM: 2000 },
    // X serves it whole: not a commercial target.
    withOps(makeHamlet({ id: 'H3', households: { mbb: 100 } }), [[X, 100]]),
    // Two competitors cover 60 of 100.
    withOps(makeHamlet({ id: 'H4', households: { mbb: 60, white: 40 }, marketHouseholds: [40, 0, 60] }), [
      ['Viettel', 60],
      ['MobiFone', 60],
    ]),
    { ...makeHamlet({ id: 'H5', households: { white: 300 }, facilities: 2 }), distanceToMbbSiteM: 8000 },
    makeHamlet({ id: 'H6', households: { weak: 50 }, facilities: 1 }),
  ];

  it("operator commercial: the operator's gap, weighted by households and competitor presence", () => {
    const rows = rankLens(hamlets, DEFAULT_SETTINGS, { preset: 'operator-commercial', operator: X });
    // Gap 150 / 100 / 100 / 300 / 50; competitor share of gap 130/150, 0, 0.6, 0, 0; competitors 1, 0, 2, 0, 0.
    expect(rows.map((r) => r.id)).toEqual(['H1', 'H4', 'H5', 'H2', 'H6']);
    const h1 = rows[0];
    expect(h1?.breakdown.gapHouseholds).toEqual({ value: 150, norm: 0.4, weight: 0.5, points: 0.2 });
    expect(h1?.breakdown.competitorShareOfGap?.norm).toBe(1);
    expect(h1?.breakdown.competitors?.norm).toBe(0.5);
    expect(h1?.score).toBeCloseTo(0.2 + 0.3 + 0.1, 12);
    const h4 = rows[1];
    expect(h4?.score).toBeCloseTo(0.5 * 0.2 + 0.3 * (0.6 / (130 / 150)) + 0.2, 12);
    expect(h4?.targetHouseholds).toBe(100);
    for (const r of rows) {
      const parts = Object.values(r.breakdown).reduce((s, p) => s + p.points, 0);
      expect(parts).toBeCloseTo(r.score, 12);
    }
  });

  it('public fund: only hamlets without MBB, by households without it, facilities and remoteness', () => {
    const rows = rankLens(hamlets, DEFAULT_SETTINGS, { preset: 'public-fund' });
    // White 100 / 300 / 50; facilities 0 / 2 / 1; distance 2 km / 8 km / no MBB site (the most remote).
    expect(rows.map((r) => [r.id, r.rank])).toEqual([
      ['H5', 1],
      ['H6', 2],
      ['H2', 3],
    ]);
    expect(rows[0]?.score).toBeCloseTo(1, 12);
    expect(rows[1]?.breakdown.remotenessM).toEqual({ value: null, norm: 1, weight: 0.3, points: 0.3 });
    expect(rows[1]?.score).toBeCloseTo(0.2 * 0.5 + 0.3, 12);
    expect(rows[2]?.score).toBeCloseTo(0.5 * 0.2, 12);
  });

  it('takes other weights, and refuses negative ones', () => {
    const rows = rankLens(hamlets, DEFAULT_SETTINGS, {
      preset: 'public-fund',
      weights: { whiteHouseholds: 0, facilities: 0, remotenessM: 2 },
    });
    expect(rows.map((r) => r.id)).toEqual(['H5', 'H6', 'H2']);
    expect(rows[2]?.score).toBe(0);
    expect(() =>
      rankLens(hamlets, DEFAULT_SETTINGS, { preset: 'public-fund', weights: { facilities: -1 } }),
    ).toThrow(/facilities/);
  });
});
