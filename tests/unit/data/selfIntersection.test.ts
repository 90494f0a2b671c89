import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../geodata/scripts/prng.ts';
import { findSelfIntersection } from '../../../src/data/selfIntersection.ts';

/** A closed ring of `n` vertices around (cx, cy); on a coarse grid, so edges often touch, overlap or cross. */
function ring(rand: () => number, cx: number, cy: number, n: number, messy: boolean): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < n; i++) {
    const a = messy ? rand() * 2 * Math.PI : (2 * Math.PI * i) / n;
    const r = 1 + rand() * 3;
    out.push([Math.round(cx + r * Math.cos(a)), Math.round(cy + r * Math.sin(a))]);
  }
  out.push([...(out[0] as number[])]);
  return out;
}

describe('self-intersections of small polygons, every pair tried before the index', () => {
  it('are found, or not, at the point the index alone reports', () => {
    const rand = mulberry32(19);
    let found = 0;
    let clear = 0;
    for (let k = 0; k < 3000; k++) {
      const rings = [ring(rand, 0, 0, 3 + Math.floor(rand() * 14), rand() < 0.4)];
      if (rand() < 0.3) rings.push(ring(rand, rand() * 4, rand() * 4, 3 + Math.floor(rand() * 6), false));
      const want = findSelfIntersection(rings, 0);
      expect(findSelfIntersection(rings), JSON.stringify(rings)).toEqual(want);
      if (want) found++;
      else clear++;
    }
    // Both answers were met often.
    expect(found).toBeGreaterThan(300);
    expect(clear).toBeGreaterThan(300);
  });
});
