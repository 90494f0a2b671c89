import type { Path64 } from './clip.ts';

/**
 * Discs and sectors as polygons in projected integer units. Vertices sit on a radius enlarged so that the
 * polygon has exactly the area of the true disc (for 128 segments the factor is 1.0002): a plain inscribed
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
    for (let i = 0; i < segments; i++) {
      const a = i * step;
      path.push({ x: Math.round(cx + r * Math.cos(a)), y: Math.round(cy + r * Math.sin(a)) });
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
