import { guardText } from './csv.ts';
import {
  codeLabel,
  RANKING_COLUMNS,
  round,
  SUMMARY_COLUMNS,
  type ColumnKind,
  type ExportColumn,
  type ExportLang,
  type RankingRow,
  type TableValue,
} from './exportTables.ts';
import type { Rollup } from './types.ts';

/** One spreadsheet cell: a value with its number format and style (the XLSX writer's cell options). */
export interface SheetCell {
  value: string | number | null;
  /** Excel number format code, e.g. `#,##0` or `0.0%`. */
  format?: string;
  fontWeight?: 'bold';
  fontSize?: number;
  textColor?: string;
  backgroundColor?: string;
  wrap?: boolean;
  alignVertical?: 'top';
}

/** One sheet of a workbook, library-free: the app and the CLI hand it to the XLSX writer. */
export interface Sheet {
  name: string;
  rows: SheetCell[][];
  /** Column widths in characters. */
  widths: number[];
  /** Rows kept in view when scrolling: the title rows and the header. */
  frozenRows: number;
}

/** What the title rows of every sheet say, already in the reader's language. */
export interface WorkbookTitle {
  lang: ExportLang;
  /** The area the rows belong to, e.g. "Huyện Giao Thủy". */
  areaName: string;
  /** "Hiện trạng" or "Phương án: Hai trạm" (the plan the numbers describe). */
  planLabel: string;
  /** The export's day, formatted for the reader. */
  date: string;
  /** Where the data comes from: "Dữ liệu minh hoạ…" or the imported files. */
  dataNote: string;
}

/** Number formats by column kind. Grouping and decimal marks follow the reader's Excel locale. */
export const XLSX_FORMATS: Partial<Record<ColumnKind, string>> = {
  count: '#,##0',
  households: '#,##0',
  share: '0.0%',
  score: '0.000',
  area: '#,##0',
  distance: '#,##0',
  vnd: '#,##0 "₫"',
};

const WIDTHS: Record<ColumnKind, number> = {
  text: 24,
  count: 9,
  households: 13,
  share: 12,
  score: 10,
  area: 14,
  distance: 14,
  vnd: 17,
  status: 15,
  tech: 17,
  level: 10,
};

const TITLES: Record<'ranking' | 'summary', Record<ExportLang, { title: string; sheet: string }>> = {
  ranking: {
    vi: { title: 'Danh sách thôn ưu tiên đầu tư băng rộng', sheet: 'Xếp hạng' },
    en: { title: 'Hamlets ranked for broadband investment', sheet: 'Ranking' },
  },
  summary: {
    vi: { title: 'Tổng hợp vùng phủ theo đơn vị hành chính', sheet: 'Tổng hợp' },
    en: { title: 'Coverage summary by administrative unit', sheet: 'Summary' },
  },
};

/**
 * A value as a person reads it in a spreadsheet: households, areas, distances and money whole, shares as
 * fractions shown as percentages, codes translated, text guarded against formulas like the CSV's.
 */
export function sheetValue(kind: ColumnKind, v: TableValue, lang: ExportLang): SheetCell {
  if (v === null || v === '') return { value: null };
  if (typeof v === 'string') {
    if (kind === 'status' || kind === 'tech' || kind === 'level') return { value: codeLabel(v, lang) };
    return { value: guardText(v) };
  }
  if (!Number.isFinite(v)) return { value: null };
  const format = XLSX_FORMATS[kind];
  const whole = kind === 'households' || kind === 'area' || kind === 'distance' || kind === 'vnd';
  const value = whole ? round(v, 0) : kind === 'share' ? round(v, 6) : kind === 'score' ? round(v, 4) : v;
  return format ? { value, format } : { value };
}

function table<R>(
  which: 'ranking' | 'summary',
  columns: readonly ExportColumn<R>[],
  rows: readonly R[],
  t: WorkbookTitle,
): Sheet {
  const { title, sheet } = TITLES[which][t.lang];
  const head: SheetCell[][] = [
    [{ value: `${title} — ${t.areaName}`, fontWeight: 'bold', fontSize: 14 }],
    [{ value: t.planLabel, fontWeight: 'bold', fontSize: 12, textColor: '#7A3E00' }],
    [{ value: [t.date, t.dataNote].filter((s) => s !== '').join(' · '), textColor: '#52606D' }],
    [],
    columns.map((c) => ({
      value: c.header[t.lang],
      fontWeight: 'bold',
      backgroundColor: '#E4EBF2',
      wrap: true,
      alignVertical: 'top',
    })),
  ];
  const body = rows.map((row) => columns.map((c) => sheetValue(c.kind, c.get(row), t.lang)));
  return {
    name: sheet,
    rows: [...head, ...body],
    widths: columns.map((c) => (c.key === 'name' ? 28 : WIDTHS[c.kind])),
    frozenRows: head.length,
  };
}

/**
 * The XLSX workbook of an export: the ranked hamlets as the list shows them, and the roll-ups of the
 * selected area (`rankingColumns`: the ranking's columns, e.g. with the hamlets' units). Each sheet opens with title rows (what it is and the area, the plan — baseline or
 * scenario —, the date and the data note), then headers in the reader's language, then the rows.
 *
 * @example
 * const sheets = rankingWorkbook(rankingRows(result, hamlets, ids), summaryRows(summary, 'all'), title);
 */
export function rankingWorkbook(
  ranking: readonly RankingRow[],
  summary: readonly Rollup[],
  t: WorkbookTitle,
  rankingColumns: readonly ExportColumn<RankingRow>[] = RANKING_COLUMNS,
): Sheet[] {
  return [table('ranking', rankingColumns, ranking, t), table('summary', SUMMARY_COLUMNS, summary, t)];
}
