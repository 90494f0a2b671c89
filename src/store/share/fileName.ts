import type { ExportPlan } from '../../analysis/exportTables.ts';

/**
 * ASCII slug of a Vietnamese name: diacritics dropped, đ→d, words joined by '-'.
 *
 * @example slugify('Huyện Giao Thủy') // 'huyen-giao-thuy'
 */
export function slugify(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

/** The calendar day in the user's time zone, as the planner reads it on the page: YYYY-MM-DD. */
export function isoDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The plan in a file name: `baseline`, or `scenario-<name slug>` (`scenario` when it has no name). */
export function planSlug(plan: ExportPlan): string {
  if (plan.kind === 'baseline') return 'baseline';
  const name = slugify(plan.name).slice(0, 40).replace(/-+$/, '');
  return name ? `scenario-${name}` : 'scenario';
}

/**
 * Download name for an export: `vungtrang-<kind>-<area slug>[-<plan>]-<YYYY-MM-DD>.<ext>`. Exports of
 * results pass the plan their numbers describe; a project file (data and every scenario) does not.
 *
 * @example exportFileName('ranking', 'Huyện Giao Thủy', new Date(2026, 10, 26), 'csv', { kind: 'baseline' })
 * // 'vungtrang-ranking-huyen-giao-thuy-baseline-2026-11-26.csv'
 */
export function exportFileName(
  kind: string,
  areaName: string,
  date: Date,
  ext: string,
  plan?: ExportPlan,
): string {
  const area = slugify(areaName) || 'area';
  const tag = plan ? `-${planSlug(plan)}` : '';
  return `vungtrang-${slugify(kind)}-${area}${tag}-${isoDay(date)}.${ext.replace(/^\./, '')}`;
}
