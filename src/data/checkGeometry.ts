import type { Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { repairPolygon } from './repairPolygon.ts';
import { findSelfIntersection } from './selfIntersection.ts';

export type Family = 'polygon' | 'line' | 'point';

export interface GeometryProblem {
  severity: 'skip' | 'repair' | 'warn';
  message: string;
  fix: string;
}

export interface CheckedGeometry {
  geometry: Geometry | null;
  problems: GeometryProblem[];
}

const FAMILY_OF: Record<string, Family> = {
  Point: 'point',
  MultiPoint: 'point',
  LineString: 'line',
  MultiLineString: 'line',
  Polygon: 'polygon',
  MultiPolygon: 'polygon',
};

const WORD: Record<Family, string> = { polygon: 'an area (polygon)', line: 'a line', point: 'a point' };

class Reject extends Error {
  constructor(
    message: string,
    readonly fix: string,
  ) {
    super(message);
  }
}

/**
 * Checks one raw geometry against what the role needs and returns a clean 2-D copy, repairing what
 * is safe (unclosed rings, duplicate vertices, winding, self-intersections, one-point MultiPoints).
 * Never throws: anything unusable comes back as a `skip` problem with `geometry: null`.
 */
export function checkGeometry(raw: unknown, wanted: Family[], centroidOk = false): CheckedGeometry {
  const problems: GeometryProblem[] = [];
  try {
    const geometry = check(raw, wanted, centroidOk, problems);
    return { geometry, problems };
  } catch (err) {
    const fix =
      err instanceof Reject
        ? err.fix
        : 'Check the geometry in your GIS (QGIS: Vector ▸ Geometry Tools ▸ Check Validity).';
    problems.push({ severity: 'skip', message: err instanceof Error ? err.message : String(err), fix });
    return { geometry: null, problems };
  }
}

function check(raw: unknown, wanted: Family[], centroidOk: boolean, problems: GeometryProblem[]): Geometry {
  if (raw === null || raw === undefined) {
    throw new Reject('has no geometry', 'Draw the feature or delete it from the file.');
  }
  if (typeof raw !== 'object' || Array.isArray(raw))
    throw new Reject('has a geometry that is not an object', 'Export the file again from your GIS.');
  const g = raw as { type?: unknown; coordinates?: unknown; geometries?: unknown };
  if (g.type === 'GeometryCollection') return fromCollection(g.geometries, wanted, centroidOk, problems);
  const type = typeof g.type === 'string' ? g.type : '';
  const family = FAMILY_OF[type];
  if (!family) {
    throw new Reject(
      `has an unknown geometry type "${String(g.type)}"`,
      'Use Point, LineString or Polygon geometries (RFC 7946).',
    );
  }
  if (!wanted.includes(family)) {
    if (family === 'polygon' && centroidOk) {
      const geometry = check(raw, ['polygon'], false, []);
      problems.push({
        severity: 'repair',
        message: 'is an area where a point belongs; used its centre',
        fix: 'Give this layer points if the centre is not the right place.',
      });
      return centroidOf(geometry as Polygon | MultiPolygon);
    }
    throw new Reject(
      `is ${WORD[family]} (${type}) where ${wanted.map((w) => WORD[w]).join(' or ')} belongs`,
      family === 'point'
        ? 'Choose a point role (sites, facilities, households) for this file, or use the boundaries instead of points.'
        : 'Choose the role that matches the geometry, or convert the geometry in your GIS.',
    );
  }
  switch (type) {
    case 'Point':
      return { type: 'Point', coordinates: position(g.coordinates) };
    case 'MultiPoint': {
      const pts = list(g.coordinates, 'points').map(position);
      if (pts.length === 1 && pts[0]) return { type: 'Point', coordinates: pts[0] };
      throw new Reject(
        `is a MultiPoint of ${pts.length} points; one point per feature is needed`,
        'Split multipart features (QGIS: Vector ▸ Geometry Tools ▸ Multipart to Singleparts).',
      );
    }
    case 'LineString':
      return { type: 'LineString', coordinates: line(g.coordinates) };
    case 'MultiLineString': {
      const parts = list(g.coordinates, 'lines');
      const good: Position[][] = [];
      parts.forEach((p, i) => {
        try {
          good.push(line(p));
        } catch (err) {
          problems.push({
            severity: 'repair',
            message: `dropped line part ${i + 1}: ${(err as Error).message}`,
            fix: 'Check the line in your GIS.',
          });
        }
      });
      if (good.length === 0) throw new Reject('has no usable line parts', 'Draw the line again.');
      return { type: 'MultiLineString', coordinates: good };
    }
    case 'Polygon':
      return polygonGeometry([g.coordinates], problems, false);
    default:
      return polygonGeometry(list(g.coordinates, 'polygons'), problems, true);
  }
}

function fromCollection(
  geoms: unknown,
  wanted: Family[],
  centroidOk: boolean,
  problems: GeometryProblem[],
): Geometry {
  const members = list(geoms, 'geometries');
  if (members.length === 1) return check(members[0], wanted, centroidOk, problems);
  const types = new Set(
    members.map((m) => (typeof m === 'object' && m !== null ? (m as { type?: unknown }).type : null)),
  );
  const polys = [...types].every((t) => t === 'Polygon' || t === 'MultiPolygon');
  const lines = [...types].every((t) => t === 'LineString' || t === 'MultiLineString');
  if (members.length === 0 || !(polys || lines)) {
    throw new Reject(
      'is a GeometryCollection of mixed or nested parts',
      'Split it into one feature per geometry type in your GIS.',
    );
  }
  const parts = members.map((m) => check(m, wanted, false, problems));
  problems.push({
    severity: 'repair',
    message: `was a GeometryCollection of ${members.length} parts; merged into one multi-part geometry`,
    fix: 'Nothing to do.',
  });
  if (polys) {
    const coords = parts.flatMap((p) =>
      p.type === 'Polygon' ? [p.coordinates] : p.type === 'MultiPolygon' ? p.coordinates : [],
    );
    return { type: 'MultiPolygon', coordinates: coords };
  }
  const coords = parts.flatMap((p) =>
    p.type === 'LineString' ? [p.coordinates] : p.type === 'MultiLineString' ? p.coordinates : [],
  );
  return { type: 'MultiLineString', coordinates: coords };
}

function list(v: unknown, what: string): unknown[] {
  if (!Array.isArray(v))
    throw new Reject(
      `has ${what} that are not a list of coordinates`,
      'Export the file again from your GIS.',
    );
  return v;
}

function position(v: unknown): Position {
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

function short(v: unknown): string {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

function dedupe(points: Position[]): Position[] {
  return points.filter((p, i) => i === 0 || p[0] !== points[i - 1]?.[0] || p[1] !== points[i - 1]?.[1]);
}

function line(v: unknown): Position[] {
  const pts = dedupe(list(v, 'lines').map(position));
  if (pts.length < 2)
    throw new Reject(
      'is a line with fewer than 2 distinct positions',
      'Draw the line with at least two points, or delete it.',
    );
  return pts;
}

function signedArea(ring: Position[]): number {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const a = ring[i] as Position;
    const b = ring[i + 1] as Position;
    s += (a[0] as number) * (b[1] as number) - (b[0] as number) * (a[1] as number);
  }
  return s / 2;
}

function ringOf(v: unknown, label: string, problems: GeometryProblem[]): Position[] {
  let pts = dedupe(list(v, 'rings').map(position));
  const first = pts[0];
  const last = pts[pts.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) {
    pts = [...pts, first];
    problems.push({
      severity: 'repair',
      message: `${label} was not closed; closed it`,
      fix: 'Nothing to do; GIS exports normally close rings.',
    });
  }
  if (pts.length < 4)
    throw new Reject(
      `${label} has too few positions (${new Set(pts.map((p) => p.join())).size} distinct; an area needs at least 3 corners, the first repeated last)`,
      'Redraw the area with at least three corners.',
    );
  if (signedArea(pts) === 0)
    throw new Reject(`${label} has no area (all points on a line)`, 'Redraw the area.');
  return pts;
}

function polygonGeometry(
  polys: unknown[],
  problems: GeometryProblem[],
  multi: boolean,
): Polygon | MultiPolygon {
  const out: Position[][][] = [];
  polys.forEach((poly, p) => {
    const where = multi ? `part ${p + 1}, ` : '';
    const rings = list(poly, 'rings');
    if (rings.length === 0) {
      if (multi)
        return void problems.push({
          severity: 'repair',
          message: `dropped empty ${where.slice(0, -2)}`,
          fix: 'Nothing to do.',
        });
      throw new Reject('is a polygon without rings', 'Draw the area or delete the feature.');
    }
    let outer: Position[];
    try {
      outer = ringOf(rings[0], `${where}outer ring`, problems);
    } catch (err) {
      if (!multi || polys.length === 1) throw err;
      problems.push({
        severity: 'repair',
        message: `dropped ${where.slice(0, -2)}: ${(err as Error).message}`,
        fix: 'Check that part in your GIS.',
      });
      return;
    }
    const result: Position[][] = [signedArea(outer) < 0 ? [...outer].reverse() : outer];
    rings.slice(1).forEach((r, i) => {
      try {
        const hole = ringOf(r, `${where}hole ${i + 1}`, problems);
        result.push(signedArea(hole) > 0 ? [...hole].reverse() : hole);
      } catch (err) {
        problems.push({
          severity: 'repair',
          message: `dropped ${where}hole ${i + 1}: ${(err as Error).message}`,
          fix: 'Check the hole in your GIS.',
        });
      }
    });
    out.push(result);
  });
  if (out.length === 0) throw new Reject('has no usable polygon parts', 'Draw the area again.');
  // All parts together, so overlapping parts of a MultiPolygon (counted twice in areas) are caught too.
  const crossing = findSelfIntersection(out.flat());
  const geometry: Polygon | MultiPolygon = multi
    ? { type: 'MultiPolygon', coordinates: out }
    : { type: 'Polygon', coordinates: out[0] as Position[][] };
  if (!crossing) return geometry;
  return repairSelfIntersection(geometry, crossing, problems);
}

function repairSelfIntersection(
  g: Polygon | MultiPolygon,
  at: [number, number],
  problems: GeometryProblem[],
): Polygon | MultiPolygon {
  const where = `${at[0].toFixed(6)}, ${at[1].toFixed(6)}`;
  const fix =
    'Check the boundary near that point in your GIS (QGIS: Vector ▸ Geometry Tools ▸ Fix Geometries).';
  let fixed: Polygon | MultiPolygon | null = null;
  try {
    fixed = repairPolygon(g);
  } catch {
    fixed = null;
  }
  if (!fixed) {
    throw new Reject(
      `is a self-intersecting polygon (crossing near ${where}) that could not be repaired`,
      fix,
    );
  }
  const pieces = fixed.type === 'MultiPolygon' ? fixed.coordinates.length : 1;
  problems.push({
    severity: 'repair',
    message: `was self-intersecting (crossing near ${where}); rebuilt as a valid ${fixed.type}${pieces > 1 ? ` of ${pieces} parts` : ''}`,
    fix,
  });
  return fixed;
}

function centroidOf(g: Polygon | MultiPolygon): Geometry {
  const outer = g.type === 'Polygon' ? g.coordinates[0] : g.coordinates[0]?.[0];
  const ring = outer ?? [];
  let x = 0;
  let y = 0;
  const n = Math.max(1, ring.length - 1);
  for (let i = 0; i < n; i++) {
    x += ring[i]?.[0] ?? 0;
    y += ring[i]?.[1] ?? 0;
  }
  return { type: 'Point', coordinates: [x / n, y / n] };
}
