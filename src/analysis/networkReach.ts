import Flatbush from 'flatbush';
import type { CoverageShape } from './coverageShapes.ts';
import { fibreShapes, operatorCoverageShape, siteShapes } from './coverageShapes.ts';
import { fibreId, siteId } from './featureIds.ts';
import { areaUnits, intersect, SCALE } from './geometry/clip.ts';
import { convexRing, signedAreaInConvex, type ConvexRing } from './geometry/convexClip.ts';
import { polygonToSegmentDistance } from './geometry/distance.ts';
import type { LocalProjection } from './geometry/projection.ts';
import { prepareHamlets, type PreparedHamlet } from './prepareHamlets.ts';
import type { InputLayers, Settings } from './types.ts';

/** The network features whose coverage reaches one hamlet (ids sorted in code-unit order). */
export interface HamletReach {
  /** Sites that are on and whose 4G/5G disc or sectors reach the hamlet. */
  sites: string[];
  /** Sites whose 2G/3G reach goes further than their 4G/5G (or who have only 2G/3G) and reaches it. */
  legacySites: string[];
  /** Access fibre routes and nodes whose service area reaches it (backbone serves nobody). */
  fibre: string[];
  /** Operator coverage polygons at a good 4G/5G level that reach it. */
  coverage: string[];
}

/** Hamlet id → the features that reach it. */
export type NetworkReach = Map<string, HamletReach>;

/**
 * Which sites, fibre features and coverage polygons reach each hamlet: those whose coverage shape (the same
 * shapes the analysis clips, DATA-MODEL §2) overlaps the hamlet with some area. Comparing two dated versions
 * reads the cause of a change from the difference of these lists (DATA-MODEL §16). Pure; pass the engine's
 * prepared hamlets to skip preparing them again.
 *
 * @example
 * networkReach(layers, withDefaults({})).get('TH-001')?.sites // ['site-12', 'site-40']
 */
export function networkReach(
  layers: InputLayers,
  settings: Settings,
  prepared?: { hamlets: PreparedHamlet[]; proj: LocalProjection },
): NetworkReach {
  const { hamlets, proj } = prepared ?? prepareHamlets(layers);
  const out: NetworkReach = new Map();
  const lists = hamlets.map(() => ({
    sites: new Set<string>(),
    legacySites: new Set<string>(),
    fibre: new Set<string>(),
    coverage: new Set<string>(),
  }));
  if (hamlets.length > 0) {
    const index = new Flatbush(hamlets.length);
    for (const h of hamlets) index.add(h.bounds.left, h.bounds.top, h.bounds.right, h.bounds.bottom);
    index.finish();
    const visit = (shapes: CoverageShape[], into: (s: CoverageShape) => keyof HamletReach | null): void => {
      for (const shape of shapes) {
        const list = into(shape);
        if (!list) continue;
        const b = shape.bounds;
        const rings = lazyRings(shape);
        for (const i of index.search(b.left, b.top, b.right, b.bottom)) {
          const h = hamlets[i] as PreparedHamlet;
          const set = (lists[i] as Record<keyof HamletReach, Set<string>>)[list];
          if (!set.has(shape.sourceId) && reaches(h, shape, rings)) set.add(shape.sourceId);
        }
      }
    };
    (layers.sites?.features ?? []).forEach((f, i) =>
      visit(siteShapes(f, siteId(f, i), proj, settings).shapes, (s) =>
        s.kind === 'mbb' ? 'sites' : 'legacySites',
      ),
    );
    (layers.fibre?.features ?? []).forEach((f, i) =>
      visit(fibreShapes(f, fibreId(f, i), proj, settings).shapes, () => 'fibre'),
    );
    (layers.coverage?.features ?? []).forEach((f, i) =>
      visit(
        operatorCoverageShape(f, String(f.properties?.id ?? f.id ?? `coverage-${i}`), proj).shapes,
        (s) => (s.kind === 'mbb' ? 'coverage' : null),
      ),
    );
  }
  hamlets.forEach((h, i) => {
    const l = lists[i] as Record<keyof HamletReach, Set<string>>;
    out.set(h.id, {
      sites: sorted(l.sites),
      legacySites: sorted(l.legacySites),
      fibre: sorted(l.fibre),
      coverage: sorted(l.coverage),
    });
  });
  return out;
}

/**
 * An overlap of more than this (1 m², in integer units²) measured in floating point is an overlap for
 * Clipper too; a smaller one may be rounding, so Clipper decides.
 */
const SURE_AREA = SCALE * SCALE;

/** A convex shape's rings, built once for all the hamlets it is tested against; null when not convex. */
function lazyRings(shape: CoverageShape): () => ConvexRing[] | null {
  let rings: ConvexRing[] | null | undefined;
  return () => {
    if (rings === undefined) {
      rings = null;
      if (shape.convex) {
        const built = shape.paths().map((p) => convexRing(p, true));
        if (built.every((r) => r !== null)) rings = built as ConvexRing[];
      }
    }
    return rings;
  };
}

/**
 * Whether a shape overlaps a hamlet with some area. Its outer disc or capsule rules most candidates out and
 * its inner ones (which lie inside the shape) prove most overlaps. A convex shape's rings then cut the
 * hamlet in floating point: more than {@link SURE_AREA} inside one ring is an overlap, nothing inside any
 * is none; only what is left (slivers, shapes that are not convex) is clipped, so the answer is Clipper's.
 */
function reaches(h: PreparedHamlet, shape: CoverageShape, rings: () => ConvexRing[] | null): boolean {
  const o = shape.outer;
  if (o && polygonToSegmentDistance(h.paths, o.ax, o.ay, o.bx, o.by) >= o.r) return false;
  for (const p of shape.proofs) {
    if (p.r > 0 && polygonToSegmentDistance(h.paths, p.ax, p.ay, p.bx, p.by) < p.r) return true;
  }
  const convex = rings();
  if (convex) {
    let unsure = false;
    for (const c of convex) {
      const a = signedAreaInConvex(h.paths, c);
      if (a > SURE_AREA) return true;
      if (a !== 0) unsure = true;
    }
    if (!unsure) return false;
  }
  const cut = intersect(h.paths, shape.paths(), shape.sourceId);
  return cut.ok && areaUnits(cut.value) > 0;
}

function sorted(set: Set<string>): string[] {
  return [...set].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Where `vungtrang analyze` writes a hamlet's reach in hamlets.geojson (DATA-MODEL §10). */
const REACH_PROPERTIES = {
  sites: 'reach_sites',
  legacySites: 'reach_legacy_sites',
  fibre: 'reach_fibre',
  coverage: 'reach_coverage',
} as const satisfies Record<keyof HamletReach, string>;

/** The properties that hold a hamlet's reach in the hamlets export, in order. */
export const REACH_KEYS: readonly string[] = Object.values(REACH_PROPERTIES);

/** A hamlet's reach as the values of {@link REACH_KEYS}: lists of feature ids. */
export function reachValues(reach: HamletReach | undefined): string[][] {
  return (Object.keys(REACH_PROPERTIES) as (keyof HamletReach)[]).map((k) => reach?.[k] ?? []);
}

/** A hamlet's reach as properties of the hamlets export: lists of feature ids. */
export function reachProperties(reach: HamletReach | undefined): Record<string, string[]> {
  const values = reachValues(reach);
  return Object.fromEntries(REACH_KEYS.map((k, i) => [k, values[i] ?? []]));
}

/** The reach written by `reachProperties` (or {@link reachValues}), read back; null when a list is missing or not a list of ids. */
export function reachFromProperties(props: Record<string, unknown>): HamletReach | null {
  const out: Partial<HamletReach> = {};
  for (const [k, name] of Object.entries(REACH_PROPERTIES)) {
    const v = props[name];
    if (!Array.isArray(v) || !v.every((id) => typeof id === 'string')) return null;
    out[k as keyof HamletReach] = v as string[];
  }
  return out as HamletReach;
}
