import { Clipper, FillRule } from 'clipper2-ts';
import type { Paths64, Rect64 } from 'clipper2-ts';
import { describe, expect, it } from 'vitest';
import type { CoverageShape } from '../../../src/analysis/coverageShapes.ts';
import { capsulePath, coverageShape } from '../../../src/analysis/geometry/shapes.ts';
import { unionOver } from '../../../src/analysis/tiles.ts';

const area = (paths: Paths64): number => paths.reduce((s, p) => s + Clipper.area(p), 0);
const rectPath = (r: Rect64): Paths64 => [
  [
    { x: r.left, y: r.top },
    { x: r.right, y: r.top },
    { x: r.right, y: r.bottom },
    { x: r.left, y: r.bottom },
  ],
];

function capsule(id: string, ax: number, ay: number, bx: number, by: number, r: number): CoverageShape {
  const reach = r * 1.001 + 2;
  return {
    sourceId: id,
    layer: 'fibre',
    kind: 'fibre',
    operator: 'A',
    convex: true,
    paths: () => [capsulePath(ax, ay, bx, by, r, 64, r * 1.0008)],
    bounds: {
      left: Math.floor(Math.min(ax, bx) - reach),
      top: Math.floor(Math.min(ay, by) - reach),
      right: Math.ceil(Math.max(ax, bx) + reach),
      bottom: Math.ceil(Math.max(ay, by) + reach),
    },
    proofs: [{ ax, ay, bx, by, r: r * Math.cos(Math.PI / 64) - 2 }],
  };
}

function disc(id: string, x: number, y: number, r: number): CoverageShape {
  const [d] = coverageShape(x, y, r, 128);
  return {
    sourceId: id,
    layer: 'sites',
    kind: 'mbb',
    operator: 'A',
    convex: true,
    paths: () => (d ? [d.path] : []),
    bounds: { left: x - r - 10, top: y - r - 10, right: x + r + 10, bottom: y + r + 10 },
    proofs: d ? [{ ax: x, ay: y, bx: x, by: y, r: d.innerRadius }] : [],
  };
}

/** The same union done the plain way: every shape intersected with the box, then unioned. */
const plain = (rect: Rect64, shapes: CoverageShape[]): number =>
  area(
    Clipper.intersect(
      shapes.flatMap((s) => s.paths()),
      rectPath(rect),
      FillRule.NonZero,
    ),
  );

describe('unionOver (coverage union over a hamlet box)', () => {
  const box = { left: -60_000, top: -40_000, right: 70_000, bottom: 50_000 };

  it('equals the plain union of a dense network of crossing capsules', () => {
    const net = [
      capsule('a', -80_000, 0, 80_000, 10_000, 20_000),
      capsule('b', 0, -90_000, 10_000, 90_000, 20_000),
      capsule('c', -20_000, -10_000, 20_000, 5_000, 15_000),
      capsule('d', 60_000, 60_000, 90_000, -50_000, 20_000),
      // Overlaps a and b but reaches past them: it must stay in the union.
      capsule('e', -30_000, 25_000, -5_000, 25_000, 12_000),
    ];
    const got = area(unionOver(box, net, 'h', []));
    expect(Math.abs(got - plain(box, net))).toBeLessThan(1e-6 * got);
  });

  it('a capsule inside another changes nothing (it is left out of the union)', () => {
    const big = capsule('big', -50_000, 0, 50_000, 0, 60_000);
    const small = capsule('small', -10_000, 0, 10_000, 0, 20_000);
    expect(area(unionOver(box, [small, big], 'h', []))).toBe(area(unionOver(box, [big], 'h', [])));
  });

  it('one disc cut by the box is returned as its single convex piece', () => {
    const d = disc('s', 60_000, 0, 30_000);
    const got = unionOver(box, [d], 'h', []);
    expect(got).toHaveLength(1);
    expect(Math.abs(area(got) - plain(box, [d]))).toBeLessThan(1e-5 * area(got));
  });

  it('a shape covering the whole box gives the box itself', () => {
    const d = disc('s', 0, 0, 1_000_000);
    expect(area(unionOver(box, [d], 'h', []))).toBe(130_000 * 90_000);
  });

  it('shapes that miss the box give nothing', () => {
    expect(unionOver(box, [disc('far', 500_000, 0, 10_000)], 'h', [])).toEqual([]);
  });
});
