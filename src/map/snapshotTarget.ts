import type { Map as MlMap } from 'maplibre-gl';

let target: MlMap | null = null;

/** A map component may register its map here; otherwise the one MapView exposes on `window.__vt` is used. */
export function setSnapshotMap(map: MlMap | null): void {
  target = map;
}

export function getSnapshotMap(): MlMap | null {
  return target ?? window.__vt?.map ?? null;
}
