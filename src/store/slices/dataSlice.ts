import type { StateCreator } from 'zustand';
import type { AppState, DataSlice } from '../appState.ts';

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
  setDataError: (message) => set({ dataStatus: 'error', dataError: message }),
});
