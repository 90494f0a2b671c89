import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  onlyRankingDiffers,
  PRESETS,
  withDefaults,
} from '../../../src/analysis/settings.ts';

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

describe('onlyRankingDiffers', () => {
  const cost = (siteVnd: number) => withDefaults({ cost: { ...DEFAULT_SETTINGS.cost, siteVnd } });
  it('is true for the preset, the weights, the costs and the targets, alone or together', () => {
    expect(onlyRankingDiffers(DEFAULT_SETTINGS, DEFAULT_SETTINGS)).toBe(true);
    expect(onlyRankingDiffers(DEFAULT_SETTINGS, withDefaults({ preset: 'commercial' }))).toBe(true);
    const custom = { uncoveredHouseholds: 1, uncoveredShare: 0, facilities: 0, costPerHousehold: 0 };
    expect(onlyRankingDiffers(DEFAULT_SETTINGS, withDefaults({ preset: 'custom', weights: custom }))).toBe(
      true,
    );
    expect(onlyRankingDiffers(cost(1), cost(2))).toBe(true);
    const targets = { ...DEFAULT_SETTINGS.targets, fibreYear: 2030 };
    expect(onlyRankingDiffers(DEFAULT_SETTINGS, { ...cost(7), preset: 'commercial', targets })).toBe(true);
  });

  it('is false for anything a hamlet’s coverage depends on', () => {
    const others = [
      withDefaults({ fibreServiceRadiusM: 800 }),
      withDefaults({ defaultRadiusM: { ...DEFAULT_SETTINGS.defaultRadiusM, '4G': 2000 } }),
      withDefaults({ thresholds: { ...DEFAULT_SETTINGS.thresholds, served: 0.9 } }),
      withDefaults({ circleSegments: 32 }),
      withDefaults({ measured: { ...DEFAULT_SETTINGS.measured, minTests: 3 } }),
    ];
    for (const o of others) {
      expect(onlyRankingDiffers(DEFAULT_SETTINGS, o)).toBe(false);
      expect(onlyRankingDiffers({ ...o, preset: 'commercial' }, DEFAULT_SETTINGS)).toBe(false);
    }
  });
});
