// The page's entry: start the analysis worker on the sample first, then load the app, so the worker's
// fetch and parse overlap the app bundle's download and evaluation instead of following them.
import './worker/earlyClient.ts';

void import('./main.tsx');
