import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { estimateCost } from './cost.ts';
import { csvChunks } from './csv.ts';
import {
  BASELINE,
  csvValue,
  PLAN_COLUMNS,
  planCells,
  RANKING_COLUMNS,
  round,
  SUMMARY_COLUMNS,
  type ExportColumn,
  type ExportPlan,
  type RankingRow,
  type TableValue,
} from './exportTables.ts';
import type { AnalysisResult, InputLayers, Rollup, Summary } from './types.ts';

export const RANKING_CSV_HEADER = [...RANKING_COLUMNS.map((c) => c.key), ...PLAN_COLUMNS] as const;

export interface ExportFilter {
  /** Only these hamlet ids (e.g. the rows the app's filters leave); all hamlets when absent. */
  ids?: Iterable<string>;
  /** What the result describes: the baseline (default) or a named scenario; written into every row. */
  plan?: ExportPlan;
}

type HamletsInput = InputLayers['hamlets'];

/** A table as CSV through the one writer: the columns' values as CSV keeps them, then the plan's two cells. */
function tableCsv<R>(columns: readonly ExportColumn<R>[], rows: readonly R[], plan: ExportPlan): string {
  let text = '';
  for (const chunk of tableCsvChunks(columns, rows, plan)) text += chunk;
  return text;
}

function* tableCsvChunks<R>(
  columns: readonly ExportColumn<R>[],
  rows: readonly R[],
  plan: ExportPlan,
): Generator<string> {
  const tail = planCells(plan);
  function* cells(): Generator<TableValue[]> {
    for (const row of rows) yield [...columns.map((c) => csvValue(c.kind, c.get(row))), ...tail];
  }
  yield* csvChunks([...columns.map((c) => c.key), ...PLAN_COLUMNS], cells());
}

/**
 * A FeatureCollection as `JSON.stringify(collection) + '\n'` writes it, a feature at a time, so a large
 * export is written without building the collection or its text whole.
 *
 * @example
 * for (const chunk of featureCollectionChunks(hamletFeatures(result, layers.hamlets))) stream.write(chunk);
 */
export function* featureCollectionChunks(features: Iterable<Feature>): Generator<string> {
  yield '{"type":"FeatureCollection","features":[';
  let first = true;
  for (const f of features) {
    yield (first ? '' : ',') + JSON.stringify(f);
    first = false;
  }
  yield ']}\n';
}

/**
 * The ranking as CSV (UTF-8 with BOM, CRLF, RFC 4180 quoting, text guarded against formulas): ranked
 * hamlets in rank order, then served hamlets (empty rank, tier and score) in input order, each row ending
 * with the plan (`mode`, `scenario`). Shares are fractions to 4 decimals, areas and distances to 0.1,
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
  return tableCsv(RANKING_COLUMNS, rankingRows(result, hamletsInput, opts.ids), opts.plan ?? BASELINE);
}

/** {@link rankingCsv} a line at a time: the chunks joined are its text exactly. */
export function rankingCsvChunks(
  result: AnalysisResult,
  hamletsInput: HamletsInput,
  opts: ExportFilter = {},
): Generator<string> {
  return tableCsvChunks(RANKING_COLUMNS, rankingRows(result, hamletsInput, opts.ids), opts.plan ?? BASELINE);
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
  const byId = new Map(rankingRows(result, hamletsInput, opts.ids).map((row) => [row.h.id, row]));
  const [mode, scenario] = planCells(opts.plan ?? BASELINE);
  for (const f of hamletsInput.features) {
    const row = byId.get(String(f.properties.id));
    if (!row) continue;
    const { h, r, cost } = row;
    yield {
      type: 'Feature',
      geometry: f.geometry,
      properties: {
        ...f.properties,
        area_m2: round(h.areaM2, 1),
        white_area_m2: round(h.classAreaM2.white, 1),
        weak_area_m2: round(h.classAreaM2.weak, 1),
        broadband_share: round(h.broadbandShare, 4),
        fibre_share: round(h.fibreShare, 4),
        mbb_share: round(h.mbbShare, 4),
        households: round(h.households, 1),
        uncovered_households: round(h.uncoveredHouseholds, 1),
        status: h.status,
        tier: r?.tier ?? null,
        score: r ? round(r.score, 4) : null,
        rank: r?.rank ?? null,
        distance_to_fibre_m: h.distanceToFibreM === null ? null : round(h.distanceToFibreM, 1),
        distance_to_access_fibre_m:
          h.distanceToAccessFibreM === null ? null : round(h.distanceToAccessFibreM, 1),
        distance_to_backbone_m: h.distanceToBackboneM === null ? null : round(h.distanceToBackboneM, 1),
        recommended_tech: cost.recommendedTech,
        cost_vnd: round(cost.costVnd, 0),
        cost_per_household_vnd: cost.costPerHouseholdVnd === null ? null : round(cost.costPerHouseholdVnd, 0),
        mode,
        scenario,
      },
    };
  }
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

/** The roll-ups of one level, or all three in order (province, districts, communes). */
export function summaryRows(summary: Summary, level: Rollup['level'] | 'all'): Rollup[] {
  return level === 'province'
    ? [summary.province]
    : level === 'district'
      ? summary.districts
      : level === 'commune'
        ? summary.communes
        : [summary.province, ...summary.districts, ...summary.communes];
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
  const rest = result.hamlets
    .filter((h) => !ranked.has(h.id) && (!keep || keep.has(h.id)))
    .sort((a, b) => (inputOrder.get(a.id) ?? Infinity) - (inputOrder.get(b.id) ?? Infinity));
  for (const h of rest) rows.push({ h, r: undefined, cost: estimateCost(h, result.summary.settings) });
  return rows;
}
