import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { withDefaults } from '../analysis/settings.ts';
import type { Settings } from '../analysis/types.ts';
import type { AppState } from './appState.ts';
import { createAnalysisSlice } from './slices/analysisSlice.ts';
import { createDataSlice } from './slices/dataSlice.ts';
import { createUiSlice } from './slices/uiSlice.ts';
import { createUnitsSlice } from './slices/unitsSlice.ts';
import { createViewSlice } from './slices/viewSlice.ts';

export type AppStore = StoreApi<AppState>;

/** A fresh store; tests make their own, the app uses `appStore`. */
export function createAppStore(): AppStore {
  return createStore<AppState>()((...a) => ({
    ...createDataSlice(...a),
    ...createAnalysisSlice(...a),
    ...createViewSlice(...a),
    ...createUiSlice(...a),
    ...createUnitsSlice(...a),
  }));
}

export const appStore: AppStore = createAppStore();

/** Narrow selector hook over the app store; wrap object selectors in `useShallow`. */
export function useApp<T>(selector: (s: AppState) => T): T {
  return useStore(appStore, selector);
}

let lastPartial: Partial<Settings> | undefined;
let lastFull: Settings | undefined;
/** Effective settings (defaults filled in), memoised so selectors return a stable object. */
export function effectiveSettings(s: Pick<AppState, 'settings'>): Settings {
  if (s.settings !== lastPartial || !lastFull) {
    lastPartial = s.settings;
    lastFull = withDefaults(s.settings);
  }
  return lastFull;
}
