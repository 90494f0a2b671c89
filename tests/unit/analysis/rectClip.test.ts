import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Clipper, FillRule } from 'clipper2-ts';
import type { Path64, Paths64, Rect64 } from 'clipper2-ts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { uShape } from './helpers.ts';
import { clipToRect } from '../../../src/analysis/geometry/rectClip.ts';

const area = (paths: Paths64): number => paths.reduce((s, p) => s + Clipper.area(p), 0);
const rectPath = (r: Rect64): Path64 => [
  { x: r.left, y: r.top },
  { x: r.right, y: r.top },
  { x: r.right, y: r.bottom },
  { x: r.left, y: r.bottom },
];
const exact = (r: Rect64, paths: Paths64): number =>
  area(Clipper.intersect(paths, [rectPath(r)], FillRule.NonZero));

describe('clipToRect', () => {
  it('keeps the area of a real capsule that clipper2-ts rectClip cuts wrongly', () => {
    const file = join(import.meta.dirname, '../../fixtures/coverage/rectclip-ccw-corner/case.json');
    const { rect, path } = JSON.parse(readFileSync(file, 'utf8')) as { rect: Rect64; path: Path64 };
    const want = exact(rect, [path]);
    // Both sides round their cut vertices to whole units; clipper2-ts rectClip was off by 3.4 % here.
    expect(Math.abs(area(clipToRect(rect, [path])) - want)).toBeLessThan(1e-5 * want);
  });

  it('cuts a concave U shape to the area inside the rectangle', () => {
    const u = uShape();
    const r = { left: -5, top: 5, right: 35, bottom: 20 };
    expect(area(clipToRect(r, [u]))).toBe(exact(r, [u]));
    expect(area(clipToRect(r, [u]))).toBe(30 * 5 + 2 * 10 * 10);
  });

  it('keeps a hole that surrounds the rectangle a hole (orientation kept)', () => {
    const outer = rectPath({ left: -100, top: -100, right: 100, bottom: 100 });
    const hole = [...rectPath({ left: -50, top: -50, right: 50, bottom: 50 })].reverse();
    const r = { left: -10, top: -10, right: 10, bottom: 10 };
    expect(area(clipToRect(r, [outer, hole]))).toBe(0);
  });

  it('returns paths inside as they are and drops paths outside', () => {
    const inside = rectPath({ left: 1, top: 1, right: 2, bottom: 2 });
    const outside = rectPath({ left: 20, top: 20, right: 30, bottom: 30 });
    expect(clipToRect({ left: 0, top: 0, right: 10, bottom: 10 }, [inside, outside])).toEqual([inside]);
  });

  it('matches a full intersection on random star polygons (to rounding)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1000, max: 100_000 }), { minLength: 3, maxLength: 40 }),
        fc.integer({ min: -80_000, max: 80_000 }),
        fc.integer({ min: -80_000, max: 80_000 }),
        fc.boolean(),
        (radii, rx, ry, clockwise) => {
          const star: Path64 = radii.map((r, i) => {
            const a = (2 * Math.PI * i) / radii.length;
            return { x: Math.round(r * Math.cos(a)), y: Math.round(r * Math.sin(a)) };
          });
          if (clockwise) star.reverse();
          const r = { left: rx, top: ry, right: rx + 60_000, bottom: ry + 40_000 };
          // Each cut vertex rounds by ≤ 0.5 unit along an edge of at most ~200,000 units.
          const tolerance = 2e5 * radii.length + 1;
          expect(Math.abs(Math.abs(area(clipToRect(r, [star]))) - Math.abs(exact(r, [star])))).toBeLessThan(
            tolerance,
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
