import type { Geometry, Position } from 'geojson';
import type { HamletFeature, InputLayers } from './types.ts';
import { SCALE, areaUnits, boundsOf, repairPolygonRings, unionAll } from './geometry/clip.ts';
import type { Path64, Paths64, Rect64 } from './geometry/clip.ts';
import { projectRing } from './geometry/convert.ts';
import { createLocalProjection } from './geometry/projection.ts';
import type { LocalProjection } from './geometry/projection.ts';

/** Bad input that stops the analysis: the message names the layer, the feature and the fix. */
export class AnalysisInputError extends Error {
  override readonly name = 'AnalysisInputError';
  constructor(
    message: string,
    readonly featureId: string | null,
  ) {
    super(message);
  }
}

/** A polygon feature in the local projection, normalised (outer rings positive, holes negative, no overlaps). */
export interface PreparedPolygon<F> {
  index: number;
  id: string;
  feature: F;
  paths: Paths64;
  bounds: Rect64;
  /** Point scale at the hamlet: ground area = projected area / scale². */
  scale: number;
  areaUnits: number;
  areaM2: number;
  /** Bounding-box centre and the largest distance from it to a vertex, units (for nearest searches). */
  cx: number;
  cy: number;
  radius: number;
}

/** A hamlet in the local projection. */
export type PreparedHamlet = PreparedPolygon<HamletFeature>;

/**
 * Project and validate the hamlets; the projection is centred on them. Self-intersecting or overlapping
 * rings are repaired (even-odd, then union) with a warning naming the hamlet; what cannot be repaired is an
 * AnalysisInputError naming it.
 *
 * @example
 * const { hamlets, proj, warnings } = prepareHamlets(layers);
 */
export function prepareHamlets(layers: InputLayers): {
  hamlets: PreparedHamlet[];
  proj: LocalProjection;
  warnings: string[];
} {
  const features = layers.hamlets?.features;
  if (!Array.isArray(features) || features.length === 0) {
    throw new AnalysisInputError(
      'The hamlets layer is missing or empty: load a GeoJSON FeatureCollection of hamlet polygons with an "id" and a "name".',
      null,
    );
  }
  const proj = projectionFor(features);
  const warnings: string[] = [];
  const seen = new Set<string>();
  const hamlets = features.map((feature, index) => {
    const id = hamletId(feature, index);
    if (seen.has(id)) {
      throw new AnalysisInputError(
        `Hamlets: the id "${id}" is used twice (feature #${index}); make ids unique.`,
        id,
      );
    }
    seen.add(id);
    return preparePolygon(feature, index, id, proj, warnings);
  });
  return { hamlets, proj, warnings };
}

function hamletId(feature: HamletFeature, index: number): string {
  const id = feature?.properties?.id ?? feature?.id;
  if (typeof id === 'string' && id !== '') return id;
  if (typeof id === 'number') return String(id);
  const name = feature?.properties?.name ? ` ("${String(feature.properties.name)}")` : '';
  throw new AnalysisInputError(
    `Hamlets: feature #${index}${name} has no "id" property; every hamlet needs a unique id.`,
    null,
  );
}

function polygonsOf(feature: PolygonFeature, id: string, noun: string): Position[][][] {
  const g = feature.geometry;
  const polys = g?.type === 'Polygon' ? [g.coordinates] : g?.type === 'MultiPolygon' ? g.coordinates : null;
  if (!polys) {
    throw new AnalysisInputError(
      `${noun} "${id}" has geometry type ${g?.type ?? 'null'}; ${noun.toLowerCase()}s must be Polygon or MultiPolygon.`,
      id,
    );
  }
  for (const rings of polys) {
    for (const ring of rings) {
      for (const p of ring) {
        if (!Number.isFinite(p[0]) || !Number.isFinite(p[1]) || Math.abs(p[1] as number) > 90) {
          throw new AnalysisInputError(
            `${noun} "${id}" has an invalid coordinate [${String(p[0])}, ${String(p[1])}]; coordinates must be longitude, latitude in degrees (WGS84).`,
            id,
          );
        }
      }
    }
  }
  return polys;
}

/** What `preparePolygon` reads of a feature: its geometry (anything else is checked and refused). */
interface PolygonFeature {
  geometry: Geometry | null;
}

/**
 * One Polygon/MultiPolygon feature in the projection `proj`, repaired like a hamlet (even-odd, then union)
 * with a warning; `noun` names it in messages ("Hamlet", "Unit").
 *
 * @example
 * const unit = preparePolygon(feature, 0, '13669', proj, warnings, 'Unit');
 */
export function preparePolygon<F extends PolygonFeature>(
  feature: F,
  index: number,
  id: string,
  proj: LocalProjection,
  warnings: string[],
  noun = 'Hamlet',
): PreparedPolygon<F> {
  const polys = polygonsOf(feature, id, noun);
  const parts: Paths64 = [];
  let rawArea = 0;
  for (const rings of polys) {
    const projected = rings.map((r) => projectRing(r, proj)).filter((r) => r.length >= 3);
    projected.forEach((r, i) => (rawArea += i === 0 ? Math.abs(areaUnits([r])) : -Math.abs(areaUnits([r]))));
    const simple = projected.length === 1 ? simpleRing(projected[0] as Path64) : null;
    if (simple) {
      parts.push(simple);
      continue;
    }
    const repaired = repairPolygonRings(projected, id);
    if (!repaired.ok) throw new AnalysisInputError(repaired.error.message, id);
    parts.push(...repaired.value);
  }
  let paths = parts;
  if (polys.length > 1) {
    const merged = unionAll(parts, id);
    if (!merged.ok) throw new AnalysisInputError(merged.error.message, id);
    paths = merged.value;
  }
  const area = areaUnits(paths);
  const bounds = paths.length > 0 ? boundsOf(paths) : { left: 0, top: 0, right: 0, bottom: 0 };
  const [lon, lat] = proj.inverse(
    (bounds.left + bounds.right) / 2 / SCALE,
    (bounds.top + bounds.bottom) / 2 / SCALE,
  );
  const scale = proj.scaleAt(lon, lat);
  const toM2 = 1 / (SCALE * SCALE * scale * scale);
  if (area <= 0) {
    warnings.push(`${noun} "${id}" has no area (degenerate geometry); it is kept with zero area.`);
  } else if (Math.abs(area - rawArea) > 1e-9 * area + 1) {
    warnings.push(
      `${noun} "${id}" had invalid geometry (self-intersecting or overlapping rings) and was repaired: ` +
        `area ${(rawArea * toM2).toFixed(0)} m² as drawn, ${(area * toM2).toFixed(0)} m² after repair.`,
    );
  }
  const cx = (bounds.left + bounds.right) / 2;
  const cy = (bounds.top + bounds.bottom) / 2;
  let radius = 0;
  for (const p of paths) for (const v of p) radius = Math.max(radius, Math.hypot(v.x - cx, v.y - cy));
  return {
    index,
    id,
    feature,
    paths,
    bounds,
    scale,
    areaUnits: Math.max(area, 0),
    areaM2: Math.max(area, 0) * toM2,
    cx,
    cy,
    radius,
  };
}

/** Rings longer than this always go through the clipping engine's repair (the check below is quadratic). */
const SIMPLE_CHECK_MAX = 256;

/**
 * A ring with no holes that needs no repair, counter-clockwise, without repeated vertices; null when it
 * self-intersects, touches itself, folds back on an edge or is too long to check: those are repaired by
 * the clipping engine. Most hamlets take this path, which is ~10× cheaper than a boolean union.
 */
function simpleRing(ring: Path64): Path64 | null {
  const p: Path64 = [];
  for (const v of ring) {
    const last = p[p.length - 1];
    if (!last || last.x !== v.x || last.y !== v.y) p.push(v);
  }
  const first = p[0];
  if (first && p.length > 1 && first.x === (p[p.length - 1] as Pt).x && first.y === (p[p.length - 1] as Pt).y)
    p.pop();
  const n = p.length;
  if (n < 3 || n > SIMPLE_CHECK_MAX) return null;
  for (let i = 0; i < n; i++) {
    const a = p[i] as Pt;
    const b = p[(i + 1) % n] as Pt;
    const c = p[(i + 2) % n] as Pt;
    // Consecutive edges folding back on each other (a spike) or lying on one line.
    if (cross(a, b, c) === 0) return null;
    for (let j = i + 2; j < n; j++) {
      if (i === 0 && j === n - 1) continue;
      if (segmentsMeet(a, b, p[j] as Pt, p[(j + 1) % n] as Pt)) return null;
    }
  }
  return areaUnits([p]) > 0 ? p : p.slice().reverse();
}

type Pt = Path64[number];

function cross(a: Pt, b: Pt, c: Pt): number {
  return (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
}

/** Closed segments meet (cross, touch or overlap); exact on the integer grid. */
function segmentsMeet(a: Pt, b: Pt, c: Pt, d: Pt): boolean {
  if (
    Math.max(a.x, b.x) < Math.min(c.x, d.x) ||
    Math.max(c.x, d.x) < Math.min(a.x, b.x) ||
    Math.max(a.y, b.y) < Math.min(c.y, d.y) ||
    Math.max(c.y, d.y) < Math.min(a.y, b.y)
  )
    return false;
  const d1 = Math.sign(cross(a, b, c));
  const d2 = Math.sign(cross(a, b, d));
  const d3 = Math.sign(cross(c, d, a));
  const d4 = Math.sign(cross(c, d, b));
  if (d1 !== d2 && d3 !== d4) return true;
  // Collinear or touching cases: the boxes overlap, so a zero orientation means an endpoint lies on the other.
  return d1 === 0 || d2 === 0 || d3 === 0 || d4 === 0;
}

/** Centre the projection on the hamlets' bounding box, so it depends on nothing that edits change. */
function projectionFor(features: HamletFeature[]): LocalProjection {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const f of features) {
    const g = f?.geometry;
    const polys = g?.type === 'Polygon' ? [g.coordinates] : g?.type === 'MultiPolygon' ? g.coordinates : [];
    for (const rings of polys) {
      for (const p of rings[0] ?? []) {
        const x = p[0] as number;
        const y = p[1] as number;
        if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
      }
    }
  }
  if (!Number.isFinite(minX)) return createLocalProjection(0, 0);
  return createLocalProjection((minX + maxX) / 2, (minY + maxY) / 2);
}
