import { Clipper, FillRule } from 'clipper2-ts';
import type { Path64, Paths64 } from 'clipper2-ts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { uShape } from './helpers.ts';
import { clipToRect } from '../../../src/analysis/geometry/rectClip.ts';
import { convexUnionArea } from '../../../src/analysis/geometry/convexUnionArea.ts';
import { capsulePath } from '../../../src/analysis/geometry/shapes.ts';

const area = (paths: Paths64): number => paths.reduce((s, p) => s + Clipper.area(p), 0);
const box = (l: number, t: number, r: number, b: number): Path64 => [
  { x: l, y: t },
  { x: r, y: t },
  { x: r, y: b },
  { x: l, y: b },
];
const perimeter = (paths: Paths64): number =>
  paths.reduce(
    (s, p) =>
      s +
      p.reduce(
        (t, q, i) => t + Math.hypot(q.x - p[(i + 1) % p.length]!.x, q.y - p[(i + 1) % p.length]!.y),
        0,
      ),
    0,
  );
/** The same area by Clipper: union the pieces, intersect with the subject. */
const byClipper = (subject: Paths64, pieces: Paths64): number =>
  area(Clipper.intersect(subject, pieces, FillRule.NonZero));

describe('convexUnionArea', () => {
  it('counts the overlap of two pieces once (hand-checked)', () => {
    // Subject 10×10; pieces 6×10 at x 0-6 and x 4-10 overlap in 2×10: union = whole subject.
    const subject = [box(0, 0, 10, 10)];
    expect(convexUnionArea(subject, [box(0, 0, 6, 10), box(4, 0, 10, 10)])).toBe(100);
    // Pieces 4×4 at the corners and one 4×4 in the middle, partly outside the subject.
    expect(convexUnionArea(subject, [box(-2, -2, 2, 2), box(8, 8, 12, 12), box(3, 3, 7, 7)])).toBe(
      4 + 4 + 16,
    );
  });

  it('takes a hamlet hole out of the covered area', () => {
    const outer = box(0, 0, 10, 10);
    const hole = [...box(2, 2, 8, 8)].reverse();
    expect(area([outer, hole])).toBe(64);
    // One piece over the left half: 50 of the square, minus the hole's 3×6 = 18 in it.
    expect(convexUnionArea([outer, hole], [box(0, 0, 5, 10)])).toBe(50 - 18);
  });

  it('reads pieces in either orientation, with repeated and collinear points', () => {
    const piece: Path64 = [
      { x: 0, y: 0 },
      { x: 0, y: 0 },
      { x: 5, y: 0 },
      { x: 10, y: 0 },
      { x: 10, y: 10 },
      { x: 0, y: 10 },
    ];
    const subject = [box(5, 5, 15, 15)];
    expect(convexUnionArea(subject, [piece])).toBe(25);
    expect(convexUnionArea(subject, [[...piece].reverse()])).toBe(25);
  });

  it('refuses a concave piece and a walk over its budget, so the caller clips instead', () => {
    const u = uShape();
    expect(convexUnionArea([box(0, 0, 30, 30)], [u])).toBeNull();
    // Twelve boxes all over one another: 4,095 non-empty subsets.
    const stack = Array.from({ length: 12 }, (_, i) => box(i, i, 20 + i, 20 + i));
    expect(convexUnionArea([box(0, 0, 40, 40)], stack, 512)).toBeNull();
    const want = byClipper([box(0, 0, 40, 40)], stack);
    expect(convexUnionArea([box(0, 0, 40, 40)], stack, 5000)).toBeCloseTo(want, 6);
  });

  it('agrees with Clipper on capsules cut to a hamlet box, as the engine uses it', () => {
    // Random hamlets (a concave 8-gon) and 1-6 fibre capsules cut to the hamlet's box, in cm.
    const coord = fc.integer({ min: -200_000, max: 200_000 });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(coord, coord, coord, coord, fc.integer({ min: 20_000, max: 80_000 })), {
          minLength: 1,
          maxLength: 6,
        }),
        fc.integer({ min: 60_000, max: 150_000 }),
        (caps, size) => {
          const hamlet: Path64 = [];
          for (let i = 0; i < 8; i++) {
            const a = (i * Math.PI) / 4;
            const r = i % 2 === 0 ? size : size / 2;
            hamlet.push({ x: Math.round(r * Math.cos(a)), y: Math.round(r * Math.sin(a)) });
          }
          const rect = { left: -size, top: -size, right: size, bottom: size };
          const pieces = caps.flatMap(([ax, ay, bx, by, r]) =>
            clipToRect(rect, [capsulePath(ax, ay, bx, by, r, 32, r * 1.0064)]),
          );
          const got = convexUnionArea([hamlet], pieces, 100_000);
          expect(got).not.toBeNull();
          // Clipper rounds each crossing to a whole unit: allow a band one unit wide along every outline.
          const want = byClipper([hamlet], pieces);
          expect(Math.abs((got as number) - want)).toBeLessThan(perimeter([hamlet, ...pieces]));
        },
      ),
      { numRuns: 150, seed: 7 },
    );
  });

  it('capsules are convex at every resolution and direction (no vertex stands out of a straight side)', () => {
    for (const segments of [16, 32, 64]) {
      const step = (2 * Math.PI) / segments;
      const k = Math.sqrt(step / Math.sin(step));
      for (let d = 0; d < 360; d += 7) {
        const a = (d * Math.PI) / 180;
        const path = capsulePath(
          0,
          0,
          Math.round(90_000 * Math.cos(a)),
          Math.round(90_000 * Math.sin(a)),
          50_000,
          segments,
          50_000 * k,
        );
        const got = convexUnionArea([box(-200_000, -200_000, 200_000, 200_000)], [path]);
        expect(got).not.toBeNull();
        expect(Math.abs((got as number) - area([path]))).toBeLessThan(1e-9 * area([path]));
      }
    }
  });
});
