import { readCsvTable, type CsvTable } from './csvSites.ts';
import { readFileKind } from './fileKind.ts';
import { LoadError } from './LoadError.ts';
import { readGeojson } from './readGeojson.ts';
import { readKml, readKmz } from './readKml.ts';
import { readShapefileZip } from './readShapefile.ts';
import { byteLength, toBytes, toText } from './text.ts';
import { MAX_FILE_BYTES, type FileKind, type LoadInput, type LoadResult, type RawFeature } from './types.ts';

/** A file of features read by its format's reader, before a role, fields or a CRS are applied. */
export interface FeatureFile {
  kind: 'geojson' | 'shapefile-zip' | 'kml' | 'kmz';
  name: string;
  features: RawFeature[];
  /** The coordinate system the file declares (.prj text or a GeoJSON `crs` name), and where. */
  declared?: { crs: string; where: string };
  /** Things about the file as a whole a user should know (e.g. "the zip holds 2 layers"). */
  notes: string[];
  /** How text was decoded (Shapefile .dbf only). */
  encoding?: LoadResult['encoding'];
}

/** A CSV read as a table: its rows become points once the columns are known. */
export interface CsvFile {
  kind: 'csv';
  name: string;
  table: CsvTable;
}

/** A Vùng Trắng project file: opened with "Open project", never read as a layer. */
export interface ProjectFileRef {
  kind: 'project';
  name: string;
}

/** A file as its format's reader left it: probing and loading both start from this. */
export type ParsedFile = FeatureFile | CsvFile | ProjectFileRef;

type Reader = (name: string, data: LoadInput['data']) => ParsedFile | Promise<ParsedFile>;

/** One reader per format. */
const READERS: Record<Exclude<FileKind, 'unknown'>, Reader> = {
  geojson(name, data) {
    const r = readGeojson(toText(data), name);
    const declared = r.crsName ? { declared: { crs: r.crsName, where: 'the file\'s "crs" member' } } : {};
    return { kind: 'geojson', name, features: r.features, notes: r.notes, ...declared };
  },
  async 'shapefile-zip'(name, data) {
    const r = await readShapefileZip(toBytes(data), name);
    const declared = r.prj ? { declared: { crs: r.prj, where: 'the .prj file' } } : {};
    return {
      kind: 'shapefile-zip',
      name,
      features: r.features,
      notes: r.notes,
      encoding: r.encoding,
      ...declared,
    };
  },
  kml: (name, data) => ({ kind: 'kml', name, features: readKml(toText(data), name), notes: [] }),
  async kmz(name, data) {
    return { kind: 'kmz', name, features: await readKmz(toBytes(data), name), notes: [] };
  },
  csv: (name, data) => ({ kind: 'csv', name, table: readCsvTable(toText(data), name) }),
  project: (name) => ({ kind: 'project', name }),
};

/**
 * Reads one user file with the reader for its format (told by `readFileKind` from its name and first
 * bytes). Files too big, empty, or of no known format throw a `LoadError` naming the file and the fix.
 *
 * @example const parsed = await readLayerFile({ name: 'thon.zip', data: bytes }); parsed.kind // 'shapefile-zip'
 */
export async function readLayerFile(file: LoadInput): Promise<ParsedFile> {
  const { name, data } = file;
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
  if (kind === 'unknown') {
    throw new LoadError(
      name,
      'is not a format that can be read.',
      'Use GeoJSON (.geojson), a zipped Shapefile (.zip with .shp, .dbf, .prj), KML/KMZ, or a CSV of points.',
    );
  }
  try {
    return await READERS[kind](name, data);
  } catch (e) {
    // The readers check nesting first; this is the net under anything they missed.
    if (e instanceof RangeError) {
      throw new LoadError(
        name,
        `is nested too deeply or is too large to read (${e.message}).`,
        'Export the layer again from your GIS, or split it into smaller files.',
      );
    }
    throw e;
  }
}
