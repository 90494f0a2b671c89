// The page's entry: start the analysis worker on the sample first, then load the app, so the worker's
// fetch and parse overlap the app bundle's download and evaluation instead of following them.
import { sampleUrls } from './data/sampleUrls.ts';
import { idbStore, REPORTS_KEY, SETTINGS_KEY } from './store/persist/kvStore.ts';
import { idbResultStore, importedDataKey } from './store/persist/resultCache.ts';
import { savedDataDigest, savedDataHint } from './store/persist/savedDataHint.ts';
import { ANALYSIS_WORKER_URL } from './worker/analysisClient.ts';
import { analysisClient } from './worker/earlyClient.ts';

// Most visits show the sample. A browser holding the user's data opens that (and its saved result)
// instead; a shared link carries its own settings (?s=…), so only a plain visit is analysed ahead.
if (!savedDataHint()) {
  analysisClient.prefetchSample(sampleUrls(), !new URLSearchParams(location.search).has('s'));
} else {
  // The saved result of the user's data is read and decoded while the app's code loads: the list shows
  // it before the data is read (`restorePersisted`), if it was saved under the settings the app comes
  // back with.
  const digest = savedDataDigest();
  const prefix = digest === null ? null : `${importedDataKey(ANALYSIS_WORKER_URL, digest)}|`;
  if (prefix !== null) idbResultStore.readAhead?.((key) => key.startsWith(prefix));
  // The saved list's key needs the saved settings, and a run with field reports is not saved: both are
  // read now too, instead of after the app's code (`restorePersisted`, `restoreFieldReports`).
  idbStore.readAhead([SETTINGS_KEY, REPORTS_KEY]);
}

void import('./main.tsx');
