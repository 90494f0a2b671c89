import type { Feature, FeatureCollection, Polygon, Position } from 'geojson';
import { guessCsvColumns, readCsvNumber, type CsvTable } from './csvSites.ts';
import type { FieldKey, LayerRole } from './layerRoles.ts';
import { LoadError } from './LoadError.ts';
import { normaliseTech } from './normaliseProps.ts';
import { quadkeyBounds } from './quadkey.ts';
import { normaliseKey } from './text.ts';
import type { CsvColumnMapping, FieldMapping, Issue } from './types.ts';

/** Speed-test tiles, mobile or fixed; the other measured roles are points. */
type TileRole = 'mobileTests' | 'fixedTests';
type MeasuredRole = TileRole | 'speedPoints' | 'fieldReports';

const TILE_FIX =
  'Give each row its tile as a quadkey (digits 0–3, e.g. 1322101301313113) in a "quadkey" column, or as WKT (POLYGON ((lon lat, …))) in a "tile" column.';

/**
 * The file name says which kind of tests a tile file holds (the open-data files are named …_fixed_tiles…
 * and …_mobile_tiles…): fixed when it mentions fixed lines, mobile otherwise. The user confirms it.
 * @example tileRoleFromName('2026-q1_performance_fixed_tiles.csv') // 'fixedTests'
 */
export function tileRoleFromName(name: string): TileRole {
  const base = name.split(/[\\/]/).pop() ?? name;
  const words = base
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
  return /fixed|co[\s_-]*dinh|codinh|ftth|wired|broadband/.test(words) ? 'fixedTests' : 'mobileTests';
}

/**
 * What a file of speed tests or field reports is, from its column names (compared without case, accents
 * or punctuation) and its name; null when it looks like none of them.
 * @example guessMeasuredRole('fixed_tiles.csv', ['quadkey', 'avg_d_kbps', 'tests']) // 'fixedTests'
 */
export function guessMeasuredRole(name: string, columns: readonly string[]): MeasuredRole | null {
  const keys = new Set(columns.map((c) => normaliseKey(c)));
  if (keys.has('quadkey') || (keys.has('avgdkbps') && keys.has('tests'))) return tileRoleFromName(name);
  if (keys.has('downloadmbps') || keys.has('uploadmbps')) return 'speedPoints';
  if (keys.has('result') && keys.has('time') && !keys.has('downloadmbps')) return 'fieldReports';
  return null;
}

/** The rows of a read CSV as tile polygons, from the `quadkey` column or the WKT `tile` column. */
export function csvTableToTiles(
  table: CsvTable,
  mapping: CsvColumnMapping | undefined,
  file: string,
): {
  collection: FeatureCollection<Polygon>;
  skipped: Issue[];
  origins: { index: number; label: string }[];
} {
  const m = { ...guessCsvColumns(table.headers), ...mapping };
  if (!m.quadkey && !m.tile) {
    throw new LoadError(
      file,
      `has no "quadkey" or "tile" column to place its tiles (columns: ${table.headers.join(', ')}).`,
      `${TILE_FIX} Or choose the column in the import dialog.`,
    );
  }
  const features: Feature<Polygon>[] = [];
  const skipped: Issue[] = [];
  const origins: { index: number; label: string }[] = [];
  table.rows.forEach((row, i) => {
    const key = m.quadkey ? (row[m.quadkey] ?? '').trim() : '';
    const wkt = m.tile ? (row[m.tile] ?? '').trim() : '';
    const label = `row ${i + 2}`;
    let ring: Position[] | null = null;
    let why = '';
    if (key) {
      ring = quadkeyRing(key);
      if (!ring) why = `has "${key.slice(0, 30)}" in "${m.quadkey}", which is not a quadkey`;
    } else if (wkt) {
      ring = wktRing(wkt);
      if (!ring) why = `has "${wkt.slice(0, 40)}" in "${m.tile}", which is not a WKT polygon`;
    } else why = `has no tile (${[m.quadkey, m.tile].filter(Boolean).join(' and ')} empty)`;
    if (!ring) {
      skipped.push({
        index: i,
        ...(key ? { id: key } : {}),
        message: `${file}: ${label}: ${why}.`,
        fix: TILE_FIX,
      });
      return;
    }
    origins.push({ index: i, label });
    features.push({
      type: 'Feature',
      properties: { ...row, ...(key ? { quadkey: key } : {}) },
      geometry: { type: 'Polygon', coordinates: [ring] },
    });
  });
  return { collection: { type: 'FeatureCollection', features }, skipped, origins };
}

/** A quadkey's tile as a closed lon/lat ring (west–south corner first), or null if it is not one. */
export function quadkeyRing(key: string): Position[] | null {
  // Zoom 1 to 23: deeper tiles are smaller than a metre and no open data uses them.
  if (!/^[0-3]{1,23}$/.test(key)) return null;
  const [w, s, e, n] = quadkeyBounds(key);
  return [
    [w, s],
    [e, s],
    [e, n],
    [w, n],
    [w, s],
  ];
}

/** The outer ring of a WKT `POLYGON ((x y, …))` (or its first polygon of a MULTIPOLYGON); null otherwise. */
function wktRing(text: string): Position[] | null {
  const match = /^\s*(?:SRID=\d+;\s*)?(MULTI)?POLYGON\s*\(\s*\(\s*(?:\(\s*)?([^()]*)\)/i.exec(text);
  if (!match?.[2]) return null;
  const ring: Position[] = [];
  for (const pair of match[2].split(',')) {
    const xy = pair.trim().split(/\s+/).map(Number);
    if (xy.length < 2 || !Number.isFinite(xy[0]) || !Number.isFinite(xy[1])) return null;
    ring.push([xy[0] as number, xy[1] as number]);
  }
  if (ring.length < 4) return null;
  return ring;
}

/** Fields a measured layer cannot be read without; the load stops naming them when none is found. */
const REQUIRED: Record<MeasuredRole, readonly FieldKey[]> = {
  mobileTests: ['avg_d_kbps', 'avg_u_kbps', 'avg_lat_ms', 'tests'],
  fixedTests: ['avg_d_kbps', 'avg_u_kbps', 'avg_lat_ms', 'tests'],
  speedPoints: ['download_mbps'],
  fieldReports: ['result'],
};

export function isMeasuredRole(role: LayerRole): role is MeasuredRole {
  return Object.hasOwn(REQUIRED, role);
}

/**
 * A measured layer without a column it needs is refused whole, with the columns it has and the fix.
 * @example checkRequiredFields('mobileTests', { tests: 'tests' }, ['quadkey', 'tests'], 'tiles.csv') // throws: no avg_d_kbps, …
 */
export function checkRequiredFields(
  role: LayerRole,
  fields: FieldMapping,
  columns: readonly string[],
  file: string,
): void {
  if (!isMeasuredRole(role)) return;
  const missing = REQUIRED[role].filter((k) => fields[k] === undefined);
  if (missing.length === 0) return;
  throw new LoadError(
    file,
    `has no ${missing.map((k) => `"${k}"`).join(', ')} column${missing.length > 1 ? 's' : ''}, which ${
      role === 'speedPoints'
        ? 'speed-test points'
        : role === 'fieldReports'
          ? 'field reports'
          : 'speed-test tiles'
    } need (columns: ${columns.join(', ') || 'none'}).`,
    'Add the column, or choose which column holds it in the import dialog (the open-data layout: quadkey, avg_d_kbps, avg_u_kbps, avg_lat_ms, tests, devices).',
  );
}

export interface MeasuredOutcome {
  props: Record<string, unknown>;
  skip?: { message: string; fix: string };
  warnings: { message: string; fix: string }[];
}

/**
 * Normalised properties of a speed-test tile, point or field report (docs/DATA-MODEL.md §17): numbers as
 * numbers, `result` and `tech` as their words. A tile without tests or with a negative or missing speed,
 * a point with a negative speed or neither a result nor a speed, a report without a result are skipped
 * with the reason and the fix; everything else is kept.
 */
export function normaliseMeasured(
  raw: Record<string, unknown>,
  role: MeasuredRole,
  fields: FieldMapping,
): MeasuredOutcome {
  const props: Record<string, unknown> = { ...raw };
  const warnings: MeasuredOutcome['warnings'] = [];
  const src = (k: FieldKey): string => fields[k] ?? k;
  const value = (k: FieldKey): unknown => (fields[k] === undefined ? undefined : raw[fields[k]]);
  const text = (k: FieldKey): string | undefined => {
    const v = value(k);
    const s = typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '';
    return s === '' ? undefined : s;
  };
  /** A number ≥ 0, null when empty, or the reason it is not one. */
  const number = (k: FieldKey): number | null | string => {
    const v = value(k);
    if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) return null;
    const n = typeof v === 'number' ? v : readCsvNumber(String(v));
    if (!Number.isFinite(n)) return `"${String(v).slice(0, 30)}" in "${src(k)}" is not a number`;
    if (n < 0) return `${n} in "${src(k)}" is negative`;
    return n;
  };
  const skip = (message: string, fix: string): MeasuredOutcome => ({
    props,
    warnings,
    skip: { message, fix },
  });

  if (role === 'mobileTests' || role === 'fixedTests') {
    const key = text('quadkey');
    if (key !== undefined) props.quadkey = key;
    for (const k of ['avg_d_kbps', 'avg_u_kbps', 'avg_lat_ms', 'tests', 'devices'] as const) {
      const n = number(k);
      if (typeof n === 'string')
        return skip(
          `${n}`,
          `Write "${src(k)}" as a number of 0 or more (kbit/s, ms, counts), or delete the row.`,
        );
      if (n === null) {
        if (k === 'devices') continue;
        return skip(`has no value in "${src(k)}"`, `Fill in "${src(k)}", or delete the row.`);
      }
      props[k] = n;
    }
    if (props.tests === 0)
      return skip(
        'has 0 tests, so nothing was measured there',
        'Nothing to do: a tile without tests adds nothing; the open-data files leave such tiles out.',
      );
    if (typeof props.devices === 'number' && props.devices > (props.tests as number))
      warnings.push({
        message: `has more devices (${String(props.devices)}) than tests (${String(props.tests)})`,
        fix: 'Check the "devices" and "tests" columns; the tile is used as it is.',
      });
    return { props, warnings };
  }

  if (role === 'speedPoints') {
    for (const k of ['download_mbps', 'upload_mbps', 'latency_ms'] as const) {
      const n = number(k);
      if (typeof n === 'string')
        return skip(n, `Write "${src(k)}" in Mb/s (ms for latency), 0 or more, or leave it empty.`);
      if (n === null) delete props[k];
      else props[k] = n;
    }
    const result = pointResult(text('result'));
    if (result === 'bad')
      return skip(
        `has the result "${text('result') ?? ''}" in "${src('result')}"`,
        'Write "ok", or "no_service" where the test found no mobile data.',
      );
    const r = result ?? (props.download_mbps !== undefined ? 'ok' : null);
    if (!r)
      return skip(
        'has neither a result nor a download speed',
        `Fill in "${src('download_mbps')}", or "${src('result')}" (ok or no_service).`,
      );
    props.result = r;
    if (r === 'ok' && props.download_mbps === undefined)
      warnings.push({
        message: 'has the result "ok" but no download speed; it counts as a test without a figure',
        fix: `Fill in "${src('download_mbps')}".`,
      });
    setTech(props, text('tech'));
    setText(props, 'operator', text('operator'));
    setText(props, 'time', text('time'));
    return { props, warnings };
  }

  const result = reportResult(text('result'));
  if (!result)
    return skip(
      text('result') === undefined
        ? `has no result in "${src('result')}"`
        : `has the result "${text('result') ?? ''}" in "${src('result')}"`,
      'Write "no_signal", "weak" or "ok".',
    );
  props.result = result;
  const time = text('time');
  if (time === undefined || Number.isNaN(Date.parse(time)))
    warnings.push({
      message:
        time === undefined ? 'has no time' : `has the time "${time.slice(0, 30)}", which is not a date`,
      fix: 'Write the time as ISO 8601, e.g. 2026-03-14T16:21:05+07:00; the report is used as it is.',
    });
  props.time = time ?? '';
  const id = text('id');
  if (id !== undefined) props.id = id;
  for (const k of ['download_mbps', 'upload_mbps'] as const) {
    const n = number(k);
    if (typeof n === 'number') props[k] = n;
    else delete props[k];
  }
  setTech(props, text('tech'));
  setText(props, 'operator', text('operator'));
  setText(props, 'note', text('note'));
  return { props, warnings };
}

function setText(props: Record<string, unknown>, key: string, v: string | undefined): void {
  if (v === undefined) delete props[key];
  else props[key] = v;
}

function setTech(props: Record<string, unknown>, v: string | undefined): void {
  if (v === undefined) return void delete props.tech;
  if (/fixed|co\s*dinh|cố\s*định|ftth|cable|dsl|adsl|fibre|fiber|cap\s*quang|cáp\s*quang/i.test(v)) {
    props.tech = 'fixed';
    return;
  }
  const techs = normaliseTech(v)?.split(',');
  // The highest generation named: a "4G/5G" test ran on 5G.
  const best = techs?.[techs.length - 1];
  if (best) props.tech = best;
  else delete props.tech;
}

/** ok / no_service from the words people use; null when empty, 'bad' when it is something else. */
function pointResult(v: string | undefined): 'ok' | 'no_service' | null | 'bad' {
  if (v === undefined) return null;
  const s = v.toLowerCase().replace(/[\s-]+/g, '_');
  if (/^(ok|success|completed|done|tot|tốt)$/.test(s)) return 'ok';
  if (/^(no_?service|no_?signal|none|fail(ed)?|mat_?song|mất_?sóng|khong_?co_?song|không_?có_?sóng)$/.test(s))
    return 'no_service';
  return 'bad';
}

function reportResult(v: string | undefined): 'no_signal' | 'weak' | 'ok' | null {
  if (v === undefined) return null;
  const s = v.toLowerCase().replace(/[\s-]+/g, '_');
  if (/^(no_?signal|no_?service|none|mat_?song|mất_?sóng|khong_?co_?song|không_?có_?sóng)$/.test(s))
    return 'no_signal';
  if (/^(weak|poor|yeu|yếu|song_?yeu|sóng_?yếu)$/.test(s)) return 'weak';
  if (/^(ok|good|tot|tốt)$/.test(s)) return 'ok';
  return null;
}
