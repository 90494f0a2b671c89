import { bbox } from '@turf/bbox';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { AdminCollection, AdminLayers } from '../store/appState.ts';
import type { SelectedArea } from '../store/viewState.ts';

/** Below this zoom a map click picks a district (the whole province is in view); from it on, a commune. */
export const DISTRICT_PICK_ZOOM = 10;

/** Codes of the hamlet under the click, for data that has hamlets but no commune or district shapes. */
export interface HamletCodes {
  commune_code?: unknown;
  district_code?: unknown;
}

function codeAt(fc: AdminCollection | null, point: [number, number]): string | undefined {
  if (!fc) return undefined;
  for (const f of fc.features) {
    if (!f.geometry) continue;
    const [w, s, e, n] = f.bbox ?? bbox(f);
    if (point[0] < w || point[0] > e || point[1] < s || point[1] > n) continue;
    if (booleanPointInPolygon(point, f)) return String(f.properties.code);
  }
  return undefined;
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/**
 * The area a map click at `point` picks for the roll-up: zoomed out, the district under it; zoomed in, or
 * inside the district already chosen, the commune. Null when the click is outside every area.
 *
 * @example areaAt([106.2, 20.3], 9, admin, { level: 'province', code: '' }, districtOf) // { level: 'district', code: '356' }
 */
export function areaAt(
  point: [number, number],
  zoom: number,
  admin: AdminLayers,
  current: SelectedArea,
  districtOf: (communeCode: string) => string | undefined,
  hamlet?: HamletCodes,
): SelectedArea | null {
  const commune = codeAt(admin.communes, point) ?? text(hamlet?.commune_code);
  const district =
    codeAt(admin.districts, point) ??
    (commune ? districtOf(commune) : undefined) ??
    text(hamlet?.district_code);
  const chosenDistrict =
    current.level === 'district'
      ? current.code
      : current.level === 'commune'
        ? districtOf(current.code)
        : null;
  const drillDown = district !== undefined && district === chosenDistrict;
  if (district && zoom < DISTRICT_PICK_ZOOM && !drillDown) return { level: 'district', code: district };
  if (commune) return { level: 'commune', code: commune };
  if (district) return { level: 'district', code: district };
  return null;
}

/**
 * The unit a map click at `point` picks in the units system: the unit under it, else the unit of the hamlet
 * clicked (`hamletUnit`, for a click on a hamlet beyond the units' outline). Null outside every unit.
 *
 * @example unitAt([106.2, 20.3], admin) // { level: 'unit', code: '13669' }
 */
export function unitAt(
  point: [number, number],
  admin: AdminLayers,
  hamletUnit?: string,
): SelectedArea | null {
  const code = codeAt(admin.units, point) ?? text(hamletUnit);
  return code ? { level: 'unit', code } : null;
}

/** One level up (Escape): commune → its district, district or unit → province; null at the province. */
export function areaUp(
  current: SelectedArea,
  provinceCode: string,
  districtOf: (communeCode: string) => string | undefined,
): SelectedArea | null {
  if (current.level === 'commune') {
    const district = districtOf(current.code);
    return district ? { level: 'district', code: district } : { level: 'province', code: provinceCode };
  }
  if (current.level === 'district' || current.level === 'unit')
    return { level: 'province', code: provinceCode };
  return null;
}
