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

/** The sample's file URLs by layer name (`hamlets` → `/assets/hamlets-….geojson`). */
export function sampleUrls(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, url] of Object.entries(SAMPLE_URLS)) {
    const name = /([^/]+)\.geojson$/.exec(path)?.[1];
    if (name) out[name] = url;
  }
  return out;
}
