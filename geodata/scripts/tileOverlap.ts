import { Clipper, FillRule, type Paths64 } from 'clipper2-ts';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { bboxOf } from './geom.ts';
import { type IntGrid, geometryToPaths, gridFor } from './intGeom.ts';
import { lonLatToTile, quadkeyToTile, tileBounds, tileToQuadkey } from '../../src/data/quadkey.ts';

type Areal = Feature<Polygon | MultiPolygon>;

/** One zoom-16 tile and the hamlets it overlaps. */
export interface TileOverlap {
  quadkey: string;
  /** [west, south, east, north], degrees. */
  bounds: [number, number, number, number];
  /** The tile's area in micro-degrees² (lon × lat): the unit of the overlaps below. */
  area: number;
  /** Hamlet index and overlap area; only overlaps above zero. */
  parts: { hamlet: number; area: number }[];
}

export const TILE_ZOOM = 16;

/**
 * Exact overlaps of zoom-16 web-mercator tiles with hamlets (Clipper on the micro-degree grid), measured in
 * lon/lat: within one ~600 m tile the ratio of two areas is the same as in metres to a few parts per
 * million. With `quadkeys`, those tiles; without, every tile that meets a hamlet.
 * @example tileOverlaps(hamlets).get('1322101301313113')?.parts
 */
export function tileOverlaps(
  hamlets: readonly Areal[],
  quadkeys?: readonly string[],
): Map<string, TileOverlap> {
  let minLon = Infinity;
  let minLat = Infinity;
  for (const h of hamlets) {
    const b = bboxOf(h.geometry);
    minLon = Math.min(minLon, b[0]);
    minLat = Math.min(minLat, b[1]);
  }
  const grid: IntGrid = { ox: Math.round(minLon * 1e6) - 100_000, oy: Math.round(minLat * 1e6) - 100_000 };
  const paths: Paths64[] = hamlets.map((h) =>
    Clipper.union(geometryToPaths(grid, h.geometry), FillRule.EvenOdd),
  );
  const out = new Map<string, TileOverlap>();
  const tileOf = (key: string): TileOverlap => {
    let t = out.get(key);
    if (!t) {
      const bounds = tileBounds(quadkeyToTile(key));
      const [l, b, r, top] = rectOf(grid, bounds);
      t = { quadkey: key, bounds, area: (r - l) * (top - b), parts: [] };
      out.set(key, t);
    }
    return t;
  };
  const wanted = quadkeys ? new Set(quadkeys) : null;
  for (const key of quadkeys ?? []) tileOf(key);
  hamlets.forEach((h, i) => {
    const [w, s, e, n] = bboxOf(h.geometry);
    const nw = lonLatToTile(w, n, TILE_ZOOM);
    const se = lonLatToTile(e, s, TILE_ZOOM);
    for (let x = nw.x; x <= se.x; x++) {
      for (let y = nw.y; y <= se.y; y++) {
        const key = tileToQuadkey({ x, y, z: TILE_ZOOM });
        if (wanted && !wanted.has(key)) continue;
        const tile = tileOf(key);
        const [l, b, r, top] = rectOf(grid, tile.bounds);
        const rect = [
          { x: l, y: b },
          { x: r, y: b },
          { x: r, y: top },
          { x: l, y: top },
        ];
        const area = Clipper.areaPaths(Clipper.intersect(paths[i] ?? [], [rect], FillRule.NonZero));
        if (area > 0) tile.parts.push({ hamlet: i, area });
      }
    }
  });
  if (!wanted) for (const [key, t] of out) if (t.parts.length === 0) out.delete(key);
  return new Map([...out].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));
}

function rectOf(
  grid: IntGrid,
  [w, s, e, n]: [number, number, number, number],
): [number, number, number, number] {
  return [
    Math.round(w * 1e6) - grid.ox,
    Math.round(s * 1e6) - grid.oy,
    Math.round(e * 1e6) - grid.ox,
    Math.round(n * 1e6) - grid.oy,
  ];
}

/** Each hamlet's area in the units of `tileOverlaps` (micro-degrees²). */
export function hamletAreas(hamlets: readonly Areal[]): number[] {
  return hamlets.map((h) =>
    Clipper.areaPaths(Clipper.union(geometryToPaths(gridFor(h.geometry), h.geometry), FillRule.EvenOdd)),
  );
}
