import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './App.tsx';
import { ImportControls } from './components/import/ImportControls.tsx';
import { useLensTranslation } from './components/lens/i18n.ts';
import { LensPanel } from './components/lens/LensPanel.tsx';
import { OperatorSelect } from './components/lens/OperatorSelect.tsx';
import { PlanNotice } from './components/plan/PlanNotice.tsx';
import { PlanSwitch } from './components/plan/PlanSwitch.tsx';
import { SharePanel } from './components/share/SharePanel.tsx';
import { TimePanel, TimeTabLabel } from './components/time/TimePanel.tsx';
import { sampleVersions } from './data/sampleVersions.ts';
import { FieldReportsPanel, FieldReportsTabLabel } from './components/field/FieldReportsPanel.tsx';
import { ReportForm } from './components/field/ReportForm.tsx';
import { ReportHere } from './components/field/ReportHere.tsx';
import { createI18n } from './i18n/i18n.ts';
import { mapSettled } from './map/mapGate.ts';
import { startAppUpdates } from './store/appUpdate.ts';
import { UpdateNotice } from './components/UpdateNotice.tsx';
import { sampleUrls } from './data/sampleUrls.ts';
import { loadSample, setSampleSource } from './store/loadSample.ts';
import { savedDataHint } from './store/persist/savedDataHint.ts';
import { listShown, showShippedFirst } from './store/persist/shippedFirst.ts';
import { bootData } from './store/persist/boot.ts';
import { restoreFieldReports, startReportPersistence } from './store/persist/fieldReports.ts';
import { restoreNoticeStore } from './store/persist/restoreNotice.ts';
import { startScenarioController } from './store/scenario/scenarioController.ts';
import { colocationStore, startColocationController } from './store/lens/colocation.ts';
import { registerScenarioProjectExtras } from './store/scenario/scenarioProject.ts';
import { scenarioStore } from './store/scenario/scenarioStore.ts';
import { appStorePort } from './store/share/appStorePort.ts';
import { startUrlSync } from './store/share/urlSync.ts';
import { appStore, effectiveSettings } from './store/store.ts';
import { ANALYSIS_WORKER_URL } from './worker/analysisClient.ts';
import { analysisClient as client } from './worker/earlyClient.ts';
import {
  appDataKey,
  idbResultStore,
  importedDataKey,
  resultKey,
  sampleDataKey,
  whenIdle,
  withResultCache,
  withShippedResult,
} from './store/persist/resultCache.ts';
import { fetchShippedBytes } from './data/shippedResult.ts';
import { pageSlices } from './data/resultCodec.ts';
import { decodeList } from './store/persist/listRecord.ts';
import { shippedResult } from 'virtual:shipped-result';
import { createScenarioEngine } from './worker/scenarioClient.ts';
import { createVersionsWorkerEngine } from './worker/versionsClient.ts';
import { builtInVersions, startVersionController } from './store/versions/versionController.ts';
import { registerVersionProject } from './store/versions/versionProject.ts';
import { versionStore } from './store/versions/versionStore.ts';
import { startAnalysisRunner } from './store/runner.ts';
import { startUnits } from './store/units.ts';
import { workerAssignUnits } from './worker/unitsClient.ts';
import { startSampleMeasured } from './store/sampleMeasured.ts';
import './styles/app.css';

const i18n = createI18n(appStore.getState().lang);
// The shipped sample is named by its hashed asset URLs and the worker's: a revisit with the same data,
// engine and settings shows the last result at once instead of re-running the whole province.
const sampleKey = sampleDataKey(ANALYSIS_WORKER_URL, sampleUrls());
// The analysis worker fetches and parses the sample and hands the page the files' bytes (parsed here one
// file per task), so the worker needs no copy of the page's layers for its first run. It started on the
// sample before this module was loaded (src/boot.ts, src/worker/earlyClient.ts).
setSampleSource(client);
// A first visit with the default settings gets the sample's result computed when the app was built
// (`tools/shippedResult.ts`) instead of analysing the province on the page's two cores.
const shipped = shippedResult;
const shippedKey = shipped ? `${sampleKey}|${shipped.settings}` : '';
const results = shipped
  ? withShippedResult(idbResultStore, shippedKey, () => fetchShippedBytes(shipped.url))
  : idbResultStore;
// Imported data is known by the SHA-256 of its layers (saved with them), so a reload with the user's data
// opens the last result too; runs with field reports are not cached (see `appDataKey`). A result is
// encoded and saved once the map has drawn (then when the page is idle): on a first visit the encoding
// (~0.3 s of the page's time in slices) would otherwise share the two cores with the map's start.
const analyser = withResultCache(
  client,
  results,
  (layers) => appDataKey(appStore.getState().dataSource, layers, sampleKey, ANALYSIS_WORKER_URL),
  (write) => void mapSettled().then(() => whenIdle(write)),
);
startAnalysisRunner(appStore, analyser);
// The sample's illustrative speed tests, when the measured colouring or the challenge list asks for them.
startSampleMeasured(appStore);
// What-if edits go to the analysis worker's last run. A session it must build first (a result opened from
// storage) waits until the map has drawn once: on two cores it would slow both.
const scenarioControl = startScenarioController(appStore, scenarioStore, () =>
  createScenarioEngine(client, { startAfter: mapSettled }),
);
// Tower-sharing candidates for the lens operator, from the scenario engine, against its edits.
startColocationController(appStore, scenarioStore, colocationStore, () => scenarioControl);
registerScenarioProjectExtras(scenarioStore);
// Each hamlet's unit of the current units layer (since 1 July 2025, or the user's), after the first map.
startUnits(
  appStore,
  workerAssignUnits(() => mapSettled()),
);
// Dated versions: the sample's are known by URL and analysed (in their own worker) only when the time view
// is opened or a link compares versions; saved ones are read from this browser and travel in projects.
versionStore.getState().setBuiltIn(builtInVersions(sampleVersions()));
startVersionController(appStore, versionStore, createVersionsWorkerEngine);
registerVersionProject(versionStore);
// The address bar carries the view, the scenario's edits and the compared versions (share links, reload).
startUrlSync(appStorePort(appStore, scenarioStore, versionStore));
// Field reports recorded in this browser, saved on every change, those recorded before the saved ones are
// read back included.
const reportsRestored = restoreFieldReports(appStore);
startReportPersistence(appStore, undefined, reportsRestored);
void reportsRestored.then((problem) => {
  if (problem) restoreNoticeStore.getState().show(problem, []);
});
// The user's saved data and settings if any, else the shipped sample. With saved data, its saved list and
// result for these settings are shown first (they need no geometry), the data follows for the map. The
// settings and field reports the list's key needs were read ahead, beside the list (src/boot.ts). Runs with
// field reports are never saved: with reports, the result waits for its run.
const savedKey = async (digest: string): Promise<string | null> => {
  await reportsRestored;
  const s = appStore.getState();
  if (s.fieldReports.length > 0) return null;
  return resultKey(importedDataKey(ANALYSIS_WORKER_URL, digest), effectiveSettings(s));
};
// Without saved data, the sample's result built with the app is shown as soon as the saved settings and
// field reports are read and it is decoded, before the sample's layers (when it is for these settings);
// the page parses the sample's files once the list is on screen, so the two do not share the page's time.
let settingsRead = (): void => undefined;
let sample: ((store: typeof appStore) => Promise<void>) | undefined;
if (shipped && !savedDataHint()) {
  const settingsKnown = new Promise<void>((resolve) => (settingsRead = resolve));
  const shown = showShippedFirst(
    appStore,
    shipped.settings,
    async () => decodeList(await fetchShippedBytes(shipped.listUrl), pageSlices()),
    () => results.get(shippedKey),
    Promise.all([settingsKnown, reportsRestored]),
  );
  sample = async (store) => {
    store.getState().setDataLoading();
    await Promise.race([shown.catch(() => undefined), listShown(store)]);
    await loadSample(store);
  };
}
void bootData(appStore, undefined, sample, undefined, undefined, {
  settingsRead,
  openResult: async (digest) => {
    const key = await savedKey(digest);
    return key === null ? undefined : idbResultStore.get(key);
  },
  openList: async (digest) => {
    const key = await savedKey(digest);
    return key === null ? undefined : idbResultStore.list?.(key);
  },
});
// The service worker (offline use, the new-version notice) once the map has drawn (after the first ranked
// list): its precaching must not compete with the first visit's own downloads and analysis.
void mapSettled().then(() =>
  import('virtual:pwa-register').then(({ registerSW }) => startAppUpdates(registerSW)),
);
// Browser tests' handle on the map and stores: only in the e2e build, absent from production.
if (import.meta.env.MODE === 'e2e') {
  void import('./testHandle.ts').then((m) => m.exposeForTests(appStore, scenarioStore, versionStore));
}

/**
 * The app with its toolbar (the plan shown, the operator lens, import, share), the Operators and Over time
 * tabs and the plan notice.
 */
function Root() {
  const { t } = useLensTranslation();
  return (
    <App
      toolbar={
        <>
          <PlanSwitch />
          <OperatorSelect />
          <ImportControls />
          <SharePanel />
        </>
      }
      leftTabs={[
        { key: 'lens', label: t('tab'), content: <LensPanel /> },
        { key: 'time', label: <TimeTabLabel />, content: <TimePanel /> },
        { key: 'reports', label: <FieldReportsTabLabel />, content: <FieldReportsPanel /> },
      ]}
      mapTools={<ReportHere />}
      overlays={
        <>
          <PlanNotice />
          <ReportForm />
          <UpdateNotice />
        </>
      }
    />
  );
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <Root />
      </I18nextProvider>
    </StrictMode>,
  );
}
