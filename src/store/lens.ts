import { rankLens, type LensRankedHamlet } from '../analysis/lensRanking.ts';
import { hamletLens } from '../analysis/operatorLens.ts';
import { operatorsInLayers } from '../analysis/operatorNames.ts';
import type { ExportFilter } from '../analysis/exports.ts';
import type { AnalysisResult, HamletCoverage, InputLayers, Settings } from '../analysis/types.ts';
import type { AppState } from './appState.ts';
import type { HamletRow } from './rows.ts';
import { effectiveSettings } from './store.ts';

/** The lens in force: the operator (when the data hold it) and the lens ranking's rows, if one ranks the list. */
export interface ActiveLens {
  /** Null for all operators, and for an operator (from a link) that the data do not hold. */
  operator: string | null;
  ranking: {
    preset: 'operator-commercial' | 'public-fund';
    rows: LensRankedHamlet[];
    byId: ReadonlyMap<string, LensRankedHamlet>;
  } | null;
}

const NO_LENS: ActiveLens = { operator: null, ranking: null };

let opsInput: InputLayers | null | undefined;
let opsList: string[] = [];
/** The operators a lens can be chosen from: those of the loaded sites, coverage and fibre, sorted. */
export function operatorsOf(input: InputLayers | null): string[] {
  if (input !== opsInput) {
    opsInput = input;
    opsList = input ? operatorsInLayers(input) : [];
  }
  return opsList;
}

let last: {
  result: AnalysisResult | null;
  operator: string | null;
  ranking: string;
  settings: Settings;
  lens: ActiveLens;
} | null = null;

/**
 * The lens the app shows: the chosen operator if the data hold it, and the lens ranking (`rankLens`) when
 * the list is ranked by one; the same object while none of that changes, so the map and the list see no
 * change.
 *
 * @example
 * activeLens(appStore.getState()).ranking?.rows[0]; // the operator's first target
 */
export function activeLens(s: Pick<AppState, 'lens' | 'input' | 'result' | 'settings'>): ActiveLens {
  const operator =
    s.lens.operator !== null && operatorsOf(s.input).includes(s.lens.operator) ? s.lens.operator : null;
  const settings = effectiveSettings(s);
  if (
    last &&
    last.result === s.result &&
    last.operator === operator &&
    last.ranking === s.lens.ranking &&
    last.settings === settings
  )
    return last.lens;
  let lens: ActiveLens = operator === null ? NO_LENS : { operator, ranking: null };
  const preset = s.lens.ranking;
  if (s.result && (preset === 'public-fund' || (preset === 'operator-commercial' && operator !== null))) {
    const rows =
      preset === 'public-fund'
        ? rankLens(s.result.hamlets, settings, { preset })
        : rankLens(s.result.hamlets, settings, { preset, operator: operator as string });
    lens = { operator, ranking: { preset, rows, byId: new Map(rows.map((r) => [r.id, r])) } };
  }
  last = { result: s.result, operator, ranking: s.lens.ranking, settings, lens };
  return lens;
}

/** What a lens ranking counts as a hamlet's target: the operator's gap, or the households no operator serves. */
export function lensTarget(h: HamletCoverage, lens: ActiveLens): number {
  if (lens.ranking?.preset === 'public-fund') return h.market.households[0];
  return lens.operator === null ? h.uncoveredHouseholds : hamletLens(h, lens.operator).gapHouseholds;
}

let rowsMemo: { rows: HamletRow[]; lens: ActiveLens; out: HamletRow[] } | null = null;

/**
 * The rows the list shows: as analysed, or under a lens ranking with its rank and score (no tier) and its
 * target households in place of the uncovered ones, its candidates first by lens rank, then the others in
 * their order.
 *
 * @example
 * listSource(appStore.getState())[0].rank; // 1: the lens's first target when a lens ranks the list
 */
export function listSource(s: AppState): HamletRow[] {
  const lens = activeLens(s);
  if (!lens.ranking) return s.rows;
  if (rowsMemo && rowsMemo.rows === s.rows && rowsMemo.lens === lens) return rowsMemo.out;
  const ranking = lens.ranking;
  const ranked: HamletRow[] = [];
  const rest: HamletRow[] = [];
  for (const row of s.rows) {
    const h = s.coverageById.get(row.id);
    const r = ranking.byId.get(row.id);
    const next: HamletRow = {
      ...row,
      rank: r?.rank ?? null,
      tier: null,
      score: r?.score ?? null,
      uncoveredHouseholds: h ? lensTarget(h, lens) : row.uncoveredHouseholds,
    };
    (r ? ranked : rest).push(next);
  }
  ranked.sort((a, b) => (a.rank as number) - (b.rank as number));
  const out = ranked.concat(rest);
  rowsMemo = { rows: s.rows, lens, out };
  return out;
}

/** The lens as the exports take it: the operator's columns, the lens ranking's order and columns. */
export function exportLens(lens: ActiveLens): Pick<ExportFilter, 'operator' | 'lensRanking'> {
  return {
    ...(lens.operator === null ? {} : { operator: lens.operator }),
    ...(lens.ranking ? { lensRanking: { preset: lens.ranking.preset, rows: lens.ranking.rows } } : {}),
  };
}
