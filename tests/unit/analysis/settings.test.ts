import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, PRESETS, withDefaults } from '../../../src/analysis/settings.ts';

describe('withDefaults', () => {
  it('fills a partial settings object from the defaults', () => {
    const s = withDefaults({ fibreServiceRadiusM: 800, cost: { siteVnd: 1 } as never });
    expect(s.fibreServiceRadiusM).toBe(800);
    expect(s.cost.siteVnd).toBe(1);
    expect(s.cost.fibrePerKmVnd).toBe(DEFAULT_SETTINGS.cost.fibrePerKmVnd);
  });

  it('takes the weights of a named preset and ignores stray weights', () => {
    const s = withDefaults({ preset: 'commercial', weights: { ...PRESETS.equity, facilities: 9 } });
    expect(s.weights).toEqual(PRESETS.commercial);
  });

  it('keeps custom weights', () => {
    const w = { uncoveredHouseholds: 1, uncoveredShare: 0, facilities: 0, costPerHousehold: 0 };
    expect(withDefaults({ preset: 'custom', weights: w }).weights).toEqual(w);
  });
});
