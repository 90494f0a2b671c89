import type { CoverageShape } from './coverageShapes.ts';
import { areaUnits, intersect } from './geometry/clip.ts';
import type { Paths64 } from './geometry/clip.ts';
import { convexUnionArea } from './geometry/convexUnionArea.ts';
import { provenByOne, reachFrom } from './hamletClasses.ts';
import type { HamletGeometry, HamletScratch, Reach } from './hamletClasses.ts';
import { compareNames } from './operatorNames.ts';
import type { PreparedHamlet } from './prepareHamlets.ts';
import { cutTo, keptPieces, recentPaths, touching } from './tiles.ts';
import type { CutCache, CutPiece, Tile } from './tiles.ts';
import { sortShort } from './sortShort.ts';

/** One operator's coverage of one kind (MBB or fibre) in a hamlet. */
export interface OperatorPart {
  operator: string;
  reach: 'full' | 'partial';
  /** Area units of the hamlet inside the operator's coverage, never above the pooled area of that kind. */
  area: number;
  /** The operator's shapes of that kind that meet the hamlet (to place household points). */
  shapes: readonly CoverageShape[];
}

/** The operator dimension of one hamlet, beside its pooled classes (HamletGeometry). */
export interface OperatorGeometry {
  /** Operators whose 4G/5G (or fibre) meets the hamlet, sorted by name. */
  mbb: OperatorPart[];
  fibre: OperatorPart[];
  /**
   * Area units where exactly one operator gives MBB. No operator: the hamlet less the pooled MBB area;
   * two or more: the pooled MBB area less this.
   */
  oneOperator: number;
}

/**
 * Per-operator MBB and fibre areas of a hamlet, and the area where exactly one operator gives MBB, from the
 * same shapes as the pooled classes in `g` (`scratch`: what `hamletClasses` found, so shapes are neither
 * looked up nor cut to the hamlet's box twice; `keep`: one kind's figures to take as they were, after an
 * edit that changed only the other kind). The fast paths of the pooled engine apply per operator: an
 * operator whose shapes alone prove the hamlet covered (one disc or capsule, or the quadtree) needs no area;
 * a sole operator of a kind has the pooled area; the others are summed over their convex pieces
 * (inclusion–exclusion, `convexUnionArea`) or, for non-convex coverage polygons, clipped.
 * With U the pooled MBB area and U₋ₒ the union of every operator but o, the area covered by exactly one
 * operator is Σₒ (U − U₋ₒ); only hamlets reached partly by three or more operators need the U₋ₒ unions.
 *
 * @example
 * const ops = operatorClasses(hamlet, tile, pooled, warnings);
 */
export function operatorClasses(
  h: PreparedHamlet,
  tile: Tile,
  g: HamletGeometry,
  warnings: string[],
  scratch: HamletScratch = { near: {}, cut: new Map() },
  keep?: { from: OperatorGeometry; kind: 'mbb' | 'fibre' },
): OperatorGeometry {
  const cuts = new Cuts(h, warnings, scratch.cut);
  const nearOf = (k: 'mbb' | 'fibre'): CoverageShape[] =>
    g.reach[k] === 'none' ? [] : (scratch.near[k] ?? touching(h, tile.shapes[k]));
  // The pooled proofs failed over these shapes (hamletClasses found them and they left the hamlet partly
  // reached), so no operator's share of them can prove it covered: skip those proofs.
  const unproven = (k: 'mbb' | 'fibre'): boolean => g.reach[k] === 'partial' && scratch.near[k] !== undefined;
  const mbbArea = g.fibreMbb + g.mbb;
  if (keep?.kind === 'mbb') {
    const fibre = perOperator(
      h,
      nearOf('fibre'),
      g.fibreMbb + g.fibre,
      g.reach.fibre,
      cuts,
      unproven('fibre'),
    );
    return { ...keep.from, fibre };
  }
  const mbb = perOperator(h, nearOf('mbb'), mbbArea, g.reach.mbb, cuts, unproven('mbb'));
  const fibre =
    keep?.kind === 'fibre'
      ? keep.from.fibre
      : perOperator(h, nearOf('fibre'), g.fibreMbb + g.fibre, g.reach.fibre, cuts, unproven('fibre'));
  return { mbb, fibre, oneOperator: exactlyOne(mbb, mbbArea, cuts) };
}

/**
 * Each operator's area of one kind, at most `pooled`: the area the pooled classes give that kind.
 * `unproven`: the proofs of full coverage (one shape, then the quadtree) already failed over all of `near`;
 * both only succeed with more shapes, never fewer, so they fail for each operator's share too.
 */
function perOperator(
  h: PreparedHamlet,
  near: readonly CoverageShape[],
  pooled: number,
  pooledReach: Reach,
  cuts: Cuts,
  unproven = false,
): OperatorPart[] {
  if (pooledReach === 'none' || pooledReach === 'skipped' || pooled <= 0 || near.length === 0) return [];
  const groups = new Map<string, CoverageShape[]>();
  for (const s of near) {
    const list = groups.get(s.operator);
    if (list) list.push(s);
    else groups.set(s.operator, [s]);
  }
  // A sole operator covers what the pooled classes say.
  if (groups.size === 1) {
    const operator = (near[0] as CoverageShape).operator;
    return [{ operator, reach: pooledReach, area: pooled, shapes: near }];
  }
  const parts: OperatorPart[] = [];
  for (const operator of sortShort([...groups.keys()], compareNames)) {
    const list = groups.get(operator) as CoverageShape[];
    if (!unproven && (provenByOne(h, list) || reachFrom(h, list) === 'full')) {
      parts.push({ operator, reach: 'full', area: pooled, shapes: list });
      continue;
    }
    parts.push({ operator, reach: 'partial', area: Math.min(cuts.area(list), pooled), shapes: list });
  }
  return parts;
}

/**
 * Area units of a hamlet inside the union of shapes: each shape cut to the hamlet's box (from `cache` when
 * cut before), pieces inside another's containment proof dropped, then summed over convex pieces
 * (`convexUnionArea`) or, when a piece is not convex or the walk is long, clipped.
 *
 * @example
 * const a = areaWithin(hamlet, viettelShapes, warnings, new Map());
 */
export function areaWithin(
  h: PreparedHamlet,
  shapes: readonly CoverageShape[],
  warnings: string[],
  cache?: CutCache,
): number {
  const cut: CutPiece[] = [];
  let convex = true;
  for (const s of shapes) {
    const paths = cutTo(h.bounds, s, warnings, cache);
    if (paths.length > 0) cut.push({ shape: s, paths });
    convex &&= s.convex;
  }
  const { parts } = keptPieces(cut);
  if (parts.length === 0) return 0;
  // A convex shape cut to a rectangle stays convex.
  if (convex) {
    const a = convexUnionArea(h.paths, parts);
    if (a !== null) return Math.max(0, a);
  }
  // The pieces go in as the clip side, whose non-zero rule unions them.
  const r = intersect(h.paths, parts, h.id);
  if (!r.ok) {
    warnings.push(r.error.message);
    return 0;
  }
  return Math.max(0, areaUnits(r.value));
}

/** Areas within one hamlet, with the shapes' cuts kept (the market classes take them again in unions). */
class Cuts {
  constructor(
    private readonly h: PreparedHamlet,
    private readonly warnings: string[],
    private readonly cache: CutCache,
  ) {}

  area(shapes: readonly CoverageShape[]): number {
    return areaWithin(this.h, shapes, this.warnings, this.cache);
  }
}

function exactlyOne(mbb: OperatorPart[], pooled: number, cuts: Cuts): number {
  if (pooled <= 0) return 0;
  const full: OperatorPart[] = [];
  const partial: OperatorPart[] = [];
  for (const p of mbb) {
    if (p.area <= 0) continue;
    (p.reach === 'full' ? full : partial).push(p);
  }
  if (full.length >= 2) return 0;
  const unionOf = (parts: OperatorPart[]): number =>
    parts.length === 0
      ? 0
      : parts.length === 1
        ? (parts[0] as OperatorPart).area
        : Math.min(pooled, cuts.area(parts.flatMap((p) => p.shapes)));
  let one: number;
  // One operator covers the whole hamlet: it alone covers what the others do not.
  if (full.length === 1) one = pooled - unionOf(partial);
  else if (partial.length <= 1) one = pooled;
  else if (partial.length === 2)
    one = 2 * pooled - (partial[0] as OperatorPart).area - (partial[1] as OperatorPart).area;
  else {
    one = 0;
    for (let i = 0; i < partial.length; i++) one += pooled - unionOf(partial.filter((_, j) => j !== i));
  }
  return Math.min(pooled, Math.max(0, one));
}

/** The operator's shapes as one set of paths: under the non-zero rule a point inside any is inside. */
export function partPaths(part: OperatorPart): Paths64 {
  const out: Paths64 = [];
  for (const s of part.shapes) for (const p of recentPaths(s)) out.push(p);
  return out;
}
