import proj4 from 'proj4';
import { LoadError } from './LoadError.ts';

/** Official VN-2000 → WGS84 7-parameter shift (Decision 05/2007/QĐ-BTNMT), in proj4's order. */
export const VN2000_TOWGS84 =
  '-191.90441429,-39.30318279,-111.45032835,0.00928836,-0.01975479,0.00427372,0.252906278';

export interface CrsChoice {
  /** Stable code to pass as `LoadOptions.crs`. */
  code: string;
  label: string;
  proj4: string;
  projected: boolean;
}

const tm = (lon0: number, k: number, datum: 'vn2000' | 'wgs84'): string =>
  `+proj=tmerc +lat_0=0 +lon_0=${lon0} +k=${k} +x_0=500000 +y_0=0 +ellps=WGS84 ` +
  (datum === 'vn2000' ? `+towgs84=${VN2000_TOWGS84} ` : '') +
  '+units=m +no_defs';

const dm = (deg: number): string => {
  const d = Math.floor(deg);
  const m = Math.round((deg - d) * 60);
  return `${d}°${String(m).padStart(2, '0')}′`;
};

// Provinces whose VN-2000 TM-3 central meridian is known here; the rest pick by meridian.
const MERIDIAN_EXAMPLES: Record<string, string> = { '105.5': 'Nam Định, Thái Bình' };

function tm3Choices(): CrsChoice[] {
  const out: CrsChoice[] = [];
  for (let q = 102 * 4; q <= 109 * 4; q++) {
    const lon0 = q / 4;
    const example = MERIDIAN_EXAMPLES[String(lon0)];
    out.push({
      code: `VN2000-TM3-${lon0}`,
      label: `VN-2000 / TM-3, central meridian ${dm(lon0)}${example ? ` (${example})` : ''}`,
      proj4: tm(lon0, 0.9999, 'vn2000'),
      projected: true,
    });
  }
  return out;
}

/** Coordinate systems the import dialog offers; VN-2000 ones include the official datum shift. */
export const CRS_CHOICES: readonly CrsChoice[] = [
  {
    code: 'WGS84',
    label: 'WGS 84 longitude/latitude (GPS, Google Earth, GeoJSON)',
    proj4: 'WGS84',
    projected: false,
  },
  {
    code: 'VN2000',
    label: 'VN-2000 longitude/latitude (EPSG:4756)',
    proj4: `+proj=longlat +ellps=WGS84 +towgs84=${VN2000_TOWGS84} +no_defs`,
    projected: false,
  },
  ...tm3Choices(),
  {
    code: 'VN2000-UTM48N',
    label: 'VN-2000 / UTM zone 48N (EPSG:3405)',
    proj4: tm(105, 0.9996, 'vn2000'),
    projected: true,
  },
  {
    code: 'VN2000-UTM49N',
    label: 'VN-2000 / UTM zone 49N (EPSG:3406)',
    proj4: tm(111, 0.9996, 'vn2000'),
    projected: true,
  },
  {
    code: 'WGS84-UTM48N',
    label: 'WGS 84 / UTM zone 48N (EPSG:32648)',
    proj4: tm(105, 0.9996, 'wgs84'),
    projected: true,
  },
  {
    code: 'WGS84-UTM49N',
    label: 'WGS 84 / UTM zone 49N (EPSG:32649)',
    proj4: tm(111, 0.9996, 'wgs84'),
    projected: true,
  },
];

const ALIASES: Record<string, string> = {
  'EPSG:4326': 'WGS84',
  CRS84: 'WGS84',
  'OGC:CRS84': 'WGS84',
  'URN:OGC:DEF:CRS:OGC:1.3:CRS84': 'WGS84',
  'URN:OGC:DEF:CRS:EPSG::4326': 'WGS84',
  'EPSG:4756': 'VN2000',
  // VN-2000 / TM-3 105°30′ (Nam Định); other TM-3 zones are chosen by meridian.
  'EPSG:9209': 'VN2000-TM3-105.5',
  'EPSG:3405': 'VN2000-UTM48N',
  'EPSG:3406': 'VN2000-UTM49N',
  'EPSG:32648': 'WGS84-UTM48N',
  'EPSG:32649': 'WGS84-UTM49N',
};

export interface ResolvedCrs {
  /** proj4 definition (or WKT) to project from; 'WGS84' when nothing needs doing. */
  def: string;
  label: string;
  isWgs84: boolean;
  note?: string;
}

const VN2000_NAME = /vietnam[_ ]?2000|vn[-_ ]?2000|\b4756\b/i;

/**
 * Turns a code, proj4 string or WKT (.prj) into something proj4 can use. VN-2000 definitions
 * without TOWGS84 (ESRI .prj files) get the official shift added, or every point lands ~200 m off.
 */
export function resolveCrs(input: string, file: string): ResolvedCrs {
  const text = input.trim();
  const upper = text.toUpperCase().replace(/\s+/g, '');
  const code = ALIASES[upper] ?? text;
  const choice = CRS_CHOICES.find((c) => c.code.toUpperCase() === code.toUpperCase());
  if (choice) return { def: choice.proj4, label: choice.label, isWgs84: choice.code === 'WGS84' };
  const tm3 = /^VN-?2000-TM-?3-(\d+(?:\.\d+)?)$/i.exec(code);
  if (tm3?.[1]) {
    const lon0 = Number(tm3[1]);
    return {
      def: tm(lon0, 0.9999, 'vn2000'),
      label: `VN-2000 / TM-3, central meridian ${dm(lon0)}`,
      isWgs84: false,
    };
  }
  let def = text;
  let note: string | undefined;
  if (VN2000_NAME.test(text) && !/towgs84/i.test(text)) {
    note = 'VN-2000 datum without shift parameters: applied the official 7-parameter shift to WGS84.';
    def = text.startsWith('+')
      ? `${text} +towgs84=${VN2000_TOWGS84}`
      : text.replace(/(DATUM\s*\[\s*"[^"]*"\s*,\s*SPHEROID\s*\[[^\]]*\])/i, `$1,TOWGS84[${VN2000_TOWGS84}]`);
  }
  let parsed: proj4.Converter;
  try {
    parsed = proj4(def, 'WGS84');
    parsed.forward([500000, 2000000]);
  } catch (err) {
    throw new LoadError(
      file,
      `has a coordinate system that cannot be read: ${err instanceof Error ? err.message : String(err)}.`,
      'Choose the coordinate system from the list (for VN-2000 data, the TM-3 zone of your province).',
    );
  }
  const geographic = /^\s*GEOGCS|\+proj=longlat/i.test(def) && !/PROJCS/i.test(def);
  const isWgs84 =
    geographic && !VN2000_NAME.test(def) && /WGS[_ ]?(19)?84|\+datum=WGS84|\+ellps=WGS84/i.test(def);
  const name = /^\s*(?:PROJCS|GEOGCS|PROJCRS|GEOGCRS)\s*\[\s*"([^"]+)"/i.exec(def)?.[1] ?? def.slice(0, 60);
  return { def, label: name, isWgs84, ...(note ? { note } : {}) };
}

/** A position-wise transform into WGS84 lon/lat. */
export function toWgs84(def: string): (xy: number[]) => number[] {
  const converter = proj4(def, 'WGS84');
  return (xy) => {
    const [x, y] = xy;
    if (x === undefined || y === undefined) return xy;
    return converter.forward([x, y]);
  };
}
