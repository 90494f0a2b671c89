import type { Feature, LineString } from 'geojson';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../geodata/scripts/prng.ts';
import { buildEngine, hamletOrder, morton, prepareEngine } from '../../../src/analysis/engine.ts';
import type { HamletGeometry } from '../../../src/analysis/hamletClasses.ts';
import { operatorClasses } from '../../../src/analysis/operatorClasses.ts';
import type { Tile } from '../../../src/analysis/tiles.ts';
import type { Paths64 } from '../../../src/analysis/geometry/clip.ts';
import { boundsOf } from '../../../src/analysis/geometry/clip.ts';
import { polygonToSegmentDistance, segmentWithin } from '../../../src/analysis/geometry/distance.ts';
import { NearestIndex, type NearItem } from '../../../src/analysis/nearest.ts';
import { closerThan, compactReach, ReachCollector } from '../../../src/analysis/networkReach.ts';
import { withDefaults } from '../../../src/analysis/settings.ts';
import type { FibreProps } from '../../../src/analysis/types.ts';
import { hamlet, layersOf, ll, randomSegment, site, star } from './helpers.ts';
import type { PreparedHamlet } from '../../../src/analysis/prepareHamlets.ts';

/** What the fast paths read of a prepared hamlet: paths, box, box centre and radius, as prepareHamlets sets them. */
function prepared(paths: Paths64, index = 0): PreparedHamlet {
  const bounds = boundsOf(paths);
  const cx = (bounds.left + bounds.right) / 2;
  const cy = (bounds.top + bounds.bottom) / 2;
  let radius = 0;
  for (const p of paths) for (const v of p) radius = Math.max(radius, Math.hypot(v.x - cx, v.y - cy));
  return { index, id: `h${index}`, paths, bounds, cx, cy, radius } as PreparedHamlet;
}

/** `n` straight access fibre segments with both ends anywhere in a square of `extent` metres. */
function randomFibre(
  rand: () => number,
  n: number,
  extent: number,
  props: (i: number) => Partial<FibreProps>,
): Feature<LineString, FibreProps>[] {
  return Array.from({ length: n }, (_, i) => ({
    type: 'Feature',
    geometry: {
      type: 'LineString',
      coordinates: [ll(rand() * extent, rand() * extent), ll(rand() * extent, rand() * extent)],
    },
    properties: { id: `F${i}`, kind: 'access', ...props(i) },
  }));
}

describe('the centre-and-radius test of a hamlet against a disc or capsule', () => {
  it('answers as walking every edge does, for radii around the true distance', () => {
    const rand = mulberry32(7);
    let decidedByCentre = 0;
    for (let k = 0; k < 600; k++) {
      const paths = star(rand, 3_000_000, 1_000_000, 5_000 + 60_000 * rand(), 5 + Math.floor(50 * rand()));
      const h = prepared(paths);
      const { ax, ay, bx, by, point } = randomSegment(rand, 3_000_000, 1_000_000, 600_000, 200_000, 0.5);
      const d = polygonToSegmentDistance(paths, ax, ay, bx, by);
      for (const r of [0, d * 0.5, d - 1, d, d + 0.5, d + 1, d * 1.5 + 10, 400_000 * rand()]) {
        const p = { ax, ay, bx, by, r };
        const want = segmentWithin(paths, ax, ay, bx, by, r, true);
        expect(closerThan(h, p)).toBe(want);
        const c = Math.hypot(h.cx - ax, h.cy - ay);
        if (point && (c > r + h.radius + 1 || c + h.radius + 1 < r)) decidedByCentre++;
      }
    }
    // Both shortcuts and the walk were taken.
    expect(decidedByCentre).toBeGreaterThan(500);
    expect(decidedByCentre).toBeLessThan(4000);
  });
});

describe('the Z-order key', () => {
  it('interleaves the low 16 bits of x (even bits) and y (odd bits)', () => {
    const slow = (x: number, y: number): number => {
      let key = 0;
      for (let bit = 0; bit < 16; bit++)
        key += ((x >> bit) & 1) * 2 ** (2 * bit) + ((y >> bit) & 1) * 2 ** (2 * bit + 1);
      return key;
    };
    const rand = mulberry32(3);
    for (let k = 0; k < 2000; k++) {
      const x = Math.floor(rand() * 2 ** (1 + Math.floor(rand() * 17)));
      const y = Math.floor(rand() * 2 ** (1 + Math.floor(rand() * 17)));
      expect(morton(x, y)).toBe(slow(x, y));
    }
    expect(morton(0xffff, 0xffff)).toBe(2 ** 32 - 1);
    expect(morton(1, 0)).toBe(1);
    expect(morton(0, 1)).toBe(2);
    expect(morton(3, 5)).toBe(0b100111);
  });
});

describe('the nearest fibre or site', () => {
  it('is the nearest of every item, ties to the smaller id, however the items are spread', () => {
    const rand = mulberry32(11);
    for (let round = 0; round < 30; round++) {
      // Clusters of items near and far, some sharing ids (one fibre route's segments), some on a grid so
      // that distances tie.
      const items: NearItem[] = [];
      const n = 1 + Math.floor(rand() * 300);
      for (let i = 0; i < n; i++) {
        const grid = rand() < 0.3;
        const ax = grid ? Math.round(rand() * 20) * 5_000 : rand() * 2_000_000;
        const ay = grid ? Math.round(rand() * 20) * 5_000 : rand() * 2_000_000;
        const seg = rand() < 0.5;
        items.push({
          id: `f${Math.floor(rand() * n * 0.7)}`,
          ax,
          ay,
          bx: seg ? ax + (rand() - 0.5) * 50_000 : ax,
          by: seg ? ay + (rand() - 0.5) * 50_000 : ay,
        });
      }
      const index = new NearestIndex(items);
      // Later queries start from the item found last (a hint), near or far, or removed in between.
      let removed = '';
      for (let k = 0; k < 20; k++) {
        if (k === 15) {
          removed = (items[Math.floor(rand() * items.length)] as NearItem).id;
          index.remove(removed);
        }
        const h = prepared(
          star(
            rand,
            rand() * 2_000_000,
            rand() * 2_000_000,
            2_000 + 40_000 * rand(),
            6 + Math.floor(30 * rand()),
          ),
          k,
        );
        let want: { id: string; distance: number } | null = null;
        for (const it of items) {
          if (it.id === removed) continue;
          const d = polygonToSegmentDistance(h.paths, it.ax, it.ay, it.bx, it.by);
          if (!want || d < want.distance || (d === want.distance && it.id < want.id))
            want = { id: it.id, distance: d };
        }
        expect(index.nearest(h)).toEqual(want);
        // The same hamlet again, now with a hint right beside it.
        expect(index.nearest(h)).toEqual(want);
      }
    }
  });
});

describe('what reaches each hamlet, collected a hamlet at a time', () => {
  it('is the same lists in any order of hamlets as the pass in the engine order', () => {
    const rand = mulberry32(23);
    const hamlets = Array.from({ length: 60 }, (_, i) =>
      hamlet(`H${i}`, rand() * 12_000, rand() * 12_000, 100 + rand() * 400),
    );
    const techs = ['4G', '2G,3G', '2G,3G,4G', '5G'];
    const sites = Array.from({ length: 25 }, (_, i) =>
      site(`S${i}`, rand() * 12_000, rand() * 12_000, {
        tech: techs[i % techs.length] as string,
        radius_m: 300 + rand() * 2500,
        ...(i % 5 === 0 ? { azimuths: [rand() * 360], beamwidth: 90 } : {}),
      }),
    );
    const fibre = randomFibre(rand, 8, 12_000, () => ({}));
    const state = prepareEngine(layersOf({ hamlets, sites, fibre }), withDefaults({}));
    const want = compactReach(state);
    // Something reaches most hamlets, and not every site reaches every hamlet.
    const listed = want.items.reduce((s, a) => s + a.length, 0);
    expect(listed).toBeGreaterThan(60);
    expect(listed).toBeLessThan(60 * 33);
    for (const order of [
      hamletOrder(state).reverse(),
      state.hamlets.map((_, i) => i).sort(() => rand() - 0.5),
    ]) {
      const c = new ReachCollector();
      for (const hi of order) c.add(state, hi);
      expect(c.finish(state)).toEqual(want);
    }
  });
});

describe('operator figures where the pooled proofs failed', () => {
  it('are those of the full path, which tries every operator’s proofs again', () => {
    const rand = mulberry32(31);
    let skipped = 0;
    for (let round = 0; round < 6; round++) {
      const hamlets = Array.from({ length: 50 }, (_, i) =>
        hamlet(`H${i}`, rand() * 10_000, rand() * 10_000, 100 + rand() * 500),
      );
      const operators = ['Viettel', 'VNPT', 'MobiFone', ''];
      const sites = Array.from({ length: 30 }, (_, i) =>
        site(`S${i}`, rand() * 10_000, rand() * 10_000, {
          tech: i % 4 === 0 ? '2G,3G,4G' : '4G',
          radius_m: 300 + rand() * 2000,
          operator: operators[i % operators.length] as string,
          ...(i % 6 === 0 ? { azimuths: [rand() * 360], beamwidth: 120 } : {}),
        }),
      );
      const fibre = randomFibre(rand, 10, 10_000, (i) => ({ operator: operators[i % 3] as string }));
      const state = buildEngine(layersOf({ hamlets, sites, fibre }), withDefaults({}));
      for (const h of state.hamlets) {
        const g = state.geometry[h.index] as HamletGeometry;
        const tile = state.tiles[state.tileOf[h.index] as number] as Tile;
        // No scratch: every operator's shapes are found and tried for a proof again.
        const full = operatorClasses(h, tile, g, []);
        expect(state.operators[h.index], h.id).toEqual(full);
        for (const k of ['mbb', 'fibre'] as const)
          if (g.reach[k] === 'partial' && full[k].length > 1) skipped += full[k].length;
      }
    }
    expect(skipped).toBeGreaterThan(100);
  });
});
