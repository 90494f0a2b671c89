import type { ExportPlan } from '../../analysis/exportTables.ts';
import {
  hamletsGeoJson,
  rankingColumns,
  rankingCsv,
  rankingRows,
  summaryCsv,
  summaryRows,
  zonesGeoJson,
} from '../../analysis/exports.ts';
import type { AnalysisResult, InputLayers, Summary } from '../../analysis/types.ts';
import type { HamletUnit } from '../../analysis/units.ts';
import { rankingWorkbook } from '../../analysis/workbook.ts';
import type { Lang, SelectedArea } from '../viewState.ts';
import { exportFileName } from './fileName.ts';
import { workbookBlob, XLSX_MIME } from './xlsxFile.ts';

export type ExportKind =
  'ranking-xlsx' | 'ranking-csv' | 'ranking-geojson' | 'white-geojson' | 'weak-geojson' | 'summary-csv';
export const EXPORT_KINDS: readonly ExportKind[] = [
  'ranking-xlsx',
  'ranking-csv',
  'ranking-geojson',
  'white-geojson',
  'weak-geojson',
  'summary-csv',
];

export interface ExportInput {
  result: AnalysisResult;
  hamlets: InputLayers['hamlets'];
  /** Hamlets the current filters leave (the ranked list as shown); exports hold only these. */
  ids: readonly string[];
  area: SelectedArea;
  /** Shown name of the selected area, e.g. "Huyện Giao Thủy": it names the file. */
  areaName: string;
  /** Name of the selected area for the summary (the list's name may be narrower, from the filters). */
  summaryAreaName: string;
  /** The province's name from the boundaries, for a summary whose hamlets carry no province. */
  provinceName?: string;
  date: Date;
  /** What `result` describes: written into every file's name and content. */
  plan: ExportPlan;
  /** For the spreadsheet's title rows and headers: the reader's language, the plan's and data's words. */
  lang: Lang;
  planLabel: string;
  dataNote: string;
  /**
   * In the units system: each hamlet's unit (adds unit_code, unit_name, unit_overlap_share) and the roll-ups
   * by unit (the summary export and the workbook's summary sheet).
   */
  units?: { byHamlet: ReadonlyMap<string, HamletUnit>; summary: Summary };
}

export interface ExportFile {
  fileName: string;
  mime: string;
  body: string | Blob;
  /** Rows or features written, so the UI can say "312 hamlets exported". */
  count: number;
}

const CSV = 'text/csv;charset=utf-8';
const GEOJSON = 'application/geo+json';

/**
 * Builds one export of what the planner is looking at, for the plan shown (baseline or scenario): the
 * filtered ranking (an XLSX for people with the area's summary on a second sheet, CSV for tools, or
 * GeoJSON with geometry), the filtered hamlets' white or weak zones, or the selected area's summary.
 *
 * @example
 * const f = await buildExport('ranking-csv', { result, hamlets, ids, area, areaName: 'Huyện Giao Thủy', plan, … });
 * f.fileName // 'vungtrang-ranking-huyen-giao-thuy-baseline-2026-11-26.csv'
 */
export async function buildExport(kind: ExportKind, input: ExportInput): Promise<ExportFile> {
  const { result, hamlets, ids, areaName, date, plan } = input;
  const summary = areaSummary(named(input.units?.summary ?? result.summary, input.provinceName), input.area);
  const units = input.units ? { units: input.units.byHamlet } : {};
  const name = (what: string, ext: string, area = areaName) => exportFileName(what, area, date, ext, plan);
  switch (kind) {
    case 'ranking-xlsx': {
      const rows = rankingRows(result, hamlets, ids);
      const sheets = rankingWorkbook(
        rows,
        summaryRows(summary, 'all'),
        {
          lang: input.lang,
          areaName,
          planLabel: input.planLabel,
          date: new Intl.DateTimeFormat(input.lang === 'vi' ? 'vi-VN' : 'en-GB', {
            dateStyle: 'long',
          }).format(date),
          dataNote: input.dataNote,
        },
        rankingColumns(input.units?.byHamlet),
      );
      return {
        fileName: name('ranking', 'xlsx'),
        mime: XLSX_MIME,
        body: await workbookBlob(sheets),
        count: rows.length,
      };
    }
    case 'ranking-csv':
      return {
        fileName: name('ranking', 'csv'),
        mime: CSV,
        body: rankingCsv(result, hamlets, { ids, plan, ...units }),
        count: ids.length,
      };
    case 'ranking-geojson':
      return geojson(name('ranking', 'geojson'), hamletsGeoJson(result, hamlets, { ids, plan, ...units }));
    case 'white-geojson':
    case 'weak-geojson': {
      const zone = kind === 'white-geojson' ? 'white' : 'weak';
      return geojson(name(`${zone}-zones`, 'geojson'), zonesGeoJson(result, zone, { ids, plan }));
    }
    case 'summary-csv': {
      return {
        fileName: name('summary', 'csv', input.summaryAreaName),
        mime: CSV,
        body: summaryCsv(summary, 'all', plan),
        count: 1 + summary.districts.length + summary.communes.length + (summary.units?.length ?? 0),
      };
    }
  }
}

/** The province row named after the boundaries when the hamlets did not name it ("all"). */
function named(summary: Summary, provinceName: string | undefined): Summary {
  if (!provinceName || summary.province.code !== 'all') return summary;
  return { ...summary, province: { ...summary.province, name: provinceName } };
}

function geojson(fileName: string, fc: { features: unknown[] }): ExportFile {
  return { fileName, mime: GEOJSON, body: JSON.stringify(fc), count: fc.features.length };
}

/**
 * The selected area's rows with their context: the province, then the district (and its communes), or the
 * commune and the district it belongs to.
 */
function areaSummary(summary: Summary, area: SelectedArea): Summary {
  if (area.level === 'province') return summary;
  if (area.level === 'unit') return { ...summary, units: summary.units?.filter((u) => u.code === area.code) };
  if (area.level === 'district') {
    return {
      ...summary,
      districts: summary.districts.filter((d) => d.code === area.code),
      communes: summary.communes.filter((c) => c.parentCode === area.code),
    };
  }
  const communes = summary.communes.filter((c) => c.code === area.code);
  const parents = new Set(communes.map((c) => c.parentCode));
  return { ...summary, districts: summary.districts.filter((d) => parents.has(d.code)), communes };
}
