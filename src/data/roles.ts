import { normaliseKey } from './text.ts';
import { ROLE_TABLE, type FieldKey, type LayerRole } from './layerRoles.ts';
import type { FieldMapping, RawFeature } from './types.ts';

/** Candidate source names for each normalised field, compared after normaliseKey, best first. */
const FIELD_CANDIDATES: Record<FieldKey, string[]> = {
  id: [
    'id',
    'mathon',
    'maxom',
    'matdp',
    'ma',
    'hamletid',
    'siteid',
    'matram',
    'code',
    'uid',
    'fid',
    'objectid',
  ],
  name: ['name', 'tenthon', 'tenxom', 'tentdp', 'ten', 'tenthonxom', 'hamlet', 'thon', 'tentram', 'sitename'],
  households: [
    'households',
    'soho',
    'ho',
    'sohodan',
    'sohogiadinh',
    'hogiadinh',
    'tongsoho',
    'hh',
    'household',
  ],
  population: ['population', 'danso', 'sodan', 'nhankhau', 'sokhau', 'pop'],
  commune: ['commune', 'tenxa', 'xa', 'phuongxa', 'xaphuong'],
  commune_code: ['communecode', 'maxa', 'maphuongxa'],
  district: ['district', 'tenhuyen', 'huyen', 'quanhuyen'],
  district_code: ['districtcode', 'mahuyen', 'maquanhuyen'],
  code: ['code', 'ma', 'maxa', 'mahuyen', 'matinh', 'mahc', 'id'],
  type: ['type', 'loai', 'cap', 'loaihc'],
  operator: ['operator', 'nhamang', 'mang', 'nhacungcap', 'doanhnghiep', 'carrier', 'provider'],
  kind: ['kind', 'loai', 'type', 'amenity', 'category'],
  tech: ['tech', 'technology', 'congnghe', 'rat', 'cn'],
  radius_m: ['radiusm', 'radius', 'bankinhm', 'bankinh'],
  azimuths: ['azimuths', 'azimuth', 'huong', 'phuongvi'],
  beamwidth: ['beamwidth', 'dorongbup', 'bup'],
  level: ['level', 'muc', 'chatluong', 'quality'],
  count: ['count', 'soho', 'ho', 'households', 'n'],
  download_mbps: ['downloadmbps', 'download', 'dlmbps', 'dl', 'taixuong', 'tocdotai'],
  upload_mbps: ['uploadmbps', 'upload', 'ulmbps', 'ul', 'tailen', 'tocdogui'],
  time: ['time', 'timestamp', 'datetime', 'date', 'thoigian', 'ngay', 'recordedat'],
  result: ['result', 'ketqua', 'status', 'trangthai', 'signal'],
  note: ['note', 'notes', 'comment', 'ghichu', 'mota'],
};

function propertyKeys(features: RawFeature[], sample = 200): string[] {
  const keys = new Set<string>();
  for (const f of features.slice(0, sample)) {
    const props = typeof f === 'object' && f !== null ? (f as { properties?: unknown }).properties : null;
    if (typeof props === 'object' && props !== null && !Array.isArray(props)) {
      for (const k of Object.keys(props)) keys.add(k);
    }
  }
  return [...keys];
}

/**
 * Guesses which property holds each field a role needs, e.g. `TEN_THON` → name, `MA_THON` → id,
 * `so_ho` → households. Exact (normalised) names win over prefixes; a property is used once.
 *
 * @example guessFields(fc, 'hamlets') // { id: 'MA_THON', name: 'TEN_THON', households: 'SO_HO' }
 */
export function guessFields(fc: { features: RawFeature[] }, role: LayerRole): FieldMapping {
  const keys = propertyKeys(fc.features);
  const norm = keys.map((k) => normaliseKey(k));
  const used = new Set<number>();
  const out: FieldMapping = {};
  const pick = (field: FieldKey, prefix: boolean): void => {
    if (out[field] !== undefined) return;
    for (const cand of FIELD_CANDIDATES[field]) {
      const i = norm.findIndex(
        (k, j) => !used.has(j) && (prefix ? cand.length >= 3 && k.startsWith(cand) : k === cand),
      );
      const key = keys[i];
      if (i >= 0 && key !== undefined) {
        out[field] = key;
        used.add(i);
        return;
      }
    }
  };
  for (const field of ROLE_TABLE[role].fields) pick(field, false);
  for (const field of ROLE_TABLE[role].fields) pick(field, true);
  return out;
}

function geometryFamily(f: RawFeature): 'polygon' | 'line' | 'point' | null {
  const g = typeof f === 'object' && f !== null ? (f as { geometry?: { type?: unknown } }).geometry : null;
  const t = g && typeof g === 'object' ? g.type : null;
  if (t === 'Polygon' || t === 'MultiPolygon') return 'polygon';
  if (t === 'LineString' || t === 'MultiLineString') return 'line';
  if (t === 'Point' || t === 'MultiPoint') return 'point';
  return null;
}

/**
 * Guesses what a layer is from its geometry and property names; the user confirms it.
 * Polygons → hamlets unless they look like coverage (a `tech` field) or admin units;
 * lines → fibre; points → sites, facilities or households by their fields.
 */
export function guessRole(fc: { features: RawFeature[] }): LayerRole {
  const counts = { polygon: 0, line: 0, point: 0 };
  for (const f of fc.features.slice(0, 500)) {
    const fam = geometryFamily(f);
    if (fam) counts[fam]++;
  }
  const keys = new Set(propertyKeys(fc.features).map((k) => normaliseKey(k)));
  const has = (...names: string[]): boolean => names.some((n) => keys.has(n));
  const family = (Object.entries(counts) as [keyof typeof counts, number][]).sort(
    (a, b) => b[1] - a[1],
  )[0]?.[0];
  if (counts[family ?? 'polygon'] === 0) return 'hamlets';
  if (family === 'line') return 'fibre';
  if (family === 'point') {
    if (has('tech', 'technology', 'congnghe', 'rat', 'radiusm', 'bankinh', 'azimuths')) return 'sites';
    if (has('kind', 'amenity', 'loai')) return 'facilities';
    if (has('count')) return 'households';
    if (has('operator', 'nhamang')) return 'sites';
    return 'facilities';
  }
  if (has('tech', 'technology', 'congnghe', 'level')) return 'coverage';
  if (has('mathon', 'tenthon', 'maxom', 'tenxom', 'households', 'soho', 'ho')) return 'hamlets';
  const types = fc.features
    .slice(0, 50)
    .map((f) => {
      const p = (f as { properties?: Record<string, unknown> } | null)?.properties;
      return typeof p?.type === 'string' ? p.type : typeof p?.name === 'string' ? p.name : '';
    })
    .join(' ');
  if (/(^|\s)(Xã|Phường|Thị trấn)(?=\s|$)/.test(types) && has('code', 'maxa')) return 'communes';
  if (/(^|\s)(Huyện|Quận|Thị xã|Thành phố)(?=\s|$)/.test(types) && has('code', 'mahuyen')) return 'districts';
  if (/(^|\s)(Tỉnh|Thành phố trực thuộc trung ương)(?=\s|$)/.test(types) && fc.features.length === 1)
    return 'province';
  return 'hamlets';
}
