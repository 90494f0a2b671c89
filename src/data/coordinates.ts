import type { RawFeature } from './types.ts';

type Pos = number[];

function isPosition(v: unknown): v is Pos {
  return Array.isArray(v) && v.length >= 2 && typeof v[0] === 'number' && typeof v[1] === 'number';
}

/** Applies `fn` to every well-formed position of a possibly malformed geometry; leaves the rest alone. */
export function mapCoords(coords: unknown, fn: (p: Pos) => Pos): unknown {
  if (isPosition(coords)) return fn(coords);
  if (Array.isArray(coords)) return coords.map((c: unknown) => mapCoords(c, fn));
  return coords;
}

function geometryOf(f: RawFeature): Record<string, unknown> | null {
  if (typeof f !== 'object' || f === null) return null;
  const g = (f as { geometry?: unknown }).geometry;
  return typeof g === 'object' && g !== null ? (g as Record<string, unknown>) : null;
}

function mapGeometry(g: Record<string, unknown>, fn: (p: Pos) => Pos): Record<string, unknown> {
  if (Array.isArray(g.geometries)) {
    return {
      ...g,
      geometries: g.geometries.map((c: unknown) =>
        typeof c === 'object' && c !== null ? mapGeometry(c as Record<string, unknown>, fn) : c,
      ),
    };
  }
  return { ...g, coordinates: mapCoords(g.coordinates, fn) };
}

/** A copy of the features with each position transformed; malformed parts pass through for the validator. */
export function mapFeatures(features: RawFeature[], fn: (p: Pos) => Pos): RawFeature[] {
  return features.map((f) => {
    const g = geometryOf(f);
    return g ? { ...(f as object), geometry: mapGeometry(g, fn) } : f;
  });
}

function eachPosition(coords: unknown, fn: (p: Pos) => void): void {
  if (isPosition(coords)) fn(coords);
  else if (Array.isArray(coords)) for (const c of coords) eachPosition(c, fn);
}

export interface CoordinateLook {
  /** How the numbers look: degrees in the right order, degrees swapped, or metres of a projection. */
  order: 'lonlat' | 'latlon' | 'projected' | 'empty';
  bbox: [number, number, number, number] | null;
}

/**
 * Looks at the coordinates' range to tell degrees from metres and lon/lat from lat/lon.
 * Swapped order is claimed only when the values cannot be lon/lat but can be lat/lon, which is
 * always the case in Vietnam (longitudes 102–118 are not latitudes).
 */
export function inspectCoordinates(features: RawFeature[]): CoordinateLook {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  let n = 0;
  const visit = (p: Pos): void => {
    const [x, y] = p as [number, number];
    if (!Number.isFinite(x) || !Number.isFinite(y)) return;
    n++;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  };
  for (const f of features) {
    const g = geometryOf(f);
    if (!g) continue;
    if (Array.isArray(g.geometries)) {
      for (const c of g.geometries)
        if (typeof c === 'object' && c !== null)
          eachPosition((c as { coordinates?: unknown }).coordinates, visit);
    } else eachPosition(g.coordinates, visit);
  }
  if (n === 0) return { order: 'empty', bbox: null };
  const bbox: [number, number, number, number] = [minX, minY, maxX, maxY];
  const geo = minX >= -180 && maxX <= 180 && minY >= -90 && maxY <= 90;
  const swapped = minY >= -180 && maxY <= 180 && minX >= -90 && maxX <= 90;
  if (!geo && swapped) return { order: 'latlon', bbox };
  if (!geo) {
    // A few stray huge values among degrees are bad features, not a projection.
    const spanLooksMetric =
      maxX - minX > 360 || maxY - minY > 180 || Math.abs(minX) > 1000 || Math.abs(minY) > 1000;
    return { order: spanLooksMetric ? 'projected' : 'lonlat', bbox };
  }
  return { order: 'lonlat', bbox };
}

/** Words for the error when metres come without a coordinate system. */
export function describeProjected(bbox: [number, number, number, number]): string {
  const [x0, y0, x1, y1] = bbox.map((v) => Math.round(v));
  const looksVn = (x0 ?? 0) > 100_000 && (x1 ?? 0) < 900_000 && (y0 ?? 0) > 800_000 && (y1 ?? 0) < 2_700_000;
  return (
    `coordinates look like metres (x ${x0}…${x1}, y ${y0}…${y1})` +
    (looksVn ? ', typical of VN-2000 TM-3 or UTM in Vietnam' : '')
  );
}
