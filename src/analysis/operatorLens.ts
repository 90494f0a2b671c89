import { compareNames } from './operatorNames.ts';
import type { HamletCoverage, HamletOperators, OperatorCoverage, Rollup } from './types.ts';

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

/**
 * One operator's figures in a hamlet as a row; undefined when it has neither MBB nor fibre there.
 *
 * @example
 * operatorCoverage(hamlet, 'Viettel')?.mbbShare; // 0.82
 */
export function operatorCoverage(h: HamletCoverage, operator: string): OperatorCoverage | undefined {
  const o = h.operators;
  const i = o.names.indexOf(operator);
  if (i < 0) return undefined;
  return {
    operator,
    mbbShare: o.mbbShare[i] as number,
    fibreShare: o.fibreShare[i] as number,
    mbbHouseholds: o.mbbHouseholds[i] as number,
    fibreHouseholds: o.fibreHouseholds[i] as number,
  };
}

/**
 * Every operator's figures in a hamlet as rows, sorted by name (one row per hamlet and operator, as an
 * export writes them).
 *
 * @example
 * for (const r of operatorRows(hamlet)) write([hamlet.id, r.operator, r.mbbShare, r.fibreShare]);
 */
export function operatorRows(h: HamletCoverage): OperatorCoverage[] {
  return h.operators.names.map((name) => operatorCoverage(h, name) as OperatorCoverage);
}

/**
 * Rows back into a hamlet's columns (sorted by name), e.g. to build a hamlet result by hand.
 *
 * @example
 * const operators = operatorColumns([{ operator: 'VNPT', mbbShare: 1, fibreShare: 0, mbbHouseholds: 80, fibreHouseholds: 0 }]);
 */
export function operatorColumns(rows: readonly OperatorCoverage[]): HamletOperators {
  const sorted = [...rows].sort((a, b) => compareNames(a.operator, b.operator));
  return {
    names: sorted.map((r) => r.operator),
    mbbShare: sorted.map((r) => r.mbbShare),
    fibreShare: sorted.map((r) => r.fibreShare),
    mbbHouseholds: sorted.map((r) => r.mbbHouseholds),
    fibreHouseholds: sorted.map((r) => r.fibreHouseholds),
  };
}

/** Where most of a hamlet is for one operator: its own MBB, competitors' only, or no operator's. */
export type LensClass = 'own' | 'competitor' | 'none';

/**
 * The class holding the largest share of the hamlet for the operator (households, else area): its own MBB
 * (`mbbShare`), competitor-only (the pooled MBB share less its own) or none (`market.shares[0]`); ties go to
 * the gap (none, then competitor), as market classes go to fewer operators.
 *
 * @example
 * lensClass(hamlet, hamletLens(hamlet, 'Viettel')); // 'competitor'
 */
export function lensClass(h: HamletCoverage, l: HamletLens): LensClass {
  const none = h.market.shares[0];
  const competitor = Math.max(0, h.mbbShare - l.mbbShare);
  if (none >= competitor && none >= l.mbbShare) return 'none';
  return competitor >= l.mbbShare ? 'competitor' : 'own';
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
  const own = operatorCoverage(h, operator) ?? NONE;
  const pooledMbb = h.classHouseholds['fibre+mbb'] + h.classHouseholds.mbb;
  const competitorOnly = Math.max(0, pooledMbb - own.mbbHouseholds);
  const white = h.market.households[0];
  let competitors = 0;
  const o = h.operators;
  for (let i = 0; i < o.names.length; i++)
    if (o.names[i] !== operator && (o.mbbShare[i] as number) > 0) competitors++;
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
