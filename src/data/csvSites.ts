import Papa from 'papaparse';
import type { Feature, FeatureCollection, Point } from 'geojson';
import { LoadError } from './LoadError.ts';
import { normaliseKey } from './text.ts';
import type { CsvColumnMapping, Issue } from './types.ts';

type Column = Exclude<keyof CsvColumnMapping, 'radiusUnit'>;

// Normalised header names (see normaliseKey), most specific first.
const CANDIDATES: Record<Column, string[]> = {
  lon: ['lon', 'lng', 'long', 'longitude', 'kinhdo', 'kinhdoe', 'x', 'kd'],
  lat: ['lat', 'latitude', 'vido', 'vidon', 'y', 'vd'],
  id: ['id', 'siteid', 'matram', 'macsht', 'ma', 'code', 'cellid'],
  name: ['name', 'sitename', 'tentram', 'ten', 'tencsht'],
  operator: ['operator', 'nhamang', 'mang', 'nhacungcap', 'carrier', 'doanhnghiep', 'provider'],
  tech: ['tech', 'technology', 'congnghe', 'rat', 'cn', 'band', 'mangdidong'],
  radius: ['radiusm', 'radius', 'bankinhm', 'bankinh', 'bankinhkm', 'radiuskm', 'range', 'rangem'],
  azimuths: ['azimuths', 'azimuth', 'huong', 'gocphuongvi', 'phuongvi'],
  kind: ['kind', 'loai', 'type'],
  count: ['count', 'soho', 'ho', 'households'],
  quadkey: ['quadkey', 'qk', 'quadkeys'],
  tile: ['tile', 'wkt', 'geometry', 'geom', 'thegeom'],
};

/**
 * Guesses which column is which from the headers, Vietnamese or English, with or without
 * diacritics ("Kinh độ", "Kinh do", "lon"). A radius header mentioning km sets `radiusUnit: 'km'`.
 *
 * @example guessCsvColumns(['Kinh do', 'Vi do', 'Nha mang']) // { lon: 'Kinh do', lat: 'Vi do', operator: 'Nha mang', … }
 */
export function guessCsvColumns(headers: string[]): CsvColumnMapping {
  const norm = headers.map((h) => normaliseKey(h));
  const taken = new Set<number>();
  const out: CsvColumnMapping = {};
  const pick = (col: Column, prefix: boolean): void => {
    if (out[col] !== undefined) return;
    for (const cand of CANDIDATES[col]) {
      const i = norm.findIndex(
        (h, j) => !taken.has(j) && (prefix ? h.startsWith(cand) && cand.length >= 3 : h === cand),
      );
      const header = headers[i];
      if (i >= 0 && header !== undefined) {
        out[col] = header;
        taken.add(i);
        return;
      }
    }
  };
  const cols = Object.keys(CANDIDATES) as Column[];
  for (const col of cols) pick(col, false);
  for (const col of cols) pick(col, true);
  if (out.radius) out.radiusUnit = /\(?\bkm\b\)?|km$/i.test(out.radius.trim()) ? 'km' : 'm';
  return out;
}

export interface CsvSitesResult {
  collection: FeatureCollection<Point>;
  headers: string[];
  mapping: CsvColumnMapping;
  /** Rows that could not become points (no coordinates). */
  skipped: Issue[];
  /** For each feature, its 0-based data row and its line in the file (the header is line 1). */
  origins: { index: number; label: string }[];
}

/** A CSV as read: its headers, its rows as text by header, and the delimiter found. */
export interface CsvTable {
  headers: string[];
  rows: Record<string, string>[];
  delimiter: string;
}

/** Parses a CSV with a header row (BOM stripped, headers trimmed); a file with no rows is a LoadError. */
export function readCsvTable(text: string, file: string): CsvTable {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim(),
  });
  const headers = parsed.meta.fields ?? [];
  if (headers.length === 0 || parsed.data.length === 0) {
    throw new LoadError(file, 'has no rows.', 'Choose a CSV with a header row and one row per site.');
  }
  return { headers, rows: parsed.data, delimiter: parsed.meta.delimiter };
}

/**
 * The rows of a read CSV (sites, or any points) as Point features, by the given columns (guessed where
 * not given). Every column is kept as a text property; the mapped ones also become `id`, `name`,
 * `operator`, `tech`, `radius_m`, `azimuths`, `kind`, `count`.
 */
export function csvTableToPoints(
  table: CsvTable,
  mapping: CsvColumnMapping | undefined,
  file: string,
): CsvSitesResult {
  const { headers, rows, delimiter } = table;
  const m = { ...guessCsvColumns(headers), ...mapping };
  if (!m.lon || !m.lat) {
    throw new LoadError(
      file,
      `has no longitude/latitude columns that could be recognised (columns: ${headers.join(', ')}).`,
      'Choose which column holds the longitude (kinh độ) and which the latitude (vĩ độ).',
    );
  }
  const decimalComma = delimiter === ';' || delimiter === '\t';
  const num = (v: string | undefined): number => toNumber(v, decimalComma);
  const features: Feature<Point>[] = [];
  const skipped: Issue[] = [];
  const origins: CsvSitesResult['origins'] = [];
  rows.forEach((row, i) => {
    const lon = num(row[m.lon as string]);
    const lat = num(row[m.lat as string]);
    const id = m.id ? row[m.id]?.trim() : undefined;
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) {
      skipped.push({
        index: i,
        ...(id ? { id } : {}),
        message: `${file}: row ${i + 2}${id ? ` (id ${id})` : ''}: has no usable coordinates ("${row[m.lon as string] ?? ''}", "${row[m.lat as string] ?? ''}").`,
        fix: `Fill in "${m.lon}" and "${m.lat}" as decimal degrees, e.g. 106.1234 and 20.4321.`,
      });
      return;
    }
    const props: Record<string, unknown> = { ...row };
    const text = (col: string | undefined): string | undefined =>
      col ? row[col]?.trim() || undefined : undefined;
    const set = (key: string, v: unknown): void => {
      if (v !== undefined && v !== '' && !(typeof v === 'number' && Number.isNaN(v))) props[key] = v;
    };
    set('id', text(m.id));
    set('name', text(m.name));
    set('operator', text(m.operator));
    set('tech', text(m.tech));
    if (m.radius) {
      const r = num(row[m.radius]);
      set('radius_m', m.radiusUnit === 'km' ? r * 1000 : r);
    }
    set('azimuths', text(m.azimuths));
    set('kind', text(m.kind));
    if (m.count) set('count', num(row[m.count]));
    origins.push({ index: i, label: `row ${i + 2}` });
    features.push({
      type: 'Feature',
      properties: props,
      geometry: { type: 'Point', coordinates: [lon, lat] },
    });
  });
  return { collection: { type: 'FeatureCollection', features }, headers, mapping: m, skipped, origins };
}

/** A number written in a CSV cell ("12.5", "12,5", " 7 "); NaN when it is not one. */
export function readCsvNumber(v: string): number {
  return toNumber(v, false);
}

function toNumber(v: string | undefined, decimalComma: boolean): number {
  if (v === undefined) return NaN;
  let s = v.trim().replace(/\s/g, '');
  if (s === '') return NaN;
  if (decimalComma || /^-?\d+,\d+$/.test(s)) s = s.replace(',', '.');
  return /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s) ? Number(s) : NaN;
}
