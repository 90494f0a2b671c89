import type { StateCreator } from 'zustand';
import type { AppState, UiSlice } from '../appState.ts';

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  leftOpen: true,
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
