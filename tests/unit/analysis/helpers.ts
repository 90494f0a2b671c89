import type { Path64, Paths64 } from 'clipper2-ts';
import proj4 from 'proj4';
import type { Feature, Point, Polygon, Position } from 'geojson';
import type { HamletProps, InputLayers, SiteFeature, SiteProps } from '../../../src/analysis/types.ts';

/** Metres on a transverse Mercator plane at 106.2°E 20.2°N (proj4: independent of the engine's projection). */
const TM = '+proj=tmerc +lat_0=20.2 +lon_0=106.2 +k=1 +x_0=0 +y_0=0 +ellps=WGS84 +units=m +no_defs';

export const ll = (x: number, y: number): Position => proj4(TM, 'WGS84', [x, y]);

export function squareRing(cx: number, cy: number, half: number): Position[] {
  return [
    ll(cx - half, cy - half),
    ll(cx + half, cy - half),
    ll(cx + half, cy + half),
    ll(cx - half, cy + half),
    ll(cx - half, cy - half),
  ];
}

export function hamlet(
  id: string,
  cx: number,
  cy: number,
  half: number,
  households = 100,
): Feature<Polygon, HamletProps> {
  return {
    type: 'Feature',
    geometry: { type: 'Polygon', coordinates: [squareRing(cx, cy, half)] },
    properties: { id, name: id, households, commune_code: 'C1', district_code: 'D1' },
  };
}

export function site(
  id: string,
  x: number,
  y: number,
  props: Omit<SiteProps, 'id' | 'tech'> & { tech: string },
): SiteFeature {
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: ll(x, y) },
    properties: { ...props, id },
  };
}

export function point<P>(x: number, y: number, properties: P): Feature<Point, P> {
  return { type: 'Feature', geometry: { type: 'Point', coordinates: ll(x, y) }, properties };
}

export function fc<T>(features: T[]): { type: 'FeatureCollection'; features: T[] } {
  return { type: 'FeatureCollection', features };
}

export function layersOf(parts: Partial<{ [K in keyof InputLayers]: unknown[] }>): InputLayers {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(parts)) if (v) out[k] = fc(v);
  return out as unknown as InputLayers;
}

/** Freeze an object graph so any write by the code under test throws (modules run in strict mode). */
export function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}

/** A concave U, 30 × 30 integer units with a 10 × 20 notch from the top: for clipping tests. */
export function uShape(): Path64 {
  return [
    { x: 0, y: 0 },
    { x: 30, y: 0 },
    { x: 30, y: 30 },
    { x: 20, y: 30 },
    { x: 20, y: 10 },
    { x: 10, y: 10 },
    { x: 10, y: 30 },
    { x: 0, y: 30 },
  ];
}

/** A star-shaped ring of `n` vertices around (cx, cy), radii 0.3–1 × r: concave, like a hamlet. */
export function star(rand: () => number, cx: number, cy: number, r: number, n: number): Paths64 {
  const ring = Array.from({ length: n }, (_, i) => {
    const t = (2 * Math.PI * i) / n;
    const k = r * (0.3 + 0.7 * rand());
    return { x: Math.round(cx + k * Math.cos(t)), y: Math.round(cy + k * Math.sin(t)) };
  });
  return [ring];
}

/**
 * A random point (a zero-length segment, with probability `pointShare`) or segment about (cx, cy): its
 * first end within `spread` of the centre on each axis, its second within `length` of the first.
 */
export function randomSegment(
  rand: () => number,
  cx: number,
  cy: number,
  spread: number,
  length: number,
  pointShare: number,
): { ax: number; ay: number; bx: number; by: number; point: boolean } {
  const ax = cx + (rand() - 0.5) * spread;
  const ay = cy + (rand() - 0.5) * spread;
  const point = rand() < pointShare;
  const bx = point ? ax : ax + (rand() - 0.5) * length;
  const by = point ? ay : ay + (rand() - 0.5) * length;
  return { ax, ay, bx, by, point };
}
