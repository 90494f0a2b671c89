import type { Position } from 'geojson';

export interface GeometryProblem {
  severity: 'skip' | 'repair' | 'warn';
  message: string;
  fix: string;
}

/** A reason to skip a feature, with what the user can do about it. */
export class Reject extends Error {
  constructor(
    message: string,
    readonly fix: string,
  ) {
    super(message);
  }
}

export function list(v: unknown, what: string): unknown[] {
  if (!Array.isArray(v))
    throw new Reject(
      `has ${what} that are not a list of coordinates`,
      'Export the file again from your GIS.',
    );
  return v;
}

export function position(v: unknown): Position {
  if (typeof v === 'number') {
    throw new Reject(
      `has coordinates nested one level too shallow (a number, ${v}, where a [longitude, latitude] pair belongs)`,
      'Check the brackets: a Polygon is [[[lon, lat], …]], a LineString [[lon, lat], …], a Point [lon, lat].',
    );
  }
  if (!Array.isArray(v) || v.length < 2) {
    throw new Reject(
      `has a position ${short(v)} that is not [longitude, latitude]`,
      'Each position needs two numbers: longitude then latitude.',
    );
  }
  const [x, y] = v as unknown[];
  if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) {
    throw new Reject(
      `has a coordinate that is not a number: ${short(v)}`,
      'Write coordinates as numbers without quotes, e.g. [106.17, 20.42].',
    );
  }
  if (x < -180 || x > 180 || y < -90 || y > 90) {
    throw new Reject(
      `has coordinates out of range: ${short(v)} (longitude must be within ±180, latitude ±90)`,
      'Check the coordinate system: metres need a .prj or a CRS choice; swapped latitude/longitude must be put back.',
    );
  }
  return [x, y];
}

export function short(v: unknown): string {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

export function dedupe(points: Position[]): Position[] {
  return points.filter((p, i) => i === 0 || p[0] !== points[i - 1]?.[0] || p[1] !== points[i - 1]?.[1]);
}

export function signedArea(ring: Position[]): number {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const a = ring[i] as Position;
    const b = ring[i + 1] as Position;
    s += (a[0] as number) * (b[1] as number) - (b[0] as number) * (a[1] as number);
  }
  return s / 2;
}
