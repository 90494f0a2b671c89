import { hamletLens } from './operatorLens.ts';
import type { HamletCoverage, Settings } from './types.ts';

export type OperatorCommercialCriterion = 'gapHouseholds' | 'competitorShareOfGap' | 'competitors';
export type PublicFundCriterion = 'whiteHouseholds' | 'facilities' | 'remotenessM';
export type LensCriterion = OperatorCommercialCriterion | PublicFundCriterion;

export interface LensPreset<C extends LensCriterion> {
  label: { vi: string; en: string };
  /** Default weights; scaled to sum 1. */
  weights: Record<C, number>;
}

/**
 * Ranking presets per lens (DATA-MODEL "Operators"), beside the pooled Equity and Commercial presets:
 * - `operator-commercial` ("Nhà mạng — thương mại"): one operator's gap, weighted by households and by
 *   competitor presence. Candidates: hamlets where the operator's MBB share is below the `served` threshold.
 * - `public-fund` ("Quỹ dịch vụ viễn thông công ích", the public-utility telecom fund): only hamlets where no
 *   operator gives MBB (the `noMbb` flag: MBB share at most the `noMbb` threshold), by households without any
 *   operator's MBB, facilities in white or weak areas and remoteness from the nearest MBB site.
 */
export const LENS_PRESETS: {
  'operator-commercial': LensPreset<OperatorCommercialCriterion>;
  'public-fund': LensPreset<PublicFundCriterion>;
} = {
  'operator-commercial': {
    label: { vi: 'Nhà mạng — thương mại', en: 'Operator — commercial' },
    weights: { gapHouseholds: 0.5, competitorShareOfGap: 0.3, competitors: 0.2 },
  },
  'public-fund': {
    label: { vi: 'Quỹ dịch vụ viễn thông công ích', en: 'Public-utility telecom fund' },
    weights: { whiteHouseholds: 0.5, facilities: 0.2, remotenessM: 0.3 },
  },
};

/** One criterion of a lens score: the raw value, its min–max norm over the candidates, weight and points. */
export interface LensScorePart {
  /** Households, a 0–1 share, a count or metres (null: no MBB site in the data, the most remote). */
  value: number | null;
  norm: number;
  /** Scaled so the preset's weights sum to 1. */
  weight: number;
  /** weight × norm; the parts add up to the score. */
  points: number;
}

export interface LensRankedHamlet {
  id: string;
  rank: number;
  score: number;
  breakdown: Partial<Record<LensCriterion, LensScorePart>>;
  /** Households the lens counts as its target: the operator's gap, or the households without any MBB. */
  targetHouseholds: number;
}

export type LensRankOptions =
  | {
      preset: 'operator-commercial';
      operator: string;
      weights?: Partial<Record<OperatorCommercialCriterion, number>>;
    }
  | { preset: 'public-fund'; weights?: Partial<Record<PublicFundCriterion, number>> };

/**
 * Rank hamlets for a lens preset: `score = Σ wᵢ·normᵢ`, each criterion min–max normalised over the candidates
 * (a criterion equal for all of them counts 0, as in `rankHamlets`); score descending, then id. Operator
 * commercial: the operator's gap households (+), the share of that gap where competitors already give MBB
 * (+: proven demand, towers to share) and the number of competitors with MBB in the hamlet (+). Public fund:
 * households where no operator gives MBB (+), facilities in white or weak areas (+) and distance to the
 * nearest MBB site of any operator (+; none in the data counts as the most remote).
 *
 * @throws RangeError when a weight is negative or not a finite number.
 * @example
 * const rows = rankLens(result.hamlets, settings, { preset: 'operator-commercial', operator: 'MobiFone' });
 * rows[0].breakdown.gapHouseholds; // { value: 212, norm: 1, weight: 0.5, points: 0.5 }
 */
export function rankLens(
  hamlets: readonly HamletCoverage[],
  settings: Settings,
  opts: LensRankOptions,
): LensRankedHamlet[] {
  const rows: { h: HamletCoverage; raw: Partial<Record<LensCriterion, number | null>>; target: number }[] =
    [];
  let weights: Partial<Record<LensCriterion, number>>;
  if (opts.preset === 'operator-commercial') {
    weights = scaled({ ...LENS_PRESETS['operator-commercial'].weights, ...opts.weights });
    for (const h of hamlets) {
      const l = hamletLens(h, opts.operator);
      if (l.mbbShare >= settings.thresholds.served || l.gapHouseholds <= 0) continue;
      rows.push({
        h,
        target: l.gapHouseholds,
        raw: {
          gapHouseholds: l.gapHouseholds,
          competitorShareOfGap: l.competitorOnlyHouseholds / l.gapHouseholds,
          competitors: l.competitors,
        },
      });
    }
  } else {
    weights = scaled({ ...LENS_PRESETS['public-fund'].weights, ...opts.weights });
    for (const h of hamlets) {
      if (!h.flags.noMbb) continue;
      rows.push({
        h,
        target: h.market.households[0],
        raw: {
          whiteHouseholds: h.market.households[0],
          facilities: h.facilitiesInGap.length,
          remotenessM: h.distanceToMbbSiteM,
        },
      });
    }
  }
  const criteria = Object.keys(weights) as LensCriterion[];
  const ranges = new Map<LensCriterion, { min: number; max: number }>();
  for (const c of criteria) {
    let min = Infinity;
    let max = -Infinity;
    for (const r of rows) {
      const v = r.raw[c];
      if (v === null || v === undefined || !Number.isFinite(v)) continue;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    ranges.set(c, { min, max });
  }
  const scored = rows.map(({ h, raw, target }) => {
    const breakdown: Partial<Record<LensCriterion, LensScorePart>> = {};
    let score = 0;
    for (const c of criteria) {
      const value = raw[c] ?? null;
      const range = ranges.get(c) as { min: number; max: number };
      let norm = 0;
      // No MBB site anywhere: farther than any distance.
      if (value === null) norm = c === 'remotenessM' ? 1 : 0;
      else if (range.max > range.min) norm = (value - range.min) / (range.max - range.min);
      const weight = weights[c] as number;
      breakdown[c] = { value, norm, weight, points: weight * norm };
      score += weight * norm;
    }
    return { id: h.id, score, breakdown, targetHouseholds: target };
  });
  scored.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return scored.map((s, i) => ({ ...s, rank: i + 1 }));
}

function scaled<C extends LensCriterion>(w: Record<C, number>): Record<C, number> {
  const keys = Object.keys(w) as C[];
  for (const k of keys) {
    if (!Number.isFinite(w[k]) || w[k] < 0)
      throw new RangeError(
        `Lens weight "${k}" is ${String(w[k])}; weights must be numbers ≥ 0 (they are scaled to sum 1).`,
      );
  }
  const sum = keys.reduce((s, k) => s + w[k], 0);
  const out = { ...w };
  if (sum > 0) for (const k of keys) out[k] = w[k] / sum;
  return out;
}
