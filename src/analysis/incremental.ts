import type {
  AnalysisResult,
  FibreFeature,
  InputLayers,
  ProgressCallback,
  Settings,
  SiteFeature,
} from './types.ts';
import { resultOf } from './analyze.ts';
import { materialise, materialiseTiles } from './blocks.ts';
import { colocationCandidates } from './colocation.ts';
import type { ColocationOptions, ColocationResult } from './colocation.ts';
import { fibreShapes, siteShapes } from './coverageShapes.ts';
import type { CoverageShape } from './coverageShapes.ts';
import {
  attachShapes,
  buildEngine,
  computeHamlet,
  detachShapes,
  fibreId,
  fibreItems,
  isBackbone,
  recomputeTiles,
  siteId,
  siteItems,
  tilesOfSource,
} from './engine.ts';
import type { EngineState } from './engine.ts';
import type { NearestIndex, NearItem } from './nearest.ts';
import { polygonToSegmentDistance } from './geometry/distance.ts';
import { withDefaults } from './settings.ts';

export interface EditResult {
  changedHamletIds: string[];
  result: AnalysisResult;
}

/**
 * An analysis kept alive for what-if edits: adding, removing or switching a site, adding or removing a
 * fibre route recomputes only the tiles and hamlets the change reaches (plus nearest-feature distances),
 * then re-ranks and rolls up all hamlets. The result equals a fresh `analyze` of the edited layers.
 * The caller's layers are never mutated; the session keeps its own edited copies of sites and fibre.
 *
 * @example
 * const session = new AnalysisSession(layers);
 * const { changedHamletIds, result } = session.addSite(newSite);
 */
export class AnalysisSession {
  private readonly state: EngineState;
  private sites: SiteFeature[];
  private fibre: FibreFeature[];
  private cached: AnalysisResult | null = null;

  /** `engine`: the layers' engine, already computed (a run split across threads), instead of building it. */
  constructor(
    layers: InputLayers,
    settings?: Partial<Settings>,
    onProgress?: ProgressCallback,
    engine?: EngineState,
  ) {
    this.state = engine ?? buildEngine(layers, withDefaults(settings), onProgress);
    this.sites = (layers.sites?.features ?? []).slice();
    this.fibre = (layers.fibre?.features ?? []).slice();
  }

  result(): AnalysisResult {
    this.cached ??= resultOf(this.state);
    return this.cached;
  }

  /** The engine this session edits (a new session over it takes it over: `ScenarioSession.reranked`). */
  engine(): EngineState {
    return this.state;
  }

  /**
   * Tower-sharing candidates for an operator against the current (edited) coverage: see
   * `colocationCandidates`. Adding one with `addSite(candidate.site)` gains what it says.
   */
  colocation(operator: string, opts?: ColocationOptions): ColocationResult {
    return colocationCandidates(this.state, this.sites, operator, opts);
  }

  /** The current (edited) sites and fibre, e.g. to save a scenario or re-run `analyze`. */
  layers(): { sites: SiteFeature[]; fibre: FibreFeature[] } {
    return { sites: this.sites.slice(), fibre: this.fibre.slice() };
  }

  addSite(f: SiteFeature): EditResult {
    const id = siteId(f, this.sites.length);
    if (this.sites.some((s, i) => siteId(s, i) === id))
      throw new Error(`Site "${id}" already exists; ids must be unique.`);
    this.sites.push(f);
    return this.applySite(f, id, 'add');
  }

  removeSite(id: string): EditResult {
    const i = this.sites.findIndex((s, k) => siteId(s, k) === id);
    if (i < 0) return this.unchanged();
    const [old] = this.sites.splice(i, 1);
    return this.applySite(old as SiteFeature, id, 'remove');
  }

  setSiteStatus(id: string, status: 'off' | 'on'): EditResult {
    const i = this.sites.findIndex((s, k) => siteId(s, k) === id);
    const old = this.sites[i];
    if (!old || (String(old.properties?.status ?? 'on') === 'off') === (status === 'off'))
      return this.unchanged();
    const edited: SiteFeature = { ...old, properties: { ...old.properties, status } };
    this.sites[i] = edited;
    const removed = this.applySite(old, id, 'remove');
    const added = this.applySite(edited, id, 'add');
    return {
      changedHamletIds: [...new Set([...removed.changedHamletIds, ...added.changedHamletIds])],
      result: added.result,
    };
  }

  addFibre(f: FibreFeature): EditResult {
    const id = fibreId(f, this.fibre.length);
    if (this.fibre.some((s, i) => fibreId(s, i) === id))
      throw new Error(`Fibre "${id}" already exists; ids must be unique.`);
    this.fibre.push(f);
    const { shapes, warning } = fibreShapes(f, id, this.state.proj, this.state.settings);
    if (warning) this.state.inputWarnings.push(warning);
    const items = fibreItems(f, id, this.state.proj);
    const [index, nearest] = this.fibreIndex(f);
    return this.applyShapes(shapes, [], () => this.closerNearest(index, items, nearest));
  }

  removeFibre(id: string): EditResult {
    const i = this.fibre.findIndex((s, k) => fibreId(s, k) === id);
    if (i < 0) return this.unchanged();
    const [old] = this.fibre.splice(i, 1);
    const [index, nearest] = this.fibreIndex(old as FibreFeature);
    return this.applyShapes([], [id], () => this.lostNearest(index, id, nearest));
  }

  /** The nearest-feature index and per-hamlet answers for a fibre feature's kind. */
  private fibreIndex(f: FibreFeature): [NearestIndex, ({ id: string; distance: number } | null)[]] {
    return isBackbone(f)
      ? [this.state.backboneNear, this.state.nearestBackbone]
      : [this.state.accessNear, this.state.nearestAccess];
  }

  private applySite(f: SiteFeature, id: string, op: 'add' | 'remove'): EditResult {
    if (op === 'remove') {
      return this.applyShapes([], [id], () =>
        this.lostNearest(this.state.siteNear, id, this.state.nearestSite),
      );
    }
    const { shapes, warning } = siteShapes(f, id, this.state.proj, this.state.settings);
    if (warning) this.state.inputWarnings.push(warning);
    const items = siteItems(f, id, this.state.proj);
    return this.applyShapes(shapes, [], () =>
      this.closerNearest(this.state.siteNear, items, this.state.nearestSite),
    );
  }

  private applyShapes(added: CoverageShape[], removedSources: string[], nearest: () => number[]): EditResult {
    // Hamlets another thread computed get their geometry before the edit decides what it reaches.
    for (const s of added)
      materialiseTiles(
        this.state,
        this.state.tileIndex.search(s.bounds.left, s.bounds.top, s.bounds.right, s.bounds.bottom),
      );
    const removedTiles = removedSources.map((source) => tilesOfSource(this.state, source));
    for (const t of removedTiles) materialiseTiles(this.state, t);
    const tiles = attachShapes(this.state, added);
    const removed: CoverageShape[] = [];
    for (const [k, source] of removedSources.entries()) {
      const d = detachShapes(this.state, source, removedTiles[k]);
      for (const t of d.tiles) tiles.add(t);
      removed.push(...d.shapes);
    }
    // Nearest features first: recomputing a hamlet's classes also re-assembles its result with them.
    const moved = nearest();
    const changed = new Set(recomputeTiles(this.state, tiles, added, removed));
    for (const hi of moved) {
      if (!changed.has(hi)) {
        materialise(this.state, hi);
        computeHamlet(this.state, hi, 'assemble');
      }
      changed.add(hi);
    }
    this.cached = null;
    const ids = [...changed].sort((a, b) => a - b).map((hi) => this.state.hamlets[hi]?.id as string);
    return { changedHamletIds: ids, result: this.result() };
  }

  /** After an addition: hamlets for which a new item is nearer (or ties with a smaller id). */
  private closerNearest(
    index: NearestIndex,
    items: NearItem[],
    nearest: ({ id: string; distance: number } | null)[],
  ): number[] {
    if (items.length === 0) return [];
    index.add(items);
    const changed: number[] = [];
    for (const h of this.state.hamlets) {
      const cur = nearest[h.index] ?? null;
      let best = cur;
      for (const it of items) {
        // Box lower bound first: most hamlets are far from the new item and need no exact distance.
        if (best && boxGap(h.cx, h.cy, it) - h.radius > best.distance) continue;
        const d = polygonToSegmentDistance(h.paths, it.ax, it.ay, it.bx, it.by, h.bounds);
        if (!best || d < best.distance || (d === best.distance && it.id < best.id))
          best = { id: it.id, distance: d };
      }
      if (best !== cur) {
        nearest[h.index] = best;
        changed.push(h.index);
      }
    }
    return changed;
  }

  /** After a removal: hamlets whose nearest item was the removed one look again. */
  private lostNearest(
    index: NearestIndex,
    id: string,
    nearest: ({ id: string; distance: number } | null)[],
  ): number[] {
    index.remove(id);
    const changed: number[] = [];
    for (const h of this.state.hamlets) {
      if (nearest[h.index]?.id !== id) continue;
      nearest[h.index] = index.nearest(h);
      changed.push(h.index);
    }
    return changed;
  }

  private unchanged(): EditResult {
    return { changedHamletIds: [], result: this.result() };
  }
}

function boxGap(x: number, y: number, it: NearItem): number {
  const dx = Math.max(Math.min(it.ax, it.bx) - x, 0, x - Math.max(it.ax, it.bx));
  const dy = Math.max(Math.min(it.ay, it.by) - y, 0, y - Math.max(it.ay, it.by));
  return Math.hypot(dx, dy);
}
