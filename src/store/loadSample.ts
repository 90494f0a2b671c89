import type { FeatureCollection } from 'geojson';
import type { InputLayers } from '../analysis/types.ts';
import type { AdminCollection, AdminLayers } from './appState.ts';
import type { AppStore } from './store.ts';

/**
 * The shipped sample: Vite emits each geodata/*.geojson as a hashed asset and gives us its URL, so the
 * built app serves them without copying them into git or the bundle. A glob (not named imports) keeps the
 * build working while a layer file is absent.
 */
const SAMPLE_URLS = import.meta.glob<string>('../../geodata/*.geojson', {
  query: '?url',
  import: 'default',
  eager: true,
});

const INPUT_NAMES = ['hamlets', 'fibre', 'sites', 'coverage', 'facilities', 'households'] as const;
const ADMIN_NAMES = ['province', 'districts', 'communes'] as const;

export function sampleUrls(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, url] of Object.entries(SAMPLE_URLS)) {
    const name = /([^/]+)\.geojson$/.exec(path)?.[1];
    if (name) out[name] = url;
  }
  return out;
}

async function fetchCollection(name: string, url: string): Promise<FeatureCollection> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`geodata/${name}.geojson: HTTP ${res.status}`);
  const json: unknown = await res.json();
  if (
    typeof json !== 'object' ||
    json === null ||
    (json as { type?: unknown }).type !== 'FeatureCollection' ||
    !Array.isArray((json as { features?: unknown }).features)
  ) {
    throw new Error(
      `geodata/${name}.geojson is not a GeoJSON FeatureCollection; rebuild it with npm run geodata`,
    );
  }
  return json as FeatureCollection;
}

function isIllustrative(fc: FeatureCollection): boolean {
  const flag = (fc as { illustrative?: unknown }).illustrative;
  return flag === true || fc.features.some((f) => f.properties?.synthetic === true);
}

/** Fetches the sample layers into the store. Errors name the file and land in `dataError`. */
export async function loadSample(
  store: AppStore,
  urls: Record<string, string> = sampleUrls(),
): Promise<void> {
  const { setDataLoading, setData, setDataError } = store.getState();
  setDataLoading();
  try {
    if (!urls.hamlets) throw new Error('geodata/hamlets.geojson is missing; run npm run geodata');
    const names = [...INPUT_NAMES, ...ADMIN_NAMES].filter((n) => urls[n]);
    const collections = await Promise.all(names.map((n) => fetchCollection(n, urls[n] as string)));
    const byName = new Map(names.map((n, i) => [n, collections[i] as FeatureCollection]));
    const input = Object.fromEntries(
      INPUT_NAMES.filter((n) => byName.has(n)).map((n) => [n, byName.get(n)]),
    ) as unknown as InputLayers;
    const admin: AdminLayers = {
      province: (byName.get('province') as AdminCollection | undefined) ?? null,
      districts: (byName.get('districts') as AdminCollection | undefined) ?? null,
      communes: (byName.get('communes') as AdminCollection | undefined) ?? null,
    };
    const illustrative = [...byName].filter(([, fc]) => isIllustrative(fc)).map(([n]) => n);
    setData(input, admin, illustrative);
  } catch (e) {
    setDataError(e instanceof Error ? e.message : String(e));
  }
}
