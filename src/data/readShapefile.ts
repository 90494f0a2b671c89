import { parseShp } from 'shpjs';
import { LoadError } from './LoadError.ts';
import { readDbf } from './readDbf.ts';
import { openZip } from './unzip.ts';
import type { RawFeature } from './types.ts';

export interface ParsedShapefile {
  features: RawFeature[];
  /** Content of the .prj, when there is one. */
  prj?: string;
  encoding: { detected: string; note?: string };
  notes: string[];
}

/**
 * Reads a zipped Shapefile with shpjs, keeping coordinates as stored (reprojection is ours, so the
 * VN-2000 datum shift is applied) and decoding .dbf text as UTF-8, Windows-1258 or TCVN3.
 */
export async function readShapefileZip(bytes: Uint8Array, file: string): Promise<ParsedShapefile> {
  const zip = openZip(bytes, file);
  const shpNames = zip.names.filter((n) => n.endsWith('.shp')).sort();
  const first = shpNames[0];
  if (!first) {
    throw new LoadError(
      file,
      'is a zip without a .shp file inside.',
      'Put the .shp, .shx, .dbf and .prj files of one layer in the zip (not a folder of other zips).',
    );
  }
  const notes: string[] = [];
  if (shpNames.length > 1) {
    notes.push(`The zip holds ${shpNames.length} layers; read ${first}. Zip the others separately.`);
  }
  const base = first.slice(0, -4);
  // Only the layer's own files are unpacked (not the .shx, nor other layers or folders in the zip).
  const part = async (ext: string) => (zip.names.includes(base + ext) ? zip.read(base + ext) : undefined);
  const shp = await zip.read(first);
  let geometries: (ReturnType<typeof parseShp>[number] | null)[];
  try {
    geometries = parseShp(shp);
  } catch (err) {
    throw new LoadError(
      file,
      `has a .shp file that cannot be read (${err instanceof Error ? err.message : String(err)}).`,
      'Export the layer again from your GIS; the .shp may be truncated.',
    );
  }
  const dbf = await part('.dbf');
  const cpg = await part('.cpg');
  const prjBytes = await part('.prj');
  let table: ReturnType<typeof readDbf> = { rows: [], encoding: { detected: 'none' } };
  try {
    if (dbf) table = readDbf(dbf, cpg ? new TextDecoder('utf-8').decode(cpg) : undefined);
  } catch (err) {
    throw new LoadError(
      file,
      `has a .dbf file that cannot be read (${err instanceof Error ? err.message : String(err)}).`,
      'Export the layer again from your GIS.',
    );
  }
  const { rows, encoding } = table;
  if (!dbf) notes.push('No .dbf in the zip: the features have no attributes.');
  if (dbf && rows.length !== geometries.length) {
    notes.push(
      `The .dbf has ${rows.length} rows for ${geometries.length} shapes; rows were matched in order.`,
    );
  }
  const features = geometries.map((geometry, i) => ({
    type: 'Feature',
    properties: rows[i] ?? {},
    geometry,
  }));
  const prj = prjBytes ? new TextDecoder('utf-8').decode(prjBytes).trim() : undefined;
  return { features, encoding, notes, ...(prj ? { prj } : {}) };
}
