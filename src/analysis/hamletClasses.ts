import type { CoverageKind, CoverageShape } from './coverageShapes.ts';
import { areaUnits, difference, intersect } from './geometry/clip.ts';
import { convexUnionArea } from './geometry/convexUnionArea.ts';
import type { GeoResult, Paths64 } from './geometry/clip.ts';
import type { PreparedHamlet } from './prepareHamlets.ts';
import { pointSegment } from './geometry/distance.ts';
import { hamletCovered, pathsInside, touching, unionOver } from './tiles.ts';
import type { CutCache, Tile } from './tiles.ts';

/**
 * How much of a hamlet one kind of coverage reaches. `skipped`: not worked out, because it cannot change
 * the result (2G/3G where fibre or MBB covers the hamlet whole); treat it as unknown.
 */
export type Reach = 'none' | 'partial' | 'full' | 'skipped';

/** Exact class areas (integer units²) and the white and weak polygons of one hamlet. */
export interface HamletGeometry {
  fibreMbb: number;
  fibre: number;
  mbb: number;
  weak: number;
  white: number;
  whitePaths: Paths64;
  weakPaths: Paths64;
  reach: Record<CoverageKind, Reach>;
  /**
   * Each partially reaching kind's coverage cut to the hamlet's box (for household points): its union, or
   * the pieces themselves, overlapping, which the non-zero winding test reads the same way.
   */
  local: Partial<Record<CoverageKind, Paths64>>;
}

/** What one hamlet's pooled classes found, for its operator figures: shapes that meet it, cut to its box. */
export interface HamletScratch {
  near: Partial<Record<CoverageKind, CoverageShape[]>>;
  cut: CutCache;
}

/** MBB first: most hamlets lie inside one 4G disc, which also makes 2G/3G irrelevant. */
const KINDS: readonly CoverageKind[] = ['mbb', 'fibre', 'legacy'];

/**
 * Split a hamlet into the five coverage classes (`scratch` keeps the shapes found to meet the hamlet and
 * their cuts to its box, for the operator figures that follow). A kind of coverage that does not come near the hamlet, or
 * that provably covers it (one disc or capsule, or a quadtree of them), needs no clipping; the others are the
 * shapes of that kind that meet the hamlet, cut to its box (unioned only when several operations use them).
 * Several kinds are passed together as the clip side of one operation: under the non-zero rule that is their
 * union, so no combined region is ever built.
 * Broadband-only area is what remains after white, weak and fibre, so the five add up to the hamlet's area.
 *
 * @example
 * const g = hamletClasses(hamlet, tile, warnings);
 */
export function hamletClasses(
  h: PreparedHamlet,
  tile: Tile,
  warnings: string[],
  scratch?: HamletScratch,
): HamletGeometry {
  const reach = {} as Record<CoverageKind, Reach>;
  const local: Partial<Record<CoverageKind, Paths64>> = {};
  const near: Record<CoverageKind, CoverageShape[]> = { fibre: [], mbb: [], legacy: [] };
  for (const k of KINDS) {
    // 2G/3G only decides white and weak, and neither exists where broadband covers the hamlet whole.
    if (k === 'legacy' && (reach.mbb === 'full' || reach.fibre === 'full')) {
      reach[k] = 'skipped';
      continue;
    }
    if (provenByOne(h, tile.shapes[k])) {
      reach[k] = 'full';
      continue;
    }
    near[k] = touching(h, tile.shapes[k]);
    if (scratch) scratch.near[k] = near[k];
    reach[k] = reachFrom(h, near[k]);
  }
  const anyFull = KINDS.some((k) => reach[k] === 'full');
  const allNone = KINDS.every((k) => reach[k] === 'none');
  const needWhite = !anyFull && !allNone;
  const needWeak = reach.legacy !== 'none' && reach.fibre !== 'full' && reach.mbb !== 'full';
  // How many clipping operations below take each kind's pieces: with one, the pieces go in as they are
  // (the non-zero rule unions them inside that operation), which saves a whole union.
  const uses: Record<CoverageKind, number> = {
    fibre: +needWhite + +needWeak + 1,
    mbb: +needWhite + +needWeak + +(reach.fibre !== 'none'),
    legacy: +needWhite + 1,
  };
  for (const k of KINDS) {
    if (reach[k] === 'partial')
      local[k] = unionOver(h.bounds, near[k], h.id, warnings, uses[k] > 1, scratch?.cut);
  }
  const total = h.areaUnits;
  const none = {
    fibreMbb: 0,
    fibre: 0,
    mbb: 0,
    weak: 0,
    white: 0,
    whitePaths: [],
    weakPaths: [],
    reach,
    local,
  };
  if (total <= 0) return none;
  const partial = (...kinds: CoverageKind[]): Paths64 => kinds.flatMap((k) => local[k] ?? []);
  const whitePaths = anyFull
    ? []
    : allNone
      ? h.paths
      : unwrap(difference(h.paths, partial(...KINDS), h.id), warnings);
  let weakPaths: Paths64 = [];
  if (needWeak) {
    const inLegacy =
      reach.legacy === 'full' ? h.paths : unwrap(intersect(h.paths, partial('legacy'), h.id), warnings);
    const broadband = partial('fibre', 'mbb');
    weakPaths = broadband.length === 0 ? inLegacy : unwrap(difference(inLegacy, broadband, h.id), warnings);
  }
  const white = allNone ? total : Math.max(0, areaUnits(whitePaths));
  const weak = Math.max(0, areaUnits(weakPaths));
  const broadband = Math.max(0, total - white - weak);
  let inFibre: Paths64 = [];
  let fibreArea = 0;
  if (reach.fibre === 'full') fibreArea = total;
  else if (reach.fibre === 'partial') {
    // Only the area is needed unless MBB reaches the hamlet partly (then its polygon is clipped again):
    // when the fibre pieces are the raw, convex, cut capsules, sum them without clipping.
    const pieces = partial('fibre');
    const quick = reach.mbb !== 'partial' && uses.fibre === 1 ? convexUnionArea(h.paths, pieces) : null;
    if (quick !== null) fibreArea = quick;
    else {
      inFibre = unwrap(intersect(h.paths, pieces, h.id), warnings);
      fibreArea = areaUnits(inFibre);
    }
  }
  fibreArea = Math.min(fibreArea, broadband);
  const result = { ...none, weak, white, whitePaths, weakPaths };
  if (reach.mbb === 'none') return { ...result, fibre: broadband };
  if (reach.fibre === 'none') return { ...result, mbb: broadband };
  let fibreMbb = fibreArea;
  if (reach.mbb === 'partial') {
    const base = reach.fibre === 'full' ? h.paths : inFibre;
    fibreMbb = Math.min(fibreArea, areaUnits(unwrap(intersect(base, partial('mbb'), h.id), warnings)));
  }
  return { ...result, fibreMbb, fibre: fibreArea - fibreMbb, mbb: broadband - fibreArea };
}

function unwrap(r: GeoResult<Paths64>, warnings: string[]): Paths64 {
  if (r.ok) return r.value;
  warnings.push(r.error.message);
  return [];
}

/** How far one kind's shapes reach a hamlet: proven whole, partly (needs clipping), or not at all. */
export function reachOf(h: PreparedHamlet, shapes: CoverageShape[]): Reach {
  return provenByOne(h, shapes) ? 'full' : reachFrom(h, touching(h, shapes));
}

/**
 * The cheapest proof of full coverage: the hamlet's centre lies deeper inside one disc or capsule than the
 * hamlet's radius. Most MBB checks end here, before any per-vertex work.
 */
export function provenByOne(h: PreparedHamlet, shapes: readonly CoverageShape[]): boolean {
  const b = h.bounds;
  for (const s of shapes) {
    const sb = s.bounds;
    if (sb.left > b.left || sb.right < b.right || sb.top > b.top || sb.bottom < b.bottom) continue;
    for (const p of s.proofs) {
      if (pointSegment(h.cx, h.cy, p.ax, p.ay, p.bx, p.by) + h.radius <= p.r) return true;
    }
  }
  return false;
}

/** Reach from the shapes already known to meet the hamlet (`touching`). */
export function reachFrom(h: PreparedHamlet, near: CoverageShape[]): Reach {
  if (near.length === 0) return 'none';
  const b = h.bounds;
  for (const s of near) {
    const sb = s.bounds;
    if (sb.left > b.left || sb.right < b.right || sb.top > b.top || sb.bottom < b.bottom) continue;
    if (s.proofs.some((p) => pathsInside(h.paths, p))) return 'full';
  }
  return hamletCovered(h, near, COVER_DEPTH) ? 'full' : 'partial';
}

/** Quadtree depth of the coverage proof: the smallest cells are 1/16 of the hamlet box's width and height. */
const COVER_DEPTH = 4;
