import { viewOf } from '../appState.ts';
import type { ScenarioStore } from '../scenario/scenarioStore.ts';
import type { VersionStore } from '../versions/versionStore.ts';
import type { AppStore } from '../store.ts';
import type { ViewState } from '../viewState.ts';
import type { SharedView } from './codec.ts';
import { withoutUnallowedBasemap } from './basemapConsent.ts';
import { linkNoticeStore } from './linkNotice.ts';
import { editsToFeatures, featuresToEdits } from './scenarioEdits.ts';
import type { ViewPort } from './urlSync.ts';

/**
 * The share link's view of the app: the ViewState fields of the app store and, when a scenario store is
 * given, the scenario's edits; and how to restore them.
 */
export function appStorePort(store: AppStore, scenario?: ScenarioStore, versions?: VersionStore): ViewPort {
  let lastPair: unknown = null;
  let lastMap = true;
  let lastComparison: SharedView['comparison'] = null;
  const comparison = (): SharedView['comparison'] => {
    const v = versions?.getState();
    if (!v?.compare) return null;
    if (v.compare !== lastPair || v.showOnMap !== lastMap) {
      lastPair = v.compare;
      lastMap = v.showOnMap;
      lastComparison = { ...v.compare, map: v.showOnMap };
    }
    return lastComparison;
  };
  let lastEdits: unknown = null;
  let lastSites: unknown = null;
  let lastFeatures: SharedView['scenario'] = [];
  let first = true;
  const scenarioFeatures = (): SharedView['scenario'] => {
    const edits = scenario?.getState().edits ?? [];
    const sites = store.getState().input?.sites;
    // Encoding runs on every store change: convert the edits only when they (or the sites) changed.
    if (edits !== lastEdits || sites !== lastSites) {
      lastEdits = edits;
      lastSites = sites;
      lastFeatures = editsToFeatures(edits, sites);
    }
    return lastFeatures;
  };
  return {
    getView: (): SharedView => {
      const sc = scenario?.getState();
      return {
        scenario: scenarioFeatures(),
        ...(sc?.name.trim() ? { scenarioName: sc.name.trim() } : {}),
        ...(sc && sc.edits.length > 0 ? { scenarioShown: sc.shown } : {}),
        comparison: comparison(),
        ...viewOf(store.getState()),
      };
    },
    subscribe: (listener) => {
      // URL sync subscribes right after restoring the opened link: later restores are back and forward.
      first = false;
      const offApp = store.subscribe(listener);
      const offScenario = scenario?.subscribe(listener);
      const offVersions = versions?.subscribe(listener);
      return () => {
        offApp();
        offScenario?.();
        offVersions?.();
      };
    },
    applyView: (view, problems) => {
      const { scenario: features, scenarioName, scenarioShown, comparison: shared, ...rest } = view;
      const s = store.getState();
      // A link's own map position wins over "fit the province when the data arrives".
      if (rest.center) s.setFitOnLoad(false);
      // A link never turns on the outside basemap alone: the user is asked first (once per browser).
      s.applyView(withoutUnallowedBasemap(rest satisfies Partial<ViewState>), 'app');
      const all = [...problems];
      if (scenario) {
        // A link without edits shows the plain analysis: going back past a scenario edit removes it.
        const { edits, problems: scenarioProblems } = featuresToEdits(features ?? []);
        all.push(...scenarioProblems);
        const shown = scenarioShown ?? 'scenario';
        const name = scenarioName ?? '';
        if (edits.length > 0 || scenario.getState().edits.length > 0)
          scenario.getState().setEdits(edits, name, shown);
        // Opening the page (a reload or a link) says which plan it reopened; back and forward do not.
        if (first && edits.length > 0) scenario.getState().setReopened({ shown, name, edits: edits.length });
      }
      if (versions) {
        // A link without a comparison shows none: going back past choosing one removes it.
        const pair = shared ?? null;
        const v = versions.getState();
        const same = pair && v.compare?.before === pair.before && v.compare.after === pair.after;
        if (pair && !same) {
          v.setCompare({ before: pair.before, after: pair.after });
          // A link that compares versions opens the time view, where the comparison is explained.
          s.setLeftTab('time');
          s.setLeftOpen(true);
        } else if (!pair && v.compare) v.setCompare(null);
        if (pair) v.setShowOnMap(pair.map);
      }
      first = false;
      linkNoticeStore.getState().setProblems(all);
    },
  };
}
