import { Clipper, FillRule } from 'clipper2-ts';
import type { Path64, Paths64, Rect64 } from 'clipper2-ts';
import { clipRingToRect, clipToRect } from './rectClip.ts';

/**
 * The one door to the polygon clipping engine. Everything else in the analysis works on `Paths64` (integer
 * centimetres in the local projection) and calls these functions, which return a result or a typed error
 * naming the feature, and never throw. The engine is clipper2-ts: pure TypeScript, synchronous, so the
 * analysis runs unchanged in Node and in a Web Worker (the bench compares it with clipper2-wasm).
 */
export type { Path64, Paths64, Rect64 };

/** Integer units per metre: 1 cm keeps coordinates of a 1,000 km region far inside 2^53 in products. */
export const SCALE = 100;

export type ClipOperation = 'union' | 'intersection' | 'difference' | 'rect-clip' | 'repair';

/** A clipping failure, naming the feature it happened on so the user can find and fix it. */
export class GeometryError extends Error {
  override readonly name = 'GeometryError';
  constructor(
    readonly featureId: string,
    readonly operation: ClipOperation,
    override readonly cause: unknown,
  ) {
    super(
      `Geometry of "${featureId}" could not be processed (${operation}: ${
        cause instanceof Error ? cause.message : String(cause)
      }). Check the feature for self-intersections or invalid coordinates, e.g. in QGIS with "Fix geometries".`,
    );
  }
}

export type GeoResult<T> = { ok: true; value: T } | { ok: false; error: GeometryError };

/**
 * Clipper's results mix point objects of several shapes (its own `{x, y, z}` and `{x, y}`, and the input's
 * points): code that reads them then sees many object maps and V8 keeps throwing away its optimised code
 * (measured: the first province run 2.0 s -> 1.3 s, deoptimisations 155 -> 79). One fresh `{x, y}` per
 * point (~180k a run, a few ms) keeps every reader monomorphic.
 */
function canon(paths: Paths64): Paths64 {
  const out: Paths64 = [];
  for (const path of paths) {
    const p: Path64 = [];
    for (const q of path) p.push({ x: q.x, y: q.y });
    out.push(p);
  }
  return out;
}

function guard(featureId: string, operation: ClipOperation, run: () => Paths64): GeoResult<Paths64> {
  try {
    return { ok: true, value: operation === 'rect-clip' ? run() : canon(run()) };
  } catch (cause) {
    return { ok: false, error: new GeometryError(featureId, operation, cause) };
  }
}

/** Union of polygons under the non-zero rule (Clipper outputs outer rings counter-clockwise). */
export function unionAll(paths: Paths64, featureId: string): GeoResult<Paths64> {
  return guard(featureId, 'union', () => (paths.length === 0 ? [] : Clipper.union(paths, FillRule.NonZero)));
}

export function intersect(a: Paths64, b: Paths64, featureId: string): GeoResult<Paths64> {
  return guard(featureId, 'intersection', () =>
    a.length === 0 || b.length === 0 ? [] : Clipper.intersect(a, b, FillRule.NonZero),
  );
}

export function difference(a: Paths64, b: Paths64, featureId: string): GeoResult<Paths64> {
  return guard(featureId, 'difference', () =>
    a.length === 0 ? [] : b.length === 0 ? a : Clipper.difference(a, b, FillRule.NonZero),
  );
}

/**
 * Cheap, linear-time clip to a rectangle; used to cut coverage down to a tile before unions. The result is
 * for further boolean operations and areas (it may hold zero-width runs along the rectangle's edge).
 */
export function rectClip(rect: Rect64, paths: Paths64, featureId: string): GeoResult<Paths64> {
  return guard(featureId, 'rect-clip', () => clipToRect(rect, paths));
}

/** `rectClip` of one ring given as numbers (x, y, …; `n` vertices): the same cut, no point per vertex. */
export function rectClipRing(
  rect: Rect64,
  ring: Float64Array,
  n: number,
  featureId: string,
): GeoResult<Paths64> {
  return guard(featureId, 'rect-clip', () => clipRingToRect(rect, ring, n));
}

/**
 * Normalise the rings of one polygon as given in a file: even-odd fill makes the result independent of ring
 * orientation and resolves self-intersections (a bow-tie becomes two triangles), as GIS "make valid" does.
 */
export function repairPolygonRings(rings: Paths64, featureId: string): GeoResult<Paths64> {
  return guard(featureId, 'repair', () => Clipper.union(rings, FillRule.EvenOdd));
}

/** Signed area in integer units² (outer rings positive, holes negative). */
export function areaUnits(paths: Paths64): number {
  let a = 0;
  for (const p of paths) a += Clipper.area(p);
  return a;
}

export function boundsOf(paths: Paths64): Rect64 {
  return Clipper.getBoundsPaths(paths);
}

/** Winding-number test of an integer point against normalised paths: true when strictly inside or on. */
export function pointInPaths(x: number, y: number, paths: Paths64): boolean {
  let winding = 0;
  for (const path of paths) {
    const n = path.length;
    for (let i = 0, j = n - 1; i < n; j = i++) {
      const a = path[j] as Path64[number];
      const b = path[i] as Path64[number];
      if (a.y <= y) {
        if (b.y > y && (b.x - a.x) * (y - a.y) - (x - a.x) * (b.y - a.y) > 0) winding++;
      } else if (b.y <= y && (b.x - a.x) * (y - a.y) - (x - a.x) * (b.y - a.y) < 0) winding--;
    }
  }
  return winding !== 0;
}
