import type { StateCreator } from 'zustand';
import { DEFAULT_SETTINGS } from '../../analysis/settings.ts';
import type { Settings } from '../../analysis/types.ts';
import type { AppState, ViewSlice } from '../appState.ts';
import {
  EMPTY_FILTERS,
  type Filters,
  type LayerId,
  type SelectedArea,
  type ViewState,
} from '../viewState.ts';

/** Nam Định, whole province in view on a laptop screen. */
export const DEFAULT_VIEW: ViewState = {
  center: [106.22, 20.22],
  zoom: 9.4,
  layers: ['hamlets', 'whiteZones', 'weakZones', 'fibre', 'sites', 'boundaries', 'labels'],
  colourBy: 'status',
  filters: EMPTY_FILTERS,
  area: { level: 'province', code: '' },
  unitSystem: 'units',
  selectedHamletId: null,
  settings: {},
  lang: 'vi',
  basemap: 'none',
};

const PROVINCE: SelectedArea = { level: 'province', code: '' };

/** The area the list's area filters pick: the finest one set, else the province. */
export function areaOfFilters(f: Filters): SelectedArea {
  if (f.unit !== null) return { level: 'unit', code: f.unit };
  if (f.commune !== null) return { level: 'commune', code: f.commune };
  if (f.district !== null) return { level: 'district', code: f.district };
  return PROVINCE;
}

/** The list's area filters for an area; `districtOf` gives a commune's district. */
function filtersOfArea(
  area: SelectedArea,
  districtOf: (commune: string) => string | undefined,
): Pick<Filters, 'district' | 'commune' | 'unit'> {
  switch (area.level) {
    case 'province':
      return { district: null, commune: null, unit: null };
    case 'district':
      return { district: area.code, commune: null, unit: null };
    case 'commune':
      return { district: districtOf(area.code) ?? null, commune: area.code, unit: null };
    case 'unit':
      return { district: null, commune: null, unit: area.code };
  }
}

/** Keeps only the top-level settings that differ from the defaults, so shared links stay short. */
export function settingsDiff(next: Settings): Partial<Settings> {
  const diff: Partial<Record<keyof Settings, unknown>> = {};
  for (const key of Object.keys(next) as (keyof Settings)[]) {
    if (JSON.stringify(next[key]) !== JSON.stringify(DEFAULT_SETTINGS[key])) diff[key] = next[key];
  }
  return diff as Partial<Settings>;
}

const provinceCode = (s: AppState): string => (s.area.level === 'province' ? s.area.code : '');

export const createViewSlice: StateCreator<AppState, [], [], ViewSlice> = (set, get) => ({
  ...DEFAULT_VIEW,
  viewSource: 'app',
  selectionSource: 'app',
  sort: { key: 'rank', dir: 'asc' },
  setCamera: (center, zoom, viewSource) => set({ center, zoom, viewSource }),
  toggleLayer: (id: LayerId) => {
    const layers = get().layers;
    set({ layers: layers.includes(id) ? layers.filter((l) => l !== id) : [...layers, id] });
  },
  setColourBy: (colourBy) => set({ colourBy }),
  setFilters: (patch) => {
    const filters = { ...get().filters, ...patch };
    // A commune belongs to one district: changing the district drops a commune from another one.
    if (patch.district !== undefined && patch.commune === undefined) filters.commune = null;
    const area = areaOfFilters(filters);
    const before = get().area;
    // The roll-up follows the list's area (it stays on the province's own code at the top).
    set(
      area.level === before.level && area.code === before.code
        ? { filters }
        : { filters, area: area.level === 'province' ? { ...area, code: provinceCode(get()) } : area },
    );
  },
  resetFilters: () => set({ filters: EMPTY_FILTERS, area: { level: 'province', code: provinceCode(get()) } }),
  setSort: (sort) => set({ sort }),
  selectHamlet: (selectedHamletId, selectionSource) =>
    set(
      selectedHamletId === null
        ? { selectedHamletId, selectionSource }
        : { selectedHamletId, selectionSource, rightTab: 'details', rightOpen: true },
    ),
  setArea: (area) => {
    const rows = get().rows;
    const districtOf = (c: string) => rows.find((r) => r.communeCode === c)?.districtCode;
    set({
      area,
      filters: { ...get().filters, ...filtersOfArea(area, districtOf) },
      rightTab: 'area',
      rightOpen: true,
    });
  },
  setUnitSystem: (unitSystem) => {
    if (unitSystem === get().unitSystem) return;
    const sort = get().sort;
    set({
      unitSystem,
      // The list's place column sorts by the place it shows: the unit, or the 2020–2024 commune.
      sort:
        sort.key === 'unit' || sort.key === 'commune'
          ? { ...sort, key: unitSystem === 'units' ? 'unit' : 'commune' }
          : sort,
      filters: { ...get().filters, district: null, commune: null, unit: null },
      area: { level: 'province', code: '' },
    });
  },
  setSettings: (next) => set({ settings: settingsDiff(next) }),
  resetSettings: () => set({ settings: {} }),
  setLang: (lang) => set({ lang }),
  setBasemap: (basemap) => set({ basemap }),
  applyView: (view, source) =>
    set({
      ...view,
      ...(view.center || view.zoom !== undefined ? { viewSource: source } : {}),
      ...(view.selectedHamletId !== undefined ? { selectionSource: source } : {}),
    }),
});
