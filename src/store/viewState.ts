import type { HamletStatus, MarketClass, Settings } from '../analysis/types.ts';

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

/**
 * What hamlets are coloured by. `market`: by how many operators give 4G/5G (white / grey / black), or, with
 * one operator's lens, by that operator's view (its coverage, competitor-only, no operator). `measured`: by
 * measured quality against the speed targets.
 */
export type HamletColourBy =
  'status' | 'broadbandShare' | 'uncoveredHouseholds' | 'score' | 'market' | 'measured';

/**
 * Every colouring, in the order the layer panel offers them, which is also each one's index in a share link
 * (src/store/share/codec.ts): append only, so that a new colouring never changes what an old link means.
 */
export const ALL_COLOUR_BY: readonly HamletColourBy[] = [
  'status',
  'broadbandShare',
  'uncoveredHouseholds',
  'score',
  'market',
  'measured',
];

/** Which technology is missing, for the ranked list's "technology gap" filter. */
export type TechGap = 'any' | 'noFibre' | 'noMbb' | 'both';

/**
 * How hamlets are grouped into areas (DATA-MODEL §15): `units`, province → commune/ward, by the units
 * layer (since 1 July 2025, or one the user imported), each hamlet in the unit holding most of its area;
 * `districts`, province → district → commune (2020–2024), by the codes the hamlets carry.
 */
export type UnitSystem = 'units' | 'districts';

export interface Filters {
  district: string | null;
  commune: string | null;
  /** A unit of the `units` system; district and commune belong to the `districts` system. */
  unit: string | null;
  status: HamletStatus | null;
  tier: 1 | 2 | 3 | null;
  gap: TechGap;
  /** Free text; matched without diacritics. */
  search: string;
  /** Hamlets of one market class (DATA-MODEL §14), or all. */
  market: MarketClass | null;
}

export const EMPTY_FILTERS: Filters = {
  district: null,
  commune: null,
  unit: null,
  status: null,
  tier: null,
  gap: 'any',
  search: '',
  market: null,
};

export interface SelectedArea {
  level: 'province' | 'district' | 'commune' | 'unit';
  code: string;
}

export type Lang = 'vi' | 'en';

/**
 * How the list is ranked: `pooled` by the settings' preset (DATA-MODEL §7); `operator-commercial` by the
 * lens operator's gap, `public-fund` by the households no operator serves (DATA-MODEL §14).
 */
export type LensRanking = 'pooled' | 'operator-commercial' | 'public-fund';

/** The operator lens: one operator's view of the analysis (null: all operators), and the list's ranking. */
export interface LensView {
  operator: string | null;
  ranking: LensRanking;
}

export const ALL_OPERATORS: LensView = { operator: null, ranking: 'pooled' };

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
  /** The unit system the user chose; `units` falls back to `districts` when there is no units layer. */
  unitSystem: UnitSystem;
  selectedHamletId: string | null;
  settings: Partial<Settings>;
  lang: Lang;
  basemap: 'none' | 'osm';
  lens: LensView;
}
