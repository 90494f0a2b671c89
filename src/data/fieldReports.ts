import type { Feature, FeatureCollection, Point } from 'geojson';
import type { FieldReportProps } from '../analysis/types.ts';
import { LoadError } from './LoadError.ts';
import type { LoadInput, RawFeature } from './types.ts';

/** One field report: a point with its properties (docs/DATA-MODEL.md, "Field reports"). */
export type FieldReport = Feature<Point, FieldReportProps>;

export type ReportResult = FieldReportProps['result'];
export type ReportTech = NonNullable<FieldReportProps['tech']>;

export const REPORT_RESULTS: readonly ReportResult[] = ['no_signal', 'weak', 'ok'];
export const REPORT_TECHS: readonly ReportTech[] = ['2G', '3G', '4G', '5G', 'fixed'];

/** Notes longer than this are cut (a note is a line or two, not a document). */
export const MAX_NOTE_LENGTH = 2000;
const MAX_TEXT = 100;

/**
 * The reports as the GeoJSON a file holds: only the format's properties, in a fixed order, coordinates to
 * ~0.1 m, newest first.
 *
 * @example JSON.stringify(fieldReportsGeoJson(reports)) // '{"type":"FeatureCollection","features":[…]}'
 */
export function fieldReportsGeoJson(
  reports: readonly FieldReport[],
): FeatureCollection<Point, FieldReportProps> {
  return {
    type: 'FeatureCollection',
    features: newestFirst(reports).map((r) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: r.geometry.coordinates.slice(0, 2).map(round6) },
      properties: cleanProps(r.properties),
    })),
  };
}

/** A new list, newest report first (by `time`; equal times by id). */
export function newestFirst(reports: readonly FieldReport[]): FieldReport[] {
  return [...reports].sort(
    (a, b) =>
      Date.parse(b.properties.time) - Date.parse(a.properties.time) ||
      a.properties.id.localeCompare(b.properties.id),
  );
}

export interface ReportMerge {
  reports: FieldReport[];
  /** Ids new to the list, and ids that replaced a report with the same id. */
  added: number;
  updated: number;
}

/**
 * Merges reports by id: an incoming report replaces the one with its id, others are added. Newest first.
 *
 * @example mergeReports(mine, fromFile).added // 3
 */
export function mergeReports(
  existing: readonly FieldReport[],
  incoming: readonly FieldReport[],
): ReportMerge {
  const byId = new Map(existing.map((r) => [r.properties.id, r]));
  let added = 0;
  let updated = 0;
  for (const r of incoming) {
    if (byId.has(r.properties.id)) updated++;
    else added++;
    byId.set(r.properties.id, r);
  }
  return { reports: newestFirst([...byId.values()]), added, updated };
}

export interface ReportsRead {
  reports: FieldReport[];
  /** One line per feature left out, naming it and what is wrong. */
  problems: string[];
}

/**
 * Checks features against the field-report format; a feature that fails is left out with a line saying why,
 * the others are kept. Text fields are trimmed and capped; unknown properties are dropped.
 *
 * @example reportsFromFeatures(json.features).problems // ['feature 2: "result" must be no_signal, weak or ok']
 */
export function reportsFromFeatures(features: readonly RawFeature[]): ReportsRead {
  const reports: FieldReport[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  features.forEach((raw, i) => {
    const checked = checkFeature(raw);
    if (typeof checked === 'string') {
      problems.push(`feature ${i + 1}: ${checked}`);
      return;
    }
    if (seen.has(checked.properties.id)) {
      problems.push(`feature ${i + 1}: id "${checked.properties.id}" appears twice; the first is kept`);
      return;
    }
    seen.add(checked.properties.id);
    reports.push(checked);
  });
  return { reports: newestFirst(reports), problems };
}

/**
 * Reads a GeoJSON file of field reports (through the app's file reader) and checks every feature.
 * A file that is not GeoJSON, or holds no report at all, throws a `LoadError` naming the file and the fix.
 */
export async function readFieldReportsFile(file: LoadInput): Promise<ReportsRead> {
  // The file readers (shapefile, KML, projections) load with the first file read, not with the page.
  const { readLayerFile } = await import('./readFile.ts');
  const parsed = await readLayerFile(file);
  if (parsed.kind !== 'geojson') {
    throw new LoadError(
      file.name,
      'is not a GeoJSON file of field reports.',
      'Choose a .geojson file exported from the field reports list.',
    );
  }
  const read = reportsFromFeatures(parsed.features);
  if (read.reports.length === 0) {
    const first = read.problems[0] ? ` (${read.problems[0]})` : '';
    throw new LoadError(
      file.name,
      `holds no field report${first}.`,
      'Each feature needs a Point, an id, a time (ISO 8601) and a result: no_signal, weak or ok.',
    );
  }
  return read;
}

function checkFeature(raw: RawFeature): FieldReport | string {
  if (!isObject(raw) || raw.type !== 'Feature') return 'not a GeoJSON Feature';
  const g = raw.geometry;
  if (!isObject(g) || g.type !== 'Point' || !Array.isArray(g.coordinates))
    return 'the geometry is not a Point';
  const [lon, lat] = g.coordinates as unknown[];
  if (typeof lon !== 'number' || typeof lat !== 'number' || !Number.isFinite(lon) || !Number.isFinite(lat)) {
    return 'the point has no numeric longitude and latitude';
  }
  if (Math.abs(lon) > 180 || Math.abs(lat) > 90)
    return `the point (${lon}, ${lat}) is not a longitude/latitude`;
  const p = isObject(raw.properties) ? raw.properties : {};
  const id =
    typeof p.id === 'string' || typeof p.id === 'number' ? String(p.id).trim().slice(0, MAX_TEXT) : '';
  if (!id) return 'it has no "id"';
  const time = typeof p.time === 'string' ? p.time.trim() : '';
  if (!time || Number.isNaN(Date.parse(time)))
    return `report "${id}": "time" is not an ISO 8601 date and time`;
  if (!REPORT_RESULTS.includes(p.result as ReportResult)) {
    return `report "${id}": "result" must be no_signal, weak or ok (found ${JSON.stringify(p.result ?? null)})`;
  }
  const props: FieldReportProps = {
    id,
    time: new Date(time).toISOString(),
    result: p.result as ReportResult,
  };
  if (p.operator !== undefined && p.operator !== null && p.operator !== '') {
    if (typeof p.operator !== 'string') return `report "${id}": "operator" is not text`;
    props.operator = p.operator.trim().slice(0, MAX_TEXT);
  }
  if (p.tech !== undefined && p.tech !== null && p.tech !== '') {
    if (!REPORT_TECHS.includes(p.tech as ReportTech)) {
      return `report "${id}": "tech" must be one of ${REPORT_TECHS.join(', ')}`;
    }
    props.tech = p.tech as ReportTech;
  }
  for (const key of ['download_mbps', 'upload_mbps'] as const) {
    const v = p[key];
    if (v === undefined || v === null || v === '') continue;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
      return `report "${id}": "${key}" must be a number of Mb/s, 0 or more`;
    }
    props[key] = v;
  }
  if (p.note !== undefined && p.note !== null && p.note !== '') {
    if (typeof p.note !== 'string') return `report "${id}": "note" is not text`;
    props.note = p.note.slice(0, MAX_NOTE_LENGTH);
  }
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [round6(lon), round6(lat)] },
    properties: props,
  };
}

/** The format's properties only, in its order; absent optional ones left out. */
function cleanProps(p: FieldReportProps): FieldReportProps {
  const out: FieldReportProps = { id: p.id, time: p.time, result: p.result };
  if (p.operator) out.operator = p.operator;
  if (p.tech) out.tech = p.tech;
  if (p.download_mbps !== undefined) out.download_mbps = p.download_mbps;
  if (p.upload_mbps !== undefined) out.upload_mbps = p.upload_mbps;
  if (p.note) out.note = p.note;
  return out;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function round6(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}
