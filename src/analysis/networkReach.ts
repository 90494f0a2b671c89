import type { ContainmentProof, CoverageShape } from './coverageShapes.ts';
import { hamletOrder, prepareEngine, type EngineState } from './engine.ts';
import { JsonText } from './jsonText.ts';
import { areaUnits, intersect, SCALE } from './geometry/clip.ts';
import { convexRing, signedAreaInConvex, type ConvexRing } from './geometry/convexClip.ts';
import { pointSegment, segmentWithin } from './geometry/distance.ts';
import type { PreparedHamlet } from './prepareHamlets.ts';
import { recentPaths, type Tile } from './tiles.ts';
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

const LISTS = ['sites', 'legacySites', 'fibre', 'coverage'] as const satisfies readonly (keyof HamletReach)[];

/**
 * {@link NetworkReach} in typed arrays, for national-size runs: list `l` (in the order sites, legacySites,
 * fibre, coverage) of hamlet `i` (the engine's order) is `names[items[l][k]]` for `k` from `start[l][i]` to
 * `start[l][i + 1]`; `names` are in code-unit order, so each list is too.
 */
export interface CompactReach {
  names: string[];
  start: Uint32Array[];
  items: Uint32Array[];
}

/** The lists of hamlet `i` of a {@link CompactReach}, in the order of {@link REACH_KEYS}. */
export function reachLists(reach: CompactReach, i: number): string[][] {
  return LISTS.map((_, l) => {
    const start = reach.start[l] as Uint32Array;
    const items = reach.items[l] as Uint32Array;
    const out: string[] = [];
    for (let k = start[i] as number; k < (start[i + 1] as number); k++)
      out.push(reach.names[items[k] as number] as string);
    return out;
  });
}

/**
 * The lists of hamlet `i` as JSON texts to write as they are, from the names' JSON texts (`JSON.stringify`
 * of each of `reach.names`, made once).
 */
export function reachListTexts(reach: CompactReach, i: number, jsonNames: readonly string[]): JsonText[] {
  return LISTS.map((_, l) => {
    const start = reach.start[l] as Uint32Array;
    const items = reach.items[l] as Uint32Array;
    let text = '[';
    for (let k = start[i] as number; k < (start[i + 1] as number); k++)
      text += (text.length > 1 ? ',' : '') + (jsonNames[items[k] as number] as string);
    return new JsonText(text + ']');
  });
}

/**
 * Which sites, fibre features and coverage polygons reach each hamlet: those whose coverage shape (the same
 * shapes the analysis clips, DATA-MODEL §2) overlaps the hamlet with some area. Comparing two dated versions
 * reads the cause of a change from the difference of these lists (DATA-MODEL §16). Pure; pass the engine's
 * state to use its shapes rather than build them again.
 *
 * @example
 * networkReach(layers, withDefaults({})).get('TH-001')?.sites // ['site-12', 'site-40']
 */
export function networkReach(layers: InputLayers, settings: Settings, state?: EngineState): NetworkReach {
  const s = state ?? prepareEngine(layers, settings);
  const compact = compactReach(s);
  const out: NetworkReach = new Map();
  s.hamlets.forEach((h, i) => {
    const [sites = [], legacySites = [], fibre = [], coverage = []] = reachLists(compact, i);
    out.set(h.id, { sites, legacySites, fibre, coverage });
  });
  return out;
}

/**
 * {@link networkReach} of an engine's hamlets in typed arrays. Each hamlet meets only the shapes registered
 * with its tile, tile by tile along the engine's order, so the polygons built on demand are shared by
 * neighbours.
 */
export function compactReach(state: EngineState): CompactReach {
  const reach = new ReachCollector();
  for (const hi of hamletOrder(state)) reach.add(state, hi);
  return reach.finish(state);
}

/**
 * {@link compactReach} a hamlet at a time, in any order (the result does not depend on it): a run that
 * adds each hamlet right after computing it meets the shapes while their polygons are still built.
 */
export class ReachCollector {
  /** Sources as first met; renumbered in code-unit order at the end. */
  private readonly sourceOf = new Map<string, number>();
  private readonly names: string[] = [];
  private readonly pairs = LISTS.map(() => new PairList());
  private seen = new Uint32Array(1024);
  private stamp = 0;
  private readonly rings = new RecentRings();

  add(state: EngineState, hi: number): void {
    const h = state.hamlets[hi] as PreparedHamlet;
    const b = h.bounds;
    const tile = state.tiles[state.tileOf[hi] as number] as Tile;
    // One stamp per hamlet and list: a source is listed once, and not tested again once it reaches.
    const base = this.stamp;
    this.stamp += LISTS.length;
    for (const kind of KINDS) {
      for (const shape of tile.shapes[kind]) {
        const l = listOf(shape);
        if (l < 0) continue;
        const sb = shape.bounds;
        if (sb.left > b.right || sb.top > b.bottom || sb.right < b.left || sb.bottom < b.top) continue;
        let src = this.sourceOf.get(shape.sourceId);
        if (src === undefined) {
          src = this.names.length;
          this.sourceOf.set(shape.sourceId, src);
          this.names.push(shape.sourceId);
          if (src >= this.seen.length) {
            const grown = new Uint32Array(this.seen.length * 2);
            grown.set(this.seen);
            this.seen = grown;
          }
        }
        const mark = base + l + 1;
        if (this.seen[src] === mark || !reaches(h, shape, this.rings)) continue;
        this.seen[src] = mark;
        (this.pairs[l] as PairList).push(hi, src);
      }
    }
  }

  /** The lists of every hamlet added (the others' are empty). */
  finish(state: EngineState): CompactReach {
    const n = state.hamlets.length;
    const names = this.names;
    const order = names
      .map((_, i) => i)
      .sort((x, y) => compareCodeUnits(names[x] as string, names[y] as string));
    const rank = new Uint32Array(names.length);
    order.forEach((src, r) => (rank[src] = r));
    const sorted = order.map((i) => names[i] as string);
    const start: Uint32Array[] = [];
    const items: Uint32Array[] = [];
    for (const list of this.pairs) {
      const first = list.startsByFirst(n);
      const ids = new Uint32Array(list.length);
      const fill = first.slice();
      for (let k = 0; k < list.length; k++) {
        const hi = list.a[k] as number;
        ids[(fill[hi] as number)++] = rank[list.b[k] as number] as number;
      }
      for (let i = 0; i < n; i++) {
        const from = first[i] as number;
        const to = first[i + 1] as number;
        if (to - from > 1) ids.subarray(from, to).sort();
      }
      start.push(first);
      items.push(ids);
    }
    return { names: sorted, start, items };
  }
}

const KINDS = ['mbb', 'legacy', 'fibre'] as const;

/** Which list a shape reaches into (index in LISTS), or -1: a weak coverage polygon is in none. */
function listOf(shape: CoverageShape): number {
  if (shape.layer === 'sites') return shape.kind === 'mbb' ? 0 : 1;
  if (shape.layer === 'fibre') return 2;
  return shape.kind === 'mbb' ? 3 : -1;
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Pairs of unsigned integers in two growing typed arrays. */
class PairList {
  a = new Uint32Array(1024);
  b = new Uint32Array(1024);
  length = 0;

  push(x: number, y: number): void {
    if (this.length === this.a.length) {
      const a = new Uint32Array(this.a.length * 2);
      const b = new Uint32Array(this.b.length * 2);
      a.set(this.a);
      b.set(this.b);
      this.a = a;
      this.b = b;
    }
    this.a[this.length] = x;
    this.b[this.length] = y;
    this.length++;
  }

  /** Where the pairs of each first value (below `n`) start when grouped by it; at `n`, their count. */
  startsByFirst(n: number): Uint32Array {
    const first = new Uint32Array(n + 1);
    for (let k = 0; k < this.length; k++)
      first[(this.a[k] as number) + 1] = (first[(this.a[k] as number) + 1] as number) + 1;
    for (let i = 0; i < n; i++) first[i + 1] = (first[i + 1] as number) + (first[i] as number);
    return first;
  }
}

/**
 * An overlap of more than this (1 m², in integer units²) measured in floating point is an overlap for
 * Clipper too; a smaller one may be rounding, so Clipper decides.
 */
const SURE_AREA = SCALE * SCALE;

/** Convex shapes' rings (null when not convex), kept for the most recently used few thousand shapes. */
class RecentRings {
  private recent = new Map<CoverageShape, ConvexRing[] | null>();

  of(shape: CoverageShape): ConvexRing[] | null {
    const hit = this.recent.get(shape);
    if (hit !== undefined) return hit;
    let rings: ConvexRing[] | null = null;
    if (shape.convex) {
      const built = recentPaths(shape).map((p) => convexRing(p, true));
      if (built.every((r) => r !== null)) rings = built as ConvexRing[];
    }
    if (this.recent.size >= RECENT_RINGS) {
      const oldest = this.recent.keys().next();
      if (!oldest.done) this.recent.delete(oldest.value);
    }
    this.recent.set(shape, rings);
    return rings;
  }
}

const RECENT_RINGS = 4096;

/**
 * Whether a shape overlaps a hamlet with some area. Its outer disc or capsule rules most candidates out and
 * its inner ones (which lie inside the shape) prove most overlaps. A convex shape's rings then cut the
 * hamlet in floating point: more than {@link SURE_AREA} inside one ring is an overlap, nothing inside any
 * is none; only what is left (slivers, shapes that are not convex) is clipped, so the answer is Clipper's.
 */
function reaches(h: PreparedHamlet, shape: CoverageShape, rings: RecentRings): boolean {
  const o = shape.outer;
  if (o && !closerThan(h, o)) return false;
  for (const p of shape.proofs) {
    if (closerThan(h, p)) return true;
  }
  const convex = rings.of(shape);
  if (convex) {
    let unsure = false;
    for (const c of convex) {
      const a = signedAreaInConvex(h.paths, c);
      if (a > SURE_AREA) return true;
      if (a !== 0) unsure = true;
    }
    if (!unsure) return false;
  }
  const cut = intersect(h.paths, recentPaths(shape), shape.sourceId);
  return cut.ok && areaUnits(cut.value) > 0;
}

/**
 * `segmentWithin(h.paths, …, p.r, true)`: the hamlet comes closer than `p.r` to the segment. Every vertex lies
 * within `h.radius` of the hamlet's centre, so the centre's distance decides when it is farther than a unit
 * (far beyond rounding) from `p.r ± h.radius`; only the band between walks the edges.
 */
export function closerThan(h: PreparedHamlet, p: ContainmentProof): boolean {
  if (!(p.r > 0)) return false;
  const d = pointSegment(h.cx, h.cy, p.ax, p.ay, p.bx, p.by);
  if (d > p.r + h.radius + 1) return false;
  if (d + h.radius + 1 < p.r && h.paths.length > 0) return true;
  return segmentWithin(h.paths, p.ax, p.ay, p.bx, p.by, p.r, true);
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
