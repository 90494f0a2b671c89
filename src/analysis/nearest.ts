import Flatbush from 'flatbush';
import { polygonToSegmentDistance } from './geometry/distance.ts';
import type { PreparedHamlet } from './prepareHamlets.ts';
import { sortShort } from './sortShort.ts';

/** A fibre segment or a site (a zero-length segment), integer units in the local projection. */
export interface NearItem {
  id: string;
  ax: number;
  ay: number;
  bx: number;
  by: number;
}

/** First search distance around a hamlet's box, units (100 m): a small box holds few items to sort; it widens to the best distance found. */
const FIRST_RADIUS = 10_000;

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
  /** Static items of a removed id (flag per item, so the hot search needs no string lookups). */
  private readonly dead: Uint8Array;
  private readonly byId = new Map<string, number[]>();
  /** Per-item stamp of the query that last saw it, instead of a fresh Set per query. */
  private readonly seenAt: Uint32Array;
  private stamp = 0;
  private readonly lowerAt: Float64Array;
  /**
   * The static item last found nearest: hamlets come in spatial order, so it is near the next one too and
   * its distance bounds the search from the start (the answer does not depend on it).
   */
  private hint = -1;

  constructor(items: NearItem[]) {
    this.items = items;
    this.dead = new Uint8Array(items.length);
    this.seenAt = new Uint32Array(items.length);
    this.lowerAt = new Float64Array(items.length);
    items.forEach((it, i) => {
      const list = this.byId.get(it.id);
      if (list) list.push(i);
      else this.byId.set(it.id, [i]);
    });
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
    for (const it of items) for (const i of this.byId.get(it.id) ?? []) this.dead[i] = 0;
    this.extras.push(...items);
  }

  remove(id: string): void {
    for (const i of this.byId.get(id) ?? []) this.dead[i] = 1;
    this.extras = this.extras.filter((e) => e.id !== id);
  }

  /** Nearest item to the hamlet: smallest distance, ties broken by id so results never depend on order. */
  nearest(h: PreparedHamlet): { id: string; distance: number } | null {
    let bestId = '';
    let bestD = Infinity;
    const consider = (it: NearItem): void => {
      const d = polygonToSegmentDistance(h.paths, it.ax, it.ay, it.bx, it.by, h.bounds);
      if (d < bestD || (d === bestD && it.id < bestId)) {
        bestD = d;
        bestId = it.id;
      }
    };
    for (const e of this.extras) consider(e);
    let bestItem = -1;
    if (this.index && this.hint >= 0 && !this.dead[this.hint]) {
      consider(this.items[this.hint] as NearItem);
      if (bestId === (this.items[this.hint] as NearItem).id) bestItem = this.hint;
    }
    if (this.index) {
      // Search a box around the hamlet, nearest boxes first; an item whose box is farther than the best
      // distance so far cannot be nearer. Widen the box until it holds the best distance found.
      const b = h.bounds;
      const stamp = ++this.stamp;
      let seen = 0;
      // Every item nearer than the best so far (the hint's) has its box within that distance of the
      // hamlet's: a box that wide is enough, and often far smaller than the first radius.
      let radius = Number.isFinite(bestD) ? Math.min(FIRST_RADIUS, bestD + 1) : FIRST_RADIUS;
      const found: number[] = [];
      const lower = this.lowerAt;
      for (;;) {
        found.length = 0;
        let first = -1;
        let firstLower = Infinity;
        for (const i of this.index.search(
          b.left - radius,
          b.top - radius,
          b.right + radius,
          b.bottom + radius,
        )) {
          if (this.seenAt[i] === stamp) continue;
          this.seenAt[i] = stamp;
          seen++;
          if (this.dead[i]) continue;
          const it = this.items[i] as NearItem;
          const gx = Math.max(0, Math.min(it.ax, it.bx) - b.right, b.left - Math.max(it.ax, it.bx));
          const gy = Math.max(0, Math.min(it.ay, it.by) - b.bottom, b.top - Math.max(it.ay, it.by));
          const g = Math.sqrt(gx * gx + gy * gy);
          lower[i] = g;
          found.push(i);
          if (g < firstLower) {
            firstLower = g;
            first = i;
          }
        }
        // The item nearest by box first: its distance leaves few others to sort. Every item whose box lies
        // within the best distance is still considered, so the answer does not depend on the order.
        const take = (i: number): void => {
          const before = bestId;
          const beforeD = bestD;
          consider(this.items[i] as NearItem);
          if (bestId !== before || bestD !== beforeD) bestItem = i;
        };
        if (first >= 0) take(first);
        let n = 0;
        for (const i of found) if ((lower[i] as number) <= bestD && i !== first) found[n++] = i;
        found.length = n;
        sortShort(found, (x, y) => (lower[x] as number) - (lower[y] as number));
        for (const i of found) {
          if ((lower[i] as number) > bestD) break;
          take(i);
        }
        if (bestD <= radius || seen >= this.items.length) break;
        // At most four times as wide a step: a hint from far away must not make one huge box.
        radius = Math.min(bestD + 1, Math.max(radius * 4, FIRST_RADIUS, 1));
      }
    }
    if (bestItem >= 0) this.hint = bestItem;
    return Number.isFinite(bestD) ? { id: bestId, distance: bestD } : null;
  }
}
