import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { unitOverlaps } from '../../src/analysis/units.ts';
import { areaM2, cleanPolygonal, localFrame } from './geom.ts';
import { simplifySharedArcs } from './sharedArcs.ts';

/** Douglas–Peucker tolerance for the 2025 units' shared boundaries, m (areas move by ~0.01 %). */
export const UNITS_TOLERANCE_M = 2;
/** What simplification may change a unit's area by, at most (a share); the build fails beyond it. */
const MAX_AREA_CHANGE = 0.001;

export interface UnitProps {
  code: string;
  name: string;
  type: string;
  province_code: string;
  province: string;
  /** The province whose former area the unit lies in (its own boundaries before 1 July 2025). */
  province_area_of: string;
  valid_from: string;
  /** Official area, km² (sapnhap.bando.com.vn). */
  area_km2: number;
  /** The 2020–2024 communes merged into it, by the GSO crosswalk (some of their land may lie elsewhere). */
  from_communes: string[];
  /** Share of the unit's area inside the 2019 province outline (coastal units reach onto mudflats). */
  share_in_old_nam_dinh: number;
}
export type UnitFeature = Feature<Polygon | MultiPolygon, UnitProps>;

interface History {
  province: { code: string; name: string; merged_into_2025_07: { code: string; name: string } };
  crosswalk_2019_to_2024_11: Record<string, { code: string }>;
  map_2025_03_to_2025_07: Record<string, string[]>;
}

/**
 * The 57 communes and wards of 1 July 2025 on the former Nam Định area, as the sample's `units` layer:
 * boundaries simplified along shared arcs (no gaps or overlaps; each area within 0.1 % of the source's),
 * names with their type, the province they belong to since then, and the 2020–2024 communes each was
 * made from (the GSO crosswalk to 2024-11, then dvhcvn's 2025-03 → 2025-07 mapping), checked against
 * the `codes_2025_07` the 2020–2024 communes carry.
 *
 * @example
 * const units = makeUnits2025(wards, history, communes226);
 */
export function makeUnits2025(
  wards: FeatureCollection,
  history: History,
  communes: readonly Feature[],
  file = 'nam-dinh-wards-2025.geojson',
): UnitFeature[] {
  const from = new Map<string, string[]>();
  for (const c of communes) {
    const code = String(c.properties?.code);
    const at2024 = history.crosswalk_2019_to_2024_11[code]?.code ?? code;
    const to = history.map_2025_03_to_2025_07[at2024];
    const carried = c.properties?.codes_2025_07 as string[] | undefined;
    if (!to || to.length !== 1 || JSON.stringify(to) !== JSON.stringify(carried))
      throw new Error(
        `${file}: commune ${code} maps to ${JSON.stringify(to)} in the history but carries ${JSON.stringify(carried)}.`,
      );
    const list = from.get(to[0] as string) ?? [];
    list.push(code);
    from.set(to[0] as string, list);
  }
  const province = history.province.merged_into_2025_07;
  const features = wards.features.map((f): UnitFeature => {
    const p = f.properties ?? {};
    const g = f.geometry;
    if (g?.type !== 'Polygon' && g?.type !== 'MultiPolygon')
      throw new Error(`${file}: ${String(p.fullName)} has a ${g?.type ?? 'missing'} geometry.`);
    const code = String(p.code);
    const fullName = String(p.fullName);
    if (!from.has(code)) throw new Error(`${file}: no 2020–2024 commune maps to ${code} ${fullName}.`);
    return {
      type: 'Feature',
      properties: {
        code,
        name: fullName,
        type: fullName.split(' ')[0] as string,
        province_code: province.code,
        province: province.name,
        province_area_of: history.province.name,
        valid_from: '2025-07-01',
        area_km2: Number(p.areaKm2),
        from_communes: (from.get(code) ?? []).sort(),
        share_in_old_nam_dinh: Number(p.share_in_old_nam_dinh),
      },
      geometry: cleanPolygonal(g),
    };
  });
  if (features.length !== 57) throw new Error(`${file}: ${features.length} units, expected 57.`);
  const frame = localFrame(106.2, 20.2);
  const simple = simplifySharedArcs(features, frame, UNITS_TOLERANCE_M).map((f) => ({
    ...f,
    geometry: cleanPolygonal(f.geometry),
  }));
  simple.forEach((f, i) => {
    const before = areaM2(frame, (features[i] as UnitFeature).geometry);
    const change = Math.abs(areaM2(frame, f.geometry) / before - 1);
    if (change > MAX_AREA_CHANGE)
      throw new Error(
        `${file}: simplifying ${f.properties.name} changed its area by ${(100 * change).toFixed(3)} %.`,
      );
  });
  const overlaps = unitOverlaps({ type: 'FeatureCollection', features: simple });
  if (overlaps.length > 0)
    throw new Error(`${file}: simplified units overlap: ${JSON.stringify(overlaps.slice(0, 3))}`);
  return simple.sort((a, b) => (a.properties.code < b.properties.code ? -1 : 1));
}
