import type { TFunction } from 'i18next';
import { STATUS_COLOURS, STATUS_ORDER, ZONES } from '../../map/palette.ts';
import type { LegendItem } from '../../map/snapshot.ts';
import type { AppState } from '../../store/appState.ts';

/**
 * The legend as the app shows it, read from the on-screen Legend, so the image and the screen cannot
 * disagree (both come from the one palette). Swatch shape and colours come from each item's SVG.
 */
export function legendFromPage(root: ParentNode = document): { title: string | null; items: LegendItem[] } {
  const legend = root.querySelector('.vt-legend');
  if (!legend) return { title: null, items: [] };
  const items: LegendItem[] = [];
  const ramp = legend.querySelector('[data-testid="legend-ramp"]');
  if (ramp) {
    const caption = ramp.querySelector('figcaption')?.textContent?.trim() ?? '';
    for (const stop of ramp.querySelectorAll<HTMLElement>('[data-colour]')) {
      const colour = stop.dataset.colour;
      if (colour) items.push({ label: `${caption}: ${stop.textContent?.trim() ?? ''}`, colour });
    }
  }
  for (const li of legend.querySelectorAll<HTMLElement>('.vt-legend__item[data-colour]')) {
    const label = li.textContent?.trim() ?? '';
    const shape = li.querySelector('svg rect, svg line, svg circle');
    const fill = shape?.getAttribute('fill') ?? li.dataset.colour ?? '#999999';
    const stroke = shape?.getAttribute('stroke') ?? undefined;
    if (shape?.tagName.toLowerCase() === 'line') items.push({ label, colour: stroke ?? fill, kind: 'line' });
    else if (shape?.tagName.toLowerCase() === 'circle') {
      items.push({ label, colour: fill, kind: 'point', outline: stroke === 'none' ? undefined : stroke });
    } else items.push({ label, colour: fill, outline: stroke });
  }
  const title = legend.querySelector('h2, h3, h4')?.textContent?.trim() ?? null;
  return { title, items };
}

/** Shown name of the selected area, from the boundaries or the roll-ups; the province when unknown. */
export function areaName(s: Pick<AppState, 'area' | 'admin' | 'result'>): string {
  const { level, code } = s.area;
  const layer =
    level === 'province' ? s.admin.province : level === 'district' ? s.admin.districts : s.admin.communes;
  const feature =
    level === 'province'
      ? layer?.features[0]
      : layer?.features.find((f) => String(f.properties.code) === code);
  if (feature?.properties.name) return feature.properties.name;
  const summary = s.result?.summary;
  const rollups =
    level === 'district' ? summary?.districts : level === 'commune' ? summary?.communes : undefined;
  return rollups?.find((r) => r.code === code)?.name ?? summary?.province.name ?? 'Nam Định';
}

/**
 * When the legend panel is closed there is nothing to read: the image still gets the essentials,
 * hamlet status and the two zone kinds, from the same palette.
 */
export function fallbackLegend(t: TFunction, visible: readonly string[]): LegendItem[] {
  const items: LegendItem[] = [];
  if (visible.includes('hamlets')) {
    for (const status of STATUS_ORDER) {
      items.push({ label: t(`status.${status}`), colour: STATUS_COLOURS[status] });
    }
  }
  if (visible.includes('whiteZones')) {
    items.push({ label: t('legend.whiteZones'), colour: ZONES.white.fill, outline: ZONES.white.line });
  }
  if (visible.includes('weakZones')) {
    items.push({ label: t('legend.weakZones'), colour: ZONES.weak.fill, outline: ZONES.weak.line });
  }
  return items;
}

/**
 * Name for an export of the filtered list: the commune or district the filters narrow it to (a Hải Hậu
 * list named after the whole province would mislead), else the selected area.
 */
export function filteredAreaName(
  s: Pick<AppState, 'area' | 'admin' | 'result' | 'filters' | 'rows'>,
): string {
  const { commune, district } = s.filters;
  if (commune !== null) {
    const row = s.rows.find((r) => r.communeCode === commune);
    if (row?.commune) return row.commune;
  }
  if (district !== null) {
    const row = s.rows.find((r) => r.districtCode === district);
    if (row?.district) return row.district;
  }
  return areaName(s);
}
