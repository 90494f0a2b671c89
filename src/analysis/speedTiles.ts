import Flatbush from 'flatbush';
import type { Position } from 'geojson';
import type { InputLayers, SpeedTileProps } from './types.ts';
import { areaUnits, boundsOf, intersect, repairPolygonRings, type Paths64 } from './geometry/clip.ts';
import { areaInConvex, convexRing, type ConvexRing } from './geometry/convexClip.ts';
import { projectPoint } from './geometry/convert.ts';
import type { LocalProjection } from './geometry/projection.ts';
import type { PreparedHamlet } from './prepareHamlets.ts';

/** Per hamlet: Σw and the w-weighted sums of download and upload (Mb/s) and latency (ms). */
export interface TileSums {
  w: Float64Array;
  down: Float64Array;
  up: Float64Array;
  latency: Float64Array;
}

/** What a tile layer gave: the sums, and the tiles that could not be used or met no hamlet. */
export interface TileWeights {
  sums: TileSums;
  /** Tiles meeting no hamlet: counted, not used. */
  outside: number;
  /** Tiles skipped for bad values or geometry, by name (quadkey or feature number). */
  skipped: string[];
}

type TileLayer = NonNullable<InputLayers['mobileTests']>;

/** A tile's shape in the projection: a convex ring (the usual case: four corners) or general paths. */
interface TileShape {
  convex: ConvexRing | null;
  paths: Paths64;
  area: number;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * Spreads each tile's tests evenly over its area: for every hamlet it meets, the weight is
 * `w = tests × area(tile ∩ hamlet) / area(tile)`, exact in the engine's projection (docs/DATA-MODEL.md §17).
 * A four-cornered (convex) tile is cut against each hamlet ring directly; other shapes go through the
 * clipping engine. Tiles with a bad value (tests not above 0, a negative or missing speed) are skipped and
 * named.
 * @example const { sums } = tileWeights(hamlets, proj, index, layers.mobileTests); sums.w[0] // Σw of hamlet 0
 */
export function tileWeights(
  hamlets: readonly PreparedHamlet[],
  proj: LocalProjection,
  index: Flatbush,
  layer: TileLayer,
): TileWeights {
  const n = hamlets.length;
  const sums: TileSums = {
    w: new Float64Array(n),
    down: new Float64Array(n),
    up: new Float64Array(n),
    latency: new Float64Array(n),
  };
  const skipped: string[] = [];
  let outside = 0;
  const corners: CornerCache = new Map();
  layer.features.forEach((f, i) => {
    const p = f?.properties as Partial<SpeedTileProps> | null | undefined;
    const name = typeof p?.quadkey === 'string' && p.quadkey ? p.quadkey : `#${i + 1}`;
    const tests = num(p?.tests);
    const down = num(p?.avg_d_kbps);
    const up = num(p?.avg_u_kbps);
    const latency = num(p?.avg_lat_ms);
    if (!(tests > 0) || !(down >= 0) || !(up >= 0) || !(latency >= 0)) {
      skipped.push(name);
      return;
    }
    const shape = tileShape(f.geometry, proj, name, corners);
    if (!shape) {
      skipped.push(name);
      return;
    }
    let met = false;
    // Each hamlet's sums grow in tile order, whatever order the index lists a tile's hamlets in.
    for (const hi of index.search(shape.left, shape.top, shape.right, shape.bottom)) {
      const h = hamlets[hi] as PreparedHamlet;
      const overlap = overlapArea(h, shape, name);
      if (!(overlap > 0)) continue;
      met = true;
      const w = (tests * Math.min(overlap, shape.area)) / shape.area;
      add(sums.w, hi, w);
      add(sums.down, hi, (w * down) / 1000);
      add(sums.up, hi, (w * up) / 1000);
      add(sums.latency, hi, w * latency);
    }
    if (!met) outside++;
  });
  return { sums, outside, skipped };
}

function add(a: Float64Array, i: number, v: number): void {
  a[i] = (a[i] as number) + v;
}

function num(v: unknown): number {
  return typeof v === 'number' ? v : NaN;
}

/** Projected corners by longitude, then latitude: neighbouring tiles of a grid share their corners. */
type CornerCache = Map<number, Map<number, Paths64[number][number]>>;

function projectCorner(
  lon: number,
  lat: number,
  proj: LocalProjection,
  cache: CornerCache,
): Paths64[number][number] {
  let byLat = cache.get(lon);
  if (!byLat) cache.set(lon, (byLat = new Map()));
  let p = byLat.get(lat);
  if (!p) byLat.set(lat, (p = projectPoint([lon, lat], proj)));
  return p;
}

function tileShape(
  g: TileLayer['features'][number]['geometry'] | null | undefined,
  proj: LocalProjection,
  name: string,
  cache: CornerCache,
): TileShape | null {
  const polys: Position[][][] =
    g?.type === 'Polygon' ? [g.coordinates] : g?.type === 'MultiPolygon' ? g.coordinates : [];
  const rings: Paths64 = [];
  for (const poly of polys) {
    for (const ring of poly) {
      const r: Paths64[number] = [];
      // GeoJSON repeats the first position at the end; the projected ring is implicitly closed.
      const last = ring.length - 1;
      const closed = last > 0 && ring[0]?.[0] === ring[last]?.[0] && ring[0]?.[1] === ring[last]?.[1];
      for (let k = 0; k < (closed ? last : ring.length); k++) {
        const c = ring[k] as Position;
        const lon = c[0] as number;
        const lat = c[1] as number;
        if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lat) > 90) return null;
        r.push(projectCorner(lon, lat, proj, cache));
      }
      if (r.length >= 3) rings.push(r);
    }
  }
  if (rings.length === 0) return null;
  const convex = rings.length === 1 ? convexRing(rings[0] as Paths64[number]) : null;
  let paths = rings;
  if (!convex) {
    const repaired = repairPolygonRings(rings, name);
    if (!repaired.ok) return null;
    paths = repaired.value;
  }
  const area = convex ? convex.area2 / 2 : areaUnits(paths);
  if (!(area > 0)) return null;
  const { left, top, right, bottom } = boundsOf(paths);
  return { convex, paths, area, left, top, right, bottom };
}

function overlapArea(h: PreparedHamlet, t: TileShape, name: string): number {
  const b = h.bounds;
  if (b.right <= t.left || b.left >= t.right || b.bottom <= t.top || b.top >= t.bottom) return 0;
  if (t.convex) return areaInConvex(h.paths, t.convex);
  const cut = intersect(h.paths, t.paths, name);
  return cut.ok ? areaUnits(cut.value) : 0;
}
