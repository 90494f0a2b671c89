import { estimateCost } from './cost.ts';
import { onlyRankingDiffers } from './settings.ts';
import type {
  AnalysisResult,
  HamletCoverage,
  RankedHamlet,
  RankingWeights,
  ScoreBreakdown,
  Settings,
} from './types.ts';

type Criterion = keyof ScoreBreakdown;
const CRITERIA: readonly Criterion[] = [
  'uncoveredHouseholds',
  'uncoveredShare',
  'facilities',
  'costPerHousehold',
];

/**
 * Ranks the hamlets that are not `served` for investment (docs/DATA-MODEL.md §7): tier first (1 unserved,
 * 2 `noFibre` or `noMbb`, 3 other partial), then score descending, then id ascending so equal scores
 * always come out in the same order. Served hamlets are left out of the list.
 *
 * `score = Σ wᵢ·normᵢ` with the weights scaled to sum 1 and each criterion min–max normalised over all
 * candidates (not per tier, so a score means the same in every tier). Cost per household is inverted
 * (cheapest → 1). When a criterion has the same value for every candidate (max = min) it cannot tell
 * them apart and its norm is 0 for all, rather than an arbitrary 1 that would only shift every score.
 * A hamlet whose cost per household is unknown (nothing that can be priced) gets norm 0 on cost, and
 * does not take part in that criterion's min and max.
 *
 * @throws RangeError when a weight is negative or not a finite number.
 * @example
 * const ranking = rankHamlets(result.hamlets, withDefaults({ preset: 'commercial' }));
 * ranking[0]; // { id: 'xom-3', rank: 1, tier: 1, score: 0.91, breakdown: {...}, recommendedTech: 'fibre', ... }
 */
export function rankHamlets(hamlets: HamletCoverage[], settings: Settings): RankedHamlet[] {
  const weights = normaliseWeights(settings.weights);
  const rows = hamlets
    .filter((h) => h.status !== 'served')
    .map((h) => {
      const cost = estimateCost(h, settings);
      const raw: Record<Criterion, number | null> = {
        uncoveredHouseholds: h.uncoveredHouseholds,
        uncoveredShare: h.uncoveredShare,
        facilities: h.facilitiesInGap.length,
        costPerHousehold: cost.costPerHouseholdVnd,
      };
      return { h, cost, raw, tier: tierOf(h) };
    });

  const ranges = new Map<Criterion, { min: number; max: number }>();
  for (const c of CRITERIA) {
    // A loop, not Math.min(...values): spreading 100k+ hamlets would overflow the call stack.
    let min = Infinity;
    let max = -Infinity;
    for (const r of rows) {
      const v = r.raw[c];
      if (v === null || !Number.isFinite(v)) continue;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    ranges.set(c, { min, max });
  }

  const scored = rows.map(({ h, cost, raw, tier }) => {
    const breakdown = {} as ScoreBreakdown;
    let score = 0;
    for (const c of CRITERIA) {
      const value = raw[c];
      const range = ranges.get(c);
      let norm = 0;
      if (value !== null && Number.isFinite(value) && range && range.max > range.min) {
        const t = (value - range.min) / (range.max - range.min);
        norm = c === 'costPerHousehold' ? 1 - t : t;
      }
      breakdown[c] = weights[c] * norm;
      score += breakdown[c];
    }
    return { h, cost, tier, score, breakdown };
  });

  scored.sort((a, b) => a.tier - b.tier || b.score - a.score || compareIds(a.h.id, b.h.id));

  return scored.map(({ h, cost, tier, score, breakdown }, i) => ({
    id: h.id,
    rank: i + 1,
    tier,
    score,
    breakdown,
    recommendedTech: cost.recommendedTech,
    costVnd: cost.costVnd,
    costPerHouseholdVnd: cost.costPerHouseholdVnd,
    fibreCostVnd: cost.fibreCostVnd,
    siteCostVnd: cost.siteCostVnd,
  }));
}

function tierOf(h: HamletCoverage): 1 | 2 | 3 {
  if (h.status === 'unserved') return 1;
  if (h.flags.noFibre || h.flags.noMbb) return 2;
  return 3;
}

/** Scales the weights to sum 1; all zero stays all zero (every score 0, order by tier then id). */
function normaliseWeights(w: RankingWeights): RankingWeights {
  for (const c of CRITERIA) {
    if (!Number.isFinite(w[c]) || w[c] < 0) {
      throw new RangeError(
        `Ranking weight "${c}" is ${String(w[c])}; weights must be numbers ≥ 0 (they are scaled to sum 1).`,
      );
    }
  }
  const sum = CRITERIA.reduce((s, c) => s + w[c], 0);
  if (sum === 0) return { ...w };
  return {
    uncoveredHouseholds: w.uncoveredHouseholds / sum,
    uncoveredShare: w.uncoveredShare / sum,
    facilities: w.facilities / sum,
    costPerHousehold: w.costPerHousehold / sum,
  };
}

/** Plain code-unit order, not locale order, so the ranking is the same on every machine. */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A result under settings that differ from its own only in the ranking, the costs and the targets
 * (`onlyRankingDiffers`): its hamlets ranked again. The roll-ups, the measured figures and the challenges
 * read none of those settings, so they stay; the summary records the new settings. What `resultOf`
 * (`analyze.ts`) gives for the engine under the new settings, without the engine (for a result read back
 * from the cache).
 *
 * @throws Error when the settings differ in more than that.
 * @example const commercial = rerankResult(result, withDefaults({ preset: 'commercial' }));
 */
export function rerankResult(result: AnalysisResult, settings: Settings): AnalysisResult {
  if (!onlyRankingDiffers(result.summary.settings, settings))
    throw new Error('A result is re-ranked only for settings that change the ranking or the costs alone.');
  const t0 = performance.now();
  return {
    ...result,
    ranking: rankHamlets(result.hamlets, settings),
    summary: { ...result.summary, settings },
    timingsMs: { ...result.timingsMs, rankAndSummary: performance.now() - t0 },
  };
}
