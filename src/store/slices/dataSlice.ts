import type { StateCreator, StoreApi } from 'zustand';
import type { AppState, DataBeforeImport, DataSlice } from '../appState.ts';
import { noResultViews } from './analysisSlice.ts';

const READY = { dataStatus: 'ready', dataError: null } as const;

/** Any other change of the data ends what an import could undo. */
const NO_UNDO = { importUndo: null, importStoppedAtRun: null } as const;

export const createDataSlice: StateCreator<AppState, [], [], DataSlice> = (set, get) => ({
  input: null,
  admin: { province: null, units: null, districts: null, communes: null },
  illustrativeLayers: [],
  dataStatus: 'idle',
  dataError: null,
  dataSource: 'sample',
  importedFiles: [],
  importUndo: null,
  importStoppedAtRun: null,
  setData: (input, admin, illustrativeLayers) =>
    set({ input, admin, illustrativeLayers, ...READY, dataSource: 'sample', importedFiles: [], ...NO_UNDO }),
  setImportedData: (input, admin, illustrativeLayers, importedFiles, undoable = false) => {
    const s = get();
    // Data still being read back, or none, leaves nothing to go back to.
    const before: DataBeforeImport | null =
      undoable && s.input && s.dataStatus === 'ready'
        ? {
            input: s.input,
            admin: s.admin,
            illustrativeLayers: s.illustrativeLayers,
            importedFiles: s.importedFiles,
            dataSource: s.dataSource,
            center: s.center,
            zoom: s.zoom,
          }
        : null;
    set({
      input,
      admin,
      illustrativeLayers,
      ...READY,
      dataSource: 'imported',
      importedFiles,
      importUndo: before,
      importStoppedAtRun: null,
    });
  },
  stopImport: () => {
    const before = get().importUndo;
    if (!before) return;
    const { center, zoom, ...data } = before;
    set({ ...data, ...READY, importUndo: null, importStoppedAtRun: get().runId });
    get().applyView({ center, zoom, selectedHamletId: null }, 'app');
  },
  setDataLoading: () => set({ dataStatus: 'loading', dataError: null }),
  setDataRestoring: () => set({ dataSource: 'imported', dataStatus: 'loading', dataError: null, ...NO_UNDO }),
  setDataAbandoned: () =>
    set({
      dataSource: 'sample',
      dataStatus: 'idle',
      ...noResultViews(),
      lastRunFrom: null,
      ...NO_UNDO,
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
