import type { LensRankedHamlet } from './lensRanking.ts';
import { hamletLens } from './operatorLens.ts';
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
  /** Its place in a lens ranking (DATA-MODEL §14), when the export follows one. */
  lens?: LensRankedHamlet;
}

const col = <R>(
  key: string,
  vi: string,
  en: string,
  kind: ColumnKind,
  get: (row: R) => TableValue,
): ExportColumn<R> => ({ key, header: { vi, en }, kind, get });

/** How many operators give 4G/5G to a hamlet (DATA-MODEL §14): 0, 1, 2 or more; and its market class. */
export const MARKET_COLUMNS: readonly ExportColumn<RankingRow>[] = [
  col(
    'mbb_0op_share',
    'Tỷ lệ hộ chưa nhà mạng nào có 4G/5G',
    'Share with no operator’s MBB',
    'share',
    (x) => x.h.market.shares[0],
  ),
  col(
    'mbb_1op_share',
    'Tỷ lệ hộ có 4G/5G của một nhà mạng',
    'Share with one operator’s MBB',
    'share',
    (x) => x.h.market.shares[1],
  ),
  col(
    'mbb_2op_share',
    'Tỷ lệ hộ có 4G/5G của từ hai nhà mạng',
    'Share with two or more operators’ MBB',
    'share',
    (x) => x.h.market.shares[2],
  ),
  col(
    'mbb_0op_households',
    'Hộ chưa nhà mạng nào có 4G/5G',
    'Households with no operator’s MBB',
    'households',
    (x) => x.h.market.households[0],
  ),
  col(
    'mbb_1op_households',
    'Hộ có 4G/5G của một nhà mạng',
    'Households with one operator’s MBB',
    'households',
    (x) => x.h.market.households[1],
  ),
  col(
    'mbb_2op_households',
    'Hộ có 4G/5G của từ hai nhà mạng',
    'Households with two or more operators’ MBB',
    'households',
    (x) => x.h.market.households[2],
  ),
  col('market_class', 'Số nhà mạng có 4G/5G', 'Market class', 'text', (x) => x.h.market.class),
];

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
  ...MARKET_COLUMNS,
];

/** What a ranking export shows of the operator lens: one operator's columns, a lens ranking's place. */
export interface ExportLens {
  /** One operator's lens: adds its `op_*` columns. */
  operator?: string;
  /**
   * A lens ranking (`rankLens`): adds `lens_preset`, `lens_rank`, `lens_score` and orders the rows by it
   * (its candidates by lens rank, then the other hamlets as without it).
   */
  lensRanking?: { preset: string; rows: readonly LensRankedHamlet[] };
}

/** The ranking's lens columns for `lens`, after RANKING_COLUMNS (none without a lens). */
export function lensColumns(lens: ExportLens): ExportColumn<RankingRow>[] {
  const out: ExportColumn<RankingRow>[] = [];
  const op = lens.operator;
  if (op !== undefined) {
    const of = (x: RankingRow) => hamletLens(x.h, op);
    out.push(
      col('op_mbb_share', `Tỷ lệ hộ có 4G/5G của ${op}`, `${op} MBB share`, 'share', (x) => of(x).mbbShare),
      col(
        'op_gap_households',
        `Hộ chưa có 4G/5G của ${op}`,
        `Households without ${op} MBB`,
        'households',
        (x) => of(x).gapHouseholds,
      ),
      col(
        'op_competitor_only_households',
        'Trong đó: chỉ nhà mạng khác phủ',
        'Of which: competitors only',
        'households',
        (x) => of(x).competitorOnlyHouseholds,
      ),
      col(
        'op_white_households',
        'Trong đó: chưa nhà mạng nào phủ',
        'Of which: no operator',
        'households',
        (x) => of(x).whiteHouseholds,
      ),
    );
  }
  const ranking = lens.lensRanking;
  if (ranking) {
    out.push(
      col('lens_preset', 'Cách xếp hạng', 'Lens ranking', 'text', () => ranking.preset),
      col('lens_rank', 'Hạng (góc nhìn nhà mạng)', 'Lens rank', 'count', (x) => x.lens?.rank ?? null),
      col('lens_score', 'Điểm (góc nhìn nhà mạng)', 'Lens score', 'score', (x) => x.lens?.score ?? null),
    );
  }
  return out;
}

/** Rows in a lens ranking's order: its candidates by lens rank, then the others in their order. */
export function lensOrdered(rows: readonly RankingRow[], lens: ExportLens): RankingRow[] {
  const ranked = lens.lensRanking?.rows;
  if (!ranked) return [...rows];
  const byId = new Map(ranked.map((l) => [l.id, l]));
  const withLens = rows.map((row) => ({ ...row, lens: byId.get(row.h.id) }));
  const first = withLens.filter((x) => x.lens).sort((a, b) => (a.lens?.rank ?? 0) - (b.lens?.rank ?? 0));
  return [...first, ...withLens.filter((x) => !x.lens)];
}

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
