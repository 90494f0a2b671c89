import type { Path64 } from './clip.ts';

/**
 * Discs and sectors as polygons in projected integer units. Vertices sit on a radius enlarged so that the
 * polygon has exactly the area of the true disc (for 64 segments the factor is 1.0008): a plain inscribed
 * 64-gon would lose 0.16 % of the area, more than the analysis may err.
 */
export interface DiscShape {
  path: Path64;
  /** Radius of the largest circle certainly inside the polygon, units: used to prove containment. */
  innerRadius: number;
}

/**
 * A disc (full circle) or the union of sectors around (cx, cy).
 *
 * @param radius  radius in integer units (ground metres × point scale × SCALE)
 * @param segments vertices per full circle
 * @param sectors optional [azimuth°, beamwidth°] pairs, azimuths clockwise from grid north
 *
 * @example
 * const d = coverageShape(0, 0, 300_000, 128); // a 3 km disc at the origin
 */
export function coverageShape(
  cx: number,
  cy: number,
  radius: number,
  segments: number,
  sectors?: readonly (readonly [number, number])[],
): DiscShape[] {
  if (!sectors || sectors.length === 0) {
    const step = (2 * Math.PI) / segments;
    const r = radius * Math.sqrt(step / Math.sin(step));
    const path: Path64 = [];
    const { cos, sin } = angleGrid(segments);
    for (let i = 0; i < segments; i++) {
      path.push({ x: Math.round(cx + r * (cos[i] as number)), y: Math.round(cy + r * (sin[i] as number)) });
    }
    return [{ path, innerRadius: r * Math.cos(step / 2) - 2 }];
  }
  return sectors.map(([azimuth, beamwidth]) => ({
    path: sectorPath(cx, cy, radius, segments, azimuth, beamwidth),
    innerRadius: 0,
  }));
}

function sectorPath(
  cx: number,
  cy: number,
  radius: number,
  segments: number,
  azimuth: number,
  beamwidth: number,
): Path64 {
  const width = Math.min(Math.max(beamwidth, 1), 360);
  const count = Math.max(2, Math.ceil((segments * width) / 360));
  const step = ((width / count) * Math.PI) / 180;
  const r = radius * Math.sqrt(step / Math.sin(step));
  // Azimuth is clockwise from north; the math angle is counter-clockwise from east.
  const start = ((90 - azimuth + width / 2) * Math.PI) / 180;
  const path: Path64 = width < 360 ? [{ x: Math.round(cx), y: Math.round(cy) }] : [];
  for (let i = 0; i <= count; i++) {
    if (width >= 360 && i === count) break;
    const a = start - i * step;
    path.push({ x: Math.round(cx + r * Math.cos(a)), y: Math.round(cy + r * Math.sin(a)) });
  }
  // Clockwise sweep: reverse so the ring is counter-clockwise (positive), like every other shape.
  return path.reverse();
}

/**
 * The buffer of one segment (a capsule), or a disc when the segment is a point, with vertices on the
 * circle. Arc vertices sit on a global grid of angles (multiples of 2π/segments) so that buffers meeting
 * at a shared vertex have identical arc vertices: overlapping caps then share edges instead of crossing
 * ~segments times, which makes unions of fibre networks slow. With `arcRadius` = r the caps are inscribed
 * and lose (2π/n)²/6 of their area (0.64 % at 32 segments); the engine passes the equal-area radius, which
 * keeps a capsule's area within 0.1 % of the true buffer.
 *
 * @example
 * const path = capsulePath(0, 0, 100_000, 0, 50_000, 128); // 1 km route, 500 m buffer, in cm
 */
export function capsulePath(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  r: number,
  segments: number,
  arcRadius = r,
): Path64 {
  const step = (2 * Math.PI) / segments;
  const path: Path64 = [];
  const push = (x: number, y: number): void => {
    const p = { x: Math.round(x), y: Math.round(y) };
    const last = path[path.length - 1];
    if (!last || last.x !== p.x || last.y !== p.y) path.push(p);
  };
  const grid = angleGrid(segments);
  const cosK = (k: number): number => grid.cos[((k % segments) + segments) % segments] as number;
  const sinK = (k: number): number => grid.sin[((k % segments) + segments) % segments] as number;
  if (ax === bx && ay === by) {
    for (let i = 0; i < segments; i++) push(ax + arcRadius * cosK(i), ay + arcRadius * sinK(i));
    return path;
  }
  const theta = Math.atan2(by - ay, bx - ax);
  const arc = (cx: number, cy: number, from: number): void => {
    const to = from + Math.PI;
    push(cx + r * Math.cos(from), cy + r * Math.sin(from));
    // A grid vertex just past a tangent point would stand out of the straight side (arcRadius > r) and
    // make the capsule concave there: leave it out, so every capsule is convex. Only the first and last
    // vertex of an arc lie close enough to a tangent point (within 0.41 of a step) to do so.
    const first = Math.floor(from / step) + 1;
    const last = Math.ceil(to / step) - 1;
    for (let k = first; k <= last; k++) {
      if (k * step - from < 1e-9) continue;
      if (k === first && arcRadius * Math.cos(k * step - from) > r) continue;
      if (k === last && arcRadius * Math.cos(to - k * step) > r) continue;
      push(cx + arcRadius * cosK(k), cy + arcRadius * sinK(k));
    }
    push(cx + r * Math.cos(to), cy + r * Math.sin(to));
  };
  arc(bx, by, theta - Math.PI / 2);
  arc(ax, ay, theta + Math.PI / 2);
  const first = path[0];
  const last = path[path.length - 1];
  if (first && last && path.length > 1 && first.x === last.x && first.y === last.y) path.pop();
  return path;
}

/** cos and sin of the global angle grid (multiples of 2π/segments), computed once per resolution. */
const grids = new Map<number, { cos: Float64Array; sin: Float64Array }>();

function angleGrid(segments: number): { cos: Float64Array; sin: Float64Array } {
  let g = grids.get(segments);
  if (!g) {
    const step = (2 * Math.PI) / segments;
    g = { cos: new Float64Array(segments), sin: new Float64Array(segments) };
    for (let i = 0; i < segments; i++) {
      g.cos[i] = Math.cos(i * step);
      g.sin[i] = Math.sin(i * step);
    }
    grids.set(segments, g);
  }
  return g;
}
