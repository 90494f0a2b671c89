import type {
  AnalysisResult,
  HamletCoverage,
  InputLayers,
  RankedHamlet,
  Settings,
  Summary,
} from '../analysis/types.ts';
import type { HamletUnit, UnitAssignment } from '../analysis/units.ts';
import type { HamletRow, SortState } from './rows.ts';
import type { ReportSlice } from './slices/reportSlice.ts';
import type {
  Filters,
  HamletColourBy,
  Lang,
  LayerId,
  LensRanking,
  SelectedArea,
  UnitSystem,
  ViewState,
} from './viewState.ts';

import type { AdminLayers } from '../data/layerRoles.ts';
export type { AdminCollection, AdminLayers } from '../data/layerRoles.ts';

/** Where a view change came from, so map ⇄ store ⇄ URL sync cannot loop. */
export type ChangeSource = 'app' | 'map';

export interface DataSlice {
  /** The analysis input (named `input` because `layers` is the view's list of visible layers). */
  input: InputLayers | null;
  admin: AdminLayers;
  /** Names of the layers made up for the sample (features marked synthetic / illustrative). */
  illustrativeLayers: string[];
  dataStatus: 'idle' | 'loading' | 'ready' | 'error';
  dataError: string | null;
  /** 'sample' for the shipped data; 'imported' once the user brought any layer of their own. */
  dataSource: 'sample' | 'imported';
  /** Names of the user's files now in `input`/`admin`, for the data note. */
  importedFiles: string[];
  /**
   * The data and map view from before the last import through the dialog, while that import's analysis
   * has not finished (`stopImport` puts them back); null otherwise.
   */
  importUndo: DataBeforeImport | null;
  /**
   * The run id when the last import was stopped (the next run brings back the data from before it); null
   * once the data changes another way.
   */
  importStoppedAtRun: number | null;
  setData(input: InputLayers, admin: AdminLayers, illustrativeLayers: string[]): void;
  /**
   * Replaces the data with the user's (import, project file, restore after reload). `undoable`: an import
   * through the dialog, which can be stopped until its analysis finishes (`importUndo`).
   */
  setImportedData(
    input: InputLayers,
    admin: AdminLayers,
    illustrativeLayers: string[],
    importedFiles: string[],
    undoable?: boolean,
  ): void;
  /** Stops the import whose analysis runs: the data and view from before it come back. */
  stopImport(): void;
  setDataLoading(): void;
  /** The user's saved data is being read back (its saved result may be shown meanwhile; `input` is null). */
  setDataRestoring(): void;
  /** The saved data did not come back: the result shown ahead of it goes too, the sample follows. */
  setDataAbandoned(): void;
  setDataError(message: string): void;
}

/** What `stopImport` puts back. */
export type DataBeforeImport = Pick<
  DataSlice,
  'input' | 'admin' | 'illustrativeLayers' | 'importedFiles' | 'dataSource'
> & { center: [number, number]; zoom: number };

export interface Progress {
  done: number;
  total: number;
  phase: string;
}

/** What the store derives from a result for the list, details and map (`resultViews`). */
export type ResultViews = Pick<AnalysisSlice, 'rows' | 'coverageById' | 'rankingById'>;

export interface AnalysisSlice {
  result: AnalysisResult | null;
  rows: HamletRow[];
  coverageById: ReadonlyMap<string, HamletCoverage>;
  rankingById: ReadonlyMap<string, RankedHamlet>;
  /**
   * The roll-ups of a saved list shown ahead of its result after a reload (`showSavedList`): `rows` hold
   * its rows while `result` is still null; null otherwise.
   */
  listAhead: Summary | null;
  running: boolean;
  progress: Progress | null;
  analysisError: string | null;
  /** 'worker' when the analysis worker died twice: the page offers a retry instead of naming an input. */
  analysisErrorKind: 'worker' | null;
  /** Bumped by `retryRun`: the runner runs again on the same data and settings. */
  retries: number;
  /** Id of the newest requested run; results of older runs are dropped. */
  runId: number;
  lastRunMs: number | null;
  /**
   * Where the last result came from: a run, the result saved by an earlier visit, or the sample's result
   * built with the app (neither is a run).
   */
  lastRunFrom: 'run' | 'cache' | 'shipped' | null;
  startRun(): number;
  setProgress(runId: number, progress: Progress): void;
  /**
   * `views`: the rows and lookups of `result` when the caller built them already (see `resultViews`);
   * `from`: 'cache' or 'shipped' when the result was read back instead of computed.
   */
  finishRun(
    runId: number,
    result: AnalysisResult,
    ms: number,
    views?: ResultViews,
    from?: 'run' | 'cache' | 'shipped',
  ): void;
  failRun(runId: number, message: string, kind?: 'worker'): void;
  retryRun(): void;
  /** Shows a saved list (its rows and roll-ups) before its result is read; a no-op once a result is in. */
  showSavedList(rows: HamletRow[], summary: Summary, from?: 'cache' | 'shipped'): void;
}

/** The hamlets' administrative units (the `units` system, DATA-MODEL §15) and the roll-ups by unit. */
export interface UnitsSlice {
  /** Each hamlet's unit by largest overlap with `admin.units`; null without a units layer or before. */
  unitAssignment: UnitAssignment | null;
  /** The same by hamlet id. */
  unitOf: ReadonlyMap<string, HamletUnit>;
  /** The current result rolled up by unit (`units` holds the rows); null until both are there. */
  unitSummary: Summary | null;
  unitsStatus: 'none' | 'assigning' | 'ready' | 'error';
  unitsError: string | null;
  setUnitsPending(): void;
  setUnitsError(message: string): void;
  /** Also rebuilds the list's rows (each with its unit) and the roll-ups by unit. */
  setUnitAssignment(assignment: UnitAssignment | null): void;
}

export interface ViewSlice extends ViewState {
  viewSource: ChangeSource;
  selectionSource: ChangeSource;
  sort: SortState;
  setCamera(center: [number, number], zoom: number, source: ChangeSource): void;
  toggleLayer(id: LayerId): void;
  setColourBy(by: HamletColourBy): void;
  setFilters(patch: Partial<Filters>): void;
  resetFilters(): void;
  setSort(sort: SortState): void;
  selectHamlet(id: string | null, source: ChangeSource): void;
  /** Shows the area's roll-up and filters the list to it (the list and the roll-up move together). */
  setArea(area: SelectedArea): void;
  /** Switches the unit system: back to the whole province, area filters cleared. */
  setUnitSystem(system: UnitSystem): void;
  /** Stores only what differs from the defaults. */
  setSettings(next: Settings): void;
  resetSettings(): void;
  setLang(lang: Lang): void;
  setBasemap(basemap: ViewState['basemap']): void;
  /** Restores a (possibly partial) view, e.g. decoded from a shared link. */
  applyView(view: Partial<ViewState>, source: ChangeSource): void;
}

/** The operator lens (`ViewState.lens`) and how it changes. */
export interface LensSlice {
  /**
   * One operator's view, or all operators (null). Choosing an operator ranks the list by its gap (unless a
   * lens ranking is chosen) and colours hamlets by its view; going back to all drops its ranking.
   */
  setOperator(operator: string | null): void;
  setLensRanking(ranking: LensRanking): void;
}

export type PanelTab = 'details' | 'area';
export type MobilePane = 'map' | 'list' | 'layers';

export interface UiSlice {
  leftOpen: boolean;
  rightOpen: boolean;
  /** 'layers', 'settings', or the key of a tab another panel adds (see App's `leftTabs`). */
  leftTab: string;
  rightTab: PanelTab;
  mobilePane: MobilePane;
  /** Fit the map to the province when data arrives; a shared link with a position turns it off. */
  fitOnLoad: boolean;
  setLeftOpen(open: boolean): void;
  setRightOpen(open: boolean): void;
  setLeftTab(tab: UiSlice['leftTab']): void;
  setRightTab(tab: PanelTab): void;
  setMobilePane(pane: MobilePane): void;
  setFitOnLoad(fit: boolean): void;
  /** Map clicks pick districts and communes for the roll-up instead of hamlets (the Areas tab's toggle). */
  pickAreas: boolean;
  setPickAreas(on: boolean): void;
}

export type AppState = DataSlice & AnalysisSlice & ViewSlice & LensSlice & UiSlice & UnitsSlice & ReportSlice;

/** The ViewState fields of the app state: what a shared link and a project file reopen. */
export function viewOf(s: ViewState): ViewState {
  return {
    center: s.center,
    zoom: s.zoom,
    layers: s.layers,
    colourBy: s.colourBy,
    filters: s.filters,
    area: s.area,
    unitSystem: s.unitSystem,
    selectedHamletId: s.selectedHamletId,
    settings: s.settings,
    lang: s.lang,
    basemap: s.basemap,
    lens: s.lens,
  };
}
