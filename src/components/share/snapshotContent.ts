import { formatters } from '../../i18n/format.ts';
import { buildLegend, legendInputOf, type Legend } from '../../map/legend.ts';
import type { AppState } from '../../store/appState.ts';
import { chosenPlan, shownPlan } from '../../store/scenario/plan.ts';
import { scenarioStore } from '../../store/scenario/scenarioStore.ts';
import { appStore } from '../../store/store.ts';

/**
 * The legend of what the map shows now, from the same builder as the screen legend (so the PNG, the print
 * sheet and the screen cannot disagree), whether or not the legend panel is open.
 */
export function currentLegend(): Legend {
  const app = appStore.getState();
  const sc = scenarioStore.getState();
  const scenario = chosenPlan(sc).kind === 'scenario' ? sc : undefined;
  return buildLegend(legendInputOf(app, scenario, shownPlan(app, sc)), formatters(app.lang));
}

/** Shown name of the selected area, from the boundaries or the roll-ups; the province when unknown. */
export function areaName(s: Pick<AppState, 'area' | 'admin' | 'result'>): string {
  const { level, code } = s.area;
  const layer =
    level === 'province'
      ? s.admin.province
      : level === 'district'
        ? s.admin.districts
        : level === 'unit'
          ? s.admin.units
          : s.admin.communes;
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
 * Name for an export of the filtered list: the commune or district the filters narrow it to (a Hải Hậu
 * list named after the whole province would mislead), else the selected area.
 */
export function filteredAreaName(
  s: Pick<AppState, 'area' | 'admin' | 'result' | 'filters' | 'rows'>,
): string {
  const { commune, district, unit } = s.filters;
  if (unit !== null) {
    const row = s.rows.find((r) => r.unitCode === unit);
    if (row?.unitName) return row.unitName;
  }
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
