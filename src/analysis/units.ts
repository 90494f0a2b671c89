import Flatbush from 'flatbush';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { SCALE, areaUnits, boundsOf, intersect, pointInPaths, rectClip, unionAll } from './geometry/clip.ts';
import { polygonToSegmentDistance } from './geometry/distance.ts';
import type { Paths64, Rect64 } from './geometry/clip.ts';
import { createLocalProjection } from './geometry/projection.ts';
import type { LocalProjection } from './geometry/projection.ts';
import { AnalysisInputError, prepareHamlets, preparePolygon } from './prepareHamlets.ts';
import type { HamletProps } from './types.ts';

/** An administrative unit as a layer gives it: a polygon with a `code` and a `name` (DATA-MODEL §15). */
interface UnitProps {
  code?: unknown;
  name?: unknown;
  /** The earlier communes the unit was made from (a list, or codes separated by commas): a crosswalk. */
  from_communes?: unknown;
}
export type UnitCollection = FeatureCollection<Polygon | MultiPolygon, UnitProps>;

/** The part of a hamlet inside one unit. */
export interface UnitPart {
  code: string;
  name: string;
  /** Of the hamlet's area, 0–1. */
  share: number;
  areaM2: number;
}

/** Where one hamlet goes: the unit holding the largest part of its area, and every unit it overlaps. */
export interface HamletUnit {
  /** The hamlet's id and name. */
  id: string;
  name: string;
  /** The unit with the largest overlap; '' when no unit overlaps the hamlet. */
  code: string;
  unitName: string;
  /** The share of the hamlet's area in that unit (0 when it overlaps no unit). */
  share: number;
  /**
   * `overlap`: by the largest part. A hamlet that overlaps no unit (boundaries drawn at different scales)
   * goes, by `crosswalk`, to the one unit whose `from_communes` lists its `commune_code`, else to the
   * `nearest` unit within `NEAREST_MAX_M`; `none`: neither.
   */
  method: 'overlap' | 'crosswalk' | 'nearest' | 'none';
  /** Metres to the unit (0 for `overlap`; null for `none`). */
  distanceM: number | null;
  /** Every unit the hamlet overlaps, largest part first (ties: code order). */
  parts: UnitPart[];
}

export interface UnitAssignment {
  /** The units of the layer (one per code), in code order. */
  units: { code: string; name: string }[];
  /** One per hamlet, in the hamlets' order. */
  hamlets: HamletUnit[];
  /** Units repaired or degenerate; the assignment still stands. */
  warnings: string[];
}

/**
 * A hamlet is listed as split when a unit other than its own holds at least this share of it: smaller
 * parts are slivers where boundaries drawn at different scales disagree.
 */
export const SPLIT_MIN_SHARE = 0.01;

/** A hamlet that overlaps no unit goes to the nearest unit up to this far, m. */
export const NEAREST_MAX_M = 1000;

/** Units may overlap by this share of the smaller one (digitising slivers); more is an error. */
export const OVERLAP_TOLERANCE = 0.001;

interface PreparedUnit {
  code: string;
  name: string;
  paths: Paths64;
  /** Codes of the earlier communes it was made from (`from_communes`). */
  from: Set<string>;
  /** Its edges (ax, ay, bx, by per edge) and their boxes, to find the few that cross a hamlet. */
  edges: Float64Array;
  edgeIndex: Flatbush;
  bounds: Rect64;
  areaUnits: number;
  /** Point scale at the unit's centre: m² = units² / (SCALE² · scale²). */
  scale: number;
}

/**
 * Assigns each hamlet to the unit that holds the largest part of its area, exactly: hamlets and units are
 * clipped in the engine's local projection (centred on the hamlets, as `analyze` does), so the shares are
 * those of the analysis' areas. Hamlets outside every unit get code '' and share 0; they are reported by
 * `outsideHamlets`, never dropped. Features of one code are one unit.
 *
 * @throws AnalysisInputError naming the feature when a hamlet or a unit cannot be read (no code, no
 *   polygon, bad coordinates).
 * @example
 * const a = assignUnits(layers.hamlets, wards2025);
 * a.hamlets[0]; // { id: '13633-01', code: '13669', unitName: 'Phường Nam Định', share: 1, parts: [...] }
 */
export function assignUnits(
  hamlets: FeatureCollection<Polygon | MultiPolygon, HamletProps>,
  units: UnitCollection,
): UnitAssignment {
  const { hamlets: prepared, proj, warnings } = prepareHamlets({ hamlets });
  const unitWarnings: string[] = [];
  const list = prepareUnits(units, proj, unitWarnings);
  const index = new Flatbush(Math.max(list.length, 1));
  for (const u of list) index.add(u.bounds.left, u.bounds.top, u.bounds.right, u.bounds.bottom);
  if (list.length === 0) index.add(0, 0, 0, 0);
  index.finish();
  void warnings; // the hamlets' own repairs are the analysis' to report
  const out: HamletUnit[] = [];
  for (const h of prepared) {
    const parts = overlapsOf(h, list, index);
    const top = parts[0];
    const name = String(h.feature.properties?.name ?? h.id);
    if (top) {
      out.push({
        id: h.id,
        name,
        code: top.code,
        unitName: top.name,
        share: top.share,
        method: 'overlap',
        distanceM: 0,
        parts,
      });
      continue;
    }
    const commune = String(h.feature.properties?.commune_code ?? '');
    const made = commune ? list.filter((u) => u.from.has(commune)) : [];
    if (made.length === 1) {
      const u = made[0] as PreparedUnit;
      const d = distanceTo(h, u, Infinity);
      out.push({
        id: h.id,
        name,
        code: u.code,
        unitName: u.name,
        share: 0,
        method: 'crosswalk',
        distanceM: d,
        parts,
      });
      continue;
    }
    const near = nearestUnit(h, list, index);
    out.push(
      near
        ? {
            id: h.id,
            name,
            code: near.unit.code,
            unitName: near.unit.name,
            share: 0,
            method: 'nearest',
            distanceM: near.distanceM,
            parts,
          }
        : { id: h.id, name, code: '', unitName: '', share: 0, method: 'none', distanceM: null, parts },
    );
  }
  return { units: list.map((u) => ({ code: u.code, name: u.name })), hamlets: out, warnings: unitWarnings };
}

type Hamlet = ReturnType<typeof prepareHamlets>['hamlets'][number];

/** The units a hamlet overlaps, largest part first (ties: code order). */
function overlapsOf(h: Hamlet, list: PreparedUnit[], index: Flatbush): UnitPart[] {
  const parts: UnitPart[] = [];
  if (list.length === 0 || h.areaUnits <= 0) return parts;
  const b = h.bounds;
  const box = { left: b.left - 1, top: b.top - 1, right: b.right + 1, bottom: b.bottom + 1 };
  const toM2 = 1 / (SCALE * SCALE * h.scale * h.scale);
  const first = h.paths[0]?.[0];
  for (const ui of index.search(b.left, b.top, b.right, b.bottom)) {
    const u = list[ui] as PreparedUnit;
    let a: number;
    if (u.edgeIndex.search(box.left, box.top, box.right, box.bottom).length === 0) {
      // No edge of the unit crosses the hamlet's box: the hamlet is wholly inside it, or wholly outside.
      a = first && pointInPaths(first.x, first.y, u.paths) ? h.areaUnits : 0;
    } else {
      const cut = rectClip(box, u.paths, u.code);
      const inter = cut.ok ? intersect(h.paths, cut.value, h.id) : cut;
      if (!inter.ok) throw new AnalysisInputError(inter.error.message, h.id);
      a = areaUnits(inter.value);
    }
    if (a > 0)
      parts.push({ code: u.code, name: u.name, share: Math.min(1, a / h.areaUnits), areaM2: a * toM2 });
  }
  return parts.sort((p, q) => q.areaM2 - p.areaM2 || (p.code < q.code ? -1 : p.code > q.code ? 1 : 0));
}

/** The unit nearest to a hamlet that overlaps none, if one lies within NEAREST_MAX_M. */
function nearestUnit(
  h: Hamlet,
  list: PreparedUnit[],
  index: Flatbush,
): { unit: PreparedUnit; distanceM: number } | null {
  if (list.length === 0) return null;
  const b = h.bounds;
  const reach = NEAREST_MAX_M * SCALE * h.scale;
  let best: { unit: PreparedUnit; d: number } | null = null;
  for (const ui of index.search(b.left - reach, b.top - reach, b.right + reach, b.bottom + reach)) {
    const u = list[ui] as PreparedUnit;
    const d = distanceTo(h, u, NEAREST_MAX_M);
    if (d !== null && (!best || d < best.d)) best = { unit: u, d };
  }
  return best ? { unit: best.unit, distanceM: best.d } : null;
}

/** Metres from a hamlet to a unit's boundary, if within `maxM` (any distance for Infinity); else null. */
function distanceTo(h: Hamlet, u: PreparedUnit, maxM: number): number | null {
  const reach = maxM * SCALE * h.scale;
  const b = h.bounds;
  const e = u.edges;
  const near = Number.isFinite(reach)
    ? u.edgeIndex.search(b.left - reach, b.top - reach, b.right + reach, b.bottom + reach)
    : Array.from({ length: e.length / 4 }, (_, i) => i);
  let best = Infinity;
  for (const ei of near) {
    const k = 4 * ei;
    const d = polygonToSegmentDistance(
      h.paths,
      e[k] as number,
      e[k + 1] as number,
      e[k + 2] as number,
      e[k + 3] as number,
    );
    if (d < best) best = d;
  }
  return best <= reach ? best / (SCALE * h.scale) : null;
}

/** Hamlets that a unit other than their own holds at least `minShare` of (default 1 %). */
export function splitHamlets(a: UnitAssignment, minShare = SPLIT_MIN_SHARE): HamletUnit[] {
  return a.hamlets.filter((h) => (h.parts[1]?.share ?? 0) >= minShare);
}

/** Hamlets that overlap no unit: those given the nearest unit and those left without one. */
export function outsideHamlets(a: UnitAssignment): HamletUnit[] {
  return a.hamlets.filter((h) => h.method !== 'overlap');
}

/** Two units that overlap by more than the tolerance. */
export interface UnitOverlap {
  a: { code: string; name: string };
  b: { code: string; name: string };
  areaM2: number;
  /** Of the smaller unit's area. */
  share: number;
}

/**
 * Pairs of units that overlap by more than `OVERLAP_TOLERANCE` of the smaller one, largest first. A layer
 * with such pairs would count the hamlets of the overlap in whichever unit is larger there, silently.
 *
 * @example
 * const [worst] = unitOverlaps(units); // { a: { code: '1', … }, b: { code: '2', … }, areaM2: 52000, share: 0.013 }
 */
export function unitOverlaps(units: UnitCollection): UnitOverlap[] {
  const proj = projectionOf(units);
  const list = prepareUnits(units, proj, []);
  if (list.length < 2) return [];
  const index = new Flatbush(list.length);
  for (const u of list) index.add(u.bounds.left, u.bounds.top, u.bounds.right, u.bounds.bottom);
  index.finish();
  const out: UnitOverlap[] = [];
  list.forEach((u, i) => {
    for (const j of index.search(u.bounds.left, u.bounds.top, u.bounds.right, u.bounds.bottom)) {
      if (j <= i) continue;
      const v = list[j] as PreparedUnit;
      const box = {
        left: Math.max(u.bounds.left, v.bounds.left) - 1,
        top: Math.max(u.bounds.top, v.bounds.top) - 1,
        right: Math.min(u.bounds.right, v.bounds.right) + 1,
        bottom: Math.min(u.bounds.bottom, v.bounds.bottom) + 1,
      };
      const cu = rectClip(box, u.paths, u.code);
      const cv = rectClip(box, v.paths, v.code);
      if (!cu.ok || !cv.ok) continue;
      const inter = intersect(cu.value, cv.value, `${u.code}/${v.code}`);
      if (!inter.ok) continue;
      const a = areaUnits(inter.value);
      const smaller = Math.min(u.areaUnits, v.areaUnits);
      if (smaller <= 0 || a <= OVERLAP_TOLERANCE * smaller) continue;
      const scale = (u.scale + v.scale) / 2;
      out.push({
        a: { code: u.code, name: u.name },
        b: { code: v.code, name: v.name },
        areaM2: a / (SCALE * SCALE * scale * scale),
        share: a / smaller,
      });
    }
  });
  return out.sort((p, q) => q.areaM2 - p.areaM2);
}

/** A unit's code as text: a string, or a whole number as Shapefiles store codes; '' when there is none. */
function codeOf(v: unknown): string {
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return '';
}

/** The units in `proj`, features of one code merged into one unit; sorted by code. */
function prepareUnits(units: UnitCollection, proj: LocalProjection, warnings: string[]): PreparedUnit[] {
  const features = units?.features;
  if (!Array.isArray(features))
    throw new AnalysisInputError(
      'The units layer is not a FeatureCollection: give polygons with a "code" and a "name".',
      null,
    );
  const byCode = new Map<string, { name: string; paths: Paths64; scales: number[]; from: Set<string> }>();
  features.forEach((f, i) => {
    const code = codeOf(f?.properties?.code);
    if (!code)
      throw new AnalysisInputError(
        `Units: feature #${i + 1} has no "code"; every unit needs its code (e.g. the GSO commune code).`,
        null,
      );
    const p = preparePolygon(f, i, code, proj, warnings, 'Unit');
    const name =
      typeof f.properties?.name === 'string' && f.properties.name.trim() ? f.properties.name.trim() : code;
    const entry = byCode.get(code);
    const raw = f.properties?.from_communes;
    const from = (Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(/[,;\s]+/) : [])
      .map(codeOf)
      .filter(Boolean);
    if (entry) {
      entry.paths.push(...p.paths);
      entry.scales.push(p.scale);
      for (const c of from) entry.from.add(c);
    } else byCode.set(code, { name, paths: p.paths.slice(), scales: [p.scale], from: new Set(from) });
  });
  const out: PreparedUnit[] = [];
  for (const [code, e] of byCode) {
    let paths = e.paths;
    if (e.scales.length > 1) {
      const merged = unionAll(paths, code);
      if (!merged.ok) throw new AnalysisInputError(merged.error.message, code);
      paths = merged.value;
    }
    if (paths.length === 0) continue;
    const { edges, edgeIndex } = edgesOf(paths);
    out.push({
      code,
      name: e.name,
      paths,
      from: e.from,
      edges,
      edgeIndex,
      bounds: boundsOf(paths),
      areaUnits: areaUnits(paths),
      scale: e.scales.reduce((s, x) => s + x, 0) / e.scales.length,
    });
  }
  return out.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** The edges of normalised paths as [ax, ay, bx, by] runs, with a box index over them. */
function edgesOf(paths: Paths64): { edges: Float64Array; edgeIndex: Flatbush } {
  let n = 0;
  for (const p of paths) n += p.length;
  const edges = new Float64Array(4 * n);
  const edgeIndex = new Flatbush(Math.max(n, 1));
  let k = 0;
  for (const p of paths) {
    for (let i = 0, j = p.length - 1; i < p.length; j = i++) {
      const a = p[j] as Paths64[number][number];
      const b = p[i] as Paths64[number][number];
      edges[k++] = a.x;
      edges[k++] = a.y;
      edges[k++] = b.x;
      edges[k++] = b.y;
      edgeIndex.add(Math.min(a.x, b.x), Math.min(a.y, b.y), Math.max(a.x, b.x), Math.max(a.y, b.y));
    }
  }
  if (n === 0) edgeIndex.add(0, 0, 0, 0);
  edgeIndex.finish();
  return { edges, edgeIndex };
}

/** A projection centred on the units' box (for checks on the units alone). */
function projectionOf(units: UnitCollection): LocalProjection {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const f of units?.features ?? []) {
    const g = f?.geometry;
    const polys = g?.type === 'Polygon' ? [g.coordinates] : g?.type === 'MultiPolygon' ? g.coordinates : [];
    for (const rings of polys)
      for (const p of rings[0] ?? []) {
        const [x, y] = p as [number, number];
        if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
        minX = Math.min(minX, x);
        maxX = Math.max(maxX, x);
        minY = Math.min(minY, y);
        maxY = Math.max(maxY, y);
      }
  }
  return Number.isFinite(minX)
    ? createLocalProjection((minX + maxX) / 2, (minY + maxY) / 2)
    : createLocalProjection(0, 0);
}
