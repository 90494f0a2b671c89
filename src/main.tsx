import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './App.tsx';
import { ImportControls } from './components/import/ImportControls.tsx';
import { createI18n } from './i18n/i18n.ts';
import { bootData } from './store/persist/boot.ts';
import { startScenarioController } from './store/scenario/scenarioController.ts';
import { registerScenarioProjectExtras } from './store/scenario/scenarioProject.ts';
import { scenarioStore } from './store/scenario/scenarioStore.ts';
import { appStore } from './store/store.ts';
import { AnalysisClient } from './worker/analysisClient.ts';
import { createScenarioWorkerEngine } from './worker/scenarioClient.ts';
import { startAnalysisRunner } from './worker/runner.ts';
import './styles/app.css';

const i18n = createI18n(appStore.getState().lang);
startAnalysisRunner(appStore, new AnalysisClient());
startScenarioController(appStore, scenarioStore, createScenarioWorkerEngine);
registerScenarioProjectExtras(scenarioStore);
// The user's saved data and settings if any, else the shipped sample.
void bootData(appStore);

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <App toolbar={<ImportControls />} />
      </I18nextProvider>
    </StrictMode>,
  );
}
