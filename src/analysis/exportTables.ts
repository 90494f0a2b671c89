import type { HamletCoverage, HamletStatus, RankedHamlet, RecommendedTech, Rollup } from './types.ts';

/**
 * What the numbers of an export describe: the loaded layers as they are ("Hiện trạng", the baseline), or a
 * what-if scenario applied on top of them, named. Every export says which (DATA-MODEL §10).
 */
export type ExportPlan = { kind: 'baseline' } | { kind: 'scenario'; name: string };

export const BASELINE: ExportPlan = { kind: 'baseline' };

export type ExportLang = 'vi' | 'en';

/**
 * How a column's values are written. CSV keeps exact values for tools (households to 0.1: they are
 * fractional when spread by area); the XLSX is for people: whole households, percentages, grouped digits.
 */
export type ColumnKind =
  | 'text'
  | 'count'
  | 'households'
  | 'share'
  | 'score'
  | 'area'
  | 'distance'
  | 'vnd'
  | 'status'
  | 'tech'
  | 'level';

export type TableValue = string | number | null;

/** One column of a table export: its CSV name (snake_case), its headers for people, how to read it. */
export interface ExportColumn<R> {
  key: string;
  header: Record<ExportLang, string>;
  kind: ColumnKind;
  get(row: R): TableValue;
}

/** A ranked (or served) hamlet with its cost: one row of the ranking exports. */
export interface RankingRow {
  h: HamletCoverage;
  r: RankedHamlet | undefined;
  cost: Pick<RankedHamlet, 'recommendedTech' | 'costVnd' | 'costPerHouseholdVnd'>;
}

const col = <R>(
  key: string,
  vi: string,
  en: string,
  kind: ColumnKind,
  get: (row: R) => TableValue,
): ExportColumn<R> => ({ key, header: { vi, en }, kind, get });

export const RANKING_COLUMNS: readonly ExportColumn<RankingRow>[] = [
  col('rank', 'Hạng', 'Rank', 'count', (x) => x.r?.rank ?? null),
  col('id', 'Mã thôn', 'Hamlet ID', 'text', (x) => x.h.id),
  col('name', 'Tên thôn', 'Hamlet', 'text', (x) => x.h.name),
  col('commune', 'Xã', 'Commune', 'text', (x) => x.h.commune),
  col('district', 'Huyện', 'District', 'text', (x) => x.h.district),
  col('status', 'Tình trạng', 'Status', 'status', (x) => x.h.status),
  col('tier', 'Nhóm', 'Tier', 'count', (x) => x.r?.tier ?? null),
  col('score', 'Điểm ưu tiên', 'Priority score', 'score', (x) => x.r?.score ?? null),
  col('households', 'Số hộ', 'Households', 'households', (x) => x.h.households),
  col(
    'uncovered_households',
    'Hộ chưa có băng rộng',
    'Households without broadband',
    'households',
    (x) => x.h.uncoveredHouseholds,
  ),
  col(
    'white_area_m2',
    'Diện tích vùng trắng (m²)',
    'White zone area (m²)',
    'area',
    (x) => x.h.classAreaM2.white,
  ),
  col('weak_area_m2', 'Diện tích vùng lõm (m²)', 'Weak zone area (m²)', 'area', (x) => x.h.classAreaM2.weak),
  col('broadband_share', 'Tỷ lệ hộ có băng rộng', 'Broadband share', 'share', (x) => x.h.broadbandShare),
  col('fibre_share', 'Tỷ lệ hộ có cáp quang', 'Fibre share', 'share', (x) => x.h.fibreShare),
  col('mbb_share', 'Tỷ lệ hộ có 4G/5G', 'Mobile broadband share', 'share', (x) => x.h.mbbShare),
  col(
    'distance_to_fibre_m',
    'Khoảng cách tới cáp quang gần nhất (m)',
    'Distance to the nearest fibre (m)',
    'distance',
    (x) => x.h.distanceToFibreM,
  ),
  col(
    'distance_to_access_fibre_m',
    'Khoảng cách tới cáp quang truy nhập (m)',
    'Distance to access fibre (m)',
    'distance',
    (x) => x.h.distanceToAccessFibreM,
  ),
  col(
    'distance_to_backbone_m',
    'Khoảng cách tới cáp quang trục (m)',
    'Distance to backbone fibre (m)',
    'distance',
    (x) => x.h.distanceToBackboneM,
  ),
  col('recommended_tech', 'Giải pháp đề xuất', 'Recommended build', 'tech', (x) => x.cost.recommendedTech),
  col('cost_vnd', 'Chi phí ước tính', 'Estimated cost', 'vnd', (x) => x.cost.costVnd),
  col(
    'cost_per_household_vnd',
    'Chi phí mỗi hộ',
    'Cost per household',
    'vnd',
    (x) => x.cost.costPerHouseholdVnd,
  ),
];

export const SUMMARY_COLUMNS: readonly ExportColumn<Rollup>[] = [
  col('level', 'Cấp', 'Level', 'level', (r) => r.level),
  col('code', 'Mã', 'Code', 'text', (r) => r.code),
  col('name', 'Tên', 'Name', 'text', (r) => r.name),
  col('parent_code', 'Mã cấp trên', 'Parent code', 'text', (r) => r.parentCode ?? ''),
  col('hamlets', 'Số thôn', 'Hamlets', 'count', (r) => r.hamlets),
  col('households', 'Số hộ', 'Households', 'households', (r) => r.households),
  col(
    'households_fibre_mbb',
    'Hộ có cáp quang và 4G/5G',
    'Households with fibre and MBB',
    'households',
    (r) => r.householdsByClass['fibre+mbb'],
  ),
  col(
    'households_fibre_only',
    'Hộ chỉ có cáp quang',
    'Households with fibre only',
    'households',
    (r) => r.householdsByClass.fibre,
  ),
  col(
    'households_mbb_only',
    'Hộ chỉ có 4G/5G',
    'Households with MBB only',
    'households',
    (r) => r.householdsByClass.mbb,
  ),
  col(
    'households_weak',
    'Hộ trong vùng lõm',
    'Households in weak zones',
    'households',
    (r) => r.householdsByClass.weak,
  ),
  col(
    'households_white',
    'Hộ trong vùng trắng',
    'Households in white zones',
    'households',
    (r) => r.householdsByClass.white,
  ),
  col('fibre_households', 'Hộ có cáp quang', 'Households with fibre', 'households', (r) => r.fibreHouseholds),
  col('mbb_households', 'Hộ có 4G/5G', 'Households with MBB', 'households', (r) => r.mbbHouseholds),
  col(
    'broadband_households',
    'Hộ có băng rộng',
    'Households with broadband',
    'households',
    (r) => r.broadbandHouseholds,
  ),
  col('fibre_share', 'Tỷ lệ hộ có cáp quang', 'Fibre share', 'share', (r) => r.fibreShare),
  col('mbb_share', 'Tỷ lệ hộ có 4G/5G', 'MBB share', 'share', (r) => r.mbbShare),
  col('broadband_share', 'Tỷ lệ hộ có băng rộng', 'Broadband share', 'share', (r) => r.broadbandShare),
  col('white_area_m2', 'Diện tích vùng trắng (m²)', 'White zone area (m²)', 'area', (r) => r.whiteAreaM2),
  col('weak_area_m2', 'Diện tích vùng lõm (m²)', 'Weak zone area (m²)', 'area', (r) => r.weakAreaM2),
  col('hamlets_served', 'Thôn đã phủ', 'Hamlets served', 'count', (r) => r.hamletsByStatus.served),
  col(
    'hamlets_partial',
    'Thôn phủ một phần',
    'Hamlets partly served',
    'count',
    (r) => r.hamletsByStatus.partial,
  ),
  col('hamlets_unserved', 'Thôn chưa phủ', 'Hamlets unserved', 'count', (r) => r.hamletsByStatus.unserved),
  col(
    'hamlets_no_fibre',
    'Thôn chưa có cáp quang',
    'Hamlets without fibre',
    'count',
    (r) => r.hamletsNoFibre,
  ),
  col('hamlets_no_mbb', 'Thôn chưa có 4G/5G', 'Hamlets without MBB', 'count', (r) => r.hamletsNoMbb),
  col(
    'target_fibre_progress',
    'Tiến độ mục tiêu cáp quang',
    'Fibre target progress',
    'share',
    (r) => r.targetFibreProgress,
  ),
  col(
    'target_mbb_progress',
    'Tiến độ mục tiêu 4G/5G',
    'MBB target progress',
    'share',
    (r) => r.targetMbbProgress,
  ),
];

/** The two columns every table export ends with in CSV: which plan the numbers describe. */
export const PLAN_COLUMNS = ['mode', 'scenario'] as const;

/** The plan's CSV cells: `baseline` with an empty name, or `scenario` and its name. */
export function planCells(plan: ExportPlan): [string, string] {
  return plan.kind === 'baseline' ? ['baseline', ''] : ['scenario', plan.name];
}

/** A value as CSV writes it: exact for tools (shares to 4 decimals, households, areas and metres to 0.1). */
export function csvValue(kind: ColumnKind, v: TableValue): TableValue {
  if (typeof v !== 'number') return v;
  switch (kind) {
    case 'share':
    case 'score':
      return round(v, 4);
    case 'households':
    case 'area':
    case 'distance':
      return round(v, 1);
    case 'vnd':
      return round(v, 0);
    default:
      return v;
  }
}

const LABELS: Record<ExportLang, Record<HamletStatus | RecommendedTech | Rollup['level'], string>> = {
  vi: {
    served: 'Đã phủ',
    partial: 'Phủ một phần',
    unserved: 'Chưa phủ',
    fibre: 'Kéo cáp quang',
    '4G site': 'Trạm 4G mới',
    none: 'Không cần',
    province: 'Tỉnh',
    district: 'Huyện',
    commune: 'Xã',
    unit: 'Xã/phường',
  },
  en: {
    served: 'Served',
    partial: 'Partly served',
    unserved: 'Unserved',
    fibre: 'Fibre extension',
    '4G site': 'New 4G site',
    none: 'None needed',
    province: 'Province',
    district: 'District',
    commune: 'Commune',
    unit: 'Commune/ward',
  },
};

/** A coded value (status, recommended build, level) as people read it. */
export function codeLabel(code: string, lang: ExportLang): string {
  return (LABELS[lang] as Record<string, string>)[code] ?? code;
}

export function round(n: number, decimals: number): number {
  const f = 10 ** decimals;
  const v = Math.round(n * f) / f;
  return v === 0 ? 0 : v; // no "-0" in output
}
