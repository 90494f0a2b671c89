import type { Position } from 'geojson';
import type { CoverageFeature, FibreFeature, Settings, SiteFeature } from './types.ts';
import { SCALE, boundsOf, repairPolygonRings, unionAll } from './geometry/clip.ts';
import type { Paths64, Rect64 } from './geometry/clip.ts';
import { capsulePath, capsuleRing, coverageShape, discRing, ringCapacity } from './geometry/shapes.ts';
import { projectPoint, projectRing } from './geometry/convert.ts';
import type { LocalProjection } from './geometry/projection.ts';
import { operatorOf } from './operatorNames.ts';
import { parseTech } from './tech.ts';

export type CoverageKind = 'fibre' | 'mbb' | 'legacy';

/** A convex piece that proves containment: a disc or a capsule (segment with a radius), integer units. */
export interface ContainmentProof {
  ax: number;
  ay: number;
  bx: number;
  by: number;
  r: number;
}

/** One coverage polygon in the local projection, ready to be cut into tiles. */
export interface CoverageShape {
  /** The feature it came from (site, fibre or coverage id): edits remove shapes by it. */
  sourceId: string;
  /** The layer of that feature. */
  layer: 'sites' | 'fibre' | 'coverage';
  kind: CoverageKind;
  /** The feature's operator (operatorOf): per-operator figures group shapes by it. */
  operator: string;
  /** Every path is a convex ring (a disc, a sector of at most 180°, a capsule): areas can skip Clipper. */
  convex: boolean;
  /**
   * The polygon, built on demand and not kept: a province has thousands of discs and capsules of dozens of
   * vertices each, and keeping them all as point objects would cost hundreds of MB at 16× the data.
   */
  paths: () => Paths64;
  /**
   * A disc or capsule: its one ring (the vertices of `paths()`) written as numbers x, y, … into `out` (2 ×
   * `size` numbers at least), returning the vertex count; cuts to a hamlet's box then build no point objects.
   */
  ring?: { size: number; write: (out: Float64Array) => number };
  bounds: Rect64;
  proofs: ContainmentProof[];
  /**
   * A disc or capsule that holds the whole shape: a hamlet farther than `outer.r` from its segment cannot
   * meet the shape, which rules out most shapes whose box merely overlaps the hamlet's box.
   */
  outer?: ContainmentProof;
}

/** Fibre longer than this is cut into pieces so each piece touches few tiles. */
const FIBRE_CHUNK_M = 2000;

/**
 * Service area of a mobile site: an MBB shape (4G/5G) and, when it reaches further, a legacy shape (2G/3G).
 * Returns no shapes for a site that is off; a problem is returned as a warning naming the site.
 *
 * @example
 * const { shapes } = siteShapes(site, 'site-1', proj, settings);
 */
export function siteShapes(
  site: SiteFeature,
  id: string,
  proj: LocalProjection,
  settings: Settings,
): { shapes: CoverageShape[]; warning?: string } {
  const props = site.properties ?? ({} as SiteFeature['properties']);
  if (String(props.status ?? '').toLowerCase() === 'off') return { shapes: [] };
  const coords = site.geometry?.type === 'Point' ? site.geometry.coordinates : undefined;
  if (!validPosition(coords)) {
    return { shapes: [], warning: `Site "${id}" has no valid Point coordinates and was skipped.` };
  }
  const techs = parseTech(props.tech);
  if (techs.mbb.length === 0 && techs.legacy.length === 0) {
    return {
      shapes: [],
      warning: `Site "${id}" has an unknown tech "${String(props.tech)}" (expected e.g. "4G" or "2G,3G,4G") and was skipped.`,
    };
  }
  const given = typeof props.radius_m === 'number' && props.radius_m > 0 ? props.radius_m : undefined;
  const radiusFor = (list: readonly ('2G' | '3G' | '4G' | '5G')[]): number =>
    given ?? Math.max(...list.map((t) => settings.defaultRadiusM[t]));
  const [lon, lat] = coords as [number, number];
  const k = proj.scaleAt(lon, lat);
  const c = projectPoint(coords, proj);
  const sectors = parseSectors(props.azimuths, props.beamwidth);
  const operator = operatorOf(props);
  const shapes: CoverageShape[] = [];
  let mbbRadius = 0;
  if (techs.mbb.length > 0) {
    mbbRadius = radiusFor(techs.mbb);
    shapes.push(
      makeDiscShape(id, 'mbb', operator, c.x, c.y, mbbRadius * k * SCALE, settings.circleSegments, sectors),
    );
  }
  if (techs.legacy.length > 0) {
    const r = radiusFor(techs.legacy);
    if (r > mbbRadius)
      shapes.push(
        makeDiscShape(id, 'legacy', operator, c.x, c.y, r * k * SCALE, settings.circleSegments, sectors),
      );
  }
  return { shapes };
}

export function makeDiscShape(
  id: string,
  kind: CoverageKind,
  operator: string,
  x: number,
  y: number,
  radius: number,
  segments: number,
  sectors: [number, number][] | undefined,
): CoverageShape {
  const step = (2 * Math.PI) / segments;
  const outer = radius * Math.sqrt(step / Math.sin(step));
  const proofs = sectors ? [] : [{ ax: x, ay: y, bx: x, by: y, r: outer * Math.cos(step / 2) - 2 }];
  return {
    sourceId: id,
    layer: 'sites',
    kind,
    operator,
    // A sector is convex up to 180° (and a full turn is a disc); a site's sectors are separate paths.
    convex: !sectors || sectors.every(([, width]) => width <= 180 || width >= 360),
    outer: { ax: x, ay: y, bx: x, by: y, r: outer + 2 },
    paths: () => coverageShape(x, y, radius, segments, sectors).map((p) => p.path),
    ring: sectors ? undefined : { size: segments, write: (out) => discRing(out, x, y, radius, segments) },
    bounds: {
      left: Math.floor(x - outer - 2),
      top: Math.floor(y - outer - 2),
      right: Math.ceil(x + outer + 2),
      bottom: Math.ceil(y + outer + 2),
    },
    proofs,
  };
}

function parseSectors(azimuths: unknown, beamwidth: unknown): [number, number][] | undefined {
  const list = Array.isArray(azimuths)
    ? azimuths.map(Number)
    : typeof azimuths === 'string' && azimuths.trim() !== ''
      ? azimuths.split(/[,;\s]+/).map(Number)
      : typeof azimuths === 'number'
        ? [azimuths]
        : [];
  const valid = list.filter((a) => Number.isFinite(a));
  if (valid.length === 0) return undefined;
  const bw = typeof beamwidth === 'number' && beamwidth > 0 ? beamwidth : Number(beamwidth) || 120;
  return valid.map((a) => [a, bw]);
}

/**
 * Fibre service area: access routes and nodes buffered by the service radius (backbone gives none).
 * Long routes are cut into ~2 km pieces, each buffered on its own.
 */
export function fibreShapes(
  fibre: FibreFeature,
  id: string,
  proj: LocalProjection,
  settings: Settings,
): { shapes: CoverageShape[]; warning?: string } {
  if (fibre.properties?.kind === 'backbone') return { shapes: [] };
  const lines = fibreLines(fibre);
  if (lines === null) return { shapes: [], warning: `Fibre "${id}" has no valid geometry and was skipped.` };
  const operator = operatorOf(fibre.properties);
  const shapes: CoverageShape[] = [];
  // Half the disc resolution on an equal-area radius: fibre buffers overlap heavily and their unions
  // dominate the run time. Node discs keep their exact area, capsules stay within 0.1 % of it; vertices
  // stray at most 0.32 % of the radius at 32 segments.
  const segments = Math.max(16, Math.round(settings.circleSegments / 2));
  for (const line of lines) {
    for (const piece of chunk(line)) {
      const mid = piece[Math.floor(piece.length / 2)] as Position;
      const k = proj.scaleAt(mid[0] as number, mid[1] as number);
      const r = settings.fibreServiceRadiusM * k * SCALE;
      const pts = piece.map((p) => projectPoint(p, proj));
      // One capsule per segment (a disc for a node): convex, so each also proves containment.
      const segs = pts.length === 1 ? [[pts[0], pts[0]]] : pts.slice(1).map((b, i) => [pts[i], b]);
      for (const [a, b] of segs as [{ x: number; y: number }, { x: number; y: number }][])
        shapes.push(capsuleShape(id, operator, a.x, a.y, b.x, b.y, r, segments));
    }
  }
  return { shapes };
}

/**
 * One fibre capsule (a disc when a = b): convex, so it also proves containment. Built apart from the loop
 * that makes it, so that its polygon's function holds these numbers alone (96,680 capsules at 32×).
 */
function capsuleShape(
  id: string,
  operator: string,
  ax: number,
  ay: number,
  bx: number,
  by: number,
  r: number,
  segments: number,
): CoverageShape {
  const step = (2 * Math.PI) / segments;
  const arcR = r * Math.sqrt(step / Math.sin(step));
  const reach = arcR + 2;
  return {
    sourceId: id,
    layer: 'fibre',
    kind: 'fibre',
    operator,
    convex: true,
    paths: () => [capsulePath(ax, ay, bx, by, r, segments, arcR)],
    ring: {
      size: ringCapacity(segments),
      write: (out) => capsuleRing(out, ax, ay, bx, by, r, segments, arcR),
    },
    bounds: {
      left: Math.floor(Math.min(ax, bx) - reach),
      top: Math.floor(Math.min(ay, by) - reach),
      right: Math.ceil(Math.max(ax, bx) + reach),
      bottom: Math.ceil(Math.max(ay, by) + reach),
    },
    proofs: [{ ax, ay, bx, by, r: Math.min(r, arcR * Math.cos(step / 2)) - 2 }],
    outer: { ax, ay, bx, by, r: reach },
  };
}

/** The lines of a fibre feature (a node is a one-point line); null if it has no usable coordinates. */
export function fibreLines(fibre: FibreFeature): Position[][] | null {
  const g = fibre.geometry;
  if (!g) return null;
  const lines =
    g.type === 'Point'
      ? [[g.coordinates]]
      : g.type === 'LineString'
        ? [g.coordinates]
        : g.type === 'MultiLineString'
          ? g.coordinates
          : null;
  if (!lines) return null;
  const clean = lines.map((l) => l.filter(validPosition)).filter((l) => l.length > 0);
  return clean.length > 0 ? clean : null;
}

function chunk(line: Position[]): Position[][] {
  if (line.length <= 2 && approxMetres(line[0], line[line.length - 1]) <= FIBRE_CHUNK_M) return [line];
  const out: Position[][] = [];
  let current: Position[] = [line[0] as Position];
  let length = 0;
  for (let i = 1; i < line.length; i++) {
    const a = line[i - 1] as Position;
    const b = line[i] as Position;
    const seg = approxMetres(a, b);
    const pieces = Math.max(1, Math.ceil(seg / FIBRE_CHUNK_M));
    for (let s = 1; s <= pieces; s++) {
      const t = s / pieces;
      const p: Position = [
        (a[0] as number) + t * ((b[0] as number) - (a[0] as number)),
        (a[1] as number) + t * ((b[1] as number) - (a[1] as number)),
      ];
      current.push(p);
      length += seg / pieces;
      if (length >= FIBRE_CHUNK_M) {
        out.push(current);
        current = [p];
        length = 0;
      }
    }
  }
  if (current.length > 1) out.push(current);
  return out;
}

function approxMetres(a: Position | undefined, b: Position | undefined): number {
  if (!a || !b) return 0;
  const dy = ((b[1] as number) - (a[1] as number)) * 111_320;
  const dx = ((b[0] as number) - (a[0] as number)) * 111_320 * Math.cos(((a[1] as number) * Math.PI) / 180);
  return Math.hypot(dx, dy);
}

/** Operator coverage polygons: MBB when 4G/5G at good level, legacy otherwise (docs/DATA-MODEL.md §2). */
export function operatorCoverageShape(
  feature: CoverageFeature,
  id: string,
  proj: LocalProjection,
): { shapes: CoverageShape[]; warning?: string } {
  const g = feature.geometry;
  const polys = g?.type === 'Polygon' ? [g.coordinates] : g?.type === 'MultiPolygon' ? g.coordinates : null;
  if (!polys || !polys.every((rings) => rings.every((r) => r.every(validPosition)))) {
    return { shapes: [], warning: `Coverage polygon "${id}" has no valid Polygon geometry and was skipped.` };
  }
  const techs = parseTech(feature.properties?.tech);
  if (techs.mbb.length === 0 && techs.legacy.length === 0) {
    return {
      shapes: [],
      warning: `Coverage polygon "${id}" has an unknown tech "${String(feature.properties?.tech)}" and was skipped.`,
    };
  }
  const weak = String(feature.properties?.level ?? 'good').toLowerCase() === 'weak';
  const kind: CoverageKind = techs.mbb.length > 0 && !weak ? 'mbb' : 'legacy';
  const parts: Paths64 = [];
  for (const rings of polys) {
    const repaired = repairPolygonRings(
      rings.map((r) => projectRing(r, proj)),
      id,
    );
    if (!repaired.ok) return { shapes: [], warning: repaired.error.message };
    parts.push(...repaired.value);
  }
  const merged = unionAll(parts, id);
  if (!merged.ok) return { shapes: [], warning: merged.error.message };
  if (merged.value.length === 0)
    return { shapes: [], warning: `Coverage polygon "${id}" has no area and was skipped.` };
  return {
    shapes: [
      {
        sourceId: id,
        layer: 'coverage',
        kind,
        operator: operatorOf(feature.properties),
        convex: false,
        paths: () => merged.value,
        bounds: boundsOf(merged.value),
        proofs: [],
      },
    ],
  };
}

export function validPosition(p: Position | undefined | null): p is Position {
  return Array.isArray(p) && Number.isFinite(p[0]) && Number.isFinite(p[1]) && Math.abs(p[1] as number) <= 90;
}
