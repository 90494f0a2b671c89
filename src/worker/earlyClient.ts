import { sampleUrls } from '../data/sampleUrls.ts';
import { AnalysisClient } from './analysisClient.ts';

/**
 * The app's analysis client, created as the very first thing the page runs (`src/boot.ts`), before the
 * app's own code (React, the store, the panels: ~0.9 MB) is even fetched and evaluated. Most visits show the
 * shipped sample, so its worker starts fetching and parsing it at once; a visit with saved data or a link
 * replaces the layers later (`setLayers` wins over a slow prefetch).
 */
export const analysisClient = new AnalysisClient();
// A shared link carries its own settings (?s=…), so only a plain visit is worth analysing ahead.
analysisClient.prefetchSample(sampleUrls(), !new URLSearchParams(location.search).has('s'));
