import { CRS_CHOICES, resolveCrs, toWgs84 } from './crs.ts';
import { describeProjected, inspectCoordinates, mapFeatures } from './coordinates.ts';
import { LoadError } from './LoadError.ts';
import type { CrsInfo, LoadOptions, RawFeature } from './types.ts';

export interface CrsSource {
  /** What the user chose in the dialog; wins over the file. */
  chosen?: string;
  /** What the file says (.prj text or a GeoJSON `crs` name). */
  fromFile?: string;
  fileLabel?: string;
}

const CHOOSE_FIX =
  'Choose the coordinate system in the import dialog: for VN-2000 data, the TM-3 zone of your province ' +
  `(e.g. ${CRS_CHOICES.find((c) => c.code === 'VN2000-TM3-105.5')?.label ?? 'VN2000-TM3-105.5'}), ` +
  'or VN-2000 / UTM 48N; or include the .prj file in the zip.';

/**
 * Brings raw features to WGS84 lon/lat: reprojects from the chosen or declared CRS, swaps
 * lat/lon when that is clearly the mistake, and refuses metres that come with no CRS.
 */
export function applyCrs(
  features: RawFeature[],
  source: CrsSource,
  axisOrder: LoadOptions['axisOrder'],
  file: string,
): { features: RawFeature[]; crs: CrsInfo } {
  const look = inspectCoordinates(features);
  const declared = source.chosen ?? source.fromFile;
  if (declared) {
    const resolved = resolveCrs(declared, file);
    const detected = source.chosen
      ? `${resolved.label} (chosen)`
      : `${resolved.label} (from ${source.fileLabel ?? 'the file'})`;
    if (resolved.isWgs84)
      return swapIfNeeded(features, look.order, axisOrder, { detected, applied: 'WGS84' });
    const projectedDef = !/\+proj=longlat|^\s*GEOGCS/i.test(resolved.def);
    if (projectedDef && (look.order === 'lonlat' || look.order === 'latlon')) {
      throw new LoadError(
        file,
        `is declared as ${resolved.label}, but its coordinates look like degrees (${look.bbox?.map((v) => v.toFixed(3)).join(', ')}).`,
        'Choose WGS84 longitude/latitude, or fix the .prj file.',
      );
    }
    const fn = toWgs84(resolved.def);
    const out = mapFeatures(features, (p) => fn(p));
    return {
      features: out,
      crs: { detected, applied: resolved.def, ...(resolved.note ? { note: resolved.note } : {}) },
    };
  }
  if (look.order === 'projected' && look.bbox) {
    throw new LoadError(
      file,
      `has no coordinate system, and its ${describeProjected(look.bbox)}.`,
      CHOOSE_FIX,
    );
  }
  return swapIfNeeded(features, look.order, axisOrder, {
    detected: 'WGS84 longitude/latitude (no coordinate system in the file; the numbers are degrees)',
    applied: 'WGS84',
  });
}

function swapIfNeeded(
  features: RawFeature[],
  order: string,
  axisOrder: LoadOptions['axisOrder'],
  crs: CrsInfo,
): { features: RawFeature[]; crs: CrsInfo } {
  const swap = axisOrder === 'latlon' || (axisOrder !== 'lonlat' && order === 'latlon');
  if (!swap) return { features, crs };
  const note =
    axisOrder === 'latlon'
      ? 'Latitude/longitude order chosen: swapped every position to longitude, latitude.'
      : 'Latitude and longitude were swapped in the file (the values only make sense the other way round); swapped them back.';
  return {
    features: mapFeatures(features, ([x, y, ...rest]) => [y as number, x as number, ...rest]),
    crs: { ...crs, note },
  };
}
