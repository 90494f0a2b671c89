import type { Map as MlMap } from 'maplibre-gl';

let current: MlMap | null = null;
const listeners = new Set<(map: MlMap | null) => void>();

/** MapView registers its map here once it exists, and null when it goes; the PNG and print draw from it. */
export function registerMap(map: MlMap | null): void {
  current = map;
  for (const listener of listeners) listener(map);
}

/** The map on screen, or null before it has started. */
export function registeredMap(): MlMap | null {
  return current;
}

/** Calls `listener` with the map now and on every change; returns the unsubscribe. */
export function watchMap(listener: (map: MlMap | null) => void): () => void {
  listeners.add(listener);
  listener(current);
  return () => listeners.delete(listener);
}
