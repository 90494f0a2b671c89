/** SHA-256 (hex) of the bytes each layer was decoded from, by the layer's collection object. */
const digests = new WeakMap<object, string>();

/**
 * The SHA-256 of `bytes` in hex, or null where there is no `crypto.subtle` (a page not served from
 * localhost or https). The bytes are copied when it is called, so they may be transferred at once after.
 *
 * @example const d = await bytesDigest(record); // '9f86d08…' (64 hex digits)
 */
export async function bytesDigest(bytes: ArrayBuffer): Promise<string | null> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return null;
  return hex(await subtle.digest('SHA-256', bytes));
}

/**
 * Records the digest of the bytes a layer was decoded from (the import worker's record of it): the layer
 * is a function of those bytes, so the input digest hashes this instead of serialising every feature.
 */
export function rememberLayerDigest(collection: object, digest: string): void {
  digests.set(collection, digest);
}

/** The digest recorded for this layer (`rememberLayerDigest`), if any. */
export function layerDigest(collection: object): string | undefined {
  return digests.get(collection);
}

export function hex(buf: ArrayBuffer): string {
  return Array.from(new Uint8Array(buf), (b) => b.toString(16).padStart(2, '0')).join('');
}
