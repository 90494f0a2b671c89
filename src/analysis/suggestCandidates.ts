import Flatbush from 'flatbush';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { SCALE, areaUnits, boundsOf, pointInPaths, repairPolygonRings, unionAll } from './geometry/clip.ts';
import type { Paths64, Rect64 } from './geometry/clip.ts';
import { projectRing } from './geometry/convert.ts';
import { createLocalProjection } from './geometry/projection.ts';
import type { LocalProjection } from './geometry/projection.ts';
import type { AnalysisResult } from './types.ts';

/** The part of one hamlet a new mobile site could bring broadband to, in local projected units. */
export interface UncoveredArea {
  hamletId: string;
  /** White ∪ weak polygons, normalised; shrinks as sites are chosen. */
  paths: Paths64;
  bounds: Rect64;
  /** Households per unit² of the uncovered area (spread uniformly, as the engine's area method does). */
  density: number;
  households: number;
}

export interface CandidateSet {
  proj: LocalProjection;
  areas: UncoveredArea[];
  /** Index over the areas' boxes. */
  index: Flatbush | null;
  /** Candidate site positions, projected units. */
  points: { x: number; y: number; source: 'hamlet' | 'grid' }[];
}

/**
 * The uncovered (white + weak) area of every hamlet from an analysis, and candidate site positions: a point
 * inside each uncovered hamlet's largest gap, plus a square grid of `spacingM` over the gaps' extent kept
 * where a disc of `radiusM` would reach a gap.
 *
 * @example
 * const c = buildCandidates(result, 3000, 1000);
 */
export function buildCandidates(result: AnalysisResult, radiusM: number, spacingM: number): CandidateSet {
  const proj = projectionFor(result);
  const areas: UncoveredArea[] = [];
  for (const h of result.hamlets) {
    if (h.uncoveredHouseholds <= 1e-9) continue;
    const parts: Paths64 = [];
    for (const zone of [h.whiteZone, h.weakZone])
      for (const rings of polygons(zone)) {
        const repaired = repairPolygonRings(
          rings.map((r) => projectRing(r, proj)),
          h.id,
        );
        if (repaired.ok) parts.push(...repaired.value);
      }
    const merged = unionAll(parts, h.id);
    if (!merged.ok || merged.value.length === 0) continue;
    const area = areaUnits(merged.value);
    if (area <= 0) continue;
    areas.push({
      hamletId: h.id,
      paths: merged.value,
      bounds: boundsOf(merged.value),
      density: h.uncoveredHouseholds / area,
      households: h.uncoveredHouseholds,
    });
  }
  if (areas.length === 0) return { proj, areas, index: null, points: [] };
  const index = new Flatbush(areas.length);
  for (const a of areas) index.add(a.bounds.left, a.bounds.top, a.bounds.right, a.bounds.bottom);
  index.finish();
  const points: CandidateSet['points'] = areas.map((a) => ({ ...insidePoint(a.paths), source: 'hamlet' }));
  const step = spacingM * SCALE;
  const reach = radiusM * SCALE;
  const all = boundsOf(areas.map((a) => a.paths).flat());
  for (let y = Math.ceil(all.top / step) * step; y <= all.bottom; y += step) {
    for (let x = Math.ceil(all.left / step) * step; x <= all.right; x += step) {
      if (index.search(x - reach, y - reach, x + reach, y + reach).length > 0)
        points.push({ x, y, source: 'grid' });
    }
  }
  return { proj, areas, index, points };
}

function polygons(g: Polygon | MultiPolygon | null): Position[][][] {
  if (!g) return [];
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

/** Centre the projection on the gaps' hamlets, as the engine centres its own on the hamlets. */
function projectionFor(result: AnalysisResult): LocalProjection {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const h of result.hamlets)
    for (const zone of [h.whiteZone, h.weakZone])
      for (const rings of polygons(zone))
        for (const p of rings[0] ?? []) {
          minX = Math.min(minX, p[0] as number);
          maxX = Math.max(maxX, p[0] as number);
          minY = Math.min(minY, p[1] as number);
          maxY = Math.max(maxY, p[1] as number);
        }
  return Number.isFinite(minX)
    ? createLocalProjection((minX + maxX) / 2, (minY + maxY) / 2)
    : createLocalProjection(0, 0);
}

/**
 * A point inside the largest outer ring: its vertex centroid when that falls inside (convex-ish gaps),
 * otherwise the midpoint of the widest horizontal chord through the middle of its box.
 */
function insidePoint(paths: Paths64): { x: number; y: number } {
  let best = paths[0] ?? [];
  let bestArea = -Infinity;
  for (const p of paths) {
    const a = areaUnits([p]);
    if (a > bestArea) [best, bestArea] = [p, a];
  }
  const cx = best.reduce((s, v) => s + v.x, 0) / Math.max(1, best.length);
  const cy = best.reduce((s, v) => s + v.y, 0) / Math.max(1, best.length);
  if (pointInPaths(Math.round(cx), Math.round(cy), paths)) return { x: Math.round(cx), y: Math.round(cy) };
  const b = boundsOf([best]);
  const y = Math.round((b.top + b.bottom) / 2) + 0.5;
  const xs: number[] = [];
  for (let i = 0, j = best.length - 1; i < best.length; j = i++) {
    const p = best[j] as { x: number; y: number };
    const q = best[i] as { x: number; y: number };
    if (p.y <= y !== q.y <= y) xs.push(p.x + ((y - p.y) * (q.x - p.x)) / (q.y - p.y));
  }
  xs.sort((u, v) => u - v);
  let mid = { x: Math.round(cx), y: Math.round(cy) };
  let widest = -1;
  for (let i = 0; i + 1 < xs.length; i += 2) {
    const w = (xs[i + 1] as number) - (xs[i] as number);
    if (w > widest)
      [widest, mid] = [
        w,
        { x: Math.round(((xs[i] as number) + (xs[i + 1] as number)) / 2), y: Math.round(y) },
      ];
  }
  return mid;
}
