import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resultOf } from '../../../src/analysis/analyze.ts';
import { BLOCK, BlockMerge, blockCount, computeBlock } from '../../../src/analysis/blocks.ts';
import {
  buildEngine,
  hamletOrder,
  KEEP_GEOMETRY_MAX_HAMLETS,
  keepsGeometry,
  prepareEngine,
} from '../../../src/analysis/engine.ts';
import { AnalysisSession, type EditResult } from '../../../src/analysis/incremental.ts';
import { withDefaults } from '../../../src/analysis/settings.ts';
import type { AnalysisResult, InputLayers } from '../../../src/analysis/types.ts';
import { GRID_SIDE as SIDE, blockGrid as grid } from './blockGrid.ts';
import { site } from './helpers.ts';
import { applyEdits, editArb } from './randomEdits.ts';

/** The hamlets each edit of `session` recomputed, in order. */
function recorded(session: AnalysisSession): string[][] {
  const log: string[][] = [];
  for (const k of ['addSite', 'removeSite', 'setSiteStatus', 'addFibre', 'removeFibre'] as const) {
    const edit = session[k].bind(session) as (...args: unknown[]) => EditResult;
    Object.assign(session, {
      [k]: (...args: unknown[]) => {
        const r = edit(...args);
        log.push(r.changedHamletIds);
        return r;
      },
    });
  }
  return log;
}

const untimed = ({ timingsMs: _t, ...rest }: AnalysisResult) => rest;

/** `check` on eight random lists of one to four what-if edits over the grid (sites, fibre, operators). */
function forRandomEdits(seed: number, check: (edits: Parameters<typeof applyEdits>[1]) => void): void {
  const sites = { x: { min: -1000, max: 24000 }, y: { min: -1000, max: 24000 } };
  const operators = fc.constantFrom('', 'Viettel', 'VNPT');
  fc.assert(fc.property(fc.array(editArb(sites, sites, operators), { minLength: 1, maxLength: 4 }), check), {
    numRuns: 8,
    seed,
  });
}

/**
 * The grid analysed as a split run: this state computes the blocks `here` picks, a second state (as another
 * thread would) the others, which are merged in `arrival` order.
 */
function splitEngine(layers: InputLayers, here: (b: number) => boolean, arrival: (bs: number[]) => number[]) {
  const settings = withDefaults({});
  const state = prepareEngine(layers, settings);
  const order = hamletOrder(state);
  const merge = new BlockMerge(state, order);
  const other = prepareEngine(layers, settings);
  const theirs: number[] = [];
  for (let b = 0; b < merge.blocks; b++) {
    if (here(b)) merge.computeHere(b);
    else theirs.push(b);
  }
  const sent = new Map(theirs.map((b) => [b, computeBlock(other, hamletOrder(other), b, true)]));
  for (const b of arrival(theirs)) merge.add(sent.get(b)!);
  expect(merge.complete).toBe(true);
  merge.finish();
  return state;
}

describe('a run split into blocks', () => {
  const layers = grid();
  const one = buildEngine(layers, withDefaults({}));

  it('has several blocks of BLOCK hamlets', () => {
    expect(blockCount(hamletOrder(one))).toBe(Math.ceil((SIDE * SIDE) / BLOCK));
    expect(blockCount(hamletOrder(one))).toBeGreaterThan(2);
  });

  it('merges, whatever thread computed which block and in whatever order they arrive, to one run’s result', () => {
    const want = untimed(resultOf(one));
    for (const here of [() => false, (b: number) => b === 1, (b: number) => b % 2 === 0]) {
      const state = splitEngine(layers, here, (bs) => bs.reverse());
      expect(untimed(resultOf(state))).toEqual(want);
      expect(state.nearestAccess).toEqual(one.nearestAccess);
      expect(state.nearestSite).toEqual(one.nearestSite);
    }
  });

  it('puts the blocks’ warnings back in block order', () => {
    const state = prepareEngine(layers, withDefaults({}));
    state.inputWarnings.push('read');
    const order = hamletOrder(state);
    const merge = new BlockMerge(state, order);
    const empty = (b: number) => computeBlock(prepareEngine(layers, withDefaults({})), order, b);
    merge.add({ ...empty(2), warnings: ['c'] });
    state.inputWarnings.push('b1', 'b2');
    merge.computeHere(1);
    merge.add({ ...empty(0), warnings: ['a'] });
    merge.finish();
    expect(state.inputWarnings).toEqual(['read', 'a', 'b1', 'b2', 'c']);
  });

  it('recomputes for an edit only the hamlets one thread would, though another computed them', () => {
    const fresh = () =>
      new AnalysisSession(
        layers,
        undefined,
        undefined,
        splitEngine(
          layers,
          () => false,
          (bs) => bs,
        ),
      );
    const single = new AnalysisSession(layers);
    // Tower sharing reads Viettel's coverage of the hamlets around s5 (MobiFone's mast next to s0).
    expect(fresh().colocation('Viettel')).toEqual({
      ...single.colocation('Viettel'),
      ms: expect.any(Number),
    });
    // s0's hamlet, which s0 (the nearest site: the same distance, a smaller id) and Viettel's 4G reach whole.
    const inside = site('s9', 3000, 3000, { tech: '4G', radius_m: 400, operator: 'Viettel' });
    const [a, b] = [single.addSite(inside), fresh().addSite(inside)];
    expect(b.changedHamletIds).toEqual(a.changedHamletIds);
    expect(untimed(b.result)).toEqual(untimed(a.result));
    // s4 lies there too: switching it off changes nothing; switching s0 off then changes much.
    const [one, split] = [new AnalysisSession(layers), fresh()];
    for (const id of ['s4', 's0']) {
      const [c, d] = [one.setSiteStatus(id, 'off'), split.setSiteStatus(id, 'off')];
      expect(d.changedHamletIds).toEqual(c.changedHamletIds);
      expect(untimed(d.result)).toEqual(untimed(c.result));
    }
  });

  it('then takes what-if edits exactly as a session on one thread does', () => {
    forRandomEdits(20261202, (edits) => {
      const single = new AnalysisSession(layers);
      const state = splitEngine(
        layers,
        (b) => b === 0,
        (bs) => bs,
      );
      const split = new AnalysisSession(layers, undefined, undefined, state);
      // The other thread's hamlets are materialised only where an edit reaches.
      expect(state.geometry.filter(Boolean).length).toBeLessThan(SIDE * SIDE);
      const [a, b] = [recorded(single), recorded(split)];
      applyEdits(single, edits);
      applyEdits(split, edits);
      expect(untimed(split.result())).toEqual(untimed(single.result()));
      // Each edit recomputed the same hamlets: no more for the ones another thread computed.
      expect(b).toEqual(a);
      expect(split.colocation('Viettel')).toEqual({
        ...single.colocation('Viettel'),
        ms: expect.any(Number),
      });
    });
  });
});

describe('a run that lets each hamlet’s geometry go', () => {
  const layers = grid();

  it('is every run above KEEP_GEOMETRY_MAX_HAMLETS hamlets, and gives the same result', () => {
    expect(keepsGeometry(KEEP_GEOMETRY_MAX_HAMLETS)).toBe(true);
    expect(keepsGeometry(KEEP_GEOMETRY_MAX_HAMLETS + 1)).toBe(false);
    const kept = buildEngine(layers, withDefaults({}));
    const gone = buildEngine(layers, withDefaults({}), undefined, false);
    expect(kept.geometry.filter(Boolean)).toHaveLength(SIDE * SIDE);
    expect(gone.geometry.filter(Boolean)).toHaveLength(0);
    expect(gone.operators.filter(Boolean)).toHaveLength(0);
    expect(untimed(resultOf(gone))).toEqual(untimed(resultOf(kept)));
    // An edit rebuilds only the geometry of the hamlets it reaches.
    new AnalysisSession(layers, undefined, undefined, gone).addSite(
      site('s9', 3000, 3000, { tech: '4G', radius_m: 400, operator: 'Viettel' }),
    );
    expect(gone.geometry.filter(Boolean).length).toBeGreaterThan(0);
    expect(gone.geometry.filter(Boolean).length).toBeLessThan((SIDE * SIDE) / 4);
  });

  it('takes what-if edits exactly as a run that kept it, recomputing the same hamlets', () => {
    forRandomEdits(20261203, (edits) => {
      const kept = new AnalysisSession(layers);
      const state = buildEngine(layers, withDefaults({}), undefined, false);
      const gone = new AnalysisSession(layers, undefined, undefined, state);
      const [a, b] = [recorded(kept), recorded(gone)];
      applyEdits(kept, edits);
      applyEdits(gone, edits);
      expect(untimed(gone.result())).toEqual(untimed(kept.result()));
      expect(b).toEqual(a);
      expect(gone.colocation('Viettel')).toEqual({ ...kept.colocation('Viettel'), ms: expect.any(Number) });
    });
  });
});
