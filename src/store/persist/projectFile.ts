import type { FeatureCollection } from 'geojson';
import type { InputLayers } from '../../analysis/types.ts';
import type { AdminCollection, AdminLayers, LayerRole, ParsedProject } from '../../data/index.ts';
import { ADMIN_ROLES, INPUT_ROLES } from '../../data/layerRoles.ts';
import { PROJECT_VERSION, serializeProject, type ProjectVersion } from '../../data/projectFormat.ts';
import { viewOf, type AppState } from '../appState.ts';
import { effectiveSettings, type AppStore } from '../store.ts';
import { withoutUnallowedBasemap } from '../share/basemapConsent.ts';
import { ALL_LAYERS, type LayerId, type ViewState } from '../viewState.ts';

/**
 * Other parts of the app that travel in a project file beside data, settings and view (the
 * scenarios of the what-if panel). Registered by their owner so this module does not import them.
 */
export interface ProjectExtras {
  getScenarios(): unknown[];
  setScenarios(scenarios: unknown[]): void;
}

let extras: ProjectExtras | null = null;
export function registerProjectExtras(next: ProjectExtras | null): void {
  extras = next;
}

/** Takes a project's dated versions when it is opened (the time view registers it; see `versionProject.ts`). */
let takeVersions: ((versions: ProjectVersion[]) => void) | null = null;
export function registerProjectVersions(take: ((versions: ProjectVersion[]) => void) | null): void {
  takeVersions = take;
}

/** The app's layers by role, inputs and boundaries: what a project file or a dated version saves. */
export function stateLayers(
  state: Pick<AppState, 'input' | 'admin'>,
): Partial<Record<LayerRole, FeatureCollection>> {
  const layers: Partial<Record<LayerRole, FeatureCollection>> = {};
  for (const role of INPUT_ROLES) {
    const fc = state.input?.[role];
    if (fc) layers[role] = fc as FeatureCollection;
  }
  for (const role of ADMIN_ROLES) {
    const fc = state.admin[role];
    if (fc) layers[role] = fc;
  }
  return layers;
}

/**
 * The whole analysis as project-file text: every layer, the effective settings, the scenarios, the
 * view and the saved dated versions (read from this browser beforehand: `versionsForProject`).
 * Reopening it with `applyProject` gives the same data, list and map.
 *
 * @example download(new Blob([projectText(appStore.getState(), 'Giao Thủy')]), 'giao-thuy.vungtrang.json')
 */
export function projectText(state: AppState, name?: string, versions: ProjectVersion[] = []): string {
  if (!state.input) throw new Error('There is no data to save yet.');
  const layers = stateLayers(state);
  // `version` and `layers` first: file-type sniffing reads only the first few kilobytes.
  return serializeProject({
    version: PROJECT_VERSION,
    ...(name ? { name } : {}),
    layers,
    settings: effectiveSettings(state),
    scenarios: extras?.getScenarios() ?? [],
    view: { ...viewOf(state), illustrativeLayers: state.illustrativeLayers, files: state.importedFiles },
    versions,
  });
}

/**
 * Replaces data, settings, scenarios and view with a parsed project. A project without hamlets
 * cannot be analysed, so it is refused before anything changes.
 */
export function applyProject(store: AppStore, parsed: ParsedProject, fileName: string): void {
  const { layers, settings, scenarios, view, versions } = parsed.project;
  const hamlets = layers.hamlets;
  if (!hamlets || hamlets.features.length === 0) {
    throw new Error(
      `${fileName}: the project has no hamlets layer with valid features; nothing was changed.`,
    );
  }
  const input = { hamlets } as InputLayers;
  for (const role of INPUT_ROLES) {
    const fc = layers[role];
    if (fc && role !== 'hamlets') (input as unknown as Record<string, FeatureCollection>)[role] = fc;
  }
  const admin = Object.fromEntries(
    ADMIN_ROLES.map((role) => [role, (layers[role] as AdminCollection | undefined) ?? null]),
  ) as AdminLayers;
  const savedView = isObject(view) ? view : {};
  const illustrative = Object.entries(layers)
    .filter(([, fc]) => fc.features.some((f) => f.properties?.synthetic === true))
    .map(([role]) => role);
  const files = Array.isArray(savedView.files)
    ? savedView.files.filter((f): f is string => typeof f === 'string')
    : [];
  const s = store.getState();
  s.setImportedData(input, admin, illustrative, [fileName, ...files.filter((f) => f !== fileName)]);
  s.setSettings(settings);
  extras?.setScenarios(scenarios);
  takeVersions?.(versions);
  const restorable = pickView(savedView);
  if (restorable.center) s.setFitOnLoad(false);
  s.applyView(withoutUnallowedBasemap(restorable), 'app');
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Only well-formed view fields are restored; a hand-edited project cannot break the map. */
function pickView(v: Record<string, unknown>): Partial<ViewState> {
  const out: Partial<ViewState> = {};
  const c = v.center;
  if (Array.isArray(c) && c.length === 2 && c.every((n) => typeof n === 'number' && Number.isFinite(n))) {
    out.center = [c[0] as number, c[1] as number];
  }
  if (typeof v.zoom === 'number' && Number.isFinite(v.zoom)) out.zoom = v.zoom;
  if (v.lang === 'vi' || v.lang === 'en') out.lang = v.lang;
  if (v.basemap === 'none' || v.basemap === 'osm') out.basemap = v.basemap;
  if (v.unitSystem === 'units' || v.unitSystem === 'districts') out.unitSystem = v.unitSystem;
  if (
    v.colourBy === 'status' ||
    v.colourBy === 'broadbandShare' ||
    v.colourBy === 'uncoveredHouseholds' ||
    v.colourBy === 'score' ||
    v.colourBy === 'market' ||
    v.colourBy === 'measured'
  ) {
    out.colourBy = v.colourBy;
  }
  const lens = isObject(v.lens) ? v.lens : null;
  if (
    lens &&
    (lens.operator === null || typeof lens.operator === 'string') &&
    (lens.ranking === 'pooled' || lens.ranking === 'operator-commercial' || lens.ranking === 'public-fund') &&
    (lens.operator !== null || lens.ranking !== 'operator-commercial')
  )
    out.lens = { operator: lens.operator, ranking: lens.ranking };
  if (Array.isArray(v.layers)) {
    out.layers = v.layers.filter((l): l is LayerId => ALL_LAYERS.includes(l as LayerId));
  }
  if (typeof v.selectedHamletId === 'string' || v.selectedHamletId === null) {
    out.selectedHamletId = v.selectedHamletId;
  }
  return out;
}
