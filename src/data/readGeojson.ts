import { LoadError } from './LoadError.ts';
import { checkNesting } from './nesting.ts';
import { parseJsonText } from './text.ts';
import type { RawFeature } from './types.ts';

export interface ParsedFeatures {
  features: RawFeature[];
  /** A legacy GeoJSON `crs` name, when the file has one. */
  crsName?: string;
  notes: string[];
}

const GEOMETRY_TYPES = new Set([
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
  'GeometryCollection',
]);

const FIX_STRUCTURE =
  'Export the layer again as GeoJSON (a FeatureCollection of Features) from QGIS or geojson.io.';

/**
 * Reads GeoJSON text into raw features: a FeatureCollection, a single Feature, a bare geometry or
 * an array of Features. Feature-level problems are left for the validator.
 */
export function readGeojson(text: string, file: string): ParsedFeatures {
  if (text.trim() === '') throw new LoadError(file, 'is empty.', 'Choose a file that contains data.');
  const doc = parseJsonText(text, file);
  const notes: string[] = [];
  if (Array.isArray(doc)) {
    notes.push('The file is a bare list of features, not a FeatureCollection; read it as one.');
    checkNesting(doc, file);
    return { features: doc as unknown[], notes };
  }
  if (typeof doc !== 'object' || doc === null) {
    throw new LoadError(file, `holds ${JSON.stringify(doc)}, not GeoJSON.`, FIX_STRUCTURE);
  }
  const obj = doc as Record<string, unknown>;
  const crsName = legacyCrsName(obj.crs);
  const base = crsName ? { crsName, notes } : { notes };
  const type = obj.type;
  if (type === 'FeatureCollection') {
    if (!Array.isArray(obj.features)) {
      throw new LoadError(file, 'is a FeatureCollection whose "features" is not a list.', FIX_STRUCTURE);
    }
    checkNesting(obj.features, file);
    return { ...base, features: obj.features as unknown[] };
  }
  if (type === 'Feature') {
    checkNesting([obj], file);
    return { ...base, features: [obj] };
  }
  if (typeof type === 'string' && GEOMETRY_TYPES.has(type)) {
    notes.push(`The file is a bare ${type} geometry; read it as one feature without properties.`);
    checkNesting([{ geometry: obj }], file);
    return { ...base, features: [{ type: 'Feature', properties: {}, geometry: obj }] };
  }
  if (type === undefined && 'layers' in obj && 'version' in obj) {
    throw new LoadError(
      file,
      'is a Vùng Trắng project file, not a layer.',
      'Open it with "Open project" instead of importing it as a layer.',
    );
  }
  const found = typeof type === 'string' ? `"type": "${type}"` : 'no "type" member';
  const hint =
    typeof type === 'string' && type.toLowerCase() === 'featurecollection'
      ? ' The type names are case-sensitive: write "FeatureCollection".'
      : '';
  throw new LoadError(file, `is JSON but not GeoJSON: it has ${found}.${hint}`, FIX_STRUCTURE);
}

function legacyCrsName(crs: unknown): string | undefined {
  if (typeof crs !== 'object' || crs === null) return undefined;
  const props = (crs as { properties?: unknown }).properties;
  if (typeof props !== 'object' || props === null) return undefined;
  const name = (props as { name?: unknown }).name;
  if (typeof name !== 'string') return undefined;
  const epsg = /EPSG:{1,2}(\d+)$/i.exec(name);
  if (epsg?.[1]) return `EPSG:${epsg[1]}`;
  return /CRS84$/i.test(name) ? 'WGS84' : name;
}
