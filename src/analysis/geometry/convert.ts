import type { MultiPolygon, Polygon, Position } from 'geojson';
import { SCALE } from './clip.ts';
import type { Path64, Paths64 } from './clip.ts';
import { Clipper } from 'clipper2-ts';
import type { LocalProjection } from './projection.ts';

/**
 * Conversions between GeoJSON lon/lat and integer paths in the local projection.
 */
export function projectRing(ring: readonly Position[], proj: LocalProjection): Path64 {
  const out: Path64 = [];
  const n = ring.length;
  // GeoJSON repeats the first position at the end; Clipper rings are implicitly closed.
  const last = n > 1 && samePosition(ring[0], ring[n - 1]) ? n - 1 : n;
  for (let i = 0; i < last; i++) {
    const p = ring[i] as Position;
    const [x, y] = proj.forward(p[0] as number, p[1] as number);
    out.push({ x: Math.round(x * SCALE), y: Math.round(y * SCALE) });
  }
  return out;
}

export function projectPoint(p: Position, proj: LocalProjection): { x: number; y: number } {
  const [x, y] = proj.forward(p[0] as number, p[1] as number);
  return { x: Math.round(x * SCALE), y: Math.round(y * SCALE) };
}

function samePosition(a: Position | undefined, b: Position | undefined): boolean {
  return a !== undefined && b !== undefined && a[0] === b[0] && a[1] === b[1];
}

/**
 * Normalised paths (outer rings positive, holes negative) → GeoJSON in lon/lat, RFC 7946 winding. Parts whose
 * area is below `minAreaUnits` are dropped: they are slivers from coincident edges, invisible on a map.
 *
 * @example
 * const g = pathsToGeoJSON(whitePaths, proj, 100 * 100); // drop parts under 1 m²
 */
export function pathsToGeoJSON(
  paths: Paths64,
  proj: LocalProjection,
  minAreaUnits = 0,
): Polygon | MultiPolygon | null {
  const outers: { path: Path64; area: number; holes: Path64[] }[] = [];
  const holes: Path64[] = [];
  for (const p of paths) {
    if (p.length < 3) continue;
    const a = Clipper.area(p);
    if (Math.abs(a) <= minAreaUnits) continue;
    if (a > 0) outers.push({ path: p, area: a, holes: [] });
    else holes.push(p);
  }
  if (outers.length === 0) return null;
  outers.sort((x, y) => x.area - y.area);
  for (const h of holes) {
    const probe = h[0] as Path64[number];
    // The smallest outer ring that contains a hole's vertex is its parent (outers are sorted by area).
    const parent =
      outers.find((o) => Clipper.pointInPolygon(probe, o.path) !== 2) ?? outers[outers.length - 1];
    parent?.holes.push(h);
  }
  const toRing = (p: Path64): Position[] => {
    const ring = p.map((pt) => {
      const [lon, lat] = proj.inverse(pt.x / SCALE, pt.y / SCALE);
      return [round7(lon), round7(lat)];
    });
    ring.push(ring[0] as Position);
    return ring;
  };
  const polygons = outers.map((o) => [toRing(o.path), ...o.holes.map(toRing)]);
  if (polygons.length === 1) return { type: 'Polygon', coordinates: polygons[0] as Position[][] };
  return { type: 'MultiPolygon', coordinates: polygons };
}

/** 1e-7° ≈ 1 cm: the precision of the integer grid; more digits would only bloat exports. */
function round7(v: number): number {
  return Math.round(v * 1e7) / 1e7;
}
