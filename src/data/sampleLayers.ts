import type { FeatureCollection } from 'geojson';
import type { InputLayers } from '../analysis/types.ts';
import {
  ADMIN_ROLES,
  INPUT_ROLES,
  LAYER_ROLES,
  type AdminCollection,
  type AdminLayers,
} from './layerRoles.ts';

/**
 * Something wrong with the sample's files themselves (missing, unreadable, not GeoJSON): retrying
 * elsewhere will not help, the fix is to rebuild them. The message names the file and the fix.
 */
export class SampleFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SampleFileError';
  }

  /** The same error after it crossed from a worker, which keeps an Error's name and message only. */
  static revive(e: unknown): unknown {
    return e instanceof Error && !(e instanceof SampleFileError) && e.name === 'SampleFileError'
      ? new SampleFileError(e.message)
      : e;
  }
}

/**
 * Parses one sample file (its bytes or text) and checks that it is a FeatureCollection. Errors name the
 * file and the fix.
 */
export function parseCollection(name: string, data: ArrayBuffer | string): FeatureCollection {
  let json: unknown;
  try {
    json = JSON.parse(typeof data === 'string' ? data : new TextDecoder().decode(data));
  } catch (e) {
    throw new SampleFileError(
      `geodata/${name}.geojson is not valid JSON (${e instanceof Error ? e.message : String(e)}); rebuild it with npm run geodata`,
    );
  }
  if (
    typeof json !== 'object' ||
    json === null ||
    (json as { type?: unknown }).type !== 'FeatureCollection' ||
    !Array.isArray((json as { features?: unknown }).features)
  ) {
    throw new SampleFileError(
      `geodata/${name}.geojson is not a GeoJSON FeatureCollection; rebuild it with npm run geodata`,
    );
  }
  return json as FeatureCollection;
}

/** One sample file as fetched: its name and raw bytes, which cross to the page transferred, not copied. */
export interface SampleFile {
  name: string;
  bytes: ArrayBuffer;
}

/** The sample's layer names that have a URL, in the role table's order (inputs first). */
function sampleNames(urls: Readonly<Record<string, string>>): string[] {
  if (!urls.hamlets) throw new SampleFileError('geodata/hamlets.geojson is missing; run npm run geodata');
  return LAYER_ROLES.filter((n) => Object.hasOwn(urls, n));
}

/** Fetches the sample's files as bytes, in the fixed order. Errors name the file. */
export async function fetchSampleFiles(urls: Readonly<Record<string, string>>): Promise<SampleFile[]> {
  return Promise.all(
    sampleNames(urls).map(async (name) => {
      const res = await fetch(urls[name] as string);
      if (!res.ok) throw new SampleFileError(`geodata/${name}.geojson: HTTP ${res.status}`);
      return { name, bytes: await res.arrayBuffer() };
    }),
  );
}

/** The files parsed, by layer name, in their order. */
export function parseSampleFiles(files: readonly SampleFile[]): Map<string, FeatureCollection> {
  return new Map(files.map((f) => [f.name, parseCollection(f.name, f.bytes)]));
}

/**
 * The analysis inputs among the files, parsed (the analysis worker's part): the admin layers are only
 * drawn and read by the page, which parses every file itself.
 */
export function parseSampleInputs(files: readonly SampleFile[]): Map<string, FeatureCollection> {
  const inputs: readonly string[] = INPUT_ROLES;
  return parseSampleFiles(files.filter((f) => inputs.includes(f.name)));
}

/** The sample's files by layer name, fetched and parsed in one go (the page's fallback). */
export async function fetchSampleCollections(
  urls: Readonly<Record<string, string>>,
): Promise<Map<string, FeatureCollection>> {
  return parseSampleFiles(await fetchSampleFiles(urls));
}

export function isIllustrative(fc: FeatureCollection): boolean {
  const flag = (fc as { illustrative?: unknown }).illustrative;
  return flag === true || fc.features.some((f) => f.properties?.synthetic === true);
}

/** The analysis input and admin layers in a set of sample collections. */
export function sampleLayersOf(byName: ReadonlyMap<string, FeatureCollection>): {
  input: InputLayers;
  admin: AdminLayers;
  illustrative: string[];
} {
  const input = Object.fromEntries(
    INPUT_ROLES.filter((n) => byName.has(n)).map((n) => [n, byName.get(n)]),
  ) as unknown as InputLayers;
  const admin = Object.fromEntries(
    ADMIN_ROLES.map((n) => [n, (byName.get(n) as AdminCollection | undefined) ?? null]),
  ) as AdminLayers;
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
