import type { Map as MlMap } from 'maplibre-gl';

/** The map a snapshot or print is drawn from: the one MapView exposes. */
export function getSnapshotMap(): MlMap | null {
  return window.__vt?.map ?? null;
}
