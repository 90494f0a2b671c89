import type { InputLayers } from '../analysis/types.ts';
import {
  COLLECTION_RECORD,
  decodeResult,
  encodeResult,
  LAYERS_RECORD,
  type Pause,
} from '../data/resultCodec.ts';

/**
 * Layers as bytes between threads: each layer the page still holds as the bytes the import worker sent
 * (`parts`, one `COLLECTION_RECORD` each, by layer name), the others in one `LAYERS_RECORD` (`rest`, null
 * when there are none). Every buffer is transferred.
 */
export interface LayersBytes {
  parts: Record<string, ArrayBuffer>;
  rest: ArrayBuffer | null;
}

const received = new WeakMap<object, ArrayBuffer>();
const forSaving = new WeakMap<object, ArrayBuffer>();

/**
 * Keeps the bytes a layer was decoded from on the page (`fromWire`), so it goes on to the analysis worker
 * as they came rather than encoded again (at 32× the sample, 33 MB of layers and a few seconds of slices);
 * `copy`, a copy of them made by the import worker, is kept for the saved data (`takeSavingCopy`).
 */
export function rememberLayerBytes(collection: object, bytes: ArrayBuffer, copy?: ArrayBuffer): void {
  received.set(collection, bytes);
  if (copy) forSaving.set(collection, copy);
}

/**
 * The copy of a layer's bytes kept for the saved data, handed over once (the page then lets it go). The
 * layer's own bytes go to the analysis worker by transfer, and copying them on the page would hold the
 * import's click for ~100 ms at 32× (fresh memory's page faults).
 */
export function takeSavingCopy(layer: object): ArrayBuffer | undefined {
  const copy = forSaving.get(layer);
  forSaving.delete(layer);
  return copy;
}

/** The bytes kept for this layer (`rememberLayerBytes`) while the page still holds them (not transferred). */
export function keptLayerBytes(layer: object): ArrayBuffer | undefined {
  const kept = received.get(layer);
  // A transferred buffer is detached: its length is then 0, and no record is shorter than 20 bytes.
  return kept && kept.byteLength > 0 ? kept : undefined;
}

/**
 * `layers` as `LayersBytes`: the layers with bytes kept (`rememberLayerBytes`) as those bytes, which the
 * transfer then takes from the page (a later worker gets them encoded again), the others encoded in slices
 * (`pause`). Throws `ResultCodecError` if the codec cannot carry one of the others.
 */
export async function layersToBytes(layers: InputLayers, pause: Pause): Promise<LayersBytes> {
  const parts: Record<string, ArrayBuffer> = {};
  const others: Record<string, unknown> = {};
  for (const [name, layer] of Object.entries(layers)) {
    const kept = layer ? keptLayerBytes(layer) : undefined;
    if (kept) parts[name] = kept;
    else others[name] = layer;
  }
  const rest = Object.keys(others).length > 0 ? await encodeResult(others, pause, LAYERS_RECORD) : null;
  return { parts, rest };
}

/** The buffers of `bytes`, for a transfer. */
export function layersTransfers(bytes: LayersBytes): ArrayBuffer[] {
  return [...Object.values(bytes.parts), ...(bytes.rest ? [bytes.rest] : [])];
}

/** A copy of `bytes` (for a helper worker, which takes its own by transfer). */
export function copyLayersBytes(bytes: LayersBytes): LayersBytes {
  const parts: Record<string, ArrayBuffer> = {};
  for (const [name, b] of Object.entries(bytes.parts)) parts[name] = b.slice(0);
  return { parts, rest: bytes.rest ? bytes.rest.slice(0) : null };
}

/** The layers `layersToBytes` wrote. Rejects with `ResultCodecError` on bytes of another kind or version. */
export async function layersFromBytes(bytes: LayersBytes, pause: Pause): Promise<InputLayers> {
  const layers = (bytes.rest ? await decodeResult(bytes.rest, pause, LAYERS_RECORD) : {}) as Record<
    string,
    unknown
  >;
  for (const [name, b] of Object.entries(bytes.parts)) {
    layers[name] = await decodeResult(b, pause, COLLECTION_RECORD);
  }
  return layers as unknown as InputLayers;
}
