import type { StateCreator, StoreApi } from 'zustand';
import type { AppState, DataSlice } from '../appState.ts';
import { noResultViews } from './analysisSlice.ts';

const READY = { dataStatus: 'ready', dataError: null } as const;

export const createDataSlice: StateCreator<AppState, [], [], DataSlice> = (set) => ({
  input: null,
  admin: { province: null, units: null, districts: null, communes: null },
  illustrativeLayers: [],
  dataStatus: 'idle',
  dataError: null,
  dataSource: 'sample',
  importedFiles: [],
  setData: (input, admin, illustrativeLayers) =>
    set({ input, admin, illustrativeLayers, ...READY, dataSource: 'sample', importedFiles: [] }),
  setImportedData: (input, admin, illustrativeLayers, importedFiles) =>
    set({ input, admin, illustrativeLayers, ...READY, dataSource: 'imported', importedFiles }),
  setDataLoading: () => set({ dataStatus: 'loading', dataError: null }),
  setDataRestoring: () => set({ dataSource: 'imported', dataStatus: 'loading', dataError: null }),
  setDataAbandoned: () =>
    set({
      dataSource: 'sample',
      dataStatus: 'idle',
      ...noResultViews(),
      lastRunFrom: null,
    }),
  setDataError: (message) => set({ dataStatus: 'error', dataError: message }),
});

/**
 * Resolves once the data is not being loaded or read back (`dataStatus` leaves 'loading'): what replaces or
 * merges into the data (import, a project, reset) or writes it out waits for it, so the saved data read
 * back after a reload can neither be lost nor overwrite the user's newer choice.
 */
export function dataSettled(store: StoreApi<AppState>): Promise<void> {
  return new Promise((resolve) => {
    if (store.getState().dataStatus !== 'loading') return resolve();
    const stop = store.subscribe((s) => {
      if (s.dataStatus === 'loading') return;
      stop();
      resolve();
    });
  });
}
