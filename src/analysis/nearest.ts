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
/** First search distance around a hamlet's box, units (2 km): most hamlets have fibre and a site nearer. */
const FIRST_RADIUS = 50_000;

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
      // Search a box around the hamlet, nearest boxes first; an item whose box is farther than the best
      // distance so far cannot be nearer. Widen the box until it holds the best distance found.
      const b = h.bounds;
      const seen = new Set<number>();
      let radius = FIRST_RADIUS;
      for (;;) {
        const found: { i: number; lower: number }[] = [];
        for (const i of this.index.search(
          b.left - radius,
          b.top - radius,
          b.right + radius,
          b.bottom + radius,
        )) {
          if (seen.has(i)) continue;
          seen.add(i);
          const it = this.items[i] as NearItem;
          if (this.removed.has(it.id)) continue;
          const gx = Math.max(0, Math.min(it.ax, it.bx) - b.right, b.left - Math.max(it.ax, it.bx));
          const gy = Math.max(0, Math.min(it.ay, it.by) - b.bottom, b.top - Math.max(it.ay, it.by));
          found.push({ i, lower: Math.sqrt(gx * gx + gy * gy) });
        }
        found.sort((x, y) => x.lower - y.lower);
        for (const { i, lower } of found) {
          const now = best as { id: string; distance: number } | null;
          if (now && lower > now.distance) break;
          consider(this.items[i] as NearItem);
        }
        const now = best as { id: string; distance: number } | null;
        if (now && now.distance <= radius) break;
        if (seen.size >= this.items.length) break;
        radius = now ? now.distance + 1 : radius * 4;
      }
    }
    return best;
  }
}
