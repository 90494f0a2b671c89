import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { estimateCost } from './cost.ts';
import { CHALLENGES_CSV_HEADER, challengeRows, MEASURED_COLUMNS, measuredById } from './measuredExports.ts';
import type { AnalysisResult, HamletCoverage, InputLayers, RankedHamlet, Rollup, Summary } from './types.ts';

/** Byte-order mark: without it Excel reads UTF-8 CSV as the local code page and garbles "Xóm Đông". */
const BOM = '\uFEFF';
/** RFC 4180 line ending, which Excel on every platform reads. */
const EOL = '\r\n';

export const RANKING_CSV_HEADER = [
  'rank',
  'id',
  'name',
  'commune',
  'district',
  'status',
  'tier',
  'score',
  'households',
  'uncovered_households',
  'white_area_m2',
  'weak_area_m2',
  'broadband_share',
  'fibre_share',
  'mbb_share',
  'distance_to_fibre_m',
  'distance_to_access_fibre_m',
  'distance_to_backbone_m',
  'recommended_tech',
  'cost_vnd',
  'cost_per_household_vnd',
] as const;

export interface ExportFilter {
  /** Only these hamlet ids (e.g. the rows the app's filters leave); all hamlets when absent. */
  ids?: Iterable<string>;
}

type HamletsInput = InputLayers['hamlets'];
type Cell = string | number | null;

/**
 * The ranking as CSV (UTF-8 with BOM, CRLF, RFC 4180 quoting): ranked hamlets in rank order, then
 * served hamlets (empty rank, tier and score) in input order. Shares are fractions to 4 decimals,
 * areas and distances to 0.1, households to 0.1 (they are fractional when spread by area), VND whole.
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
  const lines = [[...RANKING_CSV_HEADER, ...(measured ? MEASURED_COLUMNS : [])].join(',')];
  for (const { h, r, cost } of joinedRows(result, hamletsInput, opts.ids)) {
    const cells: Cell[] = [
      r?.rank ?? null,
      text(h.id),
      text(h.name),
      text(h.commune),
      text(h.district),
      h.status,
      r?.tier ?? null,
      r ? round(r.score, 4) : null,
      round(h.households, 1),
      round(h.uncoveredHouseholds, 1),
      round(h.classAreaM2.white, 1),
      round(h.classAreaM2.weak, 1),
      round(h.broadbandShare, 4),
      round(h.fibreShare, 4),
      round(h.mbbShare, 4),
      h.distanceToFibreM === null ? null : round(h.distanceToFibreM, 1),
      h.distanceToAccessFibreM === null ? null : round(h.distanceToAccessFibreM, 1),
      h.distanceToBackboneM === null ? null : round(h.distanceToBackboneM, 1),
      cost.recommendedTech,
      round(cost.costVnd, 0),
      cost.costPerHouseholdVnd === null ? null : round(cost.costPerHouseholdVnd, 0),
      ...(measured?.get(h.id) ?? []),
    ];
    lines.push(cells.map(csvCell).join(','));
  }
  return BOM + lines.join(EOL) + EOL;
}

/**
 * The challenge list (hamlets where model and measurements disagree) as CSV, one row per hamlet with its
 * reasons and why in words; only the header when the run had no measured layers.
 * @example await writeFile('challenges.csv', challengesCsv(result));
 */
export function challengesCsv(result: AnalysisResult, opts: ExportFilter = {}): string {
  const ids = opts.ids ? new Set(opts.ids) : undefined;
  const lines = [CHALLENGES_CSV_HEADER.join(',')];
  for (const row of challengeRows(result, ids)) {
    // Names come from the user's files: guarded against Excel formulas like the other exports.
    lines.push(row.map((v, i) => csvCell(i <= 3 && typeof v === 'string' ? text(v) : v)).join(','));
  }
  return BOM + lines.join(EOL) + EOL;
}

/**
 * Every input hamlet (or those in `ids`) with its own properties kept and the results added in
 * snake_case. Computed `households` replaces an input `households` (they differ when counted from points).
 * `rank` and `tier` are null for served hamlets.
 */
export function hamletsGeoJson(
  result: AnalysisResult,
  hamletsInput: HamletsInput,
  opts: ExportFilter = {},
): FeatureCollection<Polygon | MultiPolygon> {
  const byId = new Map(joinedRows(result, hamletsInput, opts.ids).map((row) => [row.h.id, row]));
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
        ...measuredProps(measured?.get(h.id)),
      },
    });
  }
  return { type: 'FeatureCollection', features };
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

function measuredProps(cells: Cell[] | undefined): Record<string, Cell> {
  return cells ? Object.fromEntries(MEASURED_COLUMNS.map((k, i) => [k, cells[i] ?? null])) : {};
}

/** The white (vùng trắng) or weak (vùng lõm) polygons, one feature per hamlet that has any. */
export function zonesGeoJson(
  result: AnalysisResult,
  kind: 'white' | 'weak',
  opts: ExportFilter = {},
): FeatureCollection<Polygon | MultiPolygon> {
  const keep = opts.ids ? new Set(opts.ids) : null;
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
      },
    });
  }
  return { type: 'FeatureCollection', features };
}

export const SUMMARY_CSV_HEADER = [
  'level',
  'code',
  'name',
  'parent_code',
  'hamlets',
  'households',
  'households_fibre_mbb',
  'households_fibre_only',
  'households_mbb_only',
  'households_weak',
  'households_white',
  'fibre_households',
  'mbb_households',
  'broadband_households',
  'fibre_share',
  'mbb_share',
  'broadband_share',
  'white_area_m2',
  'weak_area_m2',
  'hamlets_served',
  'hamlets_partial',
  'hamlets_unserved',
  'hamlets_no_fibre',
  'hamlets_no_mbb',
  'target_fibre_progress',
  'target_mbb_progress',
] as const;

/** The area summary as CSV (BOM, CRLF) for one level, or all three (province, districts, communes). */
export function summaryCsv(summary: Summary, level: Rollup['level'] | 'all'): string {
  const rows =
    level === 'province'
      ? [summary.province]
      : level === 'district'
        ? summary.districts
        : level === 'commune'
          ? summary.communes
          : [summary.province, ...summary.districts, ...summary.communes];
  const lines = [SUMMARY_CSV_HEADER.join(',')];
  for (const r of rows) {
    const c = r.householdsByClass;
    const cells: Cell[] = [
      r.level,
      text(r.code),
      text(r.name),
      text(r.parentCode ?? ''),
      r.hamlets,
      round(r.households, 1),
      round(c['fibre+mbb'], 1),
      round(c.fibre, 1),
      round(c.mbb, 1),
      round(c.weak, 1),
      round(c.white, 1),
      round(r.fibreHouseholds, 1),
      round(r.mbbHouseholds, 1),
      round(r.broadbandHouseholds, 1),
      round(r.fibreShare, 4),
      round(r.mbbShare, 4),
      round(r.broadbandShare, 4),
      round(r.whiteAreaM2, 1),
      round(r.weakAreaM2, 1),
      r.hamletsByStatus.served,
      r.hamletsByStatus.partial,
      r.hamletsByStatus.unserved,
      r.hamletsNoFibre,
      r.hamletsNoMbb,
      round(r.targetFibreProgress, 4),
      round(r.targetMbbProgress, 4),
    ];
    lines.push(cells.map(csvCell).join(','));
  }
  return BOM + lines.join(EOL) + EOL;
}

/** The summary as pretty-printed JSON (no BOM: JSON parsers reject one). */
export function summaryJson(summary: Summary): string {
  return JSON.stringify(summary, null, 2) + '\n';
}

interface JoinedRow {
  h: HamletCoverage;
  r: RankedHamlet | undefined;
  cost: Pick<RankedHamlet, 'recommendedTech' | 'costVnd' | 'costPerHouseholdVnd'>;
}

/** Ranked rows by rank, then the unranked in input order; `ids` filters. */
function joinedRows(result: AnalysisResult, hamletsInput: HamletsInput, ids?: Iterable<string>): JoinedRow[] {
  const keep = ids ? new Set(ids) : null;
  const byId = new Map(result.hamlets.map((h) => [h.id, h]));
  const rows: JoinedRow[] = [];
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

function round(n: number, decimals: number): number {
  const f = 10 ** decimals;
  const v = Math.round(n * f) / f;
  return v === 0 ? 0 : v; // no "-0" in output
}

/**
 * Text from the user's files. A leading = + @ (or - before a non-digit) would make Excel run the
 * cell as a formula (CSV injection), so such text gets a leading apostrophe, which Excel hides.
 */
function text(s: string): string {
  return /^[=+@\t\r]|^-[^\d.]/.test(s) ? `'${s}` : s;
}

function csvCell(v: Cell): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
