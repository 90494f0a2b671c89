import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Feature, FeatureCollection } from 'geojson';
import { Clipper, FillRule } from 'clipper2-ts';
import type { Paths64 } from 'clipper2-ts';
import { analyze } from '../../../src/analysis/analyze.ts';
import { buildEngine } from '../../../src/analysis/engine.ts';
import type { OperatorGeometry } from '../../../src/analysis/operatorClasses.ts';
import type { PreparedHamlet } from '../../../src/analysis/prepareHamlets.ts';
import { withDefaults } from '../../../src/analysis/settings.ts';
import type { Tile } from '../../../src/analysis/tiles.ts';
import { AnalysisSession } from '../../../src/analysis/incremental.ts';
import { operatorCoverage, operatorRows } from '../../../src/analysis/operatorLens.ts';
import { ANONYMOUS_OPERATOR, operatorOf, operatorsInLayers } from '../../../src/analysis/operatorNames.ts';
import type { AnalysisResult, HamletCoverage, InputLayers } from '../../../src/analysis/types.ts';
import { deepFreeze, hamlet, layersOf, point, site } from './helpers.ts';
import { applyEdits, editArb, fullRun, route } from './randomEdits.ts';

const ROOT = join(import.meta.dirname, '../../fixtures/coverage');

function loadCase(name: string): InputLayers {
  const fc = JSON.parse(readFileSync(join(ROOT, name, 'in.geojson'), 'utf8')) as FeatureCollection;
  const layers: Record<string, { type: 'FeatureCollection'; features: Feature[] }> = {};
  for (const f of fc.features)
    (layers[String(f.properties?.layer)] ??= { type: 'FeatureCollection', features: [] }).features.push(f);
  return layers as unknown as InputLayers;
}

const only = (name: string): HamletCoverage => analyze(loadCase(name)).hamlets[0] as HamletCoverage;
const op = (h: HamletCoverage, name: string) => operatorCoverage(h, name);

/** Within 0.1 % of the hand-computed value (the engine's measurement promise), relative to `of`. */
function near(actual: number, expected: number, of = expected): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-3 * Math.max(Math.abs(of), 1));
}

// Two discs of radius r whose centres are d apart overlap in a lens of this area.
const R = 600;
const D = 600;
const DISC = Math.PI * R * R;
const LENS = 2 * R * R * Math.acos(D / (2 * R)) - (D / 2) * Math.sqrt(4 * R * R - D * D);
const SQUARE = 4e6;

describe('operator golden fixtures (hand-computed; 2 km square, 600 m discs 600 m apart, 100 households by area)', () => {
  it('two operators: the lens is black, the rest of the union grey, the rest white', () => {
    const h = only('two-operators');
    near(h.market.areaM2[2], LENS, SQUARE);
    near(h.market.areaM2[1], 2 * DISC - 2 * LENS, SQUARE);
    near(h.market.areaM2[0], SQUARE - (2 * DISC - LENS), SQUARE);
    near(h.market.households[2], (100 * LENS) / SQUARE, 100);
    expect(h.market.shares[0]).toBe(1 - h.mbbShare);
    expect(h.market.class).toBe('white');
    expect(h.operators.names).toEqual(['MobiFone', 'Viettel']);
    for (const name of ['MobiFone', 'Viettel']) {
      near(op(h, name)?.mbbShare as number, DISC / SQUARE, 1);
      near(op(h, name)?.mbbHouseholds as number, (100 * DISC) / SQUARE, 100);
      expect(op(h, name)?.fibreShare).toBe(0);
    }
  });

  it("one operator's two discs: still grey, nothing black", () => {
    const h = only('one-operator-two-discs');
    expect(h.market.areaM2[2]).toBe(0);
    near(h.market.areaM2[1], 2 * DISC - LENS, SQUARE);
    expect(h.market.shares[1]).toBeCloseTo(h.mbbShare, 12);
    expect(h.operators.names).toHaveLength(1);
    expect(op(h, 'Viettel')?.mbbShare).toBe(h.mbbShare);
  });

  it('features without an operator (missing or blank) are one anonymous operator beside the named ones', () => {
    const h = only('anonymous-sites');
    // The named disc is the first anonymous disc again: all of it is black; the second's crescent is grey.
    near(h.market.areaM2[2], DISC, SQUARE);
    near(h.market.areaM2[1], DISC - LENS, SQUARE);
    expect(h.operators.names).toEqual([ANONYMOUS_OPERATOR, 'VNPT']);
    near(op(h, ANONYMOUS_OPERATOR)?.mbbShare as number, (2 * DISC - LENS) / SQUARE, 1);
    near(op(h, 'VNPT')?.mbbShare as number, DISC / SQUARE, 1);
  });

  it('one operator covers the hamlet whole: black where another reaches, grey elsewhere; fibre by operator', () => {
    const h = only('full-and-partial');
    const half = (Math.PI * 500 * 500) / 2;
    near(h.market.areaM2[2], half, 1e6);
    near(h.market.areaM2[1], 1e6 - half, 1e6);
    expect(h.market.areaM2[0]).toBe(0);
    expect(h.market.class).toBe('grey');
    expect(op(h, 'Viettel')?.mbbShare).toBe(1);
    near(op(h, 'Vietnamobile')?.mbbShare as number, half / 1e6, 1);
    near(op(h, 'VNPT')?.fibreShare as number, half / 1e6, 1);
    near(op(h, ANONYMOUS_OPERATOR)?.fibreShare as number, half / 2 / 1e6, 1);
    expect(op(h, 'VNPT')?.mbbShare).toBe(0);
  });
});

const cases = readdirSync(ROOT).filter((d) => existsSync(join(ROOT, d, 'in.geojson')));

describe('operator figures of every coverage fixture', () => {
  const r4 = (v: number): number => Math.round(v * 1e4) / 1e4;
  it.each(cases)('%s matches operators.json', (name) => {
    const got = analyze(loadCase(name)).hamlets.map((h) => ({
      id: h.id,
      market: {
        class: h.market.class,
        shares: h.market.shares.map(r4),
        households: h.market.households.map(r4),
        areaM2: h.market.areaM2.map((v) => Math.round(v * 10) / 10),
      },
      operators: operatorRows(h).map((o) => ({
        operator: o.operator,
        mbbShare: r4(o.mbbShare),
        fibreShare: r4(o.fibreShare),
        mbbHouseholds: r4(o.mbbHouseholds),
        fibreHouseholds: r4(o.fibreHouseholds),
      })),
    }));
    const path = join(ROOT, name, 'operators.json');
    if (process.env.REGEN === '1' || !existsSync(path))
      writeFileSync(path, JSON.stringify(got, null, 1) + '\n');
    expect(got).toEqual(JSON.parse(readFileSync(path, 'utf8')));
  });
});

describe('household points', () => {
  it('count where they lie: one point in each class and the operators holding them', () => {
    const layers = layersOf({
      hamlets: [hamlet('h', 0, 0, 1000, 999)],
      sites: [
        site('a', -300, 0, { tech: '4G', radius_m: 600, operator: 'Viettel' }),
        site('b', 300, 0, { tech: '4G', radius_m: 600, operator: 'MobiFone' }),
        site('legacy', 0, 0, { tech: '2G', radius_m: 5000, operator: 'VNPT' }),
      ],
      households: [
        point(-700, 0, { count: 3 }), // Viettel only
        point(700, 0, { count: 5 }), // MobiFone only
        point(0, 0, { count: 7 }), // both
        point(0, 800, { count: 11 }), // neither (2G only)
      ],
    });
    const h = analyze(layers).hamlets[0] as HamletCoverage;
    expect(h.householdMethod).toBe('points');
    expect(h.market.households).toEqual([11, 8, 7]);
    expect(h.market.shares[1]).toBeCloseTo(8 / 26, 12);
    expect(h.market.class).toBe('white');
    expect(op(h, 'Viettel')?.mbbHouseholds).toBe(10);
    expect(op(h, 'MobiFone')?.mbbHouseholds).toBe(12);
    // A 2G/3G-only operator gives no MBB and is not listed.
    expect(op(h, 'VNPT')).toBeUndefined();
  });
});

describe('operator names', () => {
  it('are trimmed; blank or missing is the anonymous operator; layers list them sorted', () => {
    expect(operatorOf({ operator: '  Viettel   Telecom ' })).toBe('Viettel Telecom');
    expect(operatorOf({ operator: '' })).toBe(ANONYMOUS_OPERATOR);
    expect(operatorOf({})).toBe(ANONYMOUS_OPERATOR);
    expect(operatorsInLayers(loadCase('anonymous-sites'))).toEqual([ANONYMOUS_OPERATOR, 'VNPT']);
    expect(operatorsInLayers(loadCase('full-and-partial'))).toEqual([
      ANONYMOUS_OPERATOR,
      'VNPT',
      'Vietnamobile',
      'Viettel',
    ]);
  });
});

/** A 7×5 grid of 1 km hamlets; three operators, one anonymous site, a 2G-only site, sectors, fibre of two. */
function province(): InputLayers {
  const hamlets = [];
  for (let i = 0; i < 7; i++)
    for (let j = 0; j < 5; j++) hamlets.push(hamlet(`h${i}-${j}`, i * 1000, j * 1000, 500, 100 + 3 * i + j));
  return layersOf({
    hamlets,
    sites: [
      site('v0', 1000, 1000, { tech: '4G', radius_m: 1500, operator: 'Viettel' }),
      site('m0', 1800, 1500, { tech: '4G,5G', radius_m: 1200, operator: 'MobiFone' }),
      site('n0', 5000, 3000, { tech: '2G,3G,4G', operator: 'VNPT' }),
      site('x0', 3000, 4000, { tech: '4G', radius_m: 900 }),
      site('m1', 6000, 500, { tech: '4G', radius_m: 1000, azimuths: [0, 180], operator: 'MobiFone' }),
      site('v1', 4000, 1000, { tech: '2G,3G', operator: 'Viettel' }),
    ],
    fibre: [
      route(
        'f0',
        [
          [-500, 2500],
          [3000, 2600],
        ],
        'VNPT',
      ),
      route(
        'f1',
        [
          [2000, 0],
          [2500, 4000],
        ],
        'Viettel',
      ),
    ],
  });
}

/** The invariants every result keeps, and agreement of the operator figures with a fresh run. */
function expectOperatorsAgree(inc: AnalysisResult, fresh: AnalysisResult): void {
  fresh.hamlets.forEach((f, i) => {
    const g = inc.hamlets[i] as HamletCoverage;
    for (const h of [f, g]) {
      const [s0, s1, s2] = h.market.shares;
      expect(Math.abs(s0 + s1 + s2 - 1)).toBeLessThan(1e-12);
      expect(s0).toBe(1 - h.mbbShare);
      expect(Math.min(s1, s2)).toBeGreaterThanOrEqual(0);
      expect(Math.abs(h.market.households.reduce((a, b) => a + b, 0) - h.households)).toBeLessThan(1e-9);
      for (const o of operatorRows(h)) {
        expect(o.mbbShare).toBeLessThanOrEqual(h.mbbShare);
        expect(o.fibreShare).toBeLessThanOrEqual(h.fibreShare);
      }
    }
    const tol = 1e-6 * Math.max(f.households, 1);
    expect(g.market.class).toBe(f.market.class);
    for (let k = 0; k < 3; k++)
      expect(Math.abs((g.market.households[k] as number) - (f.market.households[k] as number))).toBeLessThan(
        tol,
      );
    expect(g.operators.names).toEqual(f.operators.names);
    operatorRows(g).forEach((o, k) => {
      const e = operatorRows(f)[k];
      expect(Math.abs(o.mbbHouseholds - (e?.mbbHouseholds ?? 0))).toBeLessThan(tol);
      expect(Math.abs(o.fibreHouseholds - (e?.fibreHouseholds ?? 0))).toBeLessThan(tol);
    });
  });
  expect(inc.summary.province.operators.map((o) => o.operator)).toEqual(
    fresh.summary.province.operators.map((o) => o.operator),
  );
}

const edits = editArb(
  { x: { min: -1500, max: 7500 }, y: { min: -1500, max: 5500 } },
  { x: { min: -1000, max: 7000 }, y: { min: -1000, max: 5000 } },
  fc.constantFrom('Viettel', 'MobiFone', 'VNPT', 'Vietnamobile', ''),
);

describe('operator figures against brute force', () => {
  it("equal each operator's union clipped whole with Clipper, and the classes by inclusion–exclusion", () => {
    // Three operators and an anonymous one crowding the middle: hamlets reached partly by 3–4 of them.
    const layers = province();
    layers.sites?.features.push(
      site('v2', 3200, 2100, { tech: '4G', radius_m: 1300, operator: 'Viettel' }),
      site('n2', 2500, 2900, { tech: '4G', radius_m: 1100, operator: 'VNPT' }),
      site('m2', 3600, 2700, {
        tech: '4G',
        radius_m: 900,
        azimuths: [200],
        beamwidth: 240,
        operator: 'MobiFone',
      }),
      site('x1', 2900, 2300, { tech: '5G', radius_m: 700 }),
    );
    const state = buildEngine(layers, withDefaults({}));
    const area = (p: Paths64): number => p.reduce((a, q) => a + Clipper.area(q), 0);
    const within = (h: PreparedHamlet, p: Paths64): number =>
      p.length === 0
        ? 0
        : area(Clipper.intersect(h.paths, Clipper.union(p, FillRule.NonZero), FillRule.NonZero));
    let partial = 0;
    for (const h of state.hamlets) {
      const tile = state.tiles[state.tileOf[h.index] as number] as Tile;
      const ops = state.operators[h.index] as OperatorGeometry;
      for (const kind of ['mbb', 'fibre'] as const) {
        const byOp = new Map<string, Paths64>();
        for (const s of tile.shapes[kind])
          byOp.set(s.operator, [...(byOp.get(s.operator) ?? []), ...s.paths()]);
        for (const [name, paths] of byOp) {
          const got = ops[kind].find((p) => p.operator === name);
          if (got?.reach === 'partial') partial++;
          expect(Math.abs((got?.area ?? 0) - within(h, paths)), `${h.id} ${kind} ${name}`).toBeLessThan(
            1e-4 * h.areaUnits,
          );
        }
        if (kind !== 'mbb') continue;
        const all = [...byOp.values()].flat();
        const union = within(h, all);
        let one = 0;
        for (const name of byOp.keys())
          one +=
            union -
            within(
              h,
              [...byOp].filter(([k]) => k !== name).flatMap(([, p]) => p),
            );
        expect(Math.abs(ops.oneOperator - one), `${h.id} grey`).toBeLessThan(1e-4 * h.areaUnits);
      }
    }
    expect(partial).toBeGreaterThan(20);
  });
});

describe('operator figures under what-if edits', () => {
  it('keep 0 + 1 + ≥2 operators = 1, stay within the pooled shares, and equal a full run', () => {
    const base = deepFreeze(province());
    fc.assert(
      fc.property(fc.array(edits, { minLength: 1, maxLength: 6 }), (list) => {
        const session = new AnalysisSession(base);
        applyEdits(session, list);
        expectOperatorsAgree(session.result(), fullRun(base, session));
      }),
      { numRuns: 15, seed: 20261201 },
    );
  });

  it('switching off a site of an operator that shares a fully covered hamlet changes its figures', () => {
    const layers = layersOf({
      hamlets: [hamlet('h', 0, 0, 500)],
      sites: [
        site('a', 0, 0, { tech: '4G', radius_m: 3000, operator: 'Viettel' }),
        site('b', 100, 0, { tech: '4G', radius_m: 3000, operator: 'MobiFone' }),
      ],
    });
    const session = new AnalysisSession(layers);
    expect(session.result().hamlets[0]?.market.class).toBe('black');
    const { changedHamletIds, result } = session.setSiteStatus('b', 'off');
    expect(changedHamletIds).toEqual(['h']);
    const h = result.hamlets[0] as HamletCoverage;
    expect(h.mbbShare).toBe(1);
    expect(h.market.class).toBe('grey');
    expect(h.operators.names).toEqual(['Viettel']);
    expect(result.summary.province.hamletsByMarketClass).toEqual({ white: 0, grey: 1, black: 0 });
  });
});
