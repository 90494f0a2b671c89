import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { FieldKey, LayerRole } from './layerRoles.ts';

/** Kinds of file `readFileKind` recognises. */
export type FileKind = 'geojson' | 'shapefile-zip' | 'kml' | 'kmz' | 'csv' | 'project' | 'unknown';

/** Which source property holds each normalised field, e.g. `{ id: 'MA_THON', name: 'TEN_THON' }`. */
export type FieldMapping = Partial<Record<FieldKey, string>>;

/** Which CSV column holds what. `radiusUnit` says whether the radius column is in metres or kilometres. */
export interface CsvColumnMapping {
  lon?: string;
  lat?: string;
  id?: string;
  name?: string;
  operator?: string;
  tech?: string;
  radius?: string;
  radiusUnit?: 'm' | 'km';
  azimuths?: string;
  kind?: string;
  count?: string;
  /** Speed-test tiles: a Bing-style quadkey, or the tile as WKT (POLYGON). */
  quadkey?: string;
  tile?: string;
}

export interface LoadOptions {
  /** A proj4 definition, a WKT string, or a code from `CRS_CHOICES` such as `'VN2000-TM3-105.5'`. */
  crs?: string;
  fields?: FieldMapping;
  csvColumns?: CsvColumnMapping;
  /** `'auto'` (default) swaps latitude/longitude when the data clearly has them the wrong way round. */
  axisOrder?: 'auto' | 'lonlat' | 'latlon';
  /** Called with 0…1 as the load advances. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
  /**
   * The hamlets' extent [west, south, east, north]: speed tests and field reports outside it are kept and
   * named in the report's warnings.
   */
  extent?: [number, number, number, number];
}

/** One problem with one feature. `index` is the 0-based position in the file; messages count from 1. */
export interface Issue {
  index: number;
  id?: string;
  name?: string;
  message: string;
  fix: string;
}

export interface ValidationReport {
  file: string;
  role: LayerRole;
  total: number;
  imported: number;
  skipped: Issue[];
  repaired: Issue[];
  warnings: Issue[];
}

export interface CrsInfo {
  /** What the file said or what the coordinates look like, in words. */
  detected: string;
  /** The definition that was applied (`'WGS84'` when nothing was reprojected). */
  applied: string;
  note?: string;
}

export interface LoadResult {
  collection: FeatureCollection;
  report: ValidationReport;
  crs: CrsInfo;
  /** How text in the file was decoded (Shapefile .dbf only). */
  encoding?: { detected: string; note?: string };
  kind: FileKind;
}

export type RawFeature = Feature<Geometry | null> | unknown;

export interface LoadInput {
  name: string;
  data: Uint8Array | ArrayBuffer | string;
}

/** Files above this size are refused before parsing: a browser tab would run out of memory. */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;
/**
 * Zip limits (a zipped Shapefile, a KMZ), checked from the archive's directory before anything is
 * unpacked and again while unpacking: files listed in one archive…
 */
export const MAX_ZIP_ENTRIES = 1000;
/** …the unpacked size of one file inside (no bigger than a file the app opens on its own)… */
export const MAX_ZIP_ENTRY_BYTES = 200 * 1024 * 1024;
/** …and of all the files read from one archive (only the layer's own files are unpacked). */
export const MAX_UNZIPPED_BYTES = 300 * 1024 * 1024;
