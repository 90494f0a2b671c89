import { inspectCoordinates, type CoordinateLook } from './coordinates.ts';
import { resolveCrs } from './crs.ts';
import { guessCsvColumns, type CsvTable } from './csvSites.ts';
import { LAYER_ROLES, type LayerRole } from './layerRoles.ts';
import { readLayerFile, type ParsedFile } from './readFile.ts';
import { guessFields, guessRole } from './roles.ts';
import { csvTableToTiles, guessMeasuredRole } from './speedTests.ts';
import type { CsvColumnMapping, FieldMapping, FileKind, LoadInput, RawFeature } from './types.ts';

/** What the import dialog needs to know about a file before the user confirms role, fields and CRS. */
export interface ProbeResult {
  name: string;
  kind: FileKind;
  featureCount: number;
  /** Property (or CSV column) names found in the first features. */
  properties: string[];
  /** The first few features' properties as text, to help the user map fields. */
  samples: Record<string, string>[];
  role: LayerRole;
  /** Guessed field mapping for every role, so changing the role re-guesses instantly. */
  fields: Record<LayerRole, FieldMapping>;
  csv?: { headers: string[]; columns: CsvColumnMapping };
  coordinates: CoordinateLook['order'];
  bbox: CoordinateLook['bbox'];
  /** Name of the coordinate system the file declares (.prj or GeoJSON `crs`), if any. */
  declaredCrs: string | null;
}

const SAMPLE_ROWS = 3;

/**
 * Reads a file far enough to guess what it is: kind, role, fields, CSV columns, and whether its
 * coordinates look like degrees, swapped degrees or metres. Throws `LoadError` for unreadable files.
 *
 * @example const probe = await probeFile({ name: 'thon.zip', data: bytes }); probe.role // 'hamlets'
 */
export async function probeFile(file: LoadInput): Promise<ProbeResult> {
  return probeParsed(await readLayerFile(file));
}

/** The guesses of `probeFile` for a file already read; `layerFromFile` then loads it without reading it again. */
export function probeParsed(parsed: ParsedFile): ProbeResult {
  let features: RawFeature[] = [];
  let declaredCrs: string | null = null;
  let csv: ProbeResult['csv'];
  if (parsed.kind === 'csv') {
    const r = probeCsv(parsed.table, parsed.name);
    features = r.features;
    csv = { headers: parsed.table.headers, columns: r.columns };
  } else if (parsed.kind !== 'project') {
    features = parsed.features;
    declaredCrs = parsed.declared ? crsLabel(parsed.declared.crs, parsed.name) : null;
  }
  const look = inspectCoordinates(features);
  const fields = Object.fromEntries(LAYER_ROLES.map((r) => [r, guessFields({ features }, r)])) as Record<
    LayerRole,
    FieldMapping
  >;
  const samples = features.slice(0, SAMPLE_ROWS).map(propsAsText);
  return {
    name: parsed.name,
    kind: parsed.kind,
    featureCount: features.length,
    properties: [...new Set(samplesKeys(features))],
    samples,
    role:
      guessMeasuredRole(parsed.name, parsed.kind === 'csv' ? parsed.table.headers : samplesKeys(features)) ??
      (parsed.kind === 'csv' ? csvRole(csv?.columns) : guessRole({ features })),
    fields,
    ...(csv ? { csv } : {}),
    coordinates: look.order,
    bbox: look.bbox,
    declaredCrs,
  };
}

function crsLabel(text: string, file: string): string {
  try {
    return resolveCrs(text, file).label;
  } catch {
    // An unreadable .prj is reported by the real load with its fix; the probe only names it.
    return text.slice(0, 80);
  }
}

function csvRole(columns: CsvColumnMapping | undefined): LayerRole {
  if (!columns) return 'sites';
  if (columns.tech || columns.radius || columns.operator) return 'sites';
  if (columns.count) return 'households';
  if (columns.kind) return 'facilities';
  return 'sites';
}

/**
 * CSV rows as points (from the guessed lon/lat columns), or as tiles for a file of speed-test tiles, so
 * coordinates can be judged.
 */
function probeCsv(table: CsvTable, name: string): { columns: CsvColumnMapping; features: RawFeature[] } {
  const columns = guessCsvColumns(table.headers);
  if ((columns.quadkey || columns.tile) && !(columns.lon && columns.lat)) {
    const tiles = csvTableToTiles(table, columns, name).collection.features;
    return { columns, features: tiles };
  }
  const features: RawFeature[] = table.rows.map((row) => {
    const x = cellNumber(row, columns.lon);
    const y = cellNumber(row, columns.lat);
    return {
      type: 'Feature',
      properties: row,
      geometry: Number.isFinite(x) && Number.isFinite(y) ? { type: 'Point', coordinates: [x, y] } : null,
    };
  });
  return { columns, features };
}

function cellNumber(row: Record<string, string>, column: string | undefined): number {
  const cell = column ? row[column]?.trim().replace(',', '.') : undefined;
  return cell ? Number(cell) : NaN;
}

function propsOf(f: RawFeature): Record<string, unknown> | null {
  const p = typeof f === 'object' && f !== null ? (f as { properties?: unknown }).properties : null;
  return typeof p === 'object' && p !== null && !Array.isArray(p) ? (p as Record<string, unknown>) : null;
}

function samplesKeys(features: RawFeature[]): string[] {
  return features.slice(0, 200).flatMap((f) => Object.keys(propsOf(f) ?? {}));
}

function propsAsText(f: RawFeature): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(propsOf(f) ?? {})) {
    out[k] = typeof v === 'string' ? v : v === null || v === undefined ? '' : JSON.stringify(v);
  }
  return out;
}
