import Flatbush from 'flatbush';
import type { ContainmentProof, CoverageKind, CoverageShape } from './coverageShapes.ts';
import { areaUnits, pointInPaths, rectClip, rectClipRing, unionAll } from './geometry/clip.ts';
import { pointSegment, segmentWithin } from './geometry/distance.ts';
import type { GeoResult, Paths64, Rect64 } from './geometry/clip.ts';
import type { PreparedHamlet } from './prepareHamlets.ts';

/**
 * A group of nearby hamlets. Its region is the union of their bounding boxes, so every hamlet lies inside
 * it and any coverage cut to the region is exact for them.
 */
export interface Tile {
  index: number;
  region: Rect64;
  hamlets: number[];
  shapes: Record<CoverageKind, CoverageShape[]>;
}

/**
 * Group hamlets into square tiles by the centre of their bounding box, and index the tiles' regions.
 *
 * @example
 * const { tiles, index } = buildTiles(hamlets, 1500 * SCALE);
 */
export function buildTiles(hamlets: PreparedHamlet[], tileSize: number): { tiles: Tile[]; index: Flatbush } {
  const byCell = new Map<string, Tile>();
  const tiles: Tile[] = [];
  for (const h of hamlets) {
    const key = `${Math.floor(h.cx / tileSize)},${Math.floor(h.cy / tileSize)}`;
    let tile = byCell.get(key);
    if (!tile) {
      tile = {
        index: tiles.length,
        region: { ...h.bounds },
        hamlets: [],
        shapes: { fibre: [], mbb: [], legacy: [] },
      };
      byCell.set(key, tile);
      tiles.push(tile);
    }
    tile.hamlets.push(h.index);
    const r = tile.region;
    r.left = Math.min(r.left, h.bounds.left);
    r.top = Math.min(r.top, h.bounds.top);
    r.right = Math.max(r.right, h.bounds.right);
    r.bottom = Math.max(r.bottom, h.bounds.bottom);
  }
  const index = new Flatbush(Math.max(tiles.length, 1));
  for (const t of tiles) {
    // One unit of margin so a hamlet edge lying on the region edge is never cut by rectClip.
    t.region = {
      left: t.region.left - 1,
      top: t.region.top - 1,
      right: t.region.right + 1,
      bottom: t.region.bottom + 1,
    };
    index.add(t.region.left, t.region.top, t.region.right, t.region.bottom);
  }
  if (tiles.length === 0) index.add(0, 0, 0, 0);
  index.finish();
  return { tiles, index };
}

/** Shapes cut to one rectangle (a hamlet's box), by shape: the pooled classes and the operator figures share them. */
export type CutCache = Map<CoverageShape, Paths64>;

/**
 * Union of shapes over a rectangle (a hamlet's box). Shapes are first cut to it (linear time); a shape that
 * covers it whole short-cuts to the rectangle itself. Done per hamlet rather than per tile: only the
 * hamlets a kind reaches partly need it, and a hamlet's box holds far fewer crossing arcs than a tile.
 * `cache` keeps each shape's cut for later use over the same rectangle.
 *
 * @example
 * const fibre = unionOver(hamlet.bounds, tile.shapes.fibre, hamlet.id, warnings);
 */
export function unionOver(
  rect: Rect64,
  shapes: readonly CoverageShape[],
  fallbackId: string,
  warnings: string[],
  unify = true,
  cache?: CutCache,
): Paths64 {
  const rectArea = (rect.right - rect.left) * (rect.bottom - rect.top);
  const cut: CutPiece[] = [];
  let firstId: string | undefined;
  for (const s of shapes) {
    const b = s.bounds;
    if (b.right < rect.left || b.left > rect.right || b.bottom < rect.top || b.top > rect.bottom) continue;
    firstId ??= s.sourceId;
    const paths = cutTo(rect, s, warnings, cache);
    if (paths.length === 1 && areaUnits(paths) >= rectArea) return rectPaths(rect);
    if (paths.length > 0) cut.push({ shape: s, paths });
  }
  const { parts, alone } = keptPieces(cut);
  // One disc or capsule cut to a rectangle is one convex ring already: nothing to union.
  if (alone && alone.shape.proofs.length > 0 && alone.paths.length === 1) return parts;
  // A single later operation takes the pieces as its clip side, where the non-zero rule unions them anyway.
  if (!unify) return parts;
  const u = unionAll(parts, firstId ?? fallbackId);
  if (!u.ok) warnings.push(u.error.message);
  return u.ok ? u.value : [];
}

/** A shape cut to a rectangle. */
export interface CutPiece {
  shape: CoverageShape;
  paths: Paths64;
}

/** One shape cut to a rectangle, from the cache when it was cut before (a failed cut is a warning, no paths). */
export function cutTo(rect: Rect64, s: CoverageShape, warnings: string[], cache?: CutCache): Paths64 {
  const hit = cache?.get(s);
  if (hit) return hit;
  const clipped = cutShape(rect, s);
  if (!clipped.ok) warnings.push(clipped.error.message);
  const paths = clipped.ok ? clipped.value : [];
  cache?.set(s, paths);
  return paths;
}

/** The scratch a disc or capsule's ring is written into before its cut. */
let ringBuffer = new Float64Array(256);

/** A disc or capsule is cut from its numeric ring, other shapes from their (recently built) paths. */
function cutShape(rect: Rect64, s: CoverageShape): GeoResult<Paths64> {
  const ring = s.ring;
  if (!ring) return rectClip(rect, recentPaths(s), s.sourceId);
  if (ringBuffer.length < 2 * ring.size) ringBuffer = new Float64Array(2 * ring.size);
  return rectClipRing(rect, ringBuffer, ring.write(ringBuffer), s.sourceId);
}

/**
 * The cut pieces that add to their union: a piece lying inside another shape's containment proof (a convex
 * region inside that shape) adds nothing, and dropping it is exact; dense fibre networks have many such
 * pieces, whose arcs would otherwise cross and make the union slow. `alone` is the kept piece when only one is.
 */
export function keptPieces(cut: readonly CutPiece[]): { parts: Paths64; alone: CutPiece | undefined } {
  // Plain loops, no closure per pair of pieces: this runs for every partly covered hamlet.
  const parts: Paths64 = [];
  const kept: boolean[] = [];
  for (let i = 0; i < cut.length; i++) kept.push(true);
  let alone: CutPiece | undefined;
  let aloneCount = 0;
  for (let i = 0; i < cut.length; i++) {
    const c = cut[i] as CutPiece;
    let inside = false;
    for (let j = 0; j < cut.length && !inside; j++) {
      if (j === i || !kept[j]) continue;
      const o = (cut[j] as CutPiece).shape;
      if (discAtEnd(c.shape, o)) inside = true;
      for (let k = 0; k < o.proofs.length && !inside; k++)
        inside = pathsInside(c.paths, o.proofs[k] as ContainmentProof);
    }
    if (inside) kept[i] = false;
    else {
      for (const path of c.paths) parts.push(path);
      alone = c;
      aloneCount++;
    }
  }
  return { parts, alone: aloneCount === 1 ? alone : undefined };
}

/**
 * Shapes build their polygons on demand (memory), but neighbouring hamlets are computed one after another
 * and meet the same ~10 shapes: keep the most recently built few thousand (~10 MB).
 */
const RECENT_LIMIT = 4096;
const recent = new Map<CoverageShape, Paths64>();

export function recentPaths(s: CoverageShape): Paths64 {
  const hit = recent.get(s);
  if (hit) return hit;
  const paths = s.paths();
  if (recent.size >= RECENT_LIMIT) {
    const oldest = recent.keys().next();
    if (!oldest.done) recent.delete(oldest.value);
  }
  recent.set(s, paths);
  return paths;
}

/**
 * A disc centred on an end of another shape's segment, with no larger radius, lies inside that capsule
 * (every point within r of the end is within r of the segment): a fibre node where access routes start adds
 * nothing to their buffers. As polygons the two differ only by slivers no wider than the circle's
 * polygonisation error (at most 0.32 % of the radius at fibre's 32 segments), far inside the 0.1 % area
 * tolerance.
 */
function discAtEnd(disc: CoverageShape, capsule: CoverageShape): boolean {
  const d = disc.outer;
  const c = capsule.outer;
  if (!d || !c || d.ax !== d.bx || d.ay !== d.by || c.r < d.r) return false;
  if (c.ax === c.bx && c.ay === c.by) return false;
  return (c.ax === d.ax && c.ay === d.ay) || (c.bx === d.ax && c.by === d.ay);
}

/** Every vertex of the paths lies within a containment proof (a disc or capsule), so the paths lie inside it. */
export function pathsInside(paths: Paths64, p: ContainmentProof): boolean {
  const dx = p.bx - p.ax;
  const dy = p.by - p.ay;
  const len2 = dx * dx + dy * dy;
  const r2 = p.r * p.r;
  for (const path of paths) {
    for (const q of path) {
      let t = len2 === 0 ? 0 : ((q.x - p.ax) * dx + (q.y - p.ay) * dy) / len2;
      t = t < 0 ? 0 : t > 1 ? 1 : t;
      const ex = q.x - (p.ax + t * dx);
      const ey = q.y - (p.ay + t * dy);
      if (ex * ex + ey * ey > r2) return false;
    }
  }
  return true;
}

function rectPaths(rect: Rect64): Paths64 {
  return [
    [
      { x: rect.left, y: rect.top },
      { x: rect.right, y: rect.top },
      { x: rect.right, y: rect.bottom },
      { x: rect.left, y: rect.bottom },
    ],
  ];
}

/**
 * The shapes that can meet a hamlet: their box overlaps the hamlet's, and the hamlet comes within their
 * outer disc or capsule (a fibre capsule's box reaches far beyond the capsule on a diagonal route).
 *
 * @example
 * const near = touching(hamlet, tile.shapes.fibre);
 */
export function touching(h: PreparedHamlet, shapes: readonly CoverageShape[]): CoverageShape[] {
  const b = h.bounds;
  const out: CoverageShape[] = [];
  for (const s of shapes) {
    const sb = s.bounds;
    if (sb.right < b.left || sb.left > b.right || sb.bottom < b.top || sb.top > b.bottom) continue;
    const o = s.outer;
    if (o) {
      // The hamlet lies within h.radius of its centre: decide from the centre alone when that is enough.
      const d = pointSegment(h.cx, h.cy, o.ax, o.ay, o.bx, o.by);
      if (d > o.r + h.radius) continue;
      if (d > o.r - h.radius && !segmentWithin(h.paths, o.ax, o.ay, o.bx, o.by, o.r)) continue;
    }
    out.push(s);
  }
  return out;
}

/**
 * Prove that the shapes cover a hamlet without clipping: every cell of a quadtree over its box, down to
 * `depth` levels, lies inside a single disc or capsule or wholly outside the hamlet. Stronger than proving
 * the box covered: the box's corners often lie outside both the hamlet and the coverage.
 */
export function hamletCovered(h: PreparedHamlet, shapes: readonly CoverageShape[], depth: number): boolean {
  const proofs = nearAt(depth + 1);
  let count = 0;
  for (const s of shapes) for (const p of s.proofs) proofs[count++] = p;
  const b = h.bounds;
  return count > 0 && coveredWithin(b.left, b.top, b.right, b.bottom, h.paths, proofs, count, depth);
}

/**
 * The proofs that meet a quadtree cell, one list per depth, reused: a cell's list is read by its children
 * (one depth below) and rewritten only by its next sibling, after them. This runs for most hamlets.
 */
const nearLists: ContainmentProof[][] = [];

function nearAt(depth: number): ContainmentProof[] {
  let list = nearLists[depth];
  if (!list) nearLists[depth] = list = [];
  return list;
}

/** Cell [l, r] × [t, b] covered, from the first `count` of `proofs`. */
function coveredWithin(
  l: number,
  t: number,
  r: number,
  b: number,
  paths: Paths64,
  proofs: readonly ContainmentProof[],
  count: number,
  depth: number,
): boolean {
  const near = nearAt(depth);
  let k = 0;
  for (let i = 0; i < count; i++) {
    const p = proofs[i] as ContainmentProof;
    if (!proofMeets(l, t, r, b, p)) continue;
    if (rectInside(l, t, r, b, p)) return true;
    near[k++] = p;
  }
  if (rectOutside(l, t, r, b, paths)) return true;
  if (depth === 0 || k === 0) return false;
  const mx = (l + r) / 2;
  const my = (t + b) / 2;
  return (
    coveredWithin(l, t, mx, my, paths, near, k, depth - 1) &&
    coveredWithin(mx, t, r, my, paths, near, k, depth - 1) &&
    coveredWithin(l, my, mx, b, paths, near, k, depth - 1) &&
    coveredWithin(mx, my, r, b, paths, near, k, depth - 1)
  );
}

/** The proof's capsule box overlaps the rectangle (a cheap filter before the corner tests). */
function proofMeets(l: number, t: number, r: number, b: number, p: ContainmentProof): boolean {
  return (
    Math.min(p.ax, p.bx) - p.r <= r &&
    Math.max(p.ax, p.bx) + p.r >= l &&
    Math.min(p.ay, p.by) - p.r <= b &&
    Math.max(p.ay, p.by) + p.r >= t
  );
}

/** No edge of the paths meets the rectangle and its centre is outside them: the two are disjoint. */
function rectOutside(l: number, t: number, r: number, b: number, paths: Paths64): boolean {
  for (const path of paths) {
    const n = path.length;
    for (let i = 0, j = n - 1; i < n; j = i++) {
      const a = path[j] as { x: number; y: number };
      const c = path[i] as { x: number; y: number };
      if (segmentMeetsRect(a.x, a.y, c.x, c.y, l, t, r, b)) return false;
    }
  }
  return !pointInPaths((l + r) / 2, (t + b) / 2, paths);
}

/** Liang–Barsky: does the segment touch the closed rectangle? (No arrays: this runs per edge and cell.) */
function segmentMeetsRect(
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  l: number,
  t: number,
  r: number,
  b: number,
): boolean {
  const dx = x1 - x0;
  const dy = y1 - y0;
  let t0 = 0;
  let t1 = 1;
  for (let side = 0; side < 4; side++) {
    const p = side === 0 ? -dx : side === 1 ? dx : side === 2 ? -dy : dy;
    const q = side === 0 ? x0 - l : side === 1 ? r - x0 : side === 2 ? y0 - t : b - y0;
    if (p === 0) {
      if (q < 0) return false;
    } else {
      const u = q / p;
      if (p < 0) {
        if (u > t1) return false;
        if (u > t0) t0 = u;
      } else {
        if (u < t0) return false;
        if (u < t1) t1 = u;
      }
    }
  }
  return true;
}

/** The rectangle lies inside a disc or capsule when its four corners do (both are convex). */
function rectInside(l: number, t: number, r: number, b: number, p: ContainmentProof): boolean {
  return cornerInside(l, t, p) && cornerInside(r, t, p) && cornerInside(r, b, p) && cornerInside(l, b, p);
}

function cornerInside(x: number, y: number, p: ContainmentProof): boolean {
  const dx = p.bx - p.ax;
  const dy = p.by - p.ay;
  const len2 = dx * dx + dy * dy;
  let t = len2 === 0 ? 0 : ((x - p.ax) * dx + (y - p.ay) * dy) / len2;
  t = t < 0 ? 0 : t > 1 ? 1 : t;
  const ex = x - (p.ax + t * dx);
  const ey = y - (p.ay + t * dy);
  return ex * ex + ey * ey <= p.r * p.r;
}
