// The page's entry: start the analysis worker on the sample first, then load the app, so the worker's
// fetch and parse overlap the app bundle's download and evaluation instead of following them.
import { sampleUrls } from './data/sampleUrls.ts';
import { DATA_KEY, idbStore, REPORTS_KEY, SETTINGS_KEY } from './store/persist/kvStore.ts';
import { idbResultStore, importedDataKey, sampleDataKey } from './store/persist/resultCache.ts';
import { savedDataDigest, savedDataHint } from './store/persist/savedDataHint.ts';
import { ANALYSIS_WORKER_URL } from './worker/analysisClient.ts';
import { shippedResult } from 'virtual:shipped-result';
import { prefetchShipped } from './data/shippedResult.ts';
import { analysisClient } from './worker/earlyClient.ts';

// Most visits show the sample. A browser holding the user's data opens that (and its saved result)
// instead; a shared link carries its own settings (?s=…), so only a plain visit is analysed ahead, and only
// when the build has no result of the sample with the default settings (`virtual:shipped-result`, whose
// bytes are fetched now).
if (!savedDataHint()) {
  const linked = new URLSearchParams(location.search).has('s');
  analysisClient.prefetchSample(sampleUrls(), !shippedResult && !linked);
  if (shippedResult && !linked) prefetchShipped(shippedResult);
  // A result of the sample saved by an earlier visit (other settings than the shipped result's).
  const prefix = `${sampleDataKey(ANALYSIS_WORKER_URL, sampleUrls())}|`;
  idbResultStore.readAhead?.((key) => key.startsWith(prefix));
  // Data saved without its hint (storage the hint could not be written to) is still looked for.
  idbStore.readAhead([DATA_KEY]);
} else {
  // The saved result of the user's data is read and decoded while the app's code loads: the list shows
  // it before the data is read (`restorePersisted`), if it was saved under the settings the app comes
  // back with.
  const digest = savedDataDigest();
  const prefix = digest === null ? null : `${importedDataKey(ANALYSIS_WORKER_URL, digest)}|`;
  if (prefix !== null) idbResultStore.readAhead?.((key) => key.startsWith(prefix));
}
// Which result the list shows depends on the saved settings, and a run with field reports is not saved:
// both are read now, while the app's code loads, instead of after it (`restorePersisted`,
// `restoreFieldReports`). On a first visit this is also when the browser makes the database.
idbStore.readAhead([SETTINGS_KEY, REPORTS_KEY]);

void import('./main.tsx');
