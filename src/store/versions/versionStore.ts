import type { FeatureCollection } from 'geojson';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AreaShares } from '../../analysis/progress.ts';
import type { Settings } from '../../analysis/types.ts';
import type { AreaChange, HamletChange } from '../../analysis/versionCompare.ts';

/** A dated version of the data: one of the sample's built-in ones, or one the user saved. */
export interface VersionMeta {
  /** `sample:2022-12` for a built-in version; `u-…` for a saved one. */
  id: string;
  /** `YYYY-MM`. */
  date: string;
  label: string;
  /** Versions of one group share their hamlets and are drawn together: `sample`, or the hamlets' key. */
  group: string;
  builtIn: boolean;
  savedAt?: string;
  /** A saved version's settings (what differs from the defaults); built-in ones use the current settings. */
  settings?: Partial<Settings>;
  /** A saved version's layers: role → key in the layer pool (data/layerPool.ts). */
  layers?: Record<string, string>;
}

/** The two versions compared, by id. */
export interface ComparePair {
  before: string;
  after: string;
}

/** The comparison of the chosen pair, as the panel, the table and the map show it. */
export interface ComparisonView {
  pair: ComparePair;
  hamlets: HamletChange[];
  areas: AreaChange[];
  causesKnown: boolean;
  settingsDiffer: string[];
  /** Changed hamlets' polygons with `change`: what the map colours. */
  map: FeatureCollection;
}

/** The progress of one group of versions: each version's shares per area, oldest first. */
export interface ProgressView {
  group: string;
  versions: { id: string; date: string; label: string; shares: AreaShares[] }[];
}

/** Something the time view could not do, for the panel to word in the UI's language. */
export type VersionProblem =
  | { kind: 'differentHamlets'; onlyBefore: string[]; onlyAfter: string[] }
  | { kind: 'missing'; id: string }
  | { kind: 'failed'; message: string };

export interface VersionState {
  builtIn: VersionMeta[];
  saved: VersionMeta[];
  /** The saved versions' index has been read from this browser. */
  loaded: boolean;
  /** The time view is in use (its panel opened, or a comparison chosen): only then are versions analysed. */
  active: boolean;
  compare: ComparePair | null;
  showOnMap: boolean;
  comparison: ComparisonView | null;
  progress: ProgressView | null;
  /** Versions analysed so far for the comparison under way, and for the progress under way. */
  comparing: { done: number; total: number } | null;
  measuring: { done: number; total: number } | null;
  problem: VersionProblem | null;
  setBuiltIn(list: VersionMeta[]): void;
  setSaved(list: VersionMeta[]): void;
  activate(): void;
  setCompare(pair: ComparePair | null): void;
  setShowOnMap(on: boolean): void;
}

export type VersionStore = StoreApi<VersionState>;

export function createVersionStore(): VersionStore {
  return createStore<VersionState>()((set) => ({
    builtIn: [],
    saved: [],
    loaded: false,
    active: false,
    compare: null,
    showOnMap: true,
    comparison: null,
    progress: null,
    comparing: null,
    measuring: null,
    problem: null,
    setBuiltIn: (builtIn) => set({ builtIn }),
    setSaved: (saved) => set({ saved, loaded: true }),
    activate: () => set({ active: true }),
    setCompare: (compare) =>
      set(compare ? { compare, active: true } : { compare, comparison: null, problem: null }),
    setShowOnMap: (showOnMap) => set({ showOnMap }),
  }));
}

export const versionStore: VersionStore = createVersionStore();

/** Every version, built-in first then saved, each list by date. */
export function allVersions(s: Pick<VersionState, 'builtIn' | 'saved'>): VersionMeta[] {
  return [...s.builtIn, ...s.saved];
}
