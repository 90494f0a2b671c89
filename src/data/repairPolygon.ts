import { Clipper, ClipType, FillRule, PolyTreeD, type PathD, type PolyPathD } from 'clipper2-ts';
import type { MultiPolygon, Polygon, Position } from 'geojson';

// 1e-8 degrees ≈ 1 mm: Clipper works on integers, this is the grid it snaps to.
const PRECISION = 8;

/**
 * Rebuilds self-intersecting (Multi)Polygon rings as a valid geometry, like PostGIS ST_MakeValid:
 * a non-zero union of all rings (outer rings counter-clockwise, holes clockwise). Bow-ties become
 * two parts; overlapping parts merge. Returns null when nothing with area is left.
 */
export function repairPolygon(g: Polygon | MultiPolygon): Polygon | MultiPolygon | null {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  const subject: PathD[] = polys.flatMap((rings) =>
    rings.map((ring) => ring.slice(0, -1).map(([x, y]) => ({ x: x as number, y: y as number }))),
  );
  const tree = new PolyTreeD();
  Clipper.booleanOpDWithPolyTree(ClipType.Union, subject, null, tree, FillRule.NonZero, PRECISION);
  const out: Position[][][] = [];
  const addOuter = (node: PolyPathD): void => {
    const outer = ring(node.poly, true);
    if (!outer) return;
    const rings = [outer];
    for (let i = 0; i < node.count; i++) {
      const hole = node.child(i);
      const r = ring(hole.poly, false);
      if (r) rings.push(r);
      for (let j = 0; j < hole.count; j++) addOuter(hole.child(j));
    }
    out.push(rings);
  };
  for (let i = 0; i < tree.count; i++) addOuter(tree.child(i));
  if (out.length === 0) return null;
  return out.length === 1
    ? { type: 'Polygon', coordinates: out[0] as Position[][] }
    : { type: 'MultiPolygon', coordinates: out };
}

function ring(path: PathD | null, counterClockwise: boolean): Position[] | null {
  if (!path || path.length < 3) return null;
  const pts: Position[] = path.map((p) => [p.x, p.y]);
  let area = 0;
  for (let i = 0; i < pts.length; i++) {
    const a = pts[i] as Position;
    const b = pts[(i + 1) % pts.length] as Position;
    area += (a[0] as number) * (b[1] as number) - (b[0] as number) * (a[1] as number);
  }
  if (area === 0) return null;
  if (area > 0 !== counterClockwise) pts.reverse();
  pts.push([...(pts[0] as Position)]);
  return pts;
}
