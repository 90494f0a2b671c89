import { AnalysisClient } from './analysisClient.ts';

/**
 * The app's analysis client, created as the very first thing the page runs (`src/boot.ts`), before the
 * app's own code (React, the store, the panels: ~0.9 MB) is even fetched and evaluated, so its worker can
 * start on the shipped sample at once; a visit with saved data or a link replaces the layers later
 * (`setLayers` wins over a slow prefetch).
 */
export const analysisClient = new AnalysisClient();
