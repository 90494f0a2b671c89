import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { ColocationCandidate } from './colocation.ts';
import { estimateCost } from './cost.ts';
import { csvChunks, csvText, type CsvCell } from './csv.ts';
import {
  BASELINE,
  csvValue,
  lensColumns,
  lensOrdered,
  MARKET_COLUMNS,
  PLAN_COLUMNS,
  planCells,
  RANKING_COLUMNS,
  round,
  SUMMARY_COLUMNS,
  type ExportColumn,
  type ExportLens,
  type ExportPlan,
  type RankingRow,
} from './exportTables.ts';
import { addedMembers, featureText, mergedObjectText, NOT_ADDED, type AddedMembers } from './jsonText.ts';
import { operatorRows } from './operatorLens.ts';
import { CHALLENGES_CSV_HEADER, challengeRows, MEASURED_COLUMNS, measuredById } from './measuredExports.ts';
import type { AnalysisResult, InputLayers, Rollup, Summary } from './types.ts';
import { SPLIT_MIN_SHARE, splitHamlets, type HamletUnit, type UnitAssignment } from './units.ts';

export const RANKING_CSV_HEADER = [...RANKING_COLUMNS.map((c) => c.key), ...PLAN_COLUMNS] as const;

/** One operator's lens columns (DATA-MODEL §14), with `operator`, before the plan's. */
export const LENS_COLUMNS = [
  'op_mbb_share',
  'op_gap_households',
  'op_competitor_only_households',
  'op_white_households',
] as const;

/** A lens ranking's place for each hamlet, with `lensRanking`, before the plan's. */
export const LENS_RANK_COLUMNS = ['lens_preset', 'lens_rank', 'lens_score'] as const;

export interface ExportFilter extends ExportLens {
  /** Only these hamlet ids (e.g. the rows the app's filters leave); all hamlets when absent. */
  ids?: Iterable<string>;
  /** What the result describes: the baseline (default) or a named scenario; written into every row. */
  plan?: ExportPlan;
  /**
   * Each hamlet's unit (`assignUnits`, by id): adds `unit_code`, `unit_name` and `unit_overlap_share`
   * (empty for a hamlet in no unit), after `district`.
   */
  units?: ReadonlyMap<string, HamletUnit>;
}

/** The ranking's columns, with the unit's three after `district` when `units` is given (DATA-MODEL §15). */
export function rankingColumns(units?: ReadonlyMap<string, HamletUnit>): readonly ExportColumn<RankingRow>[] {
  if (!units) return RANKING_COLUMNS;
  const unit = (row: RankingRow): HamletUnit | undefined => {
    const u = units.get(row.h.id);
    return u && u.code !== '' ? u : undefined;
  };
  const extra: ExportColumn<RankingRow>[] = [
    {
      key: 'unit_code',
      header: { vi: 'Mã xã/phường', en: 'Unit code' },
      kind: 'text',
      get: (x) => unit(x)?.code ?? null,
    },
    {
      key: 'unit_name',
      header: { vi: 'Xã/phường', en: 'Unit' },
      kind: 'text',
      get: (x) => unit(x)?.unitName ?? null,
    },
    {
      key: 'unit_overlap_share',
      header: { vi: 'Tỷ lệ diện tích trong xã/phường', en: 'Share of area in the unit' },
      kind: 'share',
      get: (x) => {
        const u = unit(x);
        return u ? round(u.share, 4) : null;
      },
    },
  ];
  const at = RANKING_COLUMNS.findIndex((c) => c.key === 'district') + 1;
  return [...RANKING_COLUMNS.slice(0, at), ...extra, ...RANKING_COLUMNS.slice(at)];
}

type HamletsInput = InputLayers['hamlets'];

/** A table as CSV through the one writer: the columns' values as CSV keeps them, then the plan's two cells. */
function tableCsv<R>(columns: readonly ExportColumn<R>[], rows: readonly R[], plan: ExportPlan): string {
  let text = '';
  for (const chunk of tableCsvChunks(columns, rows, plan)) text += chunk;
  return text;
}

/** {@link tableCsv} a line at a time, with any `extra` columns after the plan's (the measured ones, §17). */
function* tableCsvChunks<R>(
  columns: readonly ExportColumn<R>[],
  rows: readonly R[],
  plan: ExportPlan,
  extra?: { keys: readonly string[]; cells: (row: R) => readonly CsvCell[] },
): Generator<string> {
  const tail = planCells(plan);
  function* cells(): Generator<CsvCell[]> {
    for (const row of rows)
      yield [...columns.map((c) => csvValue(c.kind, c.get(row))), ...tail, ...(extra?.cells(row) ?? [])];
  }
  yield* csvChunks([...columns.map((c) => c.key), ...PLAN_COLUMNS, ...(extra?.keys ?? [])], cells());
}

/**
 * The ranking as CSV (UTF-8 with BOM, CRLF, RFC 4180 quoting, text guarded against formulas): ranked
 * hamlets in rank order, then served hamlets (empty rank, tier and score) in input order, each row ending
 * with the plan (`mode`, `scenario`); with an operator or a lens ranking (`opts`), their columns before the
 * plan's, and the rows in the lens ranking's order. Shares are fractions to 4 decimals, areas and distances to 0.1,
 * households to 0.1 (they are fractional when spread by area), VND whole.
 *
 * @example
 * await writeFile('ranking.csv', rankingCsv(result, layers.hamlets, { ids: visibleIds }));
 */
export function rankingCsv(
  result: AnalysisResult,
  hamletsInput: HamletsInput,
  opts: ExportFilter = {},
): string {
  return [...rankingCsvChunks(result, hamletsInput, opts)].join('');
}

/** {@link rankingCsv} a line at a time: the chunks joined are its text exactly. */
export function rankingCsvChunks(
  result: AnalysisResult,
  hamletsInput: HamletsInput,
  opts: ExportFilter = {},
): Generator<string> {
  const measured = measuredById(result);
  return tableCsvChunks(
    [...rankingColumns(opts.units), ...lensColumns(opts)],
    lensOrdered(rankingRows(result, hamletsInput, opts.ids), opts),
    opts.plan ?? BASELINE,
    measured ? { keys: MEASURED_COLUMNS, cells: (row) => measured.get(row.h.id) ?? [] } : undefined,
  );
}

/**
 * The challenge list (hamlets where model and measurements disagree, §17) as CSV through the one writer,
 * one row per hamlet with its reasons and why in words; only the header when the run had no measured layers.
 * @example await writeFile('challenges.csv', challengesCsv(result));
 */
export function challengesCsv(result: AnalysisResult, opts: ExportFilter = {}): string {
  const ids = opts.ids ? new Set(opts.ids) : undefined;
  return csvText(CHALLENGES_CSV_HEADER, challengeRows(result, ids));
}

/**
 * The challenge list as hamlet polygons, each with the columns of `challengesCsv`, to send to an operator.
 * @example challengesGeoJson(result, layers.hamlets).features[0]?.properties?.why
 */
export function challengesGeoJson(
  result: AnalysisResult,
  hamletsInput: HamletsInput,
  opts: ExportFilter = {},
): FeatureCollection<Polygon | MultiPolygon> {
  const ids = opts.ids ? new Set(opts.ids) : undefined;
  const geometry = new Map(hamletsInput.features.map((f) => [String(f.properties.id), f.geometry]));
  const features: Feature<Polygon | MultiPolygon>[] = [];
  for (const row of challengeRows(result, ids)) {
    const g = geometry.get(String(row[0]));
    if (!g) continue;
    features.push({
      type: 'Feature',
      geometry: g,
      properties: Object.fromEntries(CHALLENGES_CSV_HEADER.map((k, i) => [k, row[i] ?? null])),
    });
  }
  return { type: 'FeatureCollection', features };
}

/**
 * Every input hamlet (or those in `ids`) with its own properties kept and the results added in
 * snake_case. Computed `households` replaces an input `households` (they differ when counted from points).
 * `rank` and `tier` are null for served hamlets; `mode` and `scenario` say which plan the numbers describe.
 */
export function hamletsGeoJson(
  result: AnalysisResult,
  hamletsInput: HamletsInput,
  opts: ExportFilter = {},
): FeatureCollection<Polygon | MultiPolygon> {
  return { type: 'FeatureCollection', features: [...hamletFeatures(result, hamletsInput, opts)] };
}

/** The features of {@link hamletsGeoJson}, one at a time in input order. */
export function* hamletFeatures(
  result: AnalysisResult,
  hamletsInput: HamletsInput,
  opts: ExportFilter = {},
): Generator<Feature<Polygon | MultiPolygon>> {
  const { added, rows } = hamletResults(result, hamletsInput, opts);
  for (const [f, values] of rows()) {
    const properties: Record<string, unknown> = { ...f.properties };
    added.keys.forEach((k, i) => {
      if (values[i] !== NOT_ADDED) properties[k] = values[i];
    });
    yield { type: 'Feature', geometry: f.geometry, properties };
  }
}

/**
 * {@link hamletFeatures} as JSON texts, each what `JSON.stringify` writes for that feature, without building
 * it; `more` adds properties after the results (e.g. what reaches the hamlet), by hamlet id.
 *
 * @example
 * featureCollectionChunks(hamletFeatureTexts(result, layers.hamlets)) // hamletsGeoJson's text, in pieces
 */
export function* hamletFeatureTexts(
  result: AnalysisResult,
  hamletsInput: HamletsInput,
  opts: ExportFilter = {},
  more?: { keys: readonly string[]; values(id: string): readonly unknown[] },
): Generator<string> {
  const { added, rows } = hamletResults(result, hamletsInput, opts, more?.keys);
  for (const [f, values, id] of rows()) {
    if (more) values.push(...more.values(id));
    yield featureText(f.geometry, mergedObjectText(f.properties, added, values));
  }
}

type HamletInput = HamletsInput['features'][number];

/**
 * What the hamlets export adds to every input hamlet: the keys, and for each hamlet in input order (those
 * with a result, or in `ids`) its feature, the values (NOT_ADDED where a hamlet has none) and its id.
 */
function hamletResults(
  result: AnalysisResult,
  hamletsInput: HamletsInput,
  opts: ExportFilter,
  moreKeys: readonly string[] = [],
): { added: AddedMembers; rows: () => Generator<[HamletInput, unknown[], string]> } {
  const byId = new Map(
    lensOrdered(rankingRows(result, hamletsInput, opts.ids), opts).map((row) => [row.h.id, row]),
  );
  const extra = [...MARKET_COLUMNS, ...lensColumns(opts)];
  const [mode, scenario] = planCells(opts.plan ?? BASELINE);
  const measured = measuredById(result);
  const units = opts.units;
  const added = addedMembers([
    ...(units ? ['unit_code', 'unit_name', 'unit_overlap_share'] : []),
    ...HAMLET_RESULT_KEYS,
    ...extra.map((c) => c.key),
    'mode',
    'scenario',
    ...(measured ? MEASURED_COLUMNS : []),
    ...moreKeys,
  ]);
  function* rows(): Generator<[HamletInput, unknown[], string]> {
    for (const f of hamletsInput.features) {
      const row = byId.get(String(f.properties.id));
      if (!row) continue;
      const { h, r, cost } = row;
      const values: unknown[] = [];
      if (units) {
        const u = units.get(h.id);
        if (u && u.code !== '') values.push(u.code, u.unitName, round(u.share, 4));
        else values.push(null, null, null);
      }
      values.push(
        round(h.areaM2, 1),
        round(h.classAreaM2.white, 1),
        round(h.classAreaM2.weak, 1),
        round(h.broadbandShare, 4),
        round(h.fibreShare, 4),
        round(h.mbbShare, 4),
        round(h.households, 1),
        round(h.uncoveredHouseholds, 1),
        h.status,
        r?.tier ?? null,
        r ? round(r.score, 4) : null,
        r?.rank ?? null,
        h.distanceToFibreM === null ? null : round(h.distanceToFibreM, 1),
        h.distanceToAccessFibreM === null ? null : round(h.distanceToAccessFibreM, 1),
        h.distanceToBackboneM === null ? null : round(h.distanceToBackboneM, 1),
        cost.recommendedTech,
        round(cost.costVnd, 0),
        cost.costPerHouseholdVnd === null ? null : round(cost.costPerHouseholdVnd, 0),
      );
      for (const c of extra) values.push(csvValue(c.kind, c.get(row)));
      values.push(mode, scenario);
      if (measured) {
        // A hamlet without figures gets none of these (an input property of that name stays).
        const m = measured.get(h.id);
        for (let i = 0; i < MEASURED_COLUMNS.length; i++) values.push(m ? (m[i] ?? null) : NOT_ADDED);
      }
      yield [f, values, h.id];
    }
  }
  return { added, rows };
}

/** The results every hamlet of the export gets, in the order of {@link hamletResults}'s values. */
const HAMLET_RESULT_KEYS = [
  'area_m2',
  'white_area_m2',
  'weak_area_m2',
  'broadband_share',
  'fibre_share',
  'mbb_share',
  'households',
  'uncovered_households',
  'status',
  'tier',
  'score',
  'rank',
  'distance_to_fibre_m',
  'distance_to_access_fibre_m',
  'distance_to_backbone_m',
  'recommended_tech',
  'cost_vnd',
  'cost_per_household_vnd',
] as const;

export const OPERATORS_CSV_HEADER = [
  'hamlet_id',
  'operator',
  'mbb_share',
  'fibre_share',
  'mbb_households',
  'fibre_households',
  ...PLAN_COLUMNS,
] as const;

/**
 * One row per hamlet and operator with MBB or fibre in it (DATA-MODEL §14), hamlets in the result's order,
 * operators by name; shares 0..1 of the hamlet (households, else area); then the plan. Hamlets no operator
 * reaches have no row.
 *
 * @example
 * await writeFile('operators.csv', operatorsCsv(result));
 */
export function operatorsCsv(result: AnalysisResult, opts: Pick<ExportFilter, 'ids' | 'plan'> = {}): string {
  let text = '';
  for (const chunk of operatorsCsvChunks(result, opts)) text += chunk;
  return text;
}

/** {@link operatorsCsv} a line at a time: the chunks joined are its text exactly. */
export function operatorsCsvChunks(
  result: AnalysisResult,
  opts: Pick<ExportFilter, 'ids' | 'plan'> = {},
): Generator<string> {
  const keep = opts.ids ? new Set(opts.ids) : null;
  const tail = planCells(opts.plan ?? BASELINE);
  function* rows(): Generator<CsvCell[]> {
    for (const h of result.hamlets) {
      if (keep && !keep.has(h.id)) continue;
      for (const o of operatorRows(h))
        yield [
          h.id,
          o.operator,
          round(o.mbbShare, 4),
          round(o.fibreShare, 4),
          round(o.mbbHouseholds, 1),
          round(o.fibreHouseholds, 1),
          ...tail,
        ];
    }
  }
  return csvChunks([...OPERATORS_CSV_HEADER], rows());
}

export const SHARING_CSV_HEADER = [
  'site_id',
  'owner_operator',
  'hamlet_ids',
  'households_gained',
  'cost_vnd',
  'cost_per_household_vnd',
  'kind',
  'radius_m',
  ...PLAN_COLUMNS,
] as const;

/**
 * Tower-sharing candidates (`colocation`), in their rank order: the host site, its operator, the hamlets
 * that gain (ids separated by ";", most gained first), households gained, cost and cost per household; then
 * `share` or `upgrade`, the radius the candidate was measured with, and the plan it was measured against.
 *
 * @example
 * await writeFile('sharing.csv', sharingCsv(session.colocation('MobiFone').candidates));
 */
export function sharingCsv(candidates: readonly ColocationCandidate[], plan: ExportPlan = BASELINE): string {
  const tail = planCells(plan);
  return csvText(
    [...SHARING_CSV_HEADER],
    candidates.map((c) => [
      c.siteId,
      c.ownerOperator,
      c.hamlets.map((h) => h.id).join(';'),
      round(c.householdsGained, 1),
      round(c.costVnd, 0),
      round(c.costPerHouseholdVnd, 0),
      c.kind,
      round(c.radiusM, 1),
      ...tail,
    ]),
  );
}

/** The white (vùng trắng) or weak (vùng lõm) polygons, one feature per hamlet that has any. */
export function zonesGeoJson(
  result: AnalysisResult,
  kind: 'white' | 'weak',
  opts: ExportFilter = {},
): FeatureCollection<Polygon | MultiPolygon> {
  return { type: 'FeatureCollection', features: [...zoneFeatures(result, kind, opts)] };
}

/** The features of {@link zonesGeoJson}, one at a time. */
export function* zoneFeatures(
  result: AnalysisResult,
  kind: 'white' | 'weak',
  opts: ExportFilter = {},
): Generator<Feature<Polygon | MultiPolygon>> {
  const keep = opts.ids ? new Set(opts.ids) : null;
  const [mode, scenario] = planCells(opts.plan ?? BASELINE);
  for (const h of result.hamlets) {
    const zone = kind === 'white' ? h.whiteZone : h.weakZone;
    if (!zone || (keep && !keep.has(h.id))) continue;
    yield {
      type: 'Feature',
      geometry: zone,
      properties: {
        hamlet_id: h.id,
        name: h.name,
        commune: h.commune,
        commune_code: h.commune_code,
        district: h.district,
        class: kind,
        area_m2: round(h.classAreaM2[kind], 1),
        households: round(h.classHouseholds[kind], 1),
        mode,
        scenario,
      },
    };
  }
}

export const SUMMARY_CSV_HEADER = [...SUMMARY_COLUMNS.map((c) => c.key), ...PLAN_COLUMNS] as const;

/** The roll-ups of one level, or all in order (province, districts, communes, units). */
export function summaryRows(summary: Summary, level: Rollup['level'] | 'all'): Rollup[] {
  return level === 'province'
    ? [summary.province]
    : level === 'district'
      ? summary.districts
      : level === 'commune'
        ? summary.communes
        : level === 'unit'
          ? (summary.units ?? [])
          : [summary.province, ...summary.districts, ...summary.communes, ...(summary.units ?? [])];
}

/**
 * The area summary as CSV (through the one writer: BOM, CRLF, guarded text) for one level, or all three,
 * each row ending with the plan (`mode`, `scenario`).
 */
export function summaryCsv(
  summary: Summary,
  level: Rollup['level'] | 'all',
  plan: ExportPlan = BASELINE,
): string {
  return tableCsv(SUMMARY_COLUMNS, summaryRows(summary, level), plan);
}

/** The summary as pretty-printed JSON (no BOM: JSON parsers reject one). */
export function summaryJson(summary: Summary): string {
  return JSON.stringify(summary, null, 2) + '\n';
}

/** Ranked rows by rank, then the unranked in input order (with their cost estimated); `ids` filters. */
export function rankingRows(
  result: AnalysisResult,
  hamletsInput: HamletsInput,
  ids?: Iterable<string>,
): RankingRow[] {
  const keep = ids ? new Set(ids) : null;
  const byId = new Map(result.hamlets.map((h) => [h.id, h]));
  const rows: RankingRow[] = [];
  const ranked = new Set<string>();
  for (const r of [...result.ranking].sort((a, b) => a.rank - b.rank)) {
    const h = byId.get(r.id);
    if (!h || (keep && !keep.has(r.id))) continue;
    ranked.add(r.id);
    rows.push({ h, r, cost: r });
  }
  const inputOrder = new Map(hamletsInput.features.map((f, i) => [String(f.properties.id), i]));
  // Each hamlet's place in the input looked up once, not in every comparison (the sort is stable).
  const rest = result.hamlets
    .filter((h) => !ranked.has(h.id) && (!keep || keep.has(h.id)))
    .map((h) => ({ h, at: inputOrder.get(h.id) ?? Infinity }))
    .sort((a, b) => a.at - b.at);
  for (const { h } of rest) rows.push({ h, r: undefined, cost: estimateCost(h, result.summary.settings) });
  return rows;
}

export const UNIT_SPLITS_CSV_HEADER = [
  'hamlet_id',
  'hamlet_name',
  'unit_code',
  'unit_name',
  'share',
  'area_m2',
  'assigned',
  'method',
  'distance_m',
] as const;

/**
 * The hamlets that lie in more than one unit (another unit holds at least `minShare` of them), one row per
 * unit with its share, the unit each went to marked `assigned: yes`; then the hamlets that overlap no
 * unit, with the unit they went to (`method` crosswalk or nearest, share 0) or none (DATA-MODEL §15).
 *
 * @example
 * await writeFile('unit-splits.csv', unitSplitsCsv(assignUnits(hamlets, units)));
 */
export function unitSplitsCsv(a: UnitAssignment, minShare = SPLIT_MIN_SHARE): string {
  const rows: (string | number | null)[][] = [];
  for (const h of splitHamlets(a, minShare)) {
    for (const p of h.parts) {
      if (p.share < minShare && p.code !== h.code) continue;
      rows.push([
        h.id,
        h.name,
        p.code,
        p.name,
        round(p.share, 4),
        round(p.areaM2, 1),
        p.code === h.code ? 'yes' : 'no',
        h.method,
        0,
      ]);
    }
  }
  for (const h of a.hamlets) {
    if (h.method === 'overlap') continue;
    rows.push([
      h.id,
      h.name,
      h.code,
      h.unitName,
      0,
      0,
      h.code ? 'yes' : 'no',
      h.method,
      h.distanceM === null ? null : round(h.distanceM, 1),
    ]);
  }
  return csvText(UNIT_SPLITS_CSV_HEADER, rows);
}
