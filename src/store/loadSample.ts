import type { FeatureCollection } from 'geojson';
import type { InputLayers } from '../analysis/types.ts';
import {
  fetchSampleCollections,
  rememberOrigin,
  SampleFileError,
  sampleLayersOf,
} from '../data/sampleLayers.ts';
import { sampleUrls } from '../data/sampleUrls.ts';
import type { AppStore } from './store.ts';

/** Who fetches and parses the sample files; the app uses the analysis worker (`AnalysisClient`). */
export interface SampleSource {
  loadSample(urls: Record<string, string>): Promise<{
    byName: Map<string, FeatureCollection>;
    adopt(input: InputLayers): void;
  }>;
}

/** Fetches and parses on this thread: for tests, and when the worker cannot be used. */
export const pageSampleSource: SampleSource = {
  loadSample: async (urls) => ({
    byName: await fetchSampleCollections(urls),
    adopt: (input) => rememberOrigin(input, urls),
  }),
};

let defaultSource: SampleSource = pageSampleSource;
/** The source `loadSample` uses when none is given (main.tsx sets the analysis worker's). */
export function setSampleSource(source: SampleSource): void {
  defaultSource = source;
}

/**
 * Fetches the sample layers into the store. Errors name the file and land in `dataError`. A source that
 * fails for another reason than the files (`SampleFileError`), e.g. its worker was replaced, is retried on
 * this thread.
 */
export async function loadSample(
  store: AppStore,
  urls: Record<string, string> = sampleUrls(),
  source: SampleSource = defaultSource,
): Promise<void> {
  const { setDataLoading, setData, setDataError } = store.getState();
  setDataLoading();
  try {
    const loaded = await source.loadSample(urls).catch((e: unknown) => {
      if (source === pageSampleSource || e instanceof SampleFileError) throw e;
      return pageSampleSource.loadSample(urls);
    });
    const { input, admin, illustrative } = sampleLayersOf(loaded.byName);
    loaded.adopt(input);
    performance.mark('vt:sample-loaded');
    setData(input, admin, illustrative);
  } catch (e) {
    setDataError(e instanceof Error ? e.message : String(e));
  }
}
