import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../geodata/scripts/prng.ts';
import { boundsOf, pointInPaths } from '../../../src/analysis/geometry/clip.ts';
import type { Paths64 } from '../../../src/analysis/geometry/clip.ts';
import {
  pointSegment,
  polygonToSegmentDistance,
  segmentsCross,
  segmentWithin,
} from '../../../src/analysis/geometry/distance.ts';
import { randomSegment, star } from './helpers.ts';

/** Every edge against the segment, with no shortcut: the distance the pruned walk must reproduce exactly. */
function bruteDistance(poly: Paths64, ax: number, ay: number, bx: number, by: number): number {
  if (pointInPaths(ax, ay, poly) || pointInPaths(bx, by, poly)) return 0;
  let best = Infinity;
  for (const path of poly) {
    for (let i = 0, j = path.length - 1; i < path.length; j = i++) {
      const p = path[j] as { x: number; y: number };
      const q = path[i] as { x: number; y: number };
      const cross = ax === bx && ay === by ? false : segmentsCross(p.x, p.y, q.x, q.y, ax, ay, bx, by);
      const d = cross
        ? 0
        : Math.min(
            pointSegment(ax, ay, p.x, p.y, q.x, q.y),
            pointSegment(bx, by, p.x, p.y, q.x, q.y),
            pointSegment(p.x, p.y, ax, ay, bx, by),
          );
      if (d < best) best = d;
    }
  }
  return best;
}

describe('distances between a hamlet polygon and a segment', () => {
  it('give exactly the distance of every edge tried, for points and segments all around', () => {
    const rand = mulberry32(19);
    let zero = 0;
    for (let k = 0; k < 400; k++) {
      const poly = star(rand, 5_000_000, 2_000_000, 20_000 + 80_000 * rand(), 8 + Math.floor(60 * rand()));
      const { ax, ay, bx, by } = randomSegment(rand, 5_000_000, 2_000_000, 400_000, 300_000, 0.3);
      const want = bruteDistance(poly, ax, ay, bx, by);
      if (want === 0) zero++;
      expect(polygonToSegmentDistance(poly, ax, ay, bx, by)).toBe(want);
      expect(polygonToSegmentDistance(poly, ax, ay, bx, by, boundsOf(poly))).toBe(want);
      for (const r of [want * 0.999, Math.max(0, want - 1), want, want + 0.5, want * 1.001 + 1, 50_000]) {
        expect(segmentWithin(poly, ax, ay, bx, by, r)).toBe(want <= r);
        expect(segmentWithin(poly, ax, ay, bx, by, r, true)).toBe(r > 0 && want < r);
      }
    }
    // Both kinds of answer were tried: touching or inside, and apart.
    expect(zero).toBeGreaterThan(20);
    expect(zero).toBeLessThan(380);
  });

  it('is the gap to the nearest edge for a hand-placed square and segment', () => {
    const square: Paths64 = [
      [
        { x: 0, y: 0 },
        { x: 100, y: 0 },
        { x: 100, y: 100 },
        { x: 0, y: 100 },
      ],
    ];
    // A far edge first in the walk, then the near one: 30 units right of the square's right side.
    expect(polygonToSegmentDistance(square, 130, 40, 130, 60)).toBe(30);
    expect(polygonToSegmentDistance(square, 130, 140, 230, 240)).toBe(50);
    expect(polygonToSegmentDistance(square, 50, 50, 50, 50)).toBe(0);
    expect(segmentWithin(square, 130, 40, 130, 60, 30)).toBe(true);
    expect(segmentWithin(square, 130, 40, 130, 60, 30, true)).toBe(false);
  });
});
