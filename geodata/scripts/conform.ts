import { Clipper, ClipType, FillRule, type Path64, PolyTree64 } from 'clipper2-ts';
import Flatbush from 'flatbush';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { pointSegmentDistance, polygonsOf } from './geom.ts';
import { geometryToPaths, gridFor, polygonsToGeometry, treeToPolygons } from './intGeom.ts';

/** Rounding puts a crossing up to ~0.7 units off its edge; snapping adds at most 2 more. */
const ON_EDGE = 1.5;

/**
 * Returns a function that adds to a polygon's rings every crossing point lying on one of its edges
 * (points and coordinates in absolute micro-degrees). Applied to the communes and to the hamlets, it makes
 * a point where a hamlet boundary meets a commune outline a vertex of everything that shares that edge: the
 * commune, the neighbouring commune and the neighbour's hamlets. On the 6-decimal grid such a point lies
 * up to ~5 cm off the edge, so without this each one leaves a sliver of tens of m² between neighbours.
 * @example const node = makeNoder(crossings); const commune2 = node(commune.geometry);
 */
export function makeNoder(
  points: readonly [number, number][],
): (g: Polygon | MultiPolygon) => Polygon | MultiPolygon {
  if (points.length === 0) return (g) => g;
  const index = new Flatbush(points.length);
  for (const [x, y] of points) index.add(x, y, x, y);
  index.finish();
  return (g) => {
    const polys = polygonsOf(g).map((poly) => poly.map((ring) => nodeRing(ring, points, index)));
    const only = polys[0];
    return g.type === 'Polygon' && only
      ? { type: 'Polygon', coordinates: only }
      : { type: 'MultiPolygon', coordinates: polys };
  };
}

function nodeRing(ring: Position[], points: readonly [number, number][], index: Flatbush): Position[] {
  const micro = ring.map((p): [number, number] => [
    Math.round((p[0] ?? 0) * 1e6),
    Math.round((p[1] ?? 0) * 1e6),
  ]);
  const out: Position[] = [];
  for (let i = 0; i < ring.length; i++) {
    const p = ring[i];
    const a = micro[i];
    if (!p || !a) continue;
    out.push(p);
    const b = micro[i + 1];
    if (!b) continue;
    const dx = b[0] - a[0];
    const dy = b[1] - a[1];
    const len2 = dx * dx + dy * dy;
    if (len2 === 0) continue;
    const hits: { t: number; q: [number, number] }[] = [];
    const ids = index.search(
      Math.min(a[0], b[0]) - ON_EDGE,
      Math.min(a[1], b[1]) - ON_EDGE,
      Math.max(a[0], b[0]) + ON_EDGE,
      Math.max(a[1], b[1]) + ON_EDGE,
    );
    for (const id of ids) {
      const q = points[id];
      if (!q || (q[0] === a[0] && q[1] === a[1]) || (q[0] === b[0] && q[1] === b[1])) continue;
      const t = ((q[0] - a[0]) * dx + (q[1] - a[1]) * dy) / len2;
      if (t <= 0 || t >= 1 || pointSegmentDistance(q, a, b) > ON_EDGE) continue;
      hits.push({ t, q });
    }
    hits.sort((u, v) => u.t - v.t);
    for (const { q } of hits) out.push([q[0] / 1e6, q[1] / 1e6]);
  }
  return out;
}

/**
 * Clipper drops hair-thin spikes of a commune outline (a source artefact: one in Nam Định, ~11 m²) when it
 * clips a cell. Run after noding: whatever of the commune no cell covers is added to the nearest cell, so
 * the cells cover the whole commune. Returns the cells, changed only where a residue was found.
 */
export function fillResiduals(
  commune: Polygon | MultiPolygon,
  cells: readonly (Polygon | MultiPolygon)[],
): (Polygon | MultiPolygon)[] {
  const grid = gridFor(commune);
  const cellPaths = cells.map((g) => geometryToPaths(grid, g));
  const covered = Clipper.union(
    cellPaths.flatMap((paths) => Clipper.union(paths, FillRule.EvenOdd)),
    FillRule.NonZero,
  );
  const whole = Clipper.union(geometryToPaths(grid, commune), FillRule.EvenOdd);
  const residual = Clipper.difference(whole, covered, FillRule.NonZero);
  const out = [...cells];
  if (residual.some((p) => Clipper.area(p) < 0)) return out;
  for (const piece of residual) {
    const best = nearestCell(piece, cellPaths);
    const target = cellPaths[best];
    if (!target) continue;
    const tree = new PolyTree64();
    Clipper.booleanOpWithPolyTree(
      ClipType.Union,
      [...Clipper.union(target, FillRule.EvenOdd), piece],
      null,
      tree,
      FillRule.NonZero,
    );
    cellPaths[best] = treeToPolygons(tree).flat();
    out[best] = polygonsToGeometry(grid, treeToPolygons(tree));
  }
  return out;
}

function nearestCell(piece: Path64, cells: Path64[][]): number {
  let best = -1;
  let bestD = Infinity;
  cells.forEach((paths, i) => {
    for (const ring of paths)
      for (const p of ring)
        for (const q of piece) {
          const d = Math.abs(p.x - q.x) + Math.abs(p.y - q.y);
          if (d < bestD) {
            bestD = d;
            best = i;
          }
        }
  });
  return best;
}
