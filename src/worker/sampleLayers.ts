import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { InputLayers } from '../analysis/types.ts';
import type { AdminCollection, AdminLayers } from '../store/appState.ts';

/** Layers of the shipped sample the analysis reads, and the admin layers it shows and rolls up by. */
export const INPUT_NAMES = ['hamlets', 'fibre', 'sites', 'coverage', 'facilities', 'households'] as const;
export const ADMIN_NAMES = ['province', 'districts', 'communes'] as const;

/** Fetches and checks one sample file. Errors name the file and the fix. */
export async function fetchCollection(name: string, url: string): Promise<FeatureCollection> {
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

/** The sample's files by layer name, in a fixed order (inputs first), keeping only those with a URL. */
export async function fetchSampleCollections(
  urls: Readonly<Record<string, string>>,
): Promise<Map<string, FeatureCollection>> {
  if (!urls.hamlets) throw new Error('geodata/hamlets.geojson is missing; run npm run geodata');
  const names = [...INPUT_NAMES, ...ADMIN_NAMES].filter((n) => urls[n]);
  const collections = await Promise.all(names.map((n) => fetchCollection(n, urls[n] as string)));
  return new Map(names.map((n, i) => [n, collections[i] as FeatureCollection]));
}

export function isIllustrative(fc: FeatureCollection): boolean {
  const flag = (fc as { illustrative?: unknown }).illustrative;
  return flag === true || fc.features.some((f) => f.properties?.synthetic === true);
}

/** A piece of one layer on its way from the worker to the page: small enough to receive in a few ms. */
export interface SampleChunk {
  name: string;
  /** The collection's own members but `features` (e.g. `illustrative`), on the first chunk of a layer. */
  head?: Record<string, unknown>;
  features: Feature[];
}

/** About this many coordinate pairs per chunk: ~150-250 KB of structured clone. */
const CHUNK_POSITIONS = 6000;

function positions(g: Geometry | null): number {
  if (!g) return 0;
  switch (g.type) {
    case 'Point':
      return 1;
    case 'MultiPoint':
    case 'LineString':
      return g.coordinates.length;
    case 'MultiLineString':
    case 'Polygon':
      return g.coordinates.reduce((s, r) => s + r.length, 0);
    case 'MultiPolygon':
      return g.coordinates.reduce((s, p) => s + p.reduce((t, r) => t + r.length, 0), 0);
    case 'GeometryCollection':
      return g.geometries.reduce((s, x) => s + positions(x), 0);
  }
}

/**
 * Cuts collections into chunks the page can take one per task: a single structured clone of every layer
 * blocks the page's thread for hundreds of milliseconds on a slow machine. Slices share the features.
 */
export function chunkCollections(byName: ReadonlyMap<string, FeatureCollection>): SampleChunk[] {
  const out: SampleChunk[] = [];
  for (const [name, fc] of byName) {
    const { features, ...head } = fc;
    let start = 0;
    let weight = 0;
    let first = true;
    const flush = (end: number): void => {
      out.push({ name, ...(first ? { head } : {}), features: features.slice(start, end) });
      first = false;
      start = end;
      weight = 0;
    };
    features.forEach((f, i) => {
      weight += positions(f.geometry) + 4;
      if (weight >= CHUNK_POSITIONS) flush(i + 1);
    });
    if (start < features.length || first) flush(features.length);
  }
  return out;
}

/** Puts chunks back together into collections, in the order their layers first appear. */
export function joinChunks(chunks: Iterable<SampleChunk>): Map<string, FeatureCollection> {
  const out = new Map<string, FeatureCollection>();
  for (const c of chunks) {
    let fc = out.get(c.name);
    if (!fc) {
      fc = { ...(c.head ?? {}), type: 'FeatureCollection', features: [] } as FeatureCollection;
      out.set(c.name, fc);
    }
    for (const f of c.features) fc.features.push(f);
  }
  return out;
}

/** The analysis input and admin layers in a set of sample collections. */
export function sampleLayersOf(byName: ReadonlyMap<string, FeatureCollection>): {
  input: InputLayers;
  admin: AdminLayers;
  illustrative: string[];
} {
  const input = Object.fromEntries(
    INPUT_NAMES.filter((n) => byName.has(n)).map((n) => [n, byName.get(n)]),
  ) as unknown as InputLayers;
  const admin: AdminLayers = {
    province: (byName.get('province') as AdminCollection | undefined) ?? null,
    districts: (byName.get('districts') as AdminCollection | undefined) ?? null,
    communes: (byName.get('communes') as AdminCollection | undefined) ?? null,
  };
  const illustrative = [...byName].filter(([, fc]) => isIllustrative(fc)).map(([n]) => n);
  return { input, admin, illustrative };
}

/**
 * Where the page's copy of some input layers came from: a worker given these URLs fetches and parses the
 * same files itself, which costs the page nothing, instead of receiving a structured clone of megabytes.
 */
const origins = new WeakMap<InputLayers, Readonly<Record<string, string>>>();
export function rememberOrigin(input: InputLayers, urls: Readonly<Record<string, string>>): void {
  origins.set(input, urls);
}
export function originOf(input: InputLayers): Readonly<Record<string, string>> | undefined {
  return origins.get(input);
}
