import type { Map as MlMap } from 'maplibre-gl';
import { watchMap } from './map/mapRegistry.ts';
import type { ScenarioStore } from './store/scenario/scenarioStore.ts';
import type { AppStore } from './store/store.ts';
import type { VersionStore } from './store/versions/versionStore.ts';
import { analysisClient } from './worker/earlyClient.ts';

declare global {
  interface Window {
    /** Browser tests' handle on the map and the app store; only in the e2e build. */
    __vt?: { map: MlMap; store: AppStore };
    /** Browser tests' handle on the scenario store; only in the e2e build. */
    __vtScenario?: ScenarioStore;
    /** Browser tests' handle on the dated versions' store; only in the e2e build. */
    __vtVersions?: VersionStore;
    /** Browser tests' way to end the analysis worker as a crash would; only in the e2e build. */
    __vtFaults?: { analysisWorker(): Worker | null };
    /** Browser tests' count of the analyses the page asked of its worker; only in the e2e build. */
    __vtAnalysisRuns?: () => number;
  }
}

/**
 * Gives the browser tests the map and the stores as window globals. main.tsx loads this module only when
 * built with `vite build --mode e2e` (as `npm run test:e2e` does); the production build has no such global,
 * which the build itself checks (tools/noTestGlobals.ts).
 */
export function exposeForTests(store: AppStore, scenario: ScenarioStore, versions: VersionStore): void {
  window.__vtScenario = scenario;
  window.__vtVersions = versions;
  window.__vtFaults = { analysisWorker: () => analysisClient.currentWorker };
  window.__vtAnalysisRuns = () => analysisClient.runs;
  watchMap((map) => {
    if (map) window.__vt = { map, store };
    else delete window.__vt;
  });
}
