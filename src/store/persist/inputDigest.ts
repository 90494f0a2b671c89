import type { InputLayers } from '../../analysis/types.ts';
import { hex, layerDigest } from '../../data/layerDigest.ts';
import { pageSlices } from '../../data/resultCodec.ts';

/** Features per hashed piece: a few ms of serialising each, with the page let in every 40 ms. */
const FEATURES_PER_PIECE = 500;

const digests = new WeakMap<InputLayers, Promise<string | null>>();
const settled = new WeakMap<InputLayers, string>();

/**
 * A SHA-256 over a canonical serialisation of the layers: layers in name order, each as its collection's
 * own members and its features (JSON, as held), hashed in pieces whose digests are hashed again, or, for a
 * layer decoded from bytes whose digest is known (`layerDigest`: a layer imported through the dialog), as
 * that digest. Any byte of any feature changes it; the order in which the layers object lists its layers
 * does not. Computed once per layers object (the saved data keeps it: `rememberDigest` after a reload).
 * Null where the browser has no `crypto.subtle` (a page not served from localhost or https): such data is
 * not cached.
 *
 * @example const digest = await inputDigest(state.input);
 */
export function inputDigest(layers: InputLayers): Promise<string | null> {
  let digest = digests.get(layers);
  if (!digest) {
    digest = computeDigest(layers).then(
      (d) => {
        if (d !== null) settled.set(layers, d);
        return d;
      },
      () => null,
    );
    digests.set(layers, digest);
  }
  return digest;
}

/** The digest of these layers if it is already known (computed, or read back with the saved data). */
export function knownDigest(layers: InputLayers): string | undefined {
  return settled.get(layers);
}

/** Records the digest saved with these layers, so a reload does not hash them again. */
export function rememberDigest(layers: InputLayers, digest: string): void {
  settled.set(layers, digest);
  digests.set(layers, Promise.resolve(digest));
}

async function computeDigest(layers: InputLayers): Promise<string | null> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return null;
  const encoder = new TextEncoder();
  const pause = pageSlices();
  const sha = async (text: string): Promise<string> =>
    hex(await subtle.digest('SHA-256', encoder.encode(text)));
  const parts: string[] = [];
  const byName = layers as unknown as Record<string, { features?: unknown[] } | undefined>;
  for (const name of Object.keys(byName).sort()) {
    const layer = byName[name];
    if (layer === undefined) continue;
    const known = layerDigest(layer);
    // The layer is what its bytes decode to; "record" is no feature count, so the two forms never meet.
    if (known !== undefined) {
      parts.push(`${name}:record:${known}`);
      continue;
    }
    const { features = [], ...members } = layer;
    const pieces = [await sha(JSON.stringify(members))];
    for (let i = 0; i < features.length; i += FEATURES_PER_PIECE) {
      pieces.push(await sha(JSON.stringify(features.slice(i, i + FEATURES_PER_PIECE))));
      // The digest's promise can settle within the task: without this, 89,000 hamlets hash in one.
      await pause();
    }
    parts.push(`${name}:${features.length}:${pieces.join(',')}`);
  }
  return sha(parts.join(';'));
}
