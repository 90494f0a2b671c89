import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Clipper, FillRule } from 'clipper2-ts';
import type { Path64, Paths64, Rect64 } from 'clipper2-ts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { uShape } from './helpers.ts';
import { clipRingToRect, clipToRect } from '../../../src/analysis/geometry/rectClip.ts';
import { capsuleRing, discRing, ringCapacity, ringPath } from '../../../src/analysis/geometry/shapes.ts';

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

  it('cuts a numeric ring exactly as clipToRect cuts its points (random capsules, discs and stars)', () => {
    const ring = new Float64Array(2 * ringCapacity(64));
    fc.assert(
      fc.property(
        fc.oneof(
          fc.record({
            kind: fc.constant('capsule' as const),
            a: fc.tuple(fc.integer({ min: -90_000, max: 90_000 }), fc.integer({ min: -90_000, max: 90_000 })),
            d: fc.tuple(fc.integer({ min: -90_000, max: 90_000 }), fc.integer({ min: -90_000, max: 90_000 })),
            r: fc.integer({ min: 1_000, max: 60_000 }),
            segments: fc.constantFrom(16, 32, 64),
          }),
          fc.record({
            kind: fc.constant('disc' as const),
            a: fc.tuple(fc.integer({ min: -90_000, max: 90_000 }), fc.integer({ min: -90_000, max: 90_000 })),
            r: fc.integer({ min: 1_000, max: 90_000 }),
            segments: fc.constantFrom(16, 32, 64),
          }),
          fc.record({
            kind: fc.constant('star' as const),
            radii: fc.array(fc.integer({ min: 1_000, max: 100_000 }), { minLength: 3, maxLength: 60 }),
          }),
        ),
        fc.integer({ min: -120_000, max: 120_000 }),
        fc.integer({ min: -120_000, max: 120_000 }),
        fc.integer({ min: 1, max: 150_000 }),
        fc.integer({ min: 1, max: 150_000 }),
        (shape, rx, ry, w, h) => {
          let n: number;
          if (shape.kind === 'capsule') {
            const [ax, ay] = shape.a;
            const [bx, by] = [ax + shape.d[0], ay + shape.d[1]];
            n = capsuleRing(ring, ax, ay, bx, by, shape.r, shape.segments, shape.r * 1.003);
          } else if (shape.kind === 'disc') {
            n = discRing(ring, shape.a[0], shape.a[1], shape.r, shape.segments);
          } else {
            // Concave, with repeated points: the passes must treat them as clipToRect does.
            n = shape.radii.length;
            shape.radii.forEach((r, i) => {
              const a = (2 * Math.PI * i) / n;
              ring[2 * i] = Math.round(r * Math.cos(a));
              ring[2 * i + 1] = Math.round(r * Math.sin(a));
            });
          }
          const rect = { left: rx, top: ry, right: rx + w, bottom: ry + h };
          expect(clipRingToRect(rect, ring, n)).toEqual(clipToRect(rect, [ringPath(ring, n)]));
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('writes a capsule ring whose caps share the global angle grid and which is convex', () => {
    const ring = new Float64Array(2 * ringCapacity(32));
    const n = capsuleRing(ring, 0, 0, 100_000, 0, 50_000, 32, 50_000);
    const path = ringPath(ring, n);
    // A horizontal segment: tangent points straight above and below each end, grid vertices between.
    expect(path[0]).toEqual({ x: 100_000, y: -50_000 });
    expect(path).toContainEqual({ x: 150_000, y: 0 });
    expect(path).toContainEqual({ x: -50_000, y: 0 });
    expect(path).toContainEqual({ x: 0, y: 50_000 });
    // 2 tangent points and 15 grid vertices per cap.
    expect(n).toBe(34);
    for (let i = 0; i < n; i++) {
      const a = path[i] as Path64[number];
      const b = path[(i + 1) % n] as Path64[number];
      const c = path[(i + 2) % n] as Path64[number];
      expect((b.x - a.x) * (c.y - b.y) - (b.y - a.y) * (c.x - b.x)).toBeGreaterThanOrEqual(0);
    }
  });
});
