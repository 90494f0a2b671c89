import type { Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { polygonGeometry } from './checkPolygon.ts';
import { dedupe, list, position, Reject, type GeometryProblem } from './geometryParts.ts';

export type { GeometryProblem } from './geometryParts.ts';

export type Family = 'polygon' | 'line' | 'point';

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

/**
 * Checks one raw geometry against what the role needs and returns a clean 2-D copy, repairing what
 * is safe (unclosed rings, duplicate vertices, winding, self-intersections, one-point MultiPoints).
 * Never throws: anything unusable comes back as a `skip` problem with `geometry: null`.
 */
export function checkGeometry(raw: unknown, wanted: readonly Family[], centroidOk = false): CheckedGeometry {
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

function check(
  raw: unknown,
  wanted: readonly Family[],
  centroidOk: boolean,
  problems: GeometryProblem[],
): Geometry {
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
  wanted: readonly Family[],
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

function line(v: unknown): Position[] {
  const pts = dedupe(list(v, 'lines').map(position));
  if (pts.length < 2)
    throw new Reject(
      'is a line with fewer than 2 distinct positions',
      'Draw the line with at least two points, or delete it.',
    );
  return pts;
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
