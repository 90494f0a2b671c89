import { keyOf } from '../../analysis/rollups.ts';
import type { AreaChange, HamletChange } from '../../analysis/versionCompare.ts';
import type { SelectedArea } from '../../store/viewState.ts';

type Area = Pick<AreaChange, 'level' | 'code' | 'parentCode'>;

/** The area of a list matching the app's selected one; the whole province when it is not in the list. */
export function areaOf<A extends Area>(areas: readonly A[], area: SelectedArea): A | undefined {
  return (
    (area.level !== 'province' && areas.find((a) => a.level === area.level && a.code === area.code)) ||
    areas.find((a) => a.level === 'province')
  );
}

/** The areas one level down from `area` (the province's districts, a district's communes). */
export function subAreas<A extends Area>(areas: readonly A[], area: A): A[] {
  if (area.level === 'commune') return [];
  const level = area.level === 'province' ? 'district' : 'commune';
  return areas.filter((a) => a.level === level && (area.level === 'province' || a.parentCode === area.code));
}

/** The changed hamlets inside an area. */
export function hamletsIn(hamlets: readonly HamletChange[], area: Area): HamletChange[] {
  if (area.level === 'province') return [...hamlets];
  if (area.level === 'district')
    return hamlets.filter((h) => keyOf(h.district_code, h.district) === area.code);
  return hamlets.filter(
    (h) =>
      keyOf(h.commune_code, h.commune) === area.code &&
      (area.parentCode === undefined || keyOf(h.district_code, h.district) === area.parentCode),
  );
}
