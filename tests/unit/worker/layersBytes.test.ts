import { describe, expect, it } from 'vitest';
import type { InputLayers } from '../../../src/analysis/types.ts';
import { COLLECTION_RECORD, encodeResult, noPause } from '../../../src/data/resultCodec.ts';
import {
  copyLayersBytes,
  layersFromBytes,
  layersToBytes,
  layersTransfers,
  rememberLayerBytes,
} from '../../../src/worker/layersBytes.ts';
import { sampleInput } from '../store/sampleResult.ts';

describe('layers as bytes between threads', () => {
  const twoLayers = (): InputLayers => ({
    ...sampleInput(),
    fibre: { type: 'FeatureCollection', features: [] },
  });

  it('are the layers again, the ones kept as bytes taken as they came', async () => {
    const layers = twoLayers();
    const hamletBytes = await encodeResult(layers.hamlets, noPause, COLLECTION_RECORD);
    rememberLayerBytes(layers.hamlets, hamletBytes);
    const bytes = await layersToBytes(layers, noPause);
    expect(Object.keys(bytes.parts)).toEqual(['hamlets']);
    expect(bytes.parts.hamlets).toBe(hamletBytes);
    expect(bytes.rest).not.toBeNull();
    expect(layersTransfers(bytes)).toEqual([hamletBytes, bytes.rest]);
    expect(await layersFromBytes(copyLayersBytes(bytes), noPause)).toEqual(layers);
  });

  it('encode a layer again once its bytes went with a transfer', async () => {
    const layers = twoLayers();
    const gone = new ArrayBuffer(0);
    rememberLayerBytes(layers.hamlets, gone);
    const bytes = await layersToBytes(layers, noPause);
    expect(bytes.parts).toEqual({});
    expect(await layersFromBytes(bytes, noPause)).toEqual(layers);
  });

  it('copy every buffer: the copy stays whole when the original is transferred', async () => {
    const layers = { hamlets: sampleInput().hamlets } as InputLayers;
    rememberLayerBytes(layers.hamlets, await encodeResult(layers.hamlets, noPause, COLLECTION_RECORD));
    const bytes = await layersToBytes(layers, noPause);
    expect(bytes.rest).toBeNull();
    const copy = copyLayersBytes(bytes);
    structuredClone(bytes, { transfer: layersTransfers(bytes) });
    expect(bytes.parts.hamlets?.byteLength).toBe(0);
    expect(await layersFromBytes(copy, noPause)).toEqual(layers);
  });
});
