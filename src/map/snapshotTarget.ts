import type { Map as MlMap } from 'maplibre-gl';

let target: MlMap | null = null;

/** The map component registers its map here, so the Share panel can snapshot it without prop drilling. */
export function setSnapshotMap(map: MlMap | null): void {
  target = map;
}

export function getSnapshotMap(): MlMap | null {
  return target;
}
