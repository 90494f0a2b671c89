import fc from 'fast-check';
import { DEFAULT_SETTINGS, withDefaults } from '../../../src/analysis/settings.ts';
import type { Settings } from '../../../src/analysis/types.ts';

const weight = fc.double({ min: 0, max: 1, noNaN: true });

/**
 * Settings that differ from the defaults only in the ranking, the costs and the targets (random presets,
 * weights, build costs and target years), for property tests of re-ranking against a full analysis.
 */
export const rankingSettingsArb: fc.Arbitrary<Settings> = fc
  .record({
    preset: fc.constantFrom('equity', 'commercial', 'custom') as fc.Arbitrary<Settings['preset']>,
    weights: fc.record({
      uncoveredHouseholds: weight,
      uncoveredShare: weight,
      facilities: weight,
      costPerHousehold: weight,
    }),
    siteVnd: fc.integer({ min: 1, max: 5_000_000_000 }),
    fibrePerKmVnd: fc.integer({ min: 1, max: 500_000_000 }),
    dropPerHouseholdVnd: fc.integer({ min: 0, max: 10_000_000 }),
    fibreYear: fc.integer({ min: 2025, max: 2035 }),
  })
  .map((r) =>
    withDefaults({
      preset: r.preset,
      weights: r.weights,
      cost: {
        ...DEFAULT_SETTINGS.cost,
        siteVnd: r.siteVnd,
        fibrePerKmVnd: r.fibrePerKmVnd,
        dropPerHouseholdVnd: r.dropPerHouseholdVnd,
      },
      targets: { ...DEFAULT_SETTINGS.targets, fibreYear: r.fibreYear },
    }),
  );
