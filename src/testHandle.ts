import type { Map as MlMap } from 'maplibre-gl';
import { watchMap } from './map/mapRegistry.ts';
import type { ScenarioStore } from './store/scenario/scenarioStore.ts';
import type { AppStore } from './store/store.ts';

declare global {
  interface Window {
    /** Browser tests' handle on the map and the app store; only in the e2e build. */
    __vt?: { map: MlMap; store: AppStore };
    /** Browser tests' handle on the scenario store; only in the e2e build. */
    __vtScenario?: ScenarioStore;
  }
}

/**
 * Gives the browser tests the map and the stores as window globals. main.tsx loads this module only when
 * built with `vite build --mode e2e` (as `npm run test:e2e` does); the production build has no such global,
 * which the build itself checks (tools/noTestGlobals.ts).
 */
export function exposeForTests(store: AppStore, scenario: ScenarioStore): void {
  window.__vtScenario = scenario;
  watchMap((map) => {
    if (map) window.__vt = { map, store };
    else delete window.__vt;
  });
}
