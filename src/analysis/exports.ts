import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { estimateCost } from './cost.ts';
import { csvText, type CsvCell } from './csv.ts';
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
} from './exportTables.ts';
import { CHALLENGES_CSV_HEADER, challengeRows, MEASURED_COLUMNS, measuredById } from './measuredExports.ts';
import type { AnalysisResult, InputLayers, Rollup, Summary } from './types.ts';

export const RANKING_CSV_HEADER = [...RANKING_COLUMNS.map((c) => c.key), ...PLAN_COLUMNS] as const;

export interface ExportFilter {
  /** Only these hamlet ids (e.g. the rows the app's filters leave); all hamlets when absent. */
  ids?: Iterable<string>;
  /** What the result describes: the baseline (default) or a named scenario; written into every row. */
  plan?: ExportPlan;
}

type HamletsInput = InputLayers['hamlets'];

/**
 * A table as CSV through the one writer: the columns' values as CSV keeps them, then the plan's two cells,
 * then any `extra` columns (the measured ones, §15).
 */
function tableCsv<R>(
  columns: readonly ExportColumn<R>[],
  rows: readonly R[],
  plan: ExportPlan,
  extra?: { keys: readonly string[]; cells: (row: R) => readonly CsvCell[] },
): string {
  const tail = planCells(plan);
  return csvText(
    [...columns.map((c) => c.key), ...PLAN_COLUMNS, ...(extra?.keys ?? [])],
    rows.map((row) => [
      ...columns.map((c) => csvValue(c.kind, c.get(row))),
      ...tail,
      ...(extra?.cells(row) ?? []),
    ]),
  );
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
  const measured = measuredById(result);
  return tableCsv(
    RANKING_COLUMNS,
    rankingRows(result, hamletsInput, opts.ids),
    opts.plan ?? BASELINE,
    measured ? { keys: MEASURED_COLUMNS, cells: (row) => measured.get(row.h.id) ?? [] } : undefined,
  );
}

/**
 * The challenge list (hamlets where model and measurements disagree, §15) as CSV through the one writer,
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
  const byId = new Map(rankingRows(result, hamletsInput, opts.ids).map((row) => [row.h.id, row]));
  const [mode, scenario] = planCells(opts.plan ?? BASELINE);
  const measured = measuredById(result);
  const features: Feature<Polygon | MultiPolygon>[] = [];
  for (const f of hamletsInput.features) {
    const row = byId.get(String(f.properties.id));
    if (!row) continue;
    const { h, r, cost } = row;
    features.push({
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
        ...measuredProps(measured?.get(h.id)),
      },
    });
  }
  return { type: 'FeatureCollection', features };
}

function measuredProps(cells: readonly CsvCell[] | undefined): Record<string, CsvCell> {
  return cells ? Object.fromEntries(MEASURED_COLUMNS.map((k, i) => [k, cells[i] ?? null])) : {};
}

/** The white (vùng trắng) or weak (vùng lõm) polygons, one feature per hamlet that has any. */
export function zonesGeoJson(
  result: AnalysisResult,
  kind: 'white' | 'weak',
  opts: ExportFilter = {},
): FeatureCollection<Polygon | MultiPolygon> {
  const keep = opts.ids ? new Set(opts.ids) : null;
  const [mode, scenario] = planCells(opts.plan ?? BASELINE);
  const features: Feature<Polygon | MultiPolygon>[] = [];
  for (const h of result.hamlets) {
    const zone = kind === 'white' ? h.whiteZone : h.weakZone;
    if (!zone || (keep && !keep.has(h.id))) continue;
    features.push({
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
    });
  }
  return { type: 'FeatureCollection', features };
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
