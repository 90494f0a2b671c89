import { voronoi } from '@turf/voronoi';
import { Clipper, ClipType, FillRule, type Path64, type Point64, PolyTree64 } from 'clipper2-ts';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import {
  areaM2,
  bboxOf,
  distXY,
  localFrame,
  pointSegmentDistance,
  pointInRings,
  polygonsOf,
  round6,
  toLonLat,
  toXY,
  type XY,
} from './geom.ts';
import { geometryToPaths, gridFor, polygonsToGeometry, toInt, treeToPolygons } from './intGeom.ts';
import type { Rng } from './prng.ts';

/** A point where a cell boundary meets the commune edge a–b (absolute micro-degrees). */
export interface Crossing {
  p: [number, number];
  a: [number, number];
  b: [number, number];
}

export interface HamletCell {
  /** The Voronoi seed, inside the cell; used as the hamlet's centre (its "anchor"). */
  seed: [number, number];
  geometry: Polygon | MultiPolygon;
}

/**
 * Splits a commune into `n` Voronoi cells around seeded random points, each clipped to the commune, so
 * that the cells tile the commune exactly: shared edges carry identical vertices, and the few crossing
 * points that Clipper rounds differently from each side are snapped together (see `snapCrossings`).
 * Cells are ordered north to south, then west to east, so hamlet numbers read like a map.
 * @example tileCommune(commune.geometry, 6, rngFor(42, commune.properties.code)).length // 6
 */
export function tileCommune(
  geometry: Polygon | MultiPolygon,
  n: number,
  rng: Rng,
): { cells: HamletCell[]; crossings: Crossing[] } {
  const [minLon, minLat, maxLon, maxLat] = bboxOf(geometry);
  const frame = localFrame((minLon + maxLon) / 2, (minLat + maxLat) / 2);
  const seeds = scatterSeeds(geometry, n, rng, frame);
  seeds.sort((a, b) => b[1] - a[1] || a[0] - b[0]);

  const lo = toXY(frame, [minLon, minLat]);
  const hi = toXY(frame, [maxLon, maxLat]);
  const points: FeatureCollection<Point> = {
    type: 'FeatureCollection',
    features: seeds.map((s) => ({
      type: 'Feature',
      properties: {},
      geometry: { type: 'Point', coordinates: toXY(frame, s) },
    })),
  };
  const cells = voronoi(points, { bbox: [lo[0] - 200, lo[1] - 200, hi[0] + 200, hi[1] + 200] }).features;

  const grid = gridFor(geometry);
  const communePaths = geometryToPaths(grid, geometry);
  const known = new Set<string>();
  for (const path of communePaths) for (const p of path) known.add(key(p));

  const clipped: Path64[][][] = seeds.map((seed, i) => {
    const cell: Feature<Polygon> | undefined = cells[i];
    if (!cell) throw new Error(`Voronoi gave no cell for seed ${seed.join(',')}`);
    const path: Path64 = (cell.geometry.coordinates[0] ?? []).slice(0, -1).map((p) => {
      const [lon, lat] = toLonLat(frame, [p[0] ?? 0, p[1] ?? 0]);
      return toInt(grid, lon, lat);
    });
    for (const p of path) known.add(key(p));
    const tree = new PolyTree64();
    Clipper.booleanOpWithPolyTree(ClipType.Intersection, [path], communePaths, tree, FillRule.EvenOdd);
    return treeToPolygons(tree);
  });

  const crossings = snapCrossings(clipped, known);
  const cellsOut = clipped.map((polys, i) => {
    const seed = seeds[i];
    if (!seed || polys.length === 0) throw new Error(`cell ${i} is empty after clipping`);
    return { seed, geometry: polygonsToGeometry(grid, polys) };
  });
  const abs = (p: { x: number; y: number }): [number, number] => [p.x + grid.ox, p.y + grid.oy];
  const out: Crossing[] = [];
  for (const p of crossings) {
    const host = hostEdge(p, communePaths);
    if (host) out.push({ p: abs(p), a: abs(host[0]), b: abs(host[1]) });
  }
  return { cells: cellsOut, crossings: out };
}

/** The commune edge a crossing point was rounded off (the nearest, within 2 units), if any. */
function hostEdge(p: Point64, paths: Path64[]): [Point64, Point64] | null {
  let best: [Point64, Point64] | null = null;
  let bestD = 2;
  for (const path of paths) {
    path.forEach((a, i) => {
      const b = path[(i + 1) % path.length];
      if (!b) return;
      const d = pointSegmentDistance([p.x, p.y], [a.x, a.y], [b.x, b.y]);
      if (d <= bestD) {
        bestD = d;
        best = [a, b];
      }
    });
  }
  return best;
}

/**
 * Dart throwing: uniform points inside the commune, kept apart so cells have similar sizes; the spacing
 * shrinks when the commune is too thin or fragmented to fit `n` points at the first spacing.
 */
function scatterSeeds(
  geometry: Polygon | MultiPolygon,
  n: number,
  rng: Rng,
  frame: ReturnType<typeof localFrame>,
) {
  const rings: XY[][] = polygonsOf(geometry).flatMap((poly) =>
    poly.map((ring) => ring.map((p) => toXY(frame, p))),
  );
  const [minLon, minLat, maxLon, maxLat] = bboxOf(geometry);
  let spacing = 0.8 * Math.sqrt(areaM2(frame, geometry) / Math.max(1, n));
  const seeds: [number, number][] = [];
  const seedsXY: XY[] = [];
  let failures = 0;
  while (seeds.length < n) {
    const lon = round6(minLon + (maxLon - minLon) * rng());
    const lat = round6(minLat + (maxLat - minLat) * rng());
    const xy = toXY(frame, [lon, lat]);
    const ok = pointInRings(xy, rings) && seedsXY.every((s) => distXY(s, xy) >= spacing);
    if (ok) {
      seeds.push([lon, lat]);
      seedsXY.push(xy);
      failures = 0;
    } else if (++failures > 300) {
      spacing *= 0.85;
      failures = 0;
      if (spacing < 1) throw new Error(`cannot place ${n} hamlet seeds inside the commune (is it empty?)`);
    }
  }
  return seeds;
}

function key(p: { x: number; y: number }): string {
  return `${p.x},${p.y}`;
}

/**
 * Where a Voronoi edge crosses the commune boundary, each of the two cells computes the crossing itself,
 * and Clipper's integer rounding can put the two results one unit apart, leaving a thin sliver of overlap
 * or gap (tens of m²). Crossing points within 2 units of each other are the same crossing: move them all
 * to one canonical point (the smallest), so both cells share it exactly.
 */
function snapCrossings(cells: Path64[][][], known: Set<string>): Point64[] {
  const crossings = new Map<string, { x: number; y: number }>();
  for (const polys of cells)
    for (const rings of polys)
      for (const ring of rings) for (const p of ring) if (!known.has(key(p))) crossings.set(key(p), p);
  const sorted = [...crossings.values()].sort((a, b) => a.x - b.x || a.y - b.y);
  const canonical = new Map<string, { x: number; y: number }>();
  sorted.forEach((p, i) => {
    if (canonical.has(key(p))) return;
    canonical.set(key(p), p);
    for (let j = i + 1; j < sorted.length; j++) {
      const q = sorted[j];
      if (!q || q.x > p.x + 2) break;
      if (!canonical.has(key(q)) && Math.abs(q.y - p.y) <= 2) canonical.set(key(q), p);
    }
  });
  for (const polys of cells) {
    for (const rings of polys) {
      for (let r = 0; r < rings.length; r++) {
        const ring = rings[r] ?? [];
        const snapped: Path64 = [];
        for (const p of ring) {
          const c = canonical.get(key(p)) ?? p;
          const prev = snapped[snapped.length - 1];
          if (!prev || prev.x !== c.x || prev.y !== c.y) snapped.push({ x: c.x, y: c.y });
        }
        const first = snapped[0];
        const last = snapped[snapped.length - 1];
        if (snapped.length > 1 && first && last && first.x === last.x && first.y === last.y) snapped.pop();
        rings[r] = snapped;
      }
    }
  }
  return [...new Set(canonical.values())];
}
