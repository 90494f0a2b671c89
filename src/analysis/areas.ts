import { DEFAULT_PROVINCE, keyOf, type ProvinceIdentity } from './rollups.ts';
import type { Rollup } from './types.ts';

/** What the area grouping reads of a hamlet. */
export interface AreaHamlet {
  id: string;
  commune: string;
  commune_code: string;
  district: string;
  district_code: string;
}

/** One area of a unit system and the hamlets in it. */
export interface AreaGroup {
  level: Rollup['level'];
  code: string;
  name: string;
  /** The enclosing area's code (the district of a commune, the province of a district). */
  parentCode?: string;
  hamletIds: string[];
}

/**
 * The areas a set of hamlets falls into, the whole first: the seam through which version comparisons and
 * progress are reported per area. `adminAreas` gives the province, its districts and communes, grouped
 * exactly as the roll-ups are (DATA-MODEL §6); another unit system plugs in here as another function.
 */
export type AreasOf = (hamlets: readonly AreaHamlet[]) => AreaGroup[];

/**
 * The province, districts and communes of the hamlets, by the codes on the hamlets as `computeSummary`
 * groups them: the same codes and names, each hamlet in one district and one commune, rows sorted by code.
 *
 * @example adminAreas()(result.hamlets).find((a) => a.level === 'commune')?.hamletIds
 */
export function adminAreas(province: ProvinceIdentity = DEFAULT_PROVINCE): AreasOf {
  return (hamlets) => {
    const whole: AreaGroup = { level: 'province', code: province.code, name: province.name, hamletIds: [] };
    const districts = new Map<string, AreaGroup>();
    const communes = new Map<string, AreaGroup>();
    for (const h of hamlets) {
      const d = keyOf(h.district_code, h.district);
      const c = keyOf(h.commune_code, h.commune);
      whole.hamletIds.push(h.id);
      let district = districts.get(d);
      if (!district) {
        district = {
          level: 'district',
          code: d,
          name: h.district || d,
          parentCode: province.code,
          hamletIds: [],
        };
        districts.set(d, district);
      }
      district.hamletIds.push(h.id);
      // A commune code is unique only within its district when names stand in for missing codes.
      const key = `${d}\u0000${c}`;
      let commune = communes.get(key);
      if (!commune) {
        commune = { level: 'commune', code: c, name: h.commune || c, parentCode: d, hamletIds: [] };
        communes.set(key, commune);
      }
      commune.hamletIds.push(h.id);
    }
    const byCode = (a: AreaGroup, b: AreaGroup): number =>
      a.code < b.code ? -1 : a.code > b.code ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
    return [whole, ...[...districts.values()].sort(byCode), ...[...communes.values()].sort(byCode)];
  };
}
