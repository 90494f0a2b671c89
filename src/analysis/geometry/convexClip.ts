import { boundsOf, type Path64, type Paths64 } from './clip.ts';
import { pathBounds } from './rectClip.ts';

type Pt = Path64[number];

/** Rings with more vertices go the general way (the convexity check is quadratic). */
const MAX_CONVEX = 32;

/** A convex polygon, counter-clockwise (positive area), with its edges as half-planes. */
export interface ConvexRing {
  points: Path64;
  /** Twice the area, positive. */
  area2: number;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * The ring as a convex polygon (made counter-clockwise), or null when it is not convex (a vertex on a
 * straight edge is fine, a spike is not) or has no area. Repeated vertices and a closing vertex are dropped.
 * `known`: the caller built the ring convex (a disc, a capsule), so the quadratic check and its vertex limit
 * are skipped.
 * @example convexRing([{ x: 0, y: 0 }, { x: 0, y: 10 }, { x: 10, y: 10 }, { x: 10, y: 0 }])?.area2 // 200
 */
export function convexRing(ring: Path64, known = false): ConvexRing | null {
  const p: Path64 = [];
  for (const v of ring) {
    const last = p[p.length - 1];
    if (!last || last.x !== v.x || last.y !== v.y) p.push(v);
  }
  const first = p[0];
  const end = p[p.length - 1];
  if (first && end && p.length > 1 && first.x === end.x && first.y === end.y) p.pop();
  const n = p.length;
  if (n < 3) return null;
  let area2 = 0;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const a = p[j] as Pt;
    const b = p[i] as Pt;
    area2 += a.x * b.y - b.x * a.y;
  }
  if (area2 === 0) return null;
  const points = area2 > 0 ? p : p.slice().reverse();
  if (known) {
    const { left, top, right, bottom } = boundsOf([points]);
    return { points, area2: Math.abs(area2), left, top, right, bottom };
  }
  if (n > MAX_CONVEX) return null;
  // Every vertex on the left of (or on) every edge: convex and simple (a pentagram fails).
  for (let i = 0; i < n; i++) {
    const a = points[i] as Pt;
    const b = points[(i + 1) % n] as Pt;
    for (const v of points) if ((b.x - a.x) * (v.y - a.y) - (b.y - a.y) * (v.x - a.x) < 0) return null;
  }
  const { left, top, right, bottom } = boundsOf([points]);
  return { points, area2: Math.abs(area2), left, top, right, bottom };
}

/**
 * The area, in integer units², of normalised paths (outer rings positive,
 * holes negative, as prepared hamlets are) inside a convex polygon. Each ring is cut by the polygon's
 * edges (Sutherland–Hodgman, in floating point), skipping the edges its bounding box lies wholly inside;
 * the signed areas of the cut rings add up to the area of the intersection, holes included.
 * @example areaInConvex(hamlet.paths, convexRing(tilePath)!) // m² × SCALE² of hamlet ∩ tile
 */
export function areaInConvex(paths: Paths64, c: ConvexRing): number {
  return Math.max(0, signedAreaInConvex(paths, c));
}

/**
 * {@link areaInConvex} before negative rounding noise is cut to 0: exactly 0 when no ring reaches inside
 * the polygon (each lies beyond one of its edges or is cut to nothing).
 */
export function signedAreaInConvex(paths: Paths64, c: ConvexRing): number {
  const cp = c.points;
  const n = cp.length;
  let total = 0;
  for (const path of paths) {
    const m0 = path.length;
    if (m0 < 3) continue;
    const { left, top, right, bottom } = pathBounds(path);
    if (right <= c.left || left >= c.right || bottom <= c.top || top >= c.bottom) continue;
    // Each edge of the ring crosses the convex outline at most twice; runs along it add the corners.
    const buf = scratch(6 * m0 + 2 * n + 8);
    let xs = buf.a;
    let ys = buf.b;
    let nx = buf.c;
    let ny = buf.d;
    let m = m0;
    for (let k = 0; k < m0; k++) {
      xs[k] = (path[k] as Pt).x;
      ys[k] = (path[k] as Pt).y;
    }
    let outside = false;
    for (let i = 0; i < n && m > 0; i++) {
      const a = cp[i] as Pt;
      const b = cp[(i + 1) % n] as Pt;
      const ex = b.x - a.x;
      const ey = b.y - a.y;
      // The box's corners against this edge: all inside skips it, all outside ends the ring.
      const s1 = ex * (top - a.y) - ey * (left - a.x);
      const s2 = ex * (top - a.y) - ey * (right - a.x);
      const s3 = ex * (bottom - a.y) - ey * (right - a.x);
      const s4 = ex * (bottom - a.y) - ey * (left - a.x);
      if (s1 >= 0 && s2 >= 0 && s3 >= 0 && s4 >= 0) continue;
      if (s1 < 0 && s2 < 0 && s3 < 0 && s4 < 0) {
        outside = true;
        break;
      }
      let out = 0;
      let px = xs[m - 1] as number;
      let py = ys[m - 1] as number;
      let ps = ex * (py - a.y) - ey * (px - a.x);
      for (let k = 0; k < m; k++) {
        const qx = xs[k] as number;
        const qy = ys[k] as number;
        const qs = ex * (qy - a.y) - ey * (qx - a.x);
        if (qs >= 0 !== ps >= 0) {
          const t = ps / (ps - qs);
          nx[out] = px + (qx - px) * t;
          ny[out++] = py + (qy - py) * t;
        }
        if (qs >= 0) {
          nx[out] = qx;
          ny[out++] = qy;
        }
        px = qx;
        py = qy;
        ps = qs;
      }
      m = out;
      const tx = xs;
      xs = nx;
      nx = tx;
      const ty = ys;
      ys = ny;
      ny = ty;
    }
    if (outside || m < 3) continue;
    let a2 = 0;
    for (let k = 0, j = m - 1; k < m; j = k++)
      a2 += (xs[j] as number) * (ys[k] as number) - (xs[k] as number) * (ys[j] as number);
    total += a2 / 2;
  }
  return total;
}

/** Four coordinate buffers reused between calls (each cut adds at most one vertex per edge). */
let SCRATCH = {
  a: new Float64Array(64),
  b: new Float64Array(64),
  c: new Float64Array(64),
  d: new Float64Array(64),
};
function scratch(size: number): typeof SCRATCH {
  if (SCRATCH.a.length < size) {
    const len = Math.max(size, SCRATCH.a.length * 2);
    SCRATCH = {
      a: new Float64Array(len),
      b: new Float64Array(len),
      c: new Float64Array(len),
      d: new Float64Array(len),
    };
  }
  return SCRATCH;
}
