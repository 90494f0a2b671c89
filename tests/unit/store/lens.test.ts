import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analysis/analyze.ts';
import type { AnalysisResult, InputLayers } from '../../../src/analysis/types.ts';
import { hamletsForMap } from '../../../src/map/mapData.ts';
import { resultViews } from '../../../src/store/slices/analysisSlice.ts';
import { activeLens, exportLens, listSource, operatorsOf } from '../../../src/store/lens.ts';
import { filterRows } from '../../../src/store/rows.ts';
import { createAppStore, type AppStore } from '../../../src/store/store.ts';
import { EMPTY_FILTERS } from '../../../src/store/viewState.ts';
import { fourHamlets } from '../../fixtures/lens/fourHamlets.ts';

let input: InputLayers;
let result: AnalysisResult;
let store: AppStore;

beforeAll(() => {
  input = fourHamlets();
  result = analyze(input);
});

beforeEach(() => {
  store = createAppStore();
  store.getState().setData(input, { province: null, districts: null, communes: null, units: null }, []);
  store.getState().finishRun(store.getState().startRun(), result, 1);
});

const byId = (rows: { id: string }[]) => rows.map((r) => r.id);

describe('the operator lens in the store', () => {
  it('offers the operators the data name', () => {
    expect(operatorsOf(input)).toEqual(['VNPT', 'Viettel']);
    expect(operatorsOf(null)).toEqual([]);
  });

  it('choosing an operator ranks the list by its gap and colours by its view; all operators undoes both rankings', () => {
    const pooled = store.getState().rows;
    expect(listSource(store.getState())).toBe(pooled);
    store.getState().setOperator('VNPT');
    expect(store.getState()).toMatchObject({
      lens: { operator: 'VNPT', ranking: 'operator-commercial' },
      colourBy: 'market',
    });
    const rows = listSource(store.getState());
    // VNPT's gap: A (100, competitor-only) and C (100, no operator); B and D it covers, unranked, after.
    const ranked = rows.filter((r) => r.rank !== null);
    expect(byId(ranked).sort()).toEqual(['A', 'C']);
    expect(ranked.map((r) => r.rank)).toEqual([1, 2]);
    expect(byId(rows.slice(2)).sort()).toEqual(['B', 'D']);
    const a = rows.find((r) => r.id === 'A')!;
    // Pooled, A is served (Viettel covers it); under VNPT's lens its 100 households are the target.
    expect(pooled.find((r) => r.id === 'A')!.uncoveredHouseholds).toBeCloseTo(0, 6);
    expect(a.uncoveredHouseholds).toBeCloseTo(100, 1);
    expect(a.tier).toBeNull();
    // Competition weighs in: A, where a competitor already covers, ranks before C.
    expect(ranked[0]!.id).toBe('A');

    store.getState().setOperator(null);
    expect(store.getState().lens).toEqual({ operator: null, ranking: 'pooled' });
    expect(listSource(store.getState())).toBe(store.getState().rows);
  });

  it('the public-fund ranking lists only hamlets no operator serves, with or without an operator', () => {
    store.getState().setLensRanking('public-fund');
    let ranked = listSource(store.getState()).filter((r) => r.rank !== null);
    expect(byId(ranked)).toEqual(['C']);
    store.getState().setOperator('Viettel');
    // Choosing an operator keeps a ranking the user chose.
    expect(store.getState().lens).toEqual({ operator: 'Viettel', ranking: 'public-fund' });
    ranked = listSource(store.getState()).filter((r) => r.rank !== null);
    expect(byId(ranked)).toEqual(['C']);
  });

  it("an operator's ranking needs an operator, and a link's operator the data lack shows all operators", () => {
    store.getState().setLensRanking('operator-commercial');
    expect(store.getState().lens.ranking).toBe('pooled');
    store.getState().applyView({ lens: { operator: 'MobiFone', ranking: 'operator-commercial' } }, 'app');
    expect(activeLens(store.getState())).toEqual({ operator: null, ranking: null });
    expect(listSource(store.getState())).toBe(store.getState().rows);
  });

  it('the map carries each hamlet’s market class and, under a lens, the operator’s view', () => {
    const market = (fcol: ReturnType<typeof hamletsForMap>, prop: string) =>
      Object.fromEntries(fcol.features.map((f) => [f.properties.id, f.properties[prop]]));
    expect(market(hamletsForMap(input.hamlets, resultViews(result), result), 'market')).toEqual({
      A: 'grey',
      B: 'grey',
      C: 'white',
      D: 'black',
    });
    store.getState().setOperator('VNPT');
    const lens = activeLens(store.getState());
    expect(market(hamletsForMap(input.hamlets, resultViews(result), result, lens), 'lens')).toEqual({
      A: 'competitor',
      B: 'own',
      C: 'none',
      D: 'own',
    });
    // Its ranking gives the score the map's score colouring uses; B, which it does not rank, has none.
    const score = (id: string) => lens.ranking?.byId.get(id)?.score;
    expect(market(hamletsForMap(input.hamlets, resultViews(result), result, lens), 'score')).toMatchObject({
      A: score('A'),
      C: score('C'),
      B: -1,
    });
    expect(score('A')).toBeGreaterThan(score('C') ?? Infinity);
  });

  it('the list filters by market class', () => {
    const rows = store.getState().rows;
    expect(byId(filterRows(rows, { ...EMPTY_FILTERS, market: 'grey' })).sort()).toEqual(['A', 'B']);
    expect(byId(filterRows(rows, { ...EMPTY_FILTERS, market: 'black' }))).toEqual(['D']);
  });

  it('exports take the lens: the operator and the lens ranking', () => {
    expect(exportLens(activeLens(store.getState()))).toEqual({});
    store.getState().setOperator('VNPT');
    const lens = exportLens(activeLens(store.getState()));
    expect(lens.operator).toBe('VNPT');
    expect(lens.lensRanking?.preset).toBe('operator-commercial');
    expect(lens.lensRanking?.rows.map((r) => r.id)).toEqual(['A', 'C']);
  });
});
