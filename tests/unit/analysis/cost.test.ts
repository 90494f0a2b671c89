import { describe, expect, it } from 'vitest';
import { estimateCost } from '../../../src/analysis/cost.ts';
import { DEFAULT_SETTINGS, withDefaults } from '../../../src/analysis/settings.ts';
import { makeHamlet } from '../../fixtures/cli/makeHamlet.ts';

// Defaults: fibre 120,000,000 VND/km, drop 1,500,000 VND, site 1,800,000,000 VND, site reach 3 km.
const S = DEFAULT_SETTINGS;

describe('estimateCost', () => {
  it('prices a nearby white hamlet as a fibre extension (2 km × 120 M + 150 drops × 1.5 M)', () => {
    const h = makeHamlet({ id: 'a', households: { white: 150 }, distanceToFibreM: 2000 });
    const c = estimateCost(h, S);
    expect(c.fibreCostVnd).toBe(465_000_000);
    expect(c.siteCostVnd).toBe(1_800_000_000);
    expect(c.recommendedTech).toBe('fibre');
    expect(c.costVnd).toBe(465_000_000);
    expect(c.costPerHouseholdVnd).toBe(3_100_000);
  });

  it('chooses a 4G site when the fibre is far (15 km: 1.8 G + 0.3 G > 1.8 G)', () => {
    const h = makeHamlet({ id: 'a', households: { white: 200 }, distanceToFibreM: 15_000 });
    const c = estimateCost(h, S);
    expect(c.fibreCostVnd).toBe(2_100_000_000);
    expect(c.recommendedTech).toBe('4G site');
    expect(c.costVnd).toBe(1_800_000_000);
    expect(c.costPerHouseholdVnd).toBe(9_000_000);
  });

  it('gives fibre the tie when both options cost the same', () => {
    const h = makeHamlet({ id: 'a', households: { white: 200 }, distanceToFibreM: 12_500 });
    const c = estimateCost(h, S);
    expect(c.fibreCostVnd).toBe(c.siteCostVnd);
    expect(c.recommendedTech).toBe('fibre');
  });

  it('counts one site per π·3 km² of white area: 60 km² needs ⌈2.12⌉ = 3 sites', () => {
    const h = makeHamlet({
      id: 'a',
      households: { white: 300 },
      areaM2: { white: 60_000_000 },
      distanceToFibreM: null,
    });
    const c = estimateCost(h, S);
    expect(c.fibreCostVnd).toBeNull();
    expect(c.siteCostVnd).toBe(5_400_000_000);
    expect(c.recommendedTech).toBe('4G site');
    expect(c.costPerHouseholdVnd).toBe(18_000_000);
  });

  it('needs at least one site even for a weak-only hamlet with no white area', () => {
    const h = makeHamlet({ id: 'a', households: { weak: 50 }, distanceToFibreM: null });
    expect(estimateCost(h, S).siteCostVnd).toBe(1_800_000_000);
  });

  it('recommends fibre for a hamlet missing only fibre, one drop per household without fibre', () => {
    const h = makeHamlet({ id: 'a', households: { mbb: 100 }, distanceToFibreM: 500 });
    expect(h.flags).toEqual({ noFibre: true, noMbb: false });
    const c = estimateCost(h, S);
    expect(c.recommendedTech).toBe('fibre');
    expect(c.costVnd).toBe(210_000_000);
    expect(c.costPerHouseholdVnd).toBe(2_100_000);
    expect(c.beneficiaryHouseholds).toBe(100);
  });

  it("says 'none' with unknown cost per household when only fibre is missing and there is no fibre", () => {
    const h = makeHamlet({ id: 'a', households: { mbb: 100 }, distanceToFibreM: null });
    const c = estimateCost(h, S);
    expect(c.recommendedTech).toBe('none');
    expect(c.costVnd).toBe(0);
    expect(c.costPerHouseholdVnd).toBeNull();
    expect(c.fibreCostVnd).toBeNull();
  });

  it('recommends a site for a hamlet missing only MBB, even when a fibre drop would be cheaper', () => {
    const h = makeHamlet({ id: 'a', households: { fibre: 100 }, distanceToFibreM: 0 });
    expect(h.flags).toEqual({ noFibre: false, noMbb: true });
    const c = estimateCost(h, S);
    expect(c.fibreCostVnd).toBe(150_000_000);
    expect(c.recommendedTech).toBe('4G site');
    expect(c.costVnd).toBe(1_800_000_000);
    expect(c.costPerHouseholdVnd).toBe(18_000_000);
  });

  it("returns 'none' at 0 VND for a served hamlet with nothing uncovered", () => {
    const h = makeHamlet({ id: 'a', households: { 'fibre+mbb': 120 } });
    expect(estimateCost(h, S)).toMatchObject({
      recommendedTech: 'none',
      costVnd: 0,
      costPerHouseholdVnd: null,
    });
  });

  it('follows the cost settings', () => {
    const s = withDefaults({ cost: { ...S.cost, siteVnd: 100_000_000 } });
    const h = makeHamlet({ id: 'a', households: { white: 150 }, distanceToFibreM: 2000 });
    expect(estimateCost(h, s)).toMatchObject({ recommendedTech: '4G site', costVnd: 100_000_000 });
  });
});
