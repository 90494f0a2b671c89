import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './App.tsx';
import { ImportControls } from './components/import/ImportControls.tsx';
import { PlanNotice } from './components/plan/PlanNotice.tsx';
import { PlanSwitch } from './components/plan/PlanSwitch.tsx';
import { SharePanel } from './components/share/SharePanel.tsx';
import { createI18n } from './i18n/i18n.ts';
import { mapSettled } from './map/mapGate.ts';
import { sampleUrls } from './data/sampleUrls.ts';
import { setSampleSource } from './store/loadSample.ts';
import { bootData } from './store/persist/boot.ts';
import { startScenarioController } from './store/scenario/scenarioController.ts';
import { registerScenarioProjectExtras } from './store/scenario/scenarioProject.ts';
import { scenarioStore } from './store/scenario/scenarioStore.ts';
import { appStorePort } from './store/share/appStorePort.ts';
import { startUrlSync } from './store/share/urlSync.ts';
import { appStore } from './store/store.ts';
import { ANALYSIS_WORKER_URL } from './worker/analysisClient.ts';
import { analysisClient as client } from './worker/earlyClient.ts';
import { idbResultStore, withResultCache } from './store/persist/resultCache.ts';
import { createScenarioWorkerEngine } from './worker/scenarioClient.ts';
import { startAnalysisRunner } from './store/runner.ts';
import { startUnits } from './store/units.ts';
import { workerAssignUnits } from './worker/unitsClient.ts';
import './styles/app.css';

const i18n = createI18n(appStore.getState().lang);
// The shipped sample is named by its hashed asset URLs and the worker's: a revisit with the same data,
// engine and settings shows the last result at once instead of re-running the whole province.
const sampleKey = `${ANALYSIS_WORKER_URL}|${Object.values(sampleUrls()).sort().join('|')}`;
// The analysis worker fetches and parses the sample and hands the page the files' bytes (parsed here one
// file per task), so the worker needs no copy of the page's layers for its first run. It started on the
// sample before this module was loaded (src/boot.ts, src/worker/earlyClient.ts).
setSampleSource(client);
const analyser = withResultCache(client, idbResultStore, () =>
  appStore.getState().dataSource === 'sample' ? sampleKey : null,
);
startAnalysisRunner(appStore, analyser);
// The scenario engine's own analysis waits until the map has drawn once: on two cores it would slow both.
startScenarioController(appStore, scenarioStore, () =>
  createScenarioWorkerEngine({ startAfter: mapSettled }),
);
registerScenarioProjectExtras(scenarioStore);
// Each hamlet's unit of the current units layer (since 1 July 2025, or the user's), after the first map.
startUnits(
  appStore,
  workerAssignUnits(() => mapSettled()),
);
// The address bar carries the view and the scenario's edits (share links, reload, back/forward).
startUrlSync(appStorePort(appStore, scenarioStore));
// The user's saved data and settings if any, else the shipped sample.
void bootData(appStore);
// Browser tests' handle on the map and stores: only in the e2e build, absent from production.
if (import.meta.env.MODE === 'e2e') {
  void import('./testHandle.ts').then((m) => m.exposeForTests(appStore, scenarioStore));
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <App
          toolbar={
            <>
              <PlanSwitch />
              <ImportControls />
              <SharePanel />
            </>
          }
          overlays={<PlanNotice />}
        />
      </I18nextProvider>
    </StrictMode>,
  );
}
