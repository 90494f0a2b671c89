import type { FeatureCollection } from 'geojson';
import type { InputLayers } from '../analysis/types.ts';
import type { AppStore } from './store.ts';

/** The sample's illustrative speed tests (geodata/measured/*.csv), as hashed asset URLs by file name. */
const MEASURED_URLS = import.meta.glob<string>('../../geodata/measured/*.csv', {
  query: '?url',
  import: 'default',
  eager: true,
});

/** Which sample file is which layer. */
const FILES = {
  mobileTests: 'mobile-tiles.csv',
  fixedTests: 'fixed-tiles.csv',
  speedPoints: 'speedtest-points.csv',
} as const;
type MeasuredSampleRole = keyof typeof FILES;

const SAMPLE_MEASURED_LAYERS: readonly MeasuredSampleRole[] = ['mobileTests', 'fixedTests', 'speedPoints'];

let loading: Promise<void> | null = null;

/**
 * Adds the sample's illustrative speed-test tiles and points to the sample data, once: only while the
 * shipped sample is shown and has none. Read on demand (the measured colouring or the challenge list asks
 * for them), so the first visit fetches and analyses nothing more. The readers load as their own chunk.
 */
function loadSampleMeasured(store: AppStore): Promise<void> {
  const s = store.getState();
  if (!needsSampleMeasured(s) || loading) return loading ?? Promise.resolve();
  const urls = Object.fromEntries(
    Object.entries(MEASURED_URLS).map(([path, url]) => [path.split('/').pop() ?? path, url]),
  );
  loading = (async () => {
    const { loadLayer } = await import('../data/loadLayer.ts');
    const layers: Partial<Record<MeasuredSampleRole, FeatureCollection>> = {};
    for (const role of SAMPLE_MEASURED_LAYERS) {
      const url = urls[FILES[role]];
      if (!url) return;
      const res = await fetch(url);
      if (!res.ok) throw new Error(`geodata/measured/${FILES[role]}: HTTP ${res.status}`);
      const loaded = await loadLayer({ name: FILES[role], data: await res.text() }, role);
      layers[role] = loaded.collection;
    }
    const now = store.getState();
    // The user may have imported data or reset meanwhile: only the same sample gets them.
    if (now.input !== s.input || !needsSampleMeasured(now) || !now.input) return;
    now.setData({ ...now.input, ...layers } as InputLayers, now.admin, [
      ...now.illustrativeLayers.filter((l) => !(SAMPLE_MEASURED_LAYERS as readonly string[]).includes(l)),
      ...SAMPLE_MEASURED_LAYERS,
    ]);
  })()
    .catch((e: unknown) => {
      console.warn('The sample measurements could not be loaded:', e);
    })
    .finally(() => {
      loading = null;
    });
  return loading;
}

function needsSampleMeasured(s: ReturnType<AppStore['getState']>): boolean {
  return s.dataSource === 'sample' && s.input !== null && !s.input.mobileTests && !s.input.speedPoints;
}

/**
 * Loads the sample's measurements whenever hamlets are coloured by measured quality or the challenge list
 * is open while the sample (without them) is shown.
 */
export function startSampleMeasured(store: AppStore): () => void {
  const check = (): void => {
    const s = store.getState();
    if ((s.colourBy === 'measured' || s.leftTab === 'challenges') && s.result && needsSampleMeasured(s))
      void loadSampleMeasured(store);
  };
  check();
  return store.subscribe(check);
}
