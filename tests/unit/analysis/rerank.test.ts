import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analysis/analyze.ts';
import { rerankResult } from '../../../src/analysis/rankHamlets.ts';
import { DEFAULT_SETTINGS, withDefaults } from '../../../src/analysis/settings.ts';
import type { AnalysisResult, InputLayers } from '../../../src/analysis/types.ts';
import { syntheticProvince } from '../../bench/synthetic.ts';
import { rankingSettingsArb } from './rankingSettings.ts';

// A small province (the bench's generator in a 0.4° square): 60 hamlets, 25 sites, 60 fibre routes.
const layers: InputLayers = syntheticProvince(60, 25, 11);
const base = analyze(layers, DEFAULT_SETTINGS);
const untimed = ({ timingsMs: _t, ...rest }: AnalysisResult) => rest;

describe('rerankResult', () => {
  it('gives what a new analysis with the new ranking, costs and targets gives', () => {
    fc.assert(
      fc.property(rankingSettingsArb, (s) => {
        expect(untimed(rerankResult(base, s))).toEqual(untimed(analyze(layers, s)));
      }),
      { numRuns: 5, seed: 20261203 },
    );
  });

  it('refuses settings a hamlet’s coverage depends on', () => {
    expect(() =>
      rerankResult(base, withDefaults({ thresholds: { ...DEFAULT_SETTINGS.thresholds, served: 0.9 } })),
    ).toThrow(/change the ranking or the costs alone/);
  });
});
