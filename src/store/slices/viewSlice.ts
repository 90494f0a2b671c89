import type { StateCreator } from 'zustand';
import { DEFAULT_SETTINGS } from '../../analysis/settings.ts';
import type { Settings } from '../../analysis/types.ts';
import type { AppState, ViewSlice } from '../appState.ts';
import { ALL_OPERATORS, EMPTY_FILTERS, type LayerId, type ViewState } from '../viewState.ts';

/** Nam Định, whole province in view on a laptop screen. */
export const DEFAULT_VIEW: ViewState = {
  center: [106.22, 20.22],
  zoom: 9.4,
  layers: ['hamlets', 'whiteZones', 'weakZones', 'fibre', 'sites', 'boundaries', 'labels'],
  colourBy: 'status',
  filters: EMPTY_FILTERS,
  area: { level: 'province', code: '' },
  selectedHamletId: null,
  settings: {},
  lang: 'vi',
  basemap: 'none',
  lens: ALL_OPERATORS,
};

/** Keeps only the top-level settings that differ from the defaults, so shared links stay short. */
export function settingsDiff(next: Settings): Partial<Settings> {
  const diff: Partial<Record<keyof Settings, unknown>> = {};
  for (const key of Object.keys(next) as (keyof Settings)[]) {
    if (JSON.stringify(next[key]) !== JSON.stringify(DEFAULT_SETTINGS[key])) diff[key] = next[key];
  }
  return diff as Partial<Settings>;
}

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
    set({ filters });
  },
  resetFilters: () => set({ filters: EMPTY_FILTERS }),
  setSort: (sort) => set({ sort }),
  selectHamlet: (selectedHamletId, selectionSource) =>
    set(
      selectedHamletId === null
        ? { selectedHamletId, selectionSource }
        : { selectedHamletId, selectionSource, rightTab: 'details', rightOpen: true },
    ),
  setArea: (area) => set({ area, rightTab: 'area', rightOpen: true }),
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
