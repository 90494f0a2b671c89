import type { Pause } from '../data/resultCodec.ts';
import type {
  AnalysisResult,
  HamletCoverage,
  HamletStatus,
  MarketClass,
  RankedHamlet,
  RecommendedTech,
} from '../analysis/types.ts';
import type { HamletUnit } from '../analysis/units.ts';
import type { Filters } from './viewState.ts';
import { MATCH, matchLevel, parseQuery, searchIndex, type MatchLevel, type SearchIndex } from './search.ts';

/** One line of the ranked hamlet list: coverage and ranking joined (its search index: `rowSearchIndex`). */
export interface HamletRow {
  id: string;
  rank: number | null;
  tier: 1 | 2 | 3 | null;
  name: string;
  commune: string;
  communeCode: string;
  district: string;
  districtCode: string;
  /** The unit holding most of the hamlet (units system, `assignUnits`); '' before or without one. */
  unitCode: string;
  unitName: string;
  status: HamletStatus;
  households: number;
  uncoveredHouseholds: number;
  broadbandShare: number;
  costPerHouseholdVnd: number | null;
  score: number | null;
  recommendedTech: RecommendedTech;
  noFibre: boolean;
  noMbb: boolean;
  /** How many operators give 4G/5G to most of its households (DATA-MODEL §14). */
  market: MarketClass;
}

export type SortKey =
  'rank' | 'name' | 'commune' | 'unit' | 'status' | 'uncoveredHouseholds' | 'costPerHousehold' | 'score';
export interface SortState {
  key: SortKey;
  dir: 'asc' | 'desc';
}

/**
 * Ranked candidates first (by rank), then the hamlets without a rank (served ones) in the result's order:
 * what `sortRows(rows, { key: 'rank', dir: 'asc' })` gives, without sorting thousands of rows.
 */
export function buildRows(
  result: AnalysisResult,
  unitOf: ReadonlyMap<string, HamletUnit> = NO_UNITS,
): HamletRow[] {
  const order = new RowOrder(result, unitOf);
  for (const h of result.hamlets) order.add(h);
  return order.rows();
}

/** Rows are built this many at a time between looks at the clock (`buildRowsInSlices`). */
const ROWS_PER_LOOK = 256;

/**
 * `buildRows` in slices (`pause`: e.g. `pageSlices()`), the page drawing and taking input between them
 * (the rows' search index is built later: `indexRows`).
 */
export async function buildRowsInSlices(
  result: AnalysisResult,
  unitOf: ReadonlyMap<string, HamletUnit> = NO_UNITS,
  pause: Pause,
): Promise<HamletRow[]> {
  const order = new RowOrder(result, unitOf);
  const hamlets = result.hamlets;
  for (let i = 0; i < hamlets.length; i++) {
    order.add(hamlets[i] as HamletCoverage);
    if (i % ROWS_PER_LOOK === 0) await pause();
  }
  return order.rows();
}

/** Rows added hamlet by hamlet, then given in the list's order: ranked by rank, then the rest in order. */
class RowOrder {
  private readonly ranks: Map<string, RankedHamlet>;
  private readonly ranked: HamletRow[] = [];
  private readonly rest: HamletRow[] = [];

  constructor(
    result: AnalysisResult,
    private readonly unitOf: ReadonlyMap<string, HamletUnit>,
  ) {
    this.ranks = new Map(result.ranking.map((r) => [r.id, r]));
  }

  add(h: HamletCoverage): void {
    const r = this.ranks.get(h.id);
    const unit = this.unitOf.get(h.id);
    const row: HamletRow = {
      id: h.id,
      rank: r?.rank ?? null,
      tier: r?.tier ?? null,
      name: h.name,
      commune: h.commune,
      communeCode: h.commune_code,
      district: h.district,
      districtCode: h.district_code,
      unitCode: unit?.code ?? '',
      unitName: unit?.unitName ?? '',
      status: h.status,
      households: h.households,
      uncoveredHouseholds: h.uncoveredHouseholds,
      broadbandShare: h.broadbandShare,
      costPerHouseholdVnd: r?.costPerHouseholdVnd ?? null,
      score: r?.score ?? null,
      recommendedTech: r?.recommendedTech ?? 'none',
      noFibre: h.flags.noFibre,
      noMbb: h.flags.noMbb,
      market: h.market.class,
    };
    (row.rank === null ? this.rest : this.ranked).push(row);
  }

  rows(): HamletRow[] {
    // A few hundred ranked rows; the sort is stable, so equal ranks keep the result's order.
    const out = this.ranked.sort((a, b) => (a.rank as number) - (b.rank as number));
    for (const row of this.rest) out.push(row);
    return out;
  }
}

/** The folded words of names already indexed, shared by the rows of one list. */
type SearchFields = Map<string, SearchIndex[number]>;

/** Rows' search indexes, built when a search first needs them (`rowSearchIndex`) or ahead (`indexRows`). */
const indexes = new WeakMap<HamletRow, SearchIndex>();
/**
 * Thousands of hamlets share a few hundred names ("Thôn 1", "Xóm 2") and commune and district names: each
 * distinct name is indexed once per list.
 */
const fieldsOfList = new WeakMap<readonly HamletRow[], SearchFields>();

function fieldsOf(rows: readonly HamletRow[]): SearchFields {
  let fields = fieldsOfList.get(rows);
  if (!fields) {
    fields = new Map();
    fieldsOfList.set(rows, fields);
  }
  return fields;
}

/**
 * A row's search index: name, commune, district, id (and unit) as folded words. Built on first use and
 * kept: a list of 89,000 rows is shown without it, and a search indexes only what `indexRows` has not.
 */
export function rowSearchIndex(row: HamletRow, fields: SearchFields = new Map()): SearchIndex {
  let index = indexes.get(row);
  if (!index) {
    const words = [row.name, row.commune, row.district, row.id];
    if (row.unitName) words.push(row.unitName);
    index = searchIndex(words, fields);
    indexes.set(row, index);
  }
  return index;
}

/**
 * Builds the search index of `rows` ahead of a search, `ROWS_PER_SLICE` rows after each `pause()`; resolves
 * when all are indexed or `stopped()` (asked after each pause) says to stop. The first search then finds
 * its rows indexed instead of indexing all of them in one task.
 */
export async function indexRows(
  rows: readonly HamletRow[],
  pause: () => Promise<void>,
  stopped: () => boolean = () => false,
): Promise<void> {
  const fields = fieldsOf(rows);
  for (let start = 0; start < rows.length; start += ROWS_PER_SLICE) {
    await pause();
    if (stopped()) return;
    const end = Math.min(rows.length, start + ROWS_PER_SLICE);
    for (let i = start; i < end; i++) rowSearchIndex(rows[i] as HamletRow, fields);
  }
}

/** Rows indexed between two pauses of `indexRows`: 10-45 ms under load on this two-core machine. */
const ROWS_PER_SLICE = 2000;

const NO_UNITS: ReadonlyMap<string, HamletUnit> = new Map();

/**
 * Applies every list filter: the rows kept, and with a search how well each matches it (`levels[i]` for
 * `rows[i]`; null without a search, where every row kept matches exactly).
 */
function filterMatches(
  rows: readonly HamletRow[],
  f: Filters,
): { rows: HamletRow[]; levels: MatchLevel[] | null } {
  const query = parseQuery(f.search);
  // Without words every row matches: the rows' search indexes are not needed (nor built).
  const fields = query.words.length > 0 ? fieldsOf(rows) : null;
  const kept: HamletRow[] = [];
  const levels: MatchLevel[] | null = fields ? [] : null;
  for (const r of rows) {
    if (
      (f.district === null || r.districtCode === f.district) &&
      (f.commune === null || r.communeCode === f.commune) &&
      (f.unit === null || r.unitCode === f.unit) &&
      (f.status === null || r.status === f.status) &&
      (f.tier === null || r.tier === f.tier) &&
      (f.market === null || r.market === f.market) &&
      gapMatches(r, f.gap)
    ) {
      if (!fields || !levels) {
        kept.push(r);
        continue;
      }
      const level = matchLevel(rowSearchIndex(r, fields), query);
      if (level === MATCH.none) continue;
      kept.push(r);
      levels.push(level);
    }
  }
  return { rows: kept, levels };
}

/**
 * Applies every list filter; search is by whole words without diacritics ("giao thuy" finds
 * "Giao Thủy", "ý yên" does not find "huyện"), see `matchLevel`.
 */
export function filterRows(rows: readonly HamletRow[], f: Filters): HamletRow[] {
  return filterMatches(rows, f).rows;
}

/**
 * What the list shows: the filtered rows in the chosen order, and with a search the best matches first
 * (an exact place name, then all words in one field, then words spread over fields), each group in the
 * chosen order.
 */
export function listRows(rows: readonly HamletRow[], f: Filters, sort: SortState): HamletRow[] {
  const matches = filterMatches(rows, f);
  const sorted = sortRows(matches.rows, sort);
  const levels = matches.levels;
  if (!levels || levels.every((l) => l === MATCH.exact)) return sorted;
  const level = new Map(matches.rows.map((r, i) => [r, levels[i]]));
  return [MATCH.exact, MATCH.oneField, MATCH.acrossFields].flatMap((l) =>
    sorted.filter((r) => level.get(r) === l),
  );
}

function gapMatches(r: HamletRow, gap: Filters['gap']): boolean {
  switch (gap) {
    case 'any':
      return true;
    case 'noFibre':
      return r.noFibre;
    case 'noMbb':
      return r.noMbb;
    case 'both':
      return r.noFibre && r.noMbb;
  }
}

const STATUS_ORDER: Record<HamletStatus, number> = { unserved: 0, partial: 1, served: 2 };
const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** Stable sort; rows without a value for the key (served hamlets have no rank) always go last. */
export function sortRows(rows: readonly HamletRow[], sort: SortState): HamletRow[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  const value = (r: HamletRow): number | string | null => {
    switch (sort.key) {
      case 'rank':
        return r.rank;
      case 'name':
        return r.name;
      case 'commune':
        return r.commune;
      case 'unit':
        return r.unitName;
      case 'status':
        return STATUS_ORDER[r.status];
      case 'uncoveredHouseholds':
        return r.uncoveredHouseholds;
      case 'costPerHousehold':
        return r.costPerHouseholdVnd;
      case 'score':
        return r.score;
    }
  };
  type Keyed = { r: HamletRow; i: number; v: number | string | null };
  const compare = (a: Keyed, b: Keyed): number => {
    if (a.v === null || b.v === null) {
      if (a.v === b.v) return a.i - b.i;
      return a.v === null ? 1 : -1;
    }
    const c =
      typeof a.v === 'string' && typeof b.v === 'string'
        ? collator.compare(a.v, b.v)
        : (a.v as number) - (b.v as number);
    return c !== 0 ? sign * c : a.i - b.i;
  };
  // The list usually asks for the order the rows are in already (rank, as built): one pass tells, with
  // two reused keys rather than one per row.
  const prev: Keyed = { r: rows[0] as HamletRow, i: 0, v: null };
  const next: Keyed = { r: rows[0] as HamletRow, i: 0, v: null };
  let ordered = true;
  for (let k = 1; k < rows.length && ordered; k++) {
    prev.i = k - 1;
    prev.v = value(rows[k - 1] as HamletRow);
    next.i = k;
    next.v = value(rows[k] as HamletRow);
    ordered = compare(prev, next) < 0;
  }
  if (ordered) return rows.slice();
  const keyed: Keyed[] = rows.map((r, i) => ({ r, i, v: value(r) }));
  return keyed.sort(compare).map((x) => x.r);
}
