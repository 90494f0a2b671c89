import type { HamletCoverage, OperatorCoverage, Rollup } from './types.ts';

/**
 * One operator's view of a hamlet. Its gap (households without its MBB) splits exactly into
 * competitor-only (another operator gives MBB there: a commercial target) and white (no operator gives MBB:
 * a public-utility-fund target). All from the engine's geometry: the operator's MBB households are counted
 * inside its own coverage, and the pooled MBB is the union of every operator's.
 */
export interface HamletLens {
  id: string;
  operator: string;
  /** The operator's MBB share (households, else area, like `mbbShare`). */
  mbbShare: number;
  mbbHouseholds: number;
  /** competitorOnlyHouseholds + whiteHouseholds. */
  gapHouseholds: number;
  competitorOnlyHouseholds: number;
  whiteHouseholds: number;
  /** Other operators giving MBB somewhere in the hamlet. */
  competitors: number;
}

/** The lens of one operator over a roll-up unit (commune, district, province). */
export interface RollupLens {
  operator: string;
  households: number;
  mbbHouseholds: number;
  mbbShare: number;
  fibreHouseholds: number;
  fibreShare: number;
  gapHouseholds: number;
  competitorOnlyHouseholds: number;
  whiteHouseholds: number;
}

const NONE: Omit<OperatorCoverage, 'operator'> = {
  mbbShare: 0,
  fibreShare: 0,
  mbbHouseholds: 0,
  fibreHouseholds: 0,
};

/**
 * The operator's view of one hamlet; an operator that does not reach it has all of it as gap.
 *
 * @example
 * const l = hamletLens(hamlet, 'Viettel'); // { gapHouseholds: 80, competitorOnlyHouseholds: 60, whiteHouseholds: 20, ... }
 */
export function hamletLens(h: HamletCoverage, operator: string): HamletLens {
  const own = h.operators.find((o) => o.operator === operator) ?? NONE;
  const pooledMbb = h.classHouseholds['fibre+mbb'] + h.classHouseholds.mbb;
  const competitorOnly = Math.max(0, pooledMbb - own.mbbHouseholds);
  const white = h.market.households[0];
  let competitors = 0;
  for (const o of h.operators) if (o.operator !== operator && o.mbbShare > 0) competitors++;
  return {
    id: h.id,
    operator,
    mbbShare: own.mbbShare,
    mbbHouseholds: own.mbbHouseholds,
    gapHouseholds: competitorOnly + white,
    competitorOnlyHouseholds: competitorOnly,
    whiteHouseholds: white,
    competitors,
  };
}

/**
 * The operator's view of every hamlet, in the hamlets' order.
 *
 * @example
 * const rows = operatorLens(result.hamlets, 'MobiFone').filter((l) => l.gapHouseholds > 0);
 */
export function operatorLens(hamlets: readonly HamletCoverage[], operator: string): HamletLens[] {
  return hamlets.map((h) => hamletLens(h, operator));
}

/**
 * The operator's view of a roll-up unit: its households and shares, and its gap split as in `hamletLens`
 * (the sums over the unit's hamlets).
 *
 * @example
 * rollupLens(result.summary.province, 'VNPT').competitorOnlyHouseholds;
 */
export function rollupLens(r: Rollup, operator: string): RollupLens {
  const own = r.operators.find((o) => o.operator === operator);
  const mbb = own?.mbbHouseholds ?? 0;
  const competitorOnly = Math.max(0, r.mbbHouseholds - mbb);
  const white = r.marketHouseholds[0];
  return {
    operator,
    households: r.households,
    mbbHouseholds: mbb,
    mbbShare: own?.mbbShare ?? 0,
    fibreHouseholds: own?.fibreHouseholds ?? 0,
    fibreShare: own?.fibreShare ?? 0,
    gapHouseholds: competitorOnly + white,
    competitorOnlyHouseholds: competitorOnly,
    whiteHouseholds: white,
  };
}
