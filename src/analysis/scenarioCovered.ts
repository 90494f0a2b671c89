import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { difference, repairPolygonRings, unionAll } from './geometry/clip.ts';
import type { Paths64 } from './geometry/clip.ts';
import { pathsToGeoJSON, projectRing } from './geometry/convert.ts';
import { createLocalProjection } from './geometry/projection.ts';
import type { LocalProjection } from './geometry/projection.ts';
import type { AnalysisResult, HamletCoverage } from './types.ts';

/**
 * The areas a scenario brings broadband to: for each hamlet that changed, its white + weak area before minus
 * its white + weak area after, as polygons for the map's before/after highlight (and, with the opposite
 * order, the areas a switched-off site leaves without broadband). Parts under 1 m² are dropped.
 *
 * @example
 * const fc = newlyCoveredAreas(baseline, after, changedIds); // Polygons with hamletId, kind 'gained'|'lost'
 */
export function newlyCoveredAreas(
  before: AnalysisResult,
  after: AnalysisResult,
  hamletIds: readonly string[],
): FeatureCollection<Polygon | MultiPolygon, { hamletId: string; kind: 'gained' | 'lost' }> {
  const was = new Map(before.hamlets.map((h) => [h.id, h]));
  const now = new Map(after.hamlets.map((h) => [h.id, h]));
  const features: Feature<Polygon | MultiPolygon, { hamletId: string; kind: 'gained' | 'lost' }>[] = [];
  let proj: LocalProjection | null = null;
  for (const id of hamletIds) {
    const b = was.get(id);
    const a = now.get(id);
    if (!a || !b) continue;
    proj ??= projectionNear(b, a);
    if (!proj) break;
    const pb = uncovered(b, proj);
    const pa = uncovered(a, proj);
    for (const [kind, from, minus] of [
      ['gained', pb, pa],
      ['lost', pa, pb],
    ] as const) {
      if (from.length === 0) continue;
      const d = difference(from, minus, id);
      if (!d.ok) continue;
      const g = pathsToGeoJSON(d.value, proj, 100 * 100);
      if (g) features.push({ type: 'Feature', geometry: g, properties: { hamletId: id, kind } });
    }
  }
  return { type: 'FeatureCollection', features };
}

function rings(g: Polygon | MultiPolygon | null): Position[][][] {
  if (!g) return [];
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

function uncovered(h: HamletCoverage, proj: LocalProjection): Paths64 {
  const parts: Paths64 = [];
  for (const poly of [...rings(h.whiteZone), ...rings(h.weakZone)]) {
    const r = repairPolygonRings(
      poly.map((ring) => projectRing(ring, proj)),
      h.id,
    );
    if (r.ok) parts.push(...r.value);
  }
  const u = unionAll(parts, h.id);
  return u.ok ? u.value : [];
}

/** Any hamlet's zone vertex centres a projection that is exact enough over a province (metres, not 1e-4). */
function projectionNear(...hs: HamletCoverage[]): LocalProjection | null {
  for (const h of hs) {
    const p = rings(h.whiteZone)[0]?.[0]?.[0] ?? rings(h.weakZone)[0]?.[0]?.[0];
    if (p) return createLocalProjection(p[0] as number, p[1] as number);
  }
  return null;
}
