import type { AnalysisResult, InputLayers, ProgressCallback, Settings } from './types.ts';
import { challengeList } from './challenges.ts';
import { buildEngine } from './engine.ts';
import type { EngineState } from './engine.ts';
import { rankHamlets } from './rankHamlets.ts';
import { computeSummary } from './rollups.ts';
import { withDefaults } from './settings.ts';

/**
 * The whole analysis: coverage (fibre service areas, mobile discs and sectors, operator polygons), the exact
 * split of every hamlet into the five coverage classes with its white and weak polygons, households, shares,
 * status, distances and facilities in gaps; then ranking and roll-ups. Pure and synchronous: it runs in
 * Node and in a Web Worker, and never mutates `layers`.
 *
 * Areas are ellipsoidal (WGS84) to within 0.1 %: clipping happens in a transverse Mercator projection
 * centred on the hamlets, and each area is divided by the square of the point scale at its hamlet. Discs get
 * `settings.circleSegments` vertices (default 64; fibre capsules half that, 32) on an equal-area radius:
 * disc areas are exact and capsule areas within 0.1 %; vertices stray from the true circle by at most
 * 0.08 % of the radius at 64 segments and 0.32 % at 32 (docs/DATA-MODEL.md §3).
 *
 * @throws AnalysisInputError when the hamlets cannot be read; the message names the feature and the fix.
 * @example
 * const result = analyze({ hamlets, sites, fibre }, { fibreServiceRadiusM: 300 });
 * result.hamlets.filter((h) => h.status === 'unserved').length;
 */
export function analyze(
  layers: InputLayers,
  settings?: Partial<Settings>,
  onProgress?: ProgressCallback,
): AnalysisResult {
  const state = buildEngine(layers, withDefaults(settings), onProgress);
  return resultOf(state);
}

/** Rank and roll up the current per-hamlet results (cheap: linear in hamlets). */
export function resultOf(state: EngineState): AnalysisResult {
  const t0 = performance.now();
  const hamlets = state.coverage.slice();
  const ranking = rankHamlets(hamlets, state.settings);
  const summary = computeSummary(hamlets, state.settings);
  const m = state.measured;
  return {
    hamlets,
    ranking,
    summary,
    ...(m ? { measured: { ...m, challenges: challengeList(hamlets, m.hamlets, state.settings) } } : {}),
    warnings: state.inputWarnings.slice(),
    timingsMs: { ...state.timingsMs, rankAndSummary: performance.now() - t0 },
  };
}
