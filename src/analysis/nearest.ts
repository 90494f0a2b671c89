import Flatbush from 'flatbush';
import { polygonToSegmentDistance } from './geometry/distance.ts';
import type { PreparedHamlet } from './prepareHamlets.ts';

/** A fibre segment or a site (a zero-length segment), integer units in the local projection. */
export interface NearItem {
  id: string;
  ax: number;
  ay: number;
  bx: number;
  by: number;
}

/**
 * Nearest fibre or site to a hamlet polygon. A static flatbush index over the initial items, plus a short
 * list of items added later and a set of removed ids, so what-if edits need no rebuild.
 *
 * @example
 * const idx = new NearestIndex(sites);
 * idx.nearest(hamlet); // { id: 'site-12', distance: 84_000 } (units)
 */
export class NearestIndex {
  private readonly items: NearItem[];
  private readonly index: Flatbush | null;
  private extras: NearItem[] = [];
  private readonly removed = new Set<string>();

  constructor(items: NearItem[]) {
    this.items = items;
    if (items.length === 0) {
      this.index = null;
      return;
    }
    this.index = new Flatbush(items.length);
    for (const it of items) {
      this.index.add(
        Math.min(it.ax, it.bx),
        Math.min(it.ay, it.by),
        Math.max(it.ax, it.bx),
        Math.max(it.ay, it.by),
      );
    }
    this.index.finish();
  }

  add(items: NearItem[]): void {
    for (const it of items) this.removed.delete(it.id);
    this.extras.push(...items);
  }

  remove(id: string): void {
    this.removed.add(id);
    this.extras = this.extras.filter((e) => e.id !== id);
  }

  /** Nearest item to the hamlet: smallest distance, ties broken by id so results never depend on order. */
  nearest(h: PreparedHamlet): { id: string; distance: number } | null {
    let best: { id: string; distance: number } | null = null;
    const consider = (it: NearItem): void => {
      const d = polygonToSegmentDistance(h.paths, it.ax, it.ay, it.bx, it.by);
      if (!best || d < best.distance || (d === best.distance && it.id < best.id))
        best = { id: it.id, distance: d };
    };
    for (const e of this.extras) consider(e);
    if (this.index) {
      const alive = (i: number): boolean => !this.removed.has((this.items[i] as NearItem).id);
      const seen = new Set<number>();
      for (const i of this.index.neighbors(h.cx, h.cy, 4, Infinity, alive)) {
        seen.add(i);
        consider(this.items[i] as NearItem);
      }
      const current = best as { id: string; distance: number } | null;
      if (current) {
        // Any closer item has its box within (best distance + hamlet radius) of the hamlet's centre.
        const reach = current.distance + h.radius + 1;
        for (const i of this.index.neighbors(h.cx, h.cy, Infinity, reach, alive)) {
          if (!seen.has(i)) consider(this.items[i] as NearItem);
        }
      }
    }
    return best;
  }
}
