import {
  hamletsGeoJson,
  rankingCsv,
  summaryCsv,
  zonesGeoJson,
  type ExportFilter,
} from '../../analysis/exports.ts';
import type { AnalysisResult, InputLayers, Summary } from '../../analysis/types.ts';
import type { SelectedArea } from '../viewState.ts';
import { exportFileName } from './fileName.ts';

export type ExportKind = 'ranking-csv' | 'ranking-geojson' | 'white-geojson' | 'weak-geojson' | 'summary-csv';
export const EXPORT_KINDS: readonly ExportKind[] = [
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
  date: Date;
  /** The operator lens: its columns, and a lens ranking's order and columns (ranking CSV and GeoJSON). */
  lens?: Pick<ExportFilter, 'operator' | 'lensRanking'>;
}

export interface ExportFile {
  fileName: string;
  mime: string;
  text: string;
  /** Rows or features written, so the UI can say "312 hamlets exported". */
  count: number;
}

const CSV = 'text/csv;charset=utf-8';
const GEOJSON = 'application/geo+json';

/**
 * Builds one export of what the planner is looking at: the filtered ranking (CSV with BOM for Excel, or
 * GeoJSON with geometry), the filtered hamlets' white or weak zones, or the selected area's summary.
 *
 * @example
 * const f = buildExport('ranking-csv', { result, hamlets, ids, area, areaName: 'Huyện Giao Thủy', date: new Date() });
 * f.fileName // 'vungtrang-ranking-huyen-giao-thuy-2026-11-26.csv'
 */
export function buildExport(kind: ExportKind, input: ExportInput): ExportFile {
  const { result, hamlets, ids, areaName, date } = input;
  switch (kind) {
    case 'ranking-csv':
      return {
        fileName: exportFileName('ranking', areaName, date, 'csv'),
        mime: CSV,
        text: rankingCsv(result, hamlets, { ids, ...input.lens }),
        count: ids.length,
      };
    case 'ranking-geojson': {
      const fc = hamletsGeoJson(result, hamlets, { ids, ...input.lens });
      return geojson(exportFileName('ranking', areaName, date, 'geojson'), fc);
    }
    case 'white-geojson':
    case 'weak-geojson': {
      const zone = kind === 'white-geojson' ? 'white' : 'weak';
      const fc = zonesGeoJson(result, zone, { ids });
      return geojson(exportFileName(`${zone}-zones`, areaName, date, 'geojson'), fc);
    }
    case 'summary-csv': {
      const summary = areaSummary(result.summary, input.area);
      return {
        fileName: exportFileName('summary', areaName, date, 'csv'),
        mime: CSV,
        text: summaryCsv(summary, 'all'),
        count: 1 + summary.districts.length + summary.communes.length,
      };
    }
  }
}

function geojson(fileName: string, fc: { features: unknown[] }): ExportFile {
  return { fileName, mime: GEOJSON, text: JSON.stringify(fc), count: fc.features.length };
}

/**
 * The selected area's rows with their context: the province, then the district (and its communes), or the
 * commune and the district it belongs to.
 */
function areaSummary(summary: Summary, area: SelectedArea): Summary {
  if (area.level === 'province') return summary;
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
