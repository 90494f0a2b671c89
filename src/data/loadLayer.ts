import { applyCrs, type CrsSource } from './applyCrs.ts';
import { parseCsvSites } from './csvSites.ts';
import { readFileKind } from './fileKind.ts';
import { LoadError, throwIfAborted } from './LoadError.ts';
import { readGeojson } from './readGeojson.ts';
import { readKml, readKmz } from './readKml.ts';
import { readShapefileZip } from './readShapefile.ts';
import { byteLength, toBytes, toText } from './text.ts';
import {
  MAX_FILE_BYTES,
  type Issue,
  type LoadInput,
  type LoadOptions,
  type LoadResult,
  type RawFeature,
} from './types.ts';
import { validateLayer } from './validateLayer.ts';
import type { LayerRole } from './layerRoles.ts';

interface Parsed {
  features: RawFeature[];
  crs: CrsSource;
  notes: string[];
  preSkipped: Issue[];
  origins?: { index: number; label: string }[];
  encoding?: LoadResult['encoding'];
}

/**
 * Reads one user file (GeoJSON, zipped Shapefile, KML/KMZ or CSV) as a layer of the given role:
 * parse → WGS84 → validate and normalise. Whole-file failures throw a `LoadError`; feature-level
 * problems are in `report`. Pass `signal` to cancel and `onProgress` for a progress bar.
 *
 * @example
 * const { collection, report, crs } = await loadLayer({ name: 'thon.zip', data: bytes }, 'hamlets');
 */
export async function loadLayer(
  file: LoadInput,
  role: LayerRole,
  options: LoadOptions = {},
): Promise<LoadResult> {
  const { name, data } = file;
  const progress = (f: number): void => options.onProgress?.(Math.min(1, Math.max(0, f)));
  progress(0);
  throwIfAborted(options.signal);
  const size = byteLength(data);
  if (size > MAX_FILE_BYTES) {
    throw new LoadError(
      name,
      `is ${(size / 1024 / 1024).toFixed(0)} MB; the limit is ${MAX_FILE_BYTES / 1024 / 1024} MB.`,
      'Split the data into smaller files (for example one district per file) or simplify the geometry.',
    );
  }
  if (size === 0) throw new LoadError(name, 'is empty.', 'Choose a file that contains data.');
  const kind = readFileKind(name, typeof data === 'string' ? data : toBytes(data));
  const parsed = await parse(name, data, kind, options);
  progress(0.3);
  await tick();
  throwIfAborted(options.signal);
  if (parsed.features.length === 0 && parsed.preSkipped.length === 0) {
    throw new LoadError(
      name,
      'contains no features.',
      'Check that you chose the right file, and that the layer is not empty.',
    );
  }
  const { features, crs } = applyCrs(parsed.features, parsed.crs, options.axisOrder, name);
  progress(0.5);
  await tick();
  throwIfAborted(options.signal);
  const { collection, report } = validateLayer({ features }, role, name, {
    ...(options.fields ? { fields: options.fields } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(parsed.origins ? { origins: parsed.origins } : {}),
    onProgress: (f) => progress(0.5 + 0.5 * f),
  });
  const fileNotes: Issue[] = parsed.notes.map((message) => ({
    index: -1,
    message: `${name}: ${message}`,
    fix: 'Nothing to do.',
  }));
  if (crs.note)
    fileNotes.push({ index: -1, message: `${name}: ${crs.note}`, fix: 'Check a few features on the map.' });
  report.warnings.unshift(...fileNotes);
  report.skipped.unshift(...parsed.preSkipped);
  report.total += parsed.preSkipped.length;
  progress(1);
  return { collection, report, crs, kind, ...(parsed.encoding ? { encoding: parsed.encoding } : {}) };
}

async function parse(
  name: string,
  data: LoadInput['data'],
  kind: ReturnType<typeof readFileKind>,
  options: LoadOptions,
): Promise<Parsed> {
  const base = { crs: options.crs ? { chosen: options.crs } : {}, notes: [], preSkipped: [] };
  switch (kind) {
    case 'geojson': {
      const r = readGeojson(toText(data), name);
      const crs: CrsSource = {
        ...base.crs,
        ...(r.crsName ? { fromFile: r.crsName, fileLabel: 'the file\'s "crs" member' } : {}),
      };
      return { ...base, features: r.features, notes: r.notes, crs };
    }
    case 'shapefile-zip': {
      const r = await readShapefileZip(toBytes(data), name);
      const crs: CrsSource = {
        ...base.crs,
        ...(r.prj ? { fromFile: r.prj, fileLabel: 'the .prj file' } : {}),
      };
      return { ...base, features: r.features, notes: r.notes, crs, encoding: r.encoding };
    }
    case 'kml':
      return { ...base, features: readKml(toText(data), name, options.domParser) };
    case 'kmz':
      return { ...base, features: await readKmz(toBytes(data), name, options.domParser) };
    case 'csv': {
      const r = parseCsvSites(toText(data), options.csvColumns, name);
      return { ...base, features: r.collection.features, preSkipped: r.skipped, origins: r.origins };
    }
    case 'project':
      throw new LoadError(
        name,
        'is a Vùng Trắng project file, not a layer.',
        'Open it with "Open project" instead of importing it as a layer.',
      );
    default:
      throw new LoadError(
        name,
        'is not a format that can be read.',
        'Use GeoJSON (.geojson), a zipped Shapefile (.zip with .shp, .dbf, .prj), KML/KMZ, or a CSV of points.',
      );
  }
}

/** Yields to the event loop so a worker can receive a cancel message between phases. */
function tick(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
