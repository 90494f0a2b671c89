import type { FeatureCollection } from 'geojson';

/**
 * Stand-in for `loadLayer` from src/data until that module lands: GeoJSON only, whole-file checks.
 * Same call shape, so the swap in readLayers.ts is one import line.
 */
export async function loadLayer(
  file: { name: string; data: Uint8Array | ArrayBuffer | string },
  role: string,
  _options?: unknown,
): Promise<{ collection: FeatureCollection }> {
  const fail = (what: string, fix: string): never => {
    // Named like src/data's LoadError so main() treats it as bad input, not as a bug.
    throw Object.assign(new Error(`${file.name}: ${what}`), { name: 'LoadError', fix });
  };
  if (!/\.(geo)?json$/i.test(file.name)) {
    fail(
      `cannot read this kind of file as the ${role} layer yet.`,
      'Convert it to GeoJSON (in QGIS: Export → Save Features As… → GeoJSON, EPSG:4326).',
    );
  }
  const text =
    typeof file.data === 'string'
      ? file.data
      : new TextDecoder('utf-8').decode(file.data).replace(/^\uFEFF/, '');
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    fail(
      `is not valid JSON (${(e as Error).message}).`,
      'Open it in a text editor or re-export it as GeoJSON.',
    );
  }
  const fc = doc as { type?: unknown; features?: unknown };
  if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    fail('is not a GeoJSON FeatureCollection.', 'Export the layer again as a GeoJSON FeatureCollection.');
  }
  return { collection: doc as FeatureCollection };
}
