import { createStore } from 'zustand/vanilla';
import type { ViewState } from '../viewState.ts';

/** Where this browser remembers that its user allowed the OpenStreetMap basemap. */
const KEY = 'vungtrang:osm-basemap-allowed';
let allowed = false;

/**
 * True once the user of this browser has allowed the OpenStreetMap basemap (the settings' checkbox, or
 * "Allow" on a link's request). Its tiles are the app's only outside requests; nothing else turns them on.
 */
export function osmAllowed(): boolean {
  if (allowed) return true;
  try {
    allowed = globalThis.localStorage?.getItem(KEY) === '1';
  } catch {
    // Storage blocked: the answer holds for this visit only.
  }
  return allowed;
}

/** Remembers the user's consent in this browser (and for this visit if storage is blocked). */
export function allowOsm(): void {
  allowed = true;
  try {
    globalThis.localStorage?.setItem(KEY, '1');
  } catch {
    // Kept in memory for this visit.
  }
}

/** Set when a link or project asked for the basemap without consent: the page then asks the user. */
export interface BasemapRequest {
  asked: boolean;
  ask(): void;
  dismiss(): void;
}

export const basemapRequestStore = createStore<BasemapRequest>()((set) => ({
  asked: false,
  ask: () => set({ asked: true }),
  dismiss: () => set({ asked: false }),
}));

/**
 * A view from outside this browser (a share link, a project file) with its basemap held back until the
 * user allows it: asks instead, and opens on the offline map.
 *
 * @example s.applyView(withoutUnallowedBasemap(view), 'app');
 */
export function withoutUnallowedBasemap<V extends Partial<Pick<ViewState, 'basemap'>>>(view: V): V {
  if (view.basemap !== 'osm' || osmAllowed()) return view;
  basemapRequestStore.getState().ask();
  return { ...view, basemap: 'none' };
}

/** The basemap the map may draw: OpenStreetMap only with consent, whatever the state says. */
export function drawnBasemap(basemap: ViewState['basemap']): ViewState['basemap'] {
  return basemap === 'osm' && osmAllowed() ? 'osm' : 'none';
}
