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

/**
 * Download name for an export: `vungtrang-<kind>-<area slug>-<YYYY-MM-DD>.<ext>`.
 *
 * @example exportFileName('ranking', 'Huyện Giao Thủy', new Date(2026, 10, 26), 'csv')
 * // 'vungtrang-ranking-huyen-giao-thuy-2026-11-26.csv'
 */
export function exportFileName(kind: string, areaName: string, date: Date, ext: string): string {
  const area = slugify(areaName) || 'area';
  return `vungtrang-${slugify(kind)}-${area}-${isoDay(date)}.${ext.replace(/^\./, '')}`;
}
