import Flatbush from 'flatbush';
import type { Position } from 'geojson';
import { pointInPaths } from './geometry/clip.ts';
import { projectPoint } from './geometry/convert.ts';
import type { LocalProjection } from './geometry/projection.ts';
import type { PreparedHamlet } from './prepareHamlets.ts';

export interface PlacedPoint<T> {
  x: number;
  y: number;
  data: T;
}

/**
 * Put point features (households, facilities, speed tests, field reports) into the hamlet that contains
 * them, in integer units. A point on a hamlet's edge counts in the hamlet east of it (north of it on an
 * east–west edge), so a point on an edge two hamlets share counts in one of them, never both. Points
 * outside every hamlet, or without valid coordinates, are counted and left out.
 *
 * @example
 * const { byHamlet, outside } = placePoints(hamlets, proj, households, (f) => f.properties?.count ?? 1);
 */
export function placePoints<F extends { geometry: { type: string; coordinates?: unknown } | null }, T>(
  hamlets: readonly PreparedHamlet[],
  proj: LocalProjection,
  features: readonly F[],
  data: (f: F, index: number) => T,
): { byHamlet: PlacedPoint<T>[][]; outside: number } {
  const byHamlet: PlacedPoint<T>[][] = hamlets.map(() => []);
  if (features.length === 0) return { byHamlet, outside: 0 };
  const index = new Flatbush(hamlets.length);
  for (const h of hamlets) index.add(h.bounds.left, h.bounds.top, h.bounds.right, h.bounds.bottom);
  index.finish();
  let outside = 0;
  features.forEach((f, i) => {
    const c = f.geometry?.type === 'Point' ? (f.geometry.coordinates as Position) : null;
    if (!c || !Number.isFinite(c[0]) || !Number.isFinite(c[1])) {
      outside++;
      return;
    }
    const p = projectPoint(c, proj);
    const candidates = index.search(p.x, p.y, p.x, p.y).sort((a, b) => a - b);
    const hit = candidates.find((hi) => pointInPaths(p.x, p.y, (hamlets[hi] as PreparedHamlet).paths));
    if (hit === undefined) outside++;
    else (byHamlet[hit] as PlacedPoint<T>[]).push({ x: p.x, y: p.y, data: data(f, i) });
  });
  return { byHamlet, outside };
}
