import { describe, expect, it } from 'vitest';
import { rankHamlets } from '../../../src/analysis/rankHamlets.ts';
import { DEFAULT_SETTINGS, withDefaults } from '../../../src/analysis/settings.ts';
import type { HamletCoverage } from '../../../src/analysis/types.ts';
import { makeHamlet } from '../../fixtures/cli/makeHamlet.ts';

const ids = (r: { id: string }[]): string[] => r.map((x) => x.id);

/**
 * Three white hamlets (uncovered share 1 for all, so that criterion has max = min and counts 0):
 * X 300 hh, 2 facilities, 1 site = 6 M/hh; Y 100 hh, 0 facilities, fibre 1 km = 2.7 M/hh;
 * Z 200 hh, 1 facility, 1 site = 9 M/hh. Norms: households X 1, Y 0, Z 0.5; facilities the same;
 * cost (inverted over 2.7–9 M) X 3/6.3, Y 1, Z 0.
 */
function threeWhite(): HamletCoverage[] {
  return [
    makeHamlet({ id: 'Z', households: { white: 200 }, distanceToFibreM: 20_000, facilities: 1 }),
    makeHamlet({ id: 'Y', households: { white: 100 }, distanceToFibreM: 1000 }),
    makeHamlet({ id: 'X', households: { white: 300 }, distanceToFibreM: null, facilities: 2 }),
  ];
}

describe('rankHamlets', () => {
  it('puts unserved first, then hamlets missing fibre or MBB, then other partial; served are left out', () => {
    const hamlets = [
      makeHamlet({ id: 'served', households: { 'fibre+mbb': 100 } }),
      makeHamlet({ id: 'partial', households: { 'fibre+mbb': 50, white: 50 } }),
      makeHamlet({ id: 'noFibre', households: { mbb: 80, white: 20 } }),
      makeHamlet({ id: 'unserved', households: { white: 10 } }),
    ];
    const r = rankHamlets(hamlets, DEFAULT_SETTINGS);
    expect(ids(r)).toEqual(['unserved', 'noFibre', 'partial']);
    expect(r.map((x) => x.tier)).toEqual([1, 2, 3]);
    expect(r.map((x) => x.rank)).toEqual([1, 2, 3]);
  });

  it('ranks a lower-scoring hamlet of a better tier above a higher-scoring one of a worse tier', () => {
    const hamlets = [
      makeHamlet({ id: 'big-partial', households: { 'fibre+mbb': 500, white: 500 }, facilities: 5 }),
      makeHamlet({ id: 'small-white', households: { white: 5 } }),
    ];
    const r = rankHamlets(hamlets, DEFAULT_SETTINGS);
    expect(ids(r)).toEqual(['small-white', 'big-partial']);
    expect(r[0]!.score).toBeLessThan(r[1]!.score);
  });

  it('orders by the weighted score under Equity: X, Z, Y with hand-computed scores', () => {
    const r = rankHamlets(threeWhite(), withDefaults({ preset: 'equity' }));
    expect(ids(r)).toEqual(['X', 'Z', 'Y']);
    expect(r[0]!.score).toBeCloseTo(0.4 + 0.3 + 0.1 * (3 / 6.3), 10);
    expect(r[1]!.score).toBeCloseTo(0.4 * 0.5 + 0.3 * 0.5, 10);
    expect(r[2]!.score).toBeCloseTo(0.1, 10);
  });

  it('lifts the cheap hamlet Y above Z under Commercial, where cost per household weighs most', () => {
    const r = rankHamlets(threeWhite(), withDefaults({ preset: 'commercial' }));
    expect(ids(r)).toEqual(['X', 'Y', 'Z']);
    expect(r[1]!.score).toBeCloseTo(0.55, 10);
    expect(r[2]!.score).toBeCloseTo(0.3 * 0.5 + 0.05 * 0.5, 10);
  });

  it('puts the cheapest first when cost is the only weight', () => {
    const w = { uncoveredHouseholds: 0, uncoveredShare: 0, facilities: 0, costPerHousehold: 1 };
    const r = rankHamlets(threeWhite(), withDefaults({ preset: 'custom', weights: w }));
    expect(ids(r)).toEqual(['Y', 'X', 'Z']);
    expect(r[0]!.recommendedTech).toBe('fibre');
    expect(r[0]!.costPerHouseholdVnd).toBe(2_700_000);
  });

  it('scales the weights to sum 1, so multiplying them all changes nothing', () => {
    const w = { uncoveredHouseholds: 4, uncoveredShare: 2, facilities: 3, costPerHousehold: 1 };
    const a = rankHamlets(threeWhite(), withDefaults({ preset: 'custom', weights: w }));
    const b = rankHamlets(threeWhite(), DEFAULT_SETTINGS);
    expect(ids(a)).toEqual(ids(b));
    a.forEach((row, i) => expect(row.score).toBeCloseTo(b[i]!.score, 12));
  });

  it('gives every row a breakdown that adds up to its score', () => {
    for (const row of rankHamlets(threeWhite(), DEFAULT_SETTINGS)) {
      const b = row.breakdown;
      expect(b.uncoveredHouseholds + b.uncoveredShare + b.facilities + b.costPerHousehold).toBe(row.score);
    }
  });

  it('normalises a criterion with max = min to 0, and breaks equal scores by id', () => {
    const same = (id: string): HamletCoverage =>
      makeHamlet({ id, households: { white: 100 }, facilities: 1 });
    const r = rankHamlets([same('b'), same('a10'), same('a9'), same('a')], DEFAULT_SETTINGS);
    expect(r.every((x) => x.score === 0)).toBe(true);
    expect(ids(r)).toEqual(['a', 'a10', 'a9', 'b']);
  });

  it('gives a hamlet with nothing to price (no households) no credit on cost, outside the cost range', () => {
    const hamlets = [...threeWhite(), makeHamlet({ id: 'empty', distanceToFibreM: null })];
    const r = rankHamlets(hamlets, DEFAULT_SETTINGS);
    const empty = r.find((x) => x.id === 'empty')!;
    expect(empty.tier).toBe(1);
    expect(empty.costPerHouseholdVnd).toBeNull();
    expect(empty.breakdown.costPerHousehold).toBe(0);
    // Y is still the cheapest of the priced hamlets, so it keeps the full cost weight.
    expect(r.find((x) => x.id === 'Y')!.breakdown.costPerHousehold).toBeCloseTo(0.1, 10);
  });

  it('scores every hamlet 0 when every weight is 0, leaving tier then id', () => {
    const w = { uncoveredHouseholds: 0, uncoveredShare: 0, facilities: 0, costPerHousehold: 0 };
    const r = rankHamlets(threeWhite(), withDefaults({ preset: 'custom', weights: w }));
    expect(r.map((x) => [x.id, x.score])).toEqual([
      ['X', 0],
      ['Y', 0],
      ['Z', 0],
    ]);
  });

  it('rejects a negative weight with a message naming it', () => {
    const w = { uncoveredHouseholds: 1, uncoveredShare: 0, facilities: -1, costPerHousehold: 0 };
    expect(() => rankHamlets(threeWhite(), withDefaults({ preset: 'custom', weights: w }))).toThrow(
      /weight "facilities" is -1/,
    );
  });

  it('does not mutate its input', () => {
    const hamlets = threeWhite().map((h) => Object.freeze({ ...h, flags: Object.freeze({ ...h.flags }) }));
    expect(() => rankHamlets(Object.freeze(hamlets) as HamletCoverage[], DEFAULT_SETTINGS)).not.toThrow();
  });

  it('returns an empty list when every hamlet is served', () => {
    expect(
      rankHamlets([makeHamlet({ id: 'a', households: { mbb: 3, 'fibre+mbb': 97 } })], DEFAULT_SETTINGS),
    ).toEqual([]);
  });
});
