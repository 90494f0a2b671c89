import type { StateCreator } from 'zustand';
import type { AppState, UiSlice } from '../appState.ts';

/** Laptop windows narrower than this, wider than a phone, open with the layers panel closed. */
export const LAYERS_CLOSED_BELOW = 1280;
const LAPTOP = `(min-width: 761px) and (max-width: ${LAYERS_CLOSED_BELOW - 1}px)`;

/**
 * Whether the layers panel starts open. At 1,024 px both panels left the map 244 px; closed, it gets 544 px
 * and the legend shows over the map.
 */
export function startsWithLayersOpen(
  matches: (query: string) => boolean | undefined = (q) => globalThis.matchMedia?.(q).matches,
): boolean {
  return matches(LAPTOP) !== true;
}

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  leftOpen: startsWithLayersOpen(),
  rightOpen: true,
  leftTab: 'layers',
  rightTab: 'area',
  mobilePane: 'map',
  fitOnLoad: true,
  pickAreas: false,
  setLeftOpen: (leftOpen) => set({ leftOpen }),
  setRightOpen: (rightOpen) => set({ rightOpen }),
  setLeftTab: (leftTab) => set({ leftTab }),
  setRightTab: (rightTab) => set({ rightTab }),
  setMobilePane: (mobilePane) => set({ mobilePane }),
  setFitOnLoad: (fitOnLoad) => set({ fitOnLoad }),
  setPickAreas: (pickAreas) =>
    set(pickAreas ? { pickAreas, rightTab: 'area', rightOpen: true } : { pickAreas }),
});
