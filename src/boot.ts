// The page's entry: start the analysis worker on the sample first, then load the app, so the worker's
// fetch and parse overlap the app bundle's download and evaluation instead of following them.
import { sampleUrls } from './data/sampleUrls.ts';
import { savedDataHint } from './store/persist/savedDataHint.ts';
import { analysisClient } from './worker/earlyClient.ts';

// Most visits show the sample. A browser holding the user's data opens that (and its saved result)
// instead; a shared link carries its own settings (?s=…), so only a plain visit is analysed ahead.
if (!savedDataHint()) {
  analysisClient.prefetchSample(sampleUrls(), !new URLSearchParams(location.search).has('s'));
}

void import('./main.tsx');
