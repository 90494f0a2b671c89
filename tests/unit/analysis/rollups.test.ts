import { describe, expect, it } from 'vitest';
import { computeSummary } from '../../../src/analysis/rollups.ts';
import { DEFAULT_SETTINGS } from '../../../src/analysis/settings.ts';
import type { Rollup } from '../../../src/analysis/types.ts';
import { makeHamlet } from '../../fixtures/cli/makeHamlet.ts';

const inD2 = { district_code: 'D2', district: 'Huyện Hai Hậu' };
const hamlets = [
  makeHamlet({ id: '1', commune_code: 'C2', commune: 'Xã Hai', households: { 'fibre+mbb': 90, white: 10 } }),
  makeHamlet({ id: '2', commune_code: 'C2', commune: 'Xã Hai', households: { mbb: 50, weak: 50 } }),
  makeHamlet({ id: '3', commune_code: 'C1', commune: 'Xã Một', households: { fibre: 100 } }),
  makeHamlet({ id: '4', ...inD2, commune_code: 'C3', commune: 'Xã Ba', households: { white: 200 } }),
  makeHamlet({
    id: '5',
    ...inD2,
    commune_code: 'C3',
    commune: 'Xã Ba',
    households: { 'fibre+mbb': 150 },
    householdMethod: 'points',
  }),
];

const NUMERIC: (keyof Rollup)[] = [
  'hamlets',
  'households',
  'fibreHouseholds',
  'mbbHouseholds',
  'broadbandHouseholds',
  'whiteAreaM2',
  'weakAreaM2',
  'hamletsNoFibre',
  'hamletsNoMbb',
];

describe('computeSummary', () => {
  const s = computeSummary(hamlets, DEFAULT_SETTINGS, { code: '36', name: 'Nam Định' });

  it('adds up: province = Σ districts = Σ communes for every count, class and area', () => {
    for (const key of NUMERIC) {
      const p = s.province[key] as number;
      expect(s.districts.reduce((a, r) => a + (r[key] as number), 0)).toBeCloseTo(p, 9);
      expect(s.communes.reduce((a, r) => a + (r[key] as number), 0)).toBeCloseTo(p, 9);
    }
    for (const c of ['fibre+mbb', 'fibre', 'mbb', 'weak', 'white'] as const) {
      const sum = s.communes.reduce((a, r) => a + r.householdsByClass[c], 0);
      expect(sum).toBe(s.province.householdsByClass[c]);
    }
    expect(s.province.households).toBe(650);
  });

  it('computes shares and status counts by hand for commune C2', () => {
    const c2 = s.communes.find((r) => r.code === 'C2')!;
    expect(c2).toMatchObject({ name: 'Xã Hai', parentCode: 'D1', hamlets: 2, households: 200 });
    expect(c2.fibreShare).toBeCloseTo(90 / 200, 12);
    expect(c2.mbbShare).toBeCloseTo(140 / 200, 12);
    expect(c2.broadbandShare).toBeCloseTo(140 / 200, 12);
    expect(c2.shareByClass?.weak).toBeCloseTo(0.25, 12);
    expect(c2.whiteAreaM2).toBe(10_000);
    expect(c2.weakAreaM2).toBe(50_000);
    // Hamlet 1 is 90 % broadband (partial), hamlet 2 is 50 % (partial, no fibre).
    expect(c2.hamletsByStatus).toEqual({ served: 0, partial: 2, unserved: 0 });
    expect(c2.hamletsNoFibre).toBe(1);
    expect(c2.targetFibreProgress).toBe(0.5);
    expect(c2.targetMbbProgress).toBe(1);
  });

  it('counts province-wide targets: 2 of 5 hamlets lack fibre, 2 lack MBB', () => {
    expect(s.province).toMatchObject({ code: '36', name: 'Nam Định', hamletsNoFibre: 2, hamletsNoMbb: 2 });
    expect(s.province.targetFibreProgress).toBeCloseTo(3 / 5, 12);
    expect(s.province.hamletsByStatus).toEqual({ served: 2, partial: 2, unserved: 1 });
  });

  it('sorts rows by code and links them to their parent', () => {
    expect(s.communes.map((r) => r.code)).toEqual(['C1', 'C2', 'C3']);
    expect(s.districts.map((r) => [r.code, r.name, r.parentCode])).toEqual([
      ['D1', 'Huyện A', '36'],
      ['D2', 'Huyện Hai Hậu', '36'],
    ]);
  });

  it("reports 'mixed' when some hamlets were counted from points and others by area", () => {
    expect(s.householdMethod).toBe('mixed');
    expect(computeSummary(hamlets.slice(0, 2), DEFAULT_SETTINGS).householdMethod).toBe('area');
  });

  it('groups hamlets without codes by name, so no household is dropped', () => {
    const noCodes = [
      makeHamlet({
        id: 'a',
        commune_code: '',
        commune: 'Xã X',
        district_code: '',
        district: 'Huyện Y',
        households: { white: 5 },
      }),
      makeHamlet({
        id: 'b',
        commune_code: '',
        commune: '',
        district_code: '',
        district: '',
        households: { white: 7 },
      }),
    ];
    const r = computeSummary(noCodes, DEFAULT_SETTINGS);
    expect(r.communes.map((c) => [c.code, c.households])).toEqual([
      ['(unknown)', 7],
      ['Xã X', 5],
    ]);
    expect(r.province.households).toBe(12);
  });

  it('gives zero shares, not NaN, for a unit without households', () => {
    const r = computeSummary([makeHamlet({ id: 'e' })], DEFAULT_SETTINGS);
    expect(r.province.broadbandShare).toBe(0);
    expect(r.communes[0]!.fibreShare).toBe(0);
  });
});
