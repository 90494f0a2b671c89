import type Flatbush from 'flatbush';
import type {
  FibreFeature,
  HamletCoverage,
  InputLayers,
  ProgressCallback,
  Settings,
  SiteFeature,
} from './types.ts';
import { assembleHamlet, withOperatorFigures } from './assembleHamlet.ts';
import { fibreId, siteId } from './featureIds.ts';
import type { FacilityInfo } from './assembleHamlet.ts';
import { fibreLines, fibreShapes, operatorCoverageShape, siteShapes } from './coverageShapes.ts';
import type { CoverageShape } from './coverageShapes.ts';
import { SCALE } from './geometry/clip.ts';
import { projectPoint } from './geometry/convert.ts';
import type { LocalProjection } from './geometry/projection.ts';
import { hamletClasses, reachOf } from './hamletClasses.ts';
import type { HamletGeometry, HamletScratch } from './hamletClasses.ts';
import { NearestIndex } from './nearest.ts';
import { operatorClasses } from './operatorClasses.ts';
import type { OperatorGeometry } from './operatorClasses.ts';
import type { NearItem } from './nearest.ts';
import { measureHamlets, type MeasuredState } from './measuredHamlets.ts';
import { placePoints } from './points.ts';
import type { PlacedPoint } from './points.ts';
import { prepareHamlets } from './prepareHamlets.ts';
import type { PreparedHamlet } from './prepareHamlets.ts';
import { parseTech } from './tech.ts';
import { buildTiles, touching } from './tiles.ts';
import type { Tile } from './tiles.ts';

/** Tiles of ~1 km hold a handful of hamlets: small unions, few vertices per clip (see the bench). */
export const TILE_SIZE_M = 1000;

type Nearest = { id: string; distance: number } | null;

/** Everything prepared once, kept so that what-if edits recompute only what they touch. */
export interface EngineState {
  settings: Settings;
  proj: LocalProjection;
  hamlets: PreparedHamlet[];
  tiles: Tile[];
  tileIndex: Flatbush;
  tileOf: number[];
  geometry: HamletGeometry[];
  /** Per-operator MBB and fibre areas and the market classes, beside the pooled geometry. */
  operators: OperatorGeometry[];
  households: PlacedPoint<number>[][] | null;
  facilities: PlacedPoint<FacilityInfo>[][];
  /** Access fibre (lines and nodes that serve households) and backbone, indexed apart (DATA-MODEL §5). */
  accessNear: NearestIndex;
  backboneNear: NearestIndex;
  siteNear: NearestIndex;
  nearestAccess: Nearest[];
  nearestBackbone: Nearest[];
  nearestSite: Nearest[];
  coverage: HamletCoverage[];
  /** Each source feature's registered shapes, so an edit finds their tiles without a scan. */
  shapesBySource: Map<string, CoverageShape[]>;
  /** Speed tests and field reports per hamlet (they do not change with what-if edits); null without them. */
  measured: MeasuredState | null;
  /** Warnings from reading the input; they stay for the session. */
  inputWarnings: string[];
  timingsMs: Record<string, number>;
}

export { fibreId, siteId } from './featureIds.ts';

/**
 * Up to this many hamlets a run keeps every hamlet's clipped geometry and operator figures, which what-if
 * edits and tower-sharing candidates read; a larger run lets each go once its result is built, and an edit
 * rebuilds those of the hamlets it reaches (`materialise`). At 32× the sample (89,088 hamlets) they held
 * ~180 MB of a run's ~1 GB of heap.
 */
export const KEEP_GEOMETRY_MAX_HAMLETS = 10_000;

/** Whether a run of `hamlets` hamlets keeps their geometry ({@link KEEP_GEOMETRY_MAX_HAMLETS}). */
export function keepsGeometry(hamlets: number): boolean {
  return hamlets <= KEEP_GEOMETRY_MAX_HAMLETS;
}

/** A computed hamlet's clipped geometry, which no other hamlet's result needs. */
export function forget(state: EngineState, hi: number): void {
  delete state.geometry[hi];
  delete state.operators[hi];
}

/**
 * Prepare hamlets, coverage shapes, tiles and indexes, and compute every hamlet (`keepGeometry`: keep
 * each hamlet's clipped geometry; by default up to {@link KEEP_GEOMETRY_MAX_HAMLETS} hamlets).
 *
 * @example
 * const state = buildEngine(layers, withDefaults({}));
 */
export function buildEngine(
  layers: InputLayers,
  settings: Settings,
  onProgress?: ProgressCallback,
  keepGeometry?: boolean,
): EngineState {
  const state = prepareEngine(layers, settings, onProgress);
  const { hamlets, timingsMs } = state;
  const keep = keepGeometry ?? keepsGeometry(hamlets.length);
  const t0 = performance.now();
  const split: Split = { classes: 0, operators: 0, nearest: 0, assemble: 0 };
  let done = 0;
  for (const hi of hamletOrder(state)) {
    computeHamlet(state, hi, 'all', split);
    if (!keep) forget(state, hi);
    if (done++ % 200 === 0) onProgress?.(done - 1, hamlets.length, 'hamlets');
  }
  onProgress?.(hamlets.length, hamlets.length, 'hamlets');
  timingsMs.hamlets = performance.now() - t0;
  for (const [k, v] of Object.entries(split)) timingsMs[`hamlets.${k}`] = v;
  return state;
}

/**
 * Everything {@link buildEngine} does before the hamlets are computed: hamlets, coverage shapes, tiles,
 * indexes and points. Then {@link computeHamlet} each index of {@link hamletOrder}, in any order or split
 * (each hamlet's result depends only on this state); the warnings it adds go to `inputWarnings` in the
 * order the hamlets are computed. `onProgress` hears the `'preparing'` phase first (0 of the hamlets).
 *
 * @example
 * const state = prepareEngine(layers, withDefaults({}));
 * for (const hi of hamletOrder(state)) computeHamlet(state, hi);
 */
export function prepareEngine(
  layers: InputLayers,
  settings: Settings,
  onProgress?: ProgressCallback,
): EngineState {
  onProgress?.(0, layers.hamlets?.features?.length ?? 0, 'preparing');
  const timingsMs: Record<string, number> = {};
  let t0 = performance.now();
  const lap = (name: string): void => {
    const t = performance.now();
    timingsMs[name] = t - t0;
    t0 = t;
  };
  const { hamlets, proj, warnings } = prepareHamlets(layers);
  lap('prepareHamlets');
  const shapes: CoverageShape[] = [];
  const collect = (r: { shapes: CoverageShape[]; warning?: string }): void => {
    shapes.push(...r.shapes);
    if (r.warning) warnings.push(r.warning);
  };
  (layers.sites?.features ?? []).forEach((f, i) => collect(siteShapes(f, siteId(f, i), proj, settings)));
  (layers.fibre?.features ?? []).forEach((f, i) => collect(fibreShapes(f, fibreId(f, i), proj, settings)));
  (layers.coverage?.features ?? []).forEach((f, i) =>
    collect(operatorCoverageShape(f, String(f.properties?.id ?? f.id ?? `coverage-${i}`), proj)),
  );
  lap('coverageShapes');
  const { tiles, index } = buildTiles(hamlets, TILE_SIZE_M * SCALE);
  const fibre = layers.fibre?.features ?? [];
  const fibreOfKind = (backbone: boolean): NearItem[] =>
    fibre.flatMap((f, i) => (isBackbone(f) === backbone ? fibreItems(f, fibreId(f, i), proj) : []));
  const tileOf: number[] = [];
  for (const t of tiles) for (const hi of t.hamlets) tileOf[hi] = t.index;
  const state: EngineState = {
    settings,
    proj,
    hamlets,
    tiles,
    tileIndex: index,
    tileOf,
    geometry: [],
    operators: [],
    households: null,
    facilities: [],
    accessNear: new NearestIndex(fibreOfKind(false)),
    backboneNear: new NearestIndex(fibreOfKind(true)),
    siteNear: new NearestIndex(
      (layers.sites?.features ?? []).flatMap((f, i) => siteItems(f, siteId(f, i), proj)),
    ),
    nearestAccess: [],
    nearestBackbone: [],
    nearestSite: [],
    coverage: [],
    shapesBySource: new Map(),
    measured: null,
    inputWarnings: warnings,
    timingsMs,
  };
  attachShapes(state, shapes, false);
  lap('tiles');
  if (layers.households) {
    const placed = placePoints(hamlets, proj, layers.households.features, (f) => {
      const c = Number(f.properties?.count ?? 1);
      return Number.isFinite(c) && c >= 0 ? c : 1;
    });
    state.households = placed.byHamlet;
    if (placed.outside > 0)
      warnings.push(`${placed.outside} household points lie outside every hamlet and were not counted.`);
  }
  state.facilities = placePoints(hamlets, proj, layers.facilities?.features ?? [], (f, i) => ({
    id: String(f.properties?.id ?? f.id ?? f.properties?.name ?? `facility-${i}`),
    kind: String(f.properties?.kind ?? ''),
    name: String(f.properties?.name ?? ''),
  })).byHamlet;
  lap('points');
  state.measured = measureHamlets(hamlets, proj, layers, settings.measured, warnings);
  if (state.measured) lap('measured');
  return state;
}

/** The order {@link buildEngine} computes the hamlets in: tile by tile, along a Z-order curve. */
export function hamletOrder(state: EngineState): number[] {
  return spatialOrder(state.hamlets, state.tiles);
}

/**
 * Hamlet indices tile by tile along a Z-order curve. Neighbouring hamlets share coverage shapes, whose
 * polygons are built on demand and kept only for the most recent few thousand: in file order (commune by
 * commune, communes far apart) a national-size run would rebuild them again and again. Results do not
 * depend on the order.
 */
function spatialOrder(hamlets: PreparedHamlet[], tiles: Tile[]): number[] {
  if (tiles.length === 0) return [];
  let minX = Infinity;
  let minY = Infinity;
  for (const t of tiles) {
    minX = Math.min(minX, t.region.left);
    minY = Math.min(minY, t.region.top);
  }
  const step = TILE_SIZE_M * SCALE;
  const keyed = tiles.map((t) => {
    const h = hamlets[t.hamlets[0] as number] as PreparedHamlet;
    return { t, key: morton(Math.floor((h.cx - minX) / step), Math.floor((h.cy - minY) / step)) };
  });
  keyed.sort((a, b) => a.key - b.key || a.t.index - b.t.index);
  return keyed.flatMap((k) => k.t.hamlets);
}

/** Interleave the bits of two non-negative integers below 2^16 (a Z-order key). */
export function morton(x: number, y: number): number {
  return spreadBits(x) + 2 * spreadBits(y);
}

/** The low 16 bits of `v` moved to the even bit positions. */
function spreadBits(v: number): number {
  let s = v & 0xffff;
  s = (s | (s << 8)) & 0x00ff00ff;
  s = (s | (s << 4)) & 0x0f0f0f0f;
  s = (s | (s << 2)) & 0x33333333;
  return (s | (s << 1)) & 0x55555555;
}

type Split = { classes: number; operators: number; nearest: number; assemble: number };

/**
 * Recompute one hamlet from the current state: `all` its pooled classes, operator figures and nearest
 * features; `classes` the first two; `operators` the operator figures alone (an edit that leaves the pooled
 * classes as they were); `assemble` only its public result.
 */
export function computeHamlet(
  state: EngineState,
  hi: number,
  parts: 'all' | 'classes' | 'operators' | 'assemble' = 'all',
  split?: Split,
  /** With `operators`: the only kind of coverage whose operator figures changed. */
  onlyKind?: 'mbb' | 'fibre',
): void {
  const h = state.hamlets[hi] as PreparedHamlet;
  const tile = state.tiles[state.tileOf[hi] as number] as Tile;
  let t = split ? performance.now() : 0;
  const lap = (k: keyof Split): void => {
    if (!split) return;
    const now = performance.now();
    split[k] += now - t;
    t = now;
  };
  const scratch: HamletScratch = { near: {}, cut: new Map() };
  if (parts === 'all' || parts === 'classes') {
    state.geometry[hi] = hamletClasses(h, tile, state.inputWarnings, scratch);
    lap('classes');
  }
  if (parts !== 'assemble') {
    const g = state.geometry[hi] as HamletGeometry;
    const from = state.operators[hi];
    const other: 'mbb' | 'fibre' = onlyKind === 'mbb' ? 'fibre' : 'mbb';
    const keep = parts === 'operators' && onlyKind && from ? { from, kind: other } : undefined;
    state.operators[hi] = operatorClasses(h, tile, g, state.inputWarnings, scratch, keep);
    lap('operators');
  }
  if (parts === 'all') {
    state.nearestAccess[hi] = state.accessNear.nearest(h);
    state.nearestBackbone[hi] = state.backboneNear.nearest(h);
    state.nearestSite[hi] = state.siteNear.nearest(h);
    lap('nearest');
  }
  const before = state.coverage[hi];
  // The pooled result stands: only the operator figures change (household points need the full pass).
  if (parts === 'operators' && before && before.householdMethod === 'area') {
    state.coverage[hi] = withOperatorFigures(
      before,
      state.geometry[hi] as HamletGeometry,
      state.operators[hi] as OperatorGeometry,
    );
    lap('assemble');
    return;
  }
  state.coverage[hi] = assembleHamlet(
    {
      h,
      g: state.geometry[hi] as HamletGeometry,
      ops: state.operators[hi] as OperatorGeometry,
      tile,
      households: state.households ? (state.households[hi] ?? []) : null,
      facilities: state.facilities[hi] ?? [],
      nearestAccess: state.nearestAccess[hi] ?? null,
      nearestBackbone: state.nearestBackbone[hi] ?? null,
      nearestSite: state.nearestSite[hi] ?? null,
    },
    state.proj,
    state.settings,
  );
  // The coverage pieces are kept only to place household points again after an edit; without a
  // household layer they are garbage, and at national scale they would be hundreds of MB.
  if (!state.households) (state.geometry[hi] as HamletGeometry).local = {};
  lap('assemble');
}

/**
 * Register shapes with the tiles their box touches (each shape is also kept under its source, so an edit
 * finds them again); returns those tiles' indices. `touched: false` skips the set (a first build).
 */
export function attachShapes(state: EngineState, shapes: CoverageShape[], touched = true): Set<number> {
  const out = new Set<number>();
  const { tiles, tileIndex, shapesBySource } = state;
  for (let from = 0; from < shapes.length;) {
    // A source's shapes come one after another: kept as a list of their length (one grown by `push`
    // holds room for 17, ~9 MB for nothing over a national set's 130,000 sources).
    const sourceId = (shapes[from] as CoverageShape).sourceId;
    let to = from + 1;
    while (to < shapes.length && (shapes[to] as CoverageShape).sourceId === sourceId) to++;
    const run = shapes.slice(from, to);
    const had = shapesBySource.get(sourceId);
    shapesBySource.set(sourceId, had ? had.concat(run) : run);
    for (const s of run) {
      for (const ti of tileIndex.search(s.bounds.left, s.bounds.top, s.bounds.right, s.bounds.bottom)) {
        const t = tiles[ti];
        if (!t) continue;
        t.shapes[s.kind].push(s);
        if (touched) out.add(ti);
      }
    }
    from = to;
  }
  return out;
}

/** The tiles a source feature's shapes are registered with, in the order they were registered. */
export function tilesOfSource(state: EngineState, sourceId: string): Set<number> {
  const out = new Set<number>();
  for (const s of state.shapesBySource.get(sourceId) ?? []) {
    for (const ti of state.tileIndex.search(s.bounds.left, s.bounds.top, s.bounds.right, s.bounds.bottom))
      if (state.tiles[ti]) out.add(ti);
  }
  return out;
}

/**
 * Unregister every shape of a source feature; returns the touched tiles and the removed shapes. `mine`:
 * the source's tiles if the caller has them already ({@link tilesOfSource}).
 */
export function detachShapes(
  state: EngineState,
  sourceId: string,
  mine: Set<number> = tilesOfSource(state, sourceId),
): { tiles: Set<number>; shapes: CoverageShape[] } {
  const touched = new Set<number>();
  const removed = new Set<CoverageShape>();
  state.shapesBySource.delete(sourceId);
  for (const ti of mine) {
    const t = state.tiles[ti] as Tile;
    for (const kind of ['fibre', 'mbb', 'legacy'] as const) {
      const list = t.shapes[kind];
      const keep = list.filter((s) => s.sourceId !== sourceId);
      if (keep.length !== list.length) {
        for (const s of list) if (s.sourceId === sourceId) removed.add(s);
        t.shapes[kind] = keep;
        touched.add(t.index);
      }
    }
  }
  return { tiles: touched, shapes: [...removed] };
}

/**
 * After shapes were added or removed: recompute the hamlets of the given tiles that those shapes reach.
 * A hamlet that an added shape's kind already covered whole cannot change in its pooled classes; it can
 * still change in its operator figures unless the shape's operator already covered it whole.
 */
export function recomputeTiles(
  state: EngineState,
  tiles: Set<number>,
  added: CoverageShape[],
  removed: CoverageShape[],
): number[] {
  const changed: number[] = [];
  const meets = (s: CoverageShape, b: PreparedHamlet['bounds']): boolean =>
    s.bounds.left <= b.right &&
    s.bounds.right >= b.left &&
    s.bounds.top <= b.bottom &&
    s.bounds.bottom >= b.top;
  for (const ti of tiles) {
    const t = state.tiles[ti] as Tile;
    for (const hi of t.hamlets) {
      const b = (state.hamlets[hi] as PreparedHamlet).bounds;
      const reach = state.geometry[hi]?.reach;
      const grows = added.some((s) => meets(s, b) && reach?.[s.kind] !== 'full');
      // A removal changes nothing where the remaining shapes of that kind still provably cover the hamlet.
      const shrinks = removed.some(
        (s) =>
          meets(s, b) &&
          (reach?.[s.kind] !== 'full' ||
            reachOf(state.hamlets[hi] as PreparedHamlet, t.shapes[s.kind]) !== 'full'),
      );
      if (grows || shrinks) {
        computeHamlet(state, hi, 'classes');
        changed.push(hi);
        continue;
      }
      const h = state.hamlets[hi] as PreparedHamlet;
      const ops = state.operators[hi];
      // A shape that does not come near the hamlet changes nothing; nor does an added one of an operator that
      // covered it whole, or a removed one whose operator still covers it whole.
      const near = (s: CoverageShape): boolean =>
        s.kind !== 'legacy' && meets(s, b) && touching(h, [s]).length > 0;
      const opFull = (s: CoverageShape): boolean =>
        s.kind !== 'legacy' && ops?.[s.kind].find((p) => p.operator === s.operator)?.reach === 'full';
      const kinds = new Set<'mbb' | 'fibre'>();
      for (const s of added) if (s.kind !== 'legacy' && near(s) && !opFull(s)) kinds.add(s.kind);
      for (const s of removed) {
        if (s.kind === 'legacy' || !near(s) || kinds.has(s.kind)) continue;
        const remaining = t.shapes[s.kind].filter((o) => o.operator === s.operator);
        if (!opFull(s) || reachOf(h, remaining) !== 'full') kinds.add(s.kind);
      }
      if (kinds.size > 0) {
        computeHamlet(state, hi, 'operators', undefined, kinds.size === 1 ? [...kinds][0] : undefined);
        changed.push(hi);
      }
    }
  }
  return changed;
}

/** Backbone fibre serves no household; it counts only for the distance to fibre (DATA-MODEL §2). */
export function isBackbone(f: FibreFeature): boolean {
  return f.properties?.kind === 'backbone';
}

export function fibreItems(f: FibreFeature, id: string, proj: LocalProjection): NearItem[] {
  const items: NearItem[] = [];
  for (const line of fibreLines(f) ?? []) {
    const pts = line.map((p) => projectPoint(p, proj));
    if (pts.length === 1) {
      const p = pts[0] as { x: number; y: number };
      items.push({ id, ax: p.x, ay: p.y, bx: p.x, by: p.y });
    }
    for (let i = 1; i < pts.length; i++) {
      const a = pts[i - 1] as { x: number; y: number };
      const b = pts[i] as { x: number; y: number };
      items.push({ id, ax: a.x, ay: a.y, bx: b.x, by: b.y });
    }
  }
  return items;
}

/** A site counts for "distance to the nearest MBB site" when it is on and offers 4G or 5G. */
export function siteItems(f: SiteFeature, id: string, proj: LocalProjection): NearItem[] {
  const c = f.geometry?.type === 'Point' ? f.geometry.coordinates : null;
  if (!c || !Number.isFinite(c[0]) || !Number.isFinite(c[1])) return [];
  if (String(f.properties?.status ?? '').toLowerCase() === 'off') return [];
  if (parseTech(f.properties?.tech).mbb.length === 0) return [];
  const p = projectPoint(c, proj);
  return [{ id, ax: p.x, ay: p.y, bx: p.x, by: p.y }];
}
