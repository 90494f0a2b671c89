import type { LoadResult } from '../data/types.ts';
import { featureBoxes, rememberBoxes } from '../data/featureBoxes.ts';
import { bytesDigest, rememberLayerDigest } from '../data/layerDigest.ts';
import {
  COLLECTION_RECORD,
  decodeResult,
  encodeResult,
  noPause,
  ResultCodecError,
  type Pause,
} from '../data/resultCodec.ts';
import type { LoadOutcome } from './importTask.ts';
import { rememberLayerBytes } from './layersBytes.ts';

/**
 * A load's outcome as the import worker posts it: a layer's collection as bytes (`COLLECTION_RECORD`,
 * transferred), which the page decodes in slices, where a structured clone of 89,000 hamlets blocked it
 * for seconds, with its features' bounding boxes (`featureBoxes`, four numbers each), which the map and
 * the import's framing read and the page would otherwise compute over every coordinate in one task, the
 * bytes' SHA-256 (`digest`, null without `crypto.subtle`), which the result cache's key takes instead of
 * hashing every feature's JSON on the page while the analysis runs, and a copy of the bytes for the saved
 * data (`saveBytes`); anything else, or a collection the bytes cannot carry (a lone surrogate), as it is.
 */
export type WireOutcome =
  | LoadOutcome
  | {
      ok: true;
      result: Omit<LoadResult, 'collection'>;
      bytes: ArrayBuffer;
      boxes: Float64Array;
      digest: string | null;
      /** A copy of `bytes` for the saved data's input layers, made here rather than on the page; null for others. */
      saveBytes: ArrayBuffer | null;
    };

/** `saveCopy`: the layer goes into the analysis input (not a boundary layer), whose saved data takes a copy. */
export async function toWire(outcome: LoadOutcome, saveCopy = true): Promise<WireOutcome> {
  if (!outcome.ok) return outcome;
  const { collection, ...rest } = outcome.result;
  try {
    const bytes = await encodeResult(collection, noPause, COLLECTION_RECORD);
    const digest = await bytesDigest(bytes);
    const boxes = featureBoxes(collection.features);
    return { ok: true, result: rest, bytes, boxes, digest, saveBytes: saveCopy ? bytes.slice(0) : null };
  } catch (e) {
    if (e instanceof ResultCodecError) return outcome;
    throw e;
  }
}

/** What a wire outcome transfers rather than copies. */
export function wireTransfers(wire: WireOutcome): ArrayBuffer[] {
  if (!('bytes' in wire)) return [];
  const out = [wire.bytes, wire.boxes.buffer as ArrayBuffer];
  if (wire.saveBytes) out.push(wire.saveBytes);
  return out;
}

export async function fromWire(wire: WireOutcome, pause: Pause): Promise<LoadOutcome> {
  if (!('bytes' in wire)) return wire;
  const collection = (await decodeResult(wire.bytes, pause, COLLECTION_RECORD)) as LoadResult['collection'];
  rememberBoxes(collection.features, wire.boxes);
  // The analysis worker is given the layer as these bytes (`layersToBytes`), not encoded again.
  rememberLayerBytes(collection, wire.bytes, wire.saveBytes ?? undefined);
  if (wire.digest !== null) rememberLayerDigest(collection, wire.digest);
  return { ok: true, result: { ...wire.result, collection } };
}
