import { pointInPaths } from './geometry/clip.ts';
import type { Paths64 } from './geometry/clip.ts';
import type { HamletGeometry } from './hamletClasses.ts';
import { partPaths } from './operatorClasses.ts';
import type { OperatorGeometry, OperatorPart } from './operatorClasses.ts';
import type { ByMarketClass, CoverageClass, HamletMarket, HamletOperators, MarketClass } from './types.ts';

/** The pooled figures of a hamlet that the operator figures are shares of. */
export interface PooledFigures {
  households: number;
  classHouseholds: Record<CoverageClass, number>;
  classAreaM2: Record<CoverageClass, number>;
  mbbShare: number;
  fibreShare: number;
}

/** A household point with its pooled class. */
export interface ClassifiedPoint {
  x: number;
  y: number;
  count: number;
  cls: CoverageClass;
}

/**
 * The market classes and per-operator figures of one hamlet. Households spread by area take each area's
 * fraction of the pooled MBB (fibre) households; household points are counted where they lie, and only
 * points the pooled classes put in MBB (fibre) count for an operator, so no operator's figure exceeds the
 * pooled one. `shares[0]` is `1 − mbbShare` and `households[0]` the households without MBB, exactly.
 *
 * @example
 * const { market, operators } = operatorFigures(g, ops, pooled, null);
 */
export function operatorFigures(
  g: HamletGeometry,
  ops: OperatorGeometry,
  pooled: PooledFigures,
  points: ClassifiedPoint[] | null,
): { market: HamletMarket; operators: HamletOperators } {
  const mbbUnits = g.fibreMbb + g.mbb;
  const fibreUnits = g.fibreMbb + g.fibre;
  const ch = pooled.classHouseholds;
  const ca = pooled.classAreaM2;
  const mbbHh = ch['fibre+mbb'] + ch.mbb;
  const fibreHh = ch['fibre+mbb'] + ch.fibre;
  const mbbM2 = ca['fibre+mbb'] + ca.mbb;
  const ratio = (a: number, of: number): number => (of > 0 ? Math.min(1, Math.max(0, a / of)) : 0);
  const oneArea = ratio(ops.oneOperator, mbbUnits);

  const mbbParts = ops.mbb.filter((p) => p.area > 0);
  const fibreParts = ops.fibre.filter((p) => p.area > 0);
  let oneHh: number;
  let oneShare: number;
  let opMbb: number[];
  let opFibre: number[];
  if (points) {
    const counted = countPoints(points, mbbParts, fibreParts);
    oneHh = Math.min(counted.one, mbbHh);
    oneShare = pooled.households > 0 ? Math.min(oneHh / pooled.households, pooled.mbbShare) : 0;
    opMbb = counted.mbb.map((n) => Math.min(n, mbbHh));
    opFibre = counted.fibre.map((n) => Math.min(n, fibreHh));
  } else {
    oneHh = mbbHh * oneArea;
    oneShare = pooled.mbbShare * oneArea;
    opMbb = mbbParts.map((p) => mbbHh * ratio(p.area, mbbUnits));
    opFibre = fibreParts.map((p) => fibreHh * ratio(p.area, fibreUnits));
  }
  const shares: ByMarketClass = [1 - pooled.mbbShare, oneShare, pooled.mbbShare - oneShare];
  const households: ByMarketClass = [pooled.households - mbbHh, oneHh, mbbHh - oneHh];
  const oneM2 = mbbM2 * oneArea;
  const areaM2: ByMarketClass = [ca.fibre + ca.weak + ca.white, oneM2, mbbM2 - oneM2];

  const shareOf = (n: number, area: number, units: number, poolShare: number): number =>
    points
      ? pooled.households > 0
        ? Math.min(n / pooled.households, poolShare)
        : 0
      : poolShare * ratio(area, units);
  // Both lists are sorted by name: merge them into the columns. The columns are made at their length: a
  // column grown by `push` holds room for 17 numbers, which at national size is ~50 MB held for nothing.
  const n = mergedLength(mbbParts, fibreParts);
  const operators: HamletOperators = {
    names: new Array<string>(n),
    mbbShare: new Array<number>(n),
    fibreShare: new Array<number>(n),
    mbbHouseholds: new Array<number>(n),
    fibreHouseholds: new Array<number>(n),
  };
  let i = 0;
  let j = 0;
  for (let k = 0; k < n; k++) {
    const m = mbbParts[i];
    const f = fibreParts[j];
    const name = !f || (m && m.operator <= f.operator) ? (m as OperatorPart).operator : f.operator;
    const hasM = m?.operator === name;
    const hasF = f?.operator === name;
    const mbbHouseholds = hasM ? (opMbb[i] as number) : 0;
    const fibreHouseholds = hasF ? (opFibre[j] as number) : 0;
    operators.names[k] = name;
    operators.mbbHouseholds[k] = mbbHouseholds;
    operators.fibreHouseholds[k] = fibreHouseholds;
    operators.mbbShare[k] = hasM
      ? shareOf(mbbHouseholds, (m as OperatorPart).area, mbbUnits, pooled.mbbShare)
      : 0;
    operators.fibreShare[k] = hasF
      ? shareOf(fibreHouseholds, (f as OperatorPart).area, fibreUnits, pooled.fibreShare)
      : 0;
    if (hasM) i++;
    if (hasF) j++;
  }
  return { market: { class: largest(shares), shares, households, areaM2 }, operators };
}

/** How many distinct operators two lists sorted by operator name hold together. */
function mergedLength(a: readonly OperatorPart[], b: readonly OperatorPart[]): number {
  let n = 0;
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    if (x && (!y || x.operator < y.operator)) i++;
    else if (!x || (y && y.operator < x.operator)) j++;
    else {
      i++;
      j++;
    }
    n++;
  }
  return n;
}

/** The class with the largest share; ties go to fewer operators. */
function largest(shares: ByMarketClass): MarketClass {
  const [white, grey, black] = shares;
  if (black > grey && black > white) return 'black';
  return grey > white ? 'grey' : 'white';
}

function countPoints(
  points: ClassifiedPoint[],
  mbbParts: OperatorPart[],
  fibreParts: OperatorPart[],
): { one: number; mbb: number[]; fibre: number[] } {
  const mbb = mbbParts.map(() => 0);
  const fibre = fibreParts.map(() => 0);
  const mbbPaths: (Paths64 | null)[] = mbbParts.map(() => null);
  const fibrePaths: (Paths64 | null)[] = fibreParts.map(() => null);
  const inside = (parts: OperatorPart[], paths: (Paths64 | null)[], i: number, x: number, y: number) => {
    const part = parts[i] as OperatorPart;
    if (part.reach === 'full') return true;
    const p = (paths[i] ??= partPaths(part));
    return pointInPaths(x, y, p);
  };
  let one = 0;
  for (const pt of points) {
    if (pt.cls === 'fibre+mbb' || pt.cls === 'mbb') {
      let n = 0;
      for (let i = 0; i < mbbParts.length; i++) {
        if (!inside(mbbParts, mbbPaths, i, pt.x, pt.y)) continue;
        mbb[i] = (mbb[i] as number) + pt.count;
        n++;
      }
      // On a coverage edge the pooled test and the operators' can disagree by a centimetre: the pooled
      // classes say some operator covers the point.
      if (n <= 1) one += pt.count;
    }
    if (pt.cls === 'fibre+mbb' || pt.cls === 'fibre') {
      for (let i = 0; i < fibreParts.length; i++) {
        if (inside(fibreParts, fibrePaths, i, pt.x, pt.y)) fibre[i] = (fibre[i] as number) + pt.count;
      }
    }
  }
  return { one, mbb, fibre };
}
