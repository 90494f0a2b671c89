import type { FeatureCollection } from 'geojson';
import { bbox } from '@turf/bbox';
import type { InputLayers } from '../../analysis/types.ts';
import { boxOf } from '../../data/featureBoxes.ts';
import { isAdminRole, type LayerRole } from '../../data/layerRoles.ts';
import type { AdminCollection, AdminLayers, AppState } from '../../store/appState.ts';
import type { AppStore } from '../../store/store.ts';

type DataState = Pick<AppState, 'input' | 'admin' | 'illustrativeLayers' | 'importedFiles' | 'dataSource'>;

export interface MergedData {
  input: InputLayers;
  admin: AdminLayers;
  illustrativeLayers: string[];
  importedFiles: string[];
}

/**
 * The data after importing one layer. Hamlets start a new data set: every illustrative (sample)
 * layer goes, since sample sites and fibre belong to Nam Định, not to the user's area. Any other
 * layer replaces only its own kind. Returns null when there are no hamlets to add a layer to.
 */
export function mergeImported(
  state: DataState,
  role: LayerRole,
  collection: FeatureCollection,
  fileName: string,
): MergedData | null {
  const illustrative = new Set(state.illustrativeLayers);
  const files = state.dataSource === 'imported' ? state.importedFiles.filter((f) => f !== fileName) : [];
  const keep = (name: string): boolean => role !== 'hamlets' || !illustrative.has(name);
  let input: InputLayers;
  if (role === 'hamlets') {
    const kept = Object.entries(state.input ?? {}).filter(([name]) => name !== 'hamlets' && keep(name));
    input = { ...Object.fromEntries(kept), hamlets: collection } as InputLayers;
  } else if (isAdminRole(role)) {
    if (!state.input) return null;
    input = state.input;
  } else {
    if (!state.input) return null;
    input = { ...state.input, [role]: collection } as InputLayers;
  }
  // Boundaries of another province would put the user's hamlets under the wrong name in roll-ups.
  const elsewhere = role === 'hamlets' && outsideProvince(collection, state.admin.province);
  const keepAdmin = (name: string): boolean => keep(name) && !elsewhere;
  const admin: AdminLayers = {
    province: keepAdmin('province') ? state.admin.province : null,
    units: keepAdmin('units') ? state.admin.units : null,
    districts: keepAdmin('districts') ? state.admin.districts : null,
    communes: keepAdmin('communes') ? state.admin.communes : null,
  };
  if (isAdminRole(role)) admin[role] = collection as AdminCollection;
  const illustrativeLayers = state.illustrativeLayers.filter((name) => name !== role && keep(name));
  return { input, admin, illustrativeLayers, importedFiles: [...files, fileName] };
}

function outsideProvince(collection: FeatureCollection, province: AdminCollection | null): boolean {
  if (!province || province.features.length === 0 || collection.features.length === 0) return false;
  // The features' boxes, which the import worker sent with the layer: no walk over every coordinate here.
  const box = boxOf(collection.features);
  if (!box) return false;
  const [w, s, e, n] = box;
  const [pw, ps, pe, pn] = bbox(province);
  const x = (w + e) / 2;
  const y = (s + n) / 2;
  return !(x >= pw && x <= pe && y >= ps && y <= pn);
}

/** A layer checked in the dialog and waiting to be imported with the others chosen in the same go. */
export interface PendingLayer {
  role: LayerRole;
  collection: FeatureCollection;
  fileName: string;
}

/**
 * The data after importing several layers in one go: hamlets first (they start a new data set, so a
 * fibre file chosen before its hamlets is not swept away with the sample), then the others in the order
 * they were confirmed. `left` holds the layers that need hamlets when the batch and the data have none.
 */
export function mergeBatch(
  state: DataState,
  layers: readonly PendingLayer[],
): { merged: MergedData | null; left: PendingLayer[] } {
  const ordered = [
    ...layers.filter((l) => l.role === 'hamlets'),
    ...layers.filter((l) => l.role !== 'hamlets'),
  ];
  let current = state;
  let merged: MergedData | null = null;
  const left: PendingLayer[] = [];
  for (const layer of ordered) {
    const next = mergeImported(current, layer.role, layer.collection, layer.fileName);
    if (!next) {
      left.push(layer);
      continue;
    }
    merged = next;
    current = { ...next, dataSource: 'imported' };
  }
  return { merged, left };
}

/**
 * Puts layers imported in one go into the store with one change, so the analysis runs once for all of
 * them, and moves the map onto the new hamlets (or province); until that analysis finishes the import can
 * be stopped (`stopImport`). Returns the layers that could not be added.
 */
export function applyBatch(
  store: AppStore,
  layers: readonly PendingLayer[],
  viewport: { width: number; height: number },
): PendingLayer[] {
  const s = store.getState();
  const { merged, left } = mergeBatch(s, layers);
  if (!merged) return left;
  s.setImportedData(merged.input, merged.admin, merged.illustrativeLayers, merged.importedFiles, true);
  const framing = [...layers]
    .reverse()
    .find((l) => !left.includes(l) && (l.role === 'hamlets' || l.role === 'province'));
  const box = framing && boxOf(framing.collection.features);
  const view = box && viewForBounds(box, viewport);
  if (view) s.applyView({ ...view, selectedHamletId: null }, 'app');
  return left;
}

/**
 * Puts an imported layer into the store and, for hamlets, moves the map onto them (the sample's
 * "fit the province" only knows the sample's province outline): a batch of one.
 */
export function applyImport(
  store: AppStore,
  role: LayerRole,
  collection: FeatureCollection,
  fileName: string,
  viewport: { width: number; height: number },
): boolean {
  return applyBatch(store, [{ role, collection, fileName }], viewport).length === 0;
}

/** Centre and zoom that fit lon/lat bounds in a viewport of the given pixel size (web Mercator). */
export function viewForBounds(
  [w, s, e, n]: [number, number, number, number],
  viewport: { width: number; height: number },
): { center: [number, number]; zoom: number } | null {
  if (![w, s, e, n].every(Number.isFinite)) return null;
  const mercY = (lat: number): number => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
  const dx = Math.max(e - w, 1e-6) / 360;
  const dy = Math.max(mercY(n) - mercY(s), 1e-8) / (2 * Math.PI);
  // 10 % margin so the outermost hamlets are not cut by the panels' edges.
  const zx = Math.log2((viewport.width * 0.9) / 512 / dx);
  const zy = Math.log2((viewport.height * 0.9) / 512 / dy);
  const zoom = Math.max(2, Math.min(16, Math.min(zx, zy)));
  const cy = (mercY(n) + mercY(s)) / 2;
  const lat = (2 * Math.atan(Math.exp(cy)) - Math.PI / 2) * (180 / Math.PI);
  return { center: [(w + e) / 2, lat], zoom };
}

/**
 * The loaded hamlets' extent, for an import: speed tests and field reports outside it are named in the
 * report (they would count in no hamlet). Empty without hamlets.
 */
export function hamletsExtent(store: AppStore): { extent?: [number, number, number, number] } {
  const hamlets = store.getState().input?.hamlets;
  if (!hamlets || hamlets.features.length === 0) return {};
  const box = boxOf(hamlets.features);
  return box ? { extent: box } : {};
}
