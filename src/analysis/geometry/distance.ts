import type { Paths64, Rect64 } from './clip.ts';
import { pointInPaths } from './clip.ts';

/**
 * Planar distances in the local projection (integer units), between a polygon (normalised paths) and a
 * point or a segment. Zero when they touch or one is inside the other. `box`: the polygon's bounding box,
 * when known; an end outside it cannot be inside the polygon, which then needs no walk for that end.
 */
export function polygonToSegmentDistance(
  poly: Paths64,
  ax: number,
  ay: number,
  bx: number,
  by: number,
  box?: Rect64,
): number {
  if (insidePolygon(poly, ax, ay, box) || insidePolygon(poly, bx, by, box)) return 0;
  return edgeDistance(poly, ax, ay, bx, by, 0);
}

function insidePolygon(poly: Paths64, x: number, y: number, box: Rect64 | undefined): boolean {
  if (box && (x < box.left || x > box.right || y < box.top || y > box.bottom)) return false;
  return pointInPaths(x, y, poly);
}

/**
 * The least distance from a polygon's edges to segment a–b (a point when a = b), 0 where they cross; it
 * returns early, with that edge's distance, at the first edge within `enough` (`strict`: closer than it).
 * With `enough` > 0 only whether some edge is within it matters: edges whose box lies more than a unit
 * beyond it (far beyond rounding) are not measured, and the result is then only known to exceed it.
 */
function edgeDistance(
  poly: Paths64,
  ax: number,
  ay: number,
  bx: number,
  by: number,
  enough: number,
  strict = false,
): number {
  let best = Infinity;
  // Edges farther than this (squared) by their box cannot decide the answer.
  let skip2 = enough > 0 ? (enough + 1) * (enough + 1) : Infinity;
  const degenerate = ax === bx && ay === by;
  const sl = Math.min(ax, bx);
  const sr = Math.max(ax, bx);
  const st = Math.min(ay, by);
  const sb = Math.max(ay, by);
  for (const path of poly) {
    const n = path.length;
    for (let i = 0, j = n - 1; i < n; j = i++) {
      const p = path[j] as { x: number; y: number };
      const q = path[i] as { x: number; y: number };
      // The gap between the edge's box and the segment's is a lower bound of their distance: an edge whose
      // gap exceeds the best distance by a unit (far beyond rounding) cannot give a smaller one.
      const gx = Math.max(0, Math.min(p.x, q.x) - sr, sl - Math.max(p.x, q.x));
      const gy = Math.max(0, Math.min(p.y, q.y) - sb, st - Math.max(p.y, q.y));
      const gap2 = gx * gx + gy * gy;
      if (gap2 > skip2) continue;
      const d = degenerate
        ? pointSegment(ax, ay, p.x, p.y, q.x, q.y)
        : segmentsCross(p.x, p.y, q.x, q.y, ax, ay, bx, by)
          ? 0
          : Math.min(
              pointSegment(ax, ay, p.x, p.y, q.x, q.y),
              pointSegment(bx, by, p.x, p.y, q.x, q.y),
              pointSegment(p.x, p.y, ax, ay, bx, by),
            );
      if (strict ? d < enough : d <= enough) return d;
      if (d < best) {
        best = d;
        if ((best + 1) * (best + 1) < skip2) skip2 = (best + 1) * (best + 1);
      }
    }
  }
  return best;
}

/** Distance from a point to a segment. */
export function pointSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  let t = len2 === 0 ? 0 : ((px - ax) * dx + (py - ay) * dy) / len2;
  t = t < 0 ? 0 : t > 1 ? 1 : t;
  const ex = px - (ax + t * dx);
  const ey = py - (ay + t * dy);
  // Not Math.hypot: several times slower in V8, and coordinates here are far from overflow.
  return Math.sqrt(ex * ex + ey * ey);
}

function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return Math.sign((bx - ax) * (cy - ay) - (by - ay) * (cx - ax));
}

/** Segments a–b and c–d cross: each one's ends lie on opposite sides of the other (or on it). */
export function segmentsCross(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  cx: number,
  cy: number,
  dx: number,
  dy: number,
): boolean {
  const o1 = orient(ax, ay, bx, by, cx, cy);
  const o2 = orient(ax, ay, bx, by, dx, dy);
  const o3 = orient(cx, cy, dx, dy, ax, ay);
  const o4 = orient(cx, cy, dx, dy, bx, by);
  return o1 !== o2 && o3 !== o4;
}

/**
 * Whether a polygon comes within `r` of a segment (or contains it): the same test as
 * `polygonToSegmentDistance(...) <= r` (`strict`: `< r`), but it stops at the first close edge.
 */
export function segmentWithin(
  poly: Paths64,
  ax: number,
  ay: number,
  bx: number,
  by: number,
  r: number,
  strict = false,
): boolean {
  if (strict && !(r > 0)) return false;
  const d = edgeDistance(poly, ax, ay, bx, by, r, strict);
  return (strict ? d < r : d <= r) || pointInPaths(ax, ay, poly);
}
