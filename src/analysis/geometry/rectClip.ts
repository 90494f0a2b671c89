import type { Path64, Paths64, Rect64 } from 'clipper2-ts';

type Pt = Path64[number];

/**
 * Cut each path to an axis-aligned rectangle (Sutherland–Hodgman against its four sides), keeping each
 * path's orientation, so holes stay holes under the non-zero rule. A concave path that leaves and re-enters
 * the rectangle comes out as one path whose pieces are joined by zero-width runs along the rectangle's
 * edge: they add no area and vanish in the next boolean operation, which is where every cut is used.
 *
 * clipper2-ts's own `rectClip` (2.0.1) loses area on some counter-clockwise paths that cross a corner of
 * the rectangle (up to ~190 ha on a 3 km site disc of the shipped data), which is why this exists.
 *
 * @example
 * const cut = clipToRect({ left: 0, top: 0, right: 10, bottom: 10 }, [[{ x: -5, y: -5 }, { x: 5, y: -5 }, { x: 5, y: 5 }]]);
 */
export function clipToRect(rect: Rect64, paths: Paths64): Paths64 {
  const out: Paths64 = [];
  for (const path of paths) {
    if (path.length < 3) continue;
    const b = pathBounds(path);
    if (b.right <= rect.left || b.left >= rect.right || b.bottom <= rect.top || b.top >= rect.bottom)
      continue;
    if (b.left >= rect.left && b.right <= rect.right && b.top >= rect.top && b.bottom <= rect.bottom) {
      out.push(path);
      continue;
    }
    // Only the sides the path crosses: a piece poking out of one side needs one pass, not four.
    let p: Path64 = path;
    if (b.left < rect.left) p = clipSide(p, true, rect.left, true);
    if (b.right > rect.right) p = clipSide(p, true, rect.right, false);
    if (b.top < rect.top) p = clipSide(p, false, rect.top, true);
    if (b.bottom > rect.bottom) p = clipSide(p, false, rect.bottom, false);
    if (p.length >= 3 && signedArea(p) !== 0) out.push(p);
  }
  return out;
}

/**
 * One side's pass: keep what lies at or beyond `at` on x (`vertical`) or y, above it (`above`) or below,
 * with the crossings of the side. One loop for the four sides, without a function per vertex.
 */
function clipSide(path: Path64, vertical: boolean, at: number, above: boolean): Path64 {
  const out: Path64 = [];
  const n = path.length;
  if (n === 0) return out;
  let prev = path[n - 1] as Pt;
  const pv = vertical ? prev.x : prev.y;
  let prevIn = above ? pv >= at : pv <= at;
  for (let i = 0; i < n; i++) {
    const cur = path[i] as Pt;
    const cv = vertical ? cur.x : cur.y;
    const curIn = above ? cv >= at : cv <= at;
    if (curIn !== prevIn) push(out, vertical ? atX(prev, cur, at) : atY(prev, cur, at));
    if (curIn) push(out, cur);
    prev = cur;
    prevIn = curIn;
  }
  if (out.length > 1) {
    const first = out[0] as Pt;
    const last = out[out.length - 1] as Pt;
    if (first.x === last.x && first.y === last.y) out.pop();
  }
  return out;
}

function push(out: Path64, p: Pt): void {
  const last = out[out.length - 1];
  if (!last || last.x !== p.x || last.y !== p.y) out.push(p);
}

/** The crossing with a vertical side: x is exact, y rounded to the integer grid. */
function atX(a: Pt, b: Pt, x: number): Pt {
  return { x, y: Math.round(a.y + ((b.y - a.y) * (x - a.x)) / (b.x - a.x)) };
}

function atY(a: Pt, b: Pt, y: number): Pt {
  return { x: Math.round(a.x + ((b.x - a.x) * (y - a.y)) / (b.y - a.y)), y };
}

/** The path's bounding box. */
export function pathBounds(path: Path64): Rect64 {
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (const p of path) {
    if (p.x < left) left = p.x;
    if (p.x > right) right = p.x;
    if (p.y < top) top = p.y;
    if (p.y > bottom) bottom = p.y;
  }
  return { left, top, right, bottom };
}

function signedArea(path: Path64): number {
  let a = 0;
  for (let i = 0, j = path.length - 1; i < path.length; j = i++) {
    const p = path[j] as Pt;
    const q = path[i] as Pt;
    a += (p.x + q.x) * (p.y - q.y);
  }
  return a / 2;
}
