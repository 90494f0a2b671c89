import type { MultiPolygon, Polygon, Position } from 'geojson';
import { dedupe, list, position, Reject, signedArea, type GeometryProblem } from './geometryParts.ts';
import { repairPolygon } from './repairPolygon.ts';
import { findSelfIntersection } from './selfIntersection.ts';

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

/**
 * Cleans (Multi)Polygon rings: closes them, drops degenerate holes and parts, winds them as
 * RFC 7946 asks, and repairs self-intersections, recording each change in `problems`.
 */
export function polygonGeometry(
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
