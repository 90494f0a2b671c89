import type { Path64, Paths64, PolyPath64, PolyTree64 } from 'clipper2-ts';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { polygonsOf } from './geom.ts';

/**
 * Integer micro-degrees relative to a local origin. Every shipped coordinate has 6 decimals, so this grid
 * holds them exactly, Clipper works on it without rounding drift, and the offset keeps cross products far
 * below 2^53.
 */
export interface IntGrid {
  ox: number;
  oy: number;
}

export function gridFor(g: Polygon | MultiPolygon): IntGrid {
  let minX = Infinity;
  let minY = Infinity;
  for (const poly of polygonsOf(g)) {
    for (const p of poly[0] ?? []) {
      minX = Math.min(minX, p[0] ?? 0);
      minY = Math.min(minY, p[1] ?? 0);
    }
  }
  return { ox: Math.round(minX * 1e6) - 1000, oy: Math.round(minY * 1e6) - 1000 };
}

export function toInt(grid: IntGrid, lon: number, lat: number): { x: number; y: number } {
  return { x: Math.round(lon * 1e6) - grid.ox, y: Math.round(lat * 1e6) - grid.oy };
}

export function fromInt(grid: IntGrid, p: { x: number; y: number }): [number, number] {
  return [(p.x + grid.ox) / 1e6, (p.y + grid.oy) / 1e6];
}

/** All rings of a (multi)polygon as open integer paths; use with FillRule.EvenOdd. */
export function geometryToPaths(grid: IntGrid, g: Polygon | MultiPolygon): Paths64 {
  const paths: Paths64 = [];
  for (const poly of polygonsOf(g)) {
    for (const ring of poly) paths.push(ringToPath(grid, ring));
  }
  return paths;
}

function ringToPath(grid: IntGrid, ring: Position[]): Path64 {
  const path: Path64 = ring.map((p) => toInt(grid, p[0] ?? 0, p[1] ?? 0));
  const first = path[0];
  const last = path[path.length - 1];
  if (first && last && first.x === last.x && first.y === last.y) path.pop();
  return path;
}

/** Polygons (outer ring first, then holes) from a Clipper PolyTree, islands in holes included. */
export function treeToPolygons(tree: PolyTree64): Path64[][] {
  const out: Path64[][] = [];
  const visitOuter = (node: PolyPath64): void => {
    const outer = node.poly;
    if (!outer) return;
    const rings: Path64[] = [outer];
    for (let i = 0; i < node.count; i++) {
      const hole = node.child(i);
      if (hole.poly) rings.push(hole.poly);
      for (let j = 0; j < hole.count; j++) visitOuter(hole.child(j));
    }
    out.push(rings);
  };
  for (let i = 0; i < tree.count; i++) visitOuter(tree.child(i));
  return out;
}

/** GeoJSON geometry from integer polygons: rings closed; Clipper already orients outers CCW, holes CW. */
export function polygonsToGeometry(grid: IntGrid, polys: Path64[][]): Polygon | MultiPolygon {
  const coords = polys.map((rings) =>
    rings.map((ring) => {
      const r = ring.map((p) => fromInt(grid, p));
      const first = r[0];
      if (first) r.push([first[0], first[1]]);
      return r;
    }),
  );
  const only = coords[0];
  if (coords.length === 1 && only) return { type: 'Polygon', coordinates: only };
  return { type: 'MultiPolygon', coordinates: coords };
}
