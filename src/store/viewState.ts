import type { HamletStatus, Settings } from '../analysis/types.ts';

/** Map layers the user can toggle. The share link and the legend use these ids. */
export type LayerId =
  | 'hamlets'
  | 'whiteZones'
  | 'weakZones'
  | 'fibre'
  | 'sites'
  | 'siteDiscs'
  | 'facilities'
  | 'boundaries'
  | 'labels';

/** In link-format order (a layer's bit in a v1 link is its index): append only. */
export const ALL_LAYERS: readonly LayerId[] = [
  'hamlets',
  'whiteZones',
  'weakZones',
  'fibre',
  'sites',
  'siteDiscs',
  'facilities',
  'boundaries',
  'labels',
];

/** What hamlets are coloured by. */
export type HamletColourBy = 'status' | 'broadbandShare' | 'uncoveredHouseholds' | 'score';

/** Which technology is missing, for the ranked list's "technology gap" filter. */
export type TechGap = 'any' | 'noFibre' | 'noMbb' | 'both';

export interface Filters {
  district: string | null;
  commune: string | null;
  status: HamletStatus | null;
  tier: 1 | 2 | 3 | null;
  gap: TechGap;
  /** Free text; matched without diacritics. */
  search: string;
}

export const EMPTY_FILTERS: Filters = {
  district: null,
  commune: null,
  status: null,
  tier: null,
  gap: 'any',
  search: '',
};

export interface SelectedArea {
  level: 'province' | 'district' | 'commune';
  code: string;
}

export type Lang = 'vi' | 'en';

/**
 * Everything a shared link restores. The store holds it; the share codec (store/share) encodes it.
 * `settings` holds only what differs from the defaults, to keep links short.
 */
export interface ViewState {
  center: [number, number];
  zoom: number;
  layers: LayerId[];
  colourBy: HamletColourBy;
  filters: Filters;
  area: SelectedArea;
  selectedHamletId: string | null;
  settings: Partial<Settings>;
  lang: Lang;
  basemap: 'none' | 'osm';
}
