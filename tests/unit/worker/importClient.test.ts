import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createInThreadBackend, createWorkerBackend } from '../../../src/worker/importClient.ts';
import { runProbe, type LoadOutcome } from '../../../src/worker/importTask.ts';
import { importWorkerApi } from '../../../src/worker/importWorkerApi.ts';
import { fromWire, toWire, wireTransfers } from '../../../src/worker/importWire.ts';
import { noPause } from '../../../src/data/resultCodec.ts';
import { featureBoxes } from '../../../src/data/featureBoxes.ts';
import { layerDigest } from '../../../src/data/layerDigest.ts';
import { keptLayerBytes, takeSavingCopy } from '../../../src/worker/layersBytes.ts';
import { channelWorkers } from './channelWorkers.ts';

/** Import workers running the real probe; a doomed one fails at its first message. */
const workers = (doomed: (index: number) => boolean) =>
  channelWorkers(() => ({ probe: runProbe }), doomed).makeWorker;

const file = {
  name: 'hamlets.geojson',
  blob: new Blob([readFileSync('tests/fixtures/import/hamlets.geojson')]),
};

describe('the import worker', () => {
  it('that dies is replaced once and the file is read on the new one', async () => {
    const backend = createWorkerBackend(workers((i) => i === 0));
    const outcome = await backend.probe(file);
    expect(outcome.ok).toBe(true);
    backend.abort?.();
  });

  it('is stopped when the dialog lets it go idle, not during a call, and the next call starts a new one', async () => {
    const { made, makeWorker } = channelWorkers(() => importWorkerApi);
    const backend = createWorkerBackend(makeWorker);
    const probing = backend.probe(file);
    backend.release?.();
    expect(made.map((w) => w.terminated)).toEqual([false]);
    expect((await probing).ok).toBe(true);
    backend.release?.();
    expect(made.map((w) => w.terminated)).toEqual([true]);
    expect((await backend.probe(file)).ok).toBe(true);
    expect(made.map((w) => w.terminated)).toEqual([true, false]);
    backend.abort?.();
  });

  it('that dies twice ends the import in words naming the file and what to do, never a silent hang', async () => {
    const backend = createWorkerBackend(workers(() => true));
    const outcome = await backend.probe(file);
    expect(outcome).toMatchObject({
      ok: false,
      error: {
        code: 'workerFailed',
        message: 'hamlets.geojson: the import stopped unexpectedly (it could not be loaded), twice.',
      },
    });
    backend.abort?.();
  });
});

describe('a layer read in the import worker', () => {
  const noProgress = () => undefined;
  const collectionOf = (o: LoadOutcome) => (o.ok ? o.result.collection : null);

  it('reaches the page as bytes and is the layer the page would read itself', async () => {
    const backend = createWorkerBackend(channelWorkers(() => importWorkerApi).makeWorker);
    const inWorker = await backend.load(file, 'hamlets', {}, noProgress).done;
    const onPage = await createInThreadBackend().load(file, 'hamlets', {}, noProgress).done;
    expect(inWorker.ok).toBe(true);
    expect(collectionOf(inWorker)?.features.length).toBeGreaterThan(3);
    expect(inWorker).toEqual(onPage);
    backend.abort?.();
  });

  it('goes as bytes when it can, as it is when a name has a lone surrogate, and failures as they are', async () => {
    const onPage = await createInThreadBackend().load(file, 'hamlets', {}, noProgress).done;
    if (!onPage.ok) throw new Error('fixture did not load');
    const wire = await toWire(onPage);
    expect('bytes' in wire).toBe(true);
    const back = await fromWire(wire, noPause);
    expect(back).toEqual(onPage);
    // The features' boxes come with the bytes: the page takes them rather than walking the coordinates.
    if (!('boxes' in wire) || !back.ok) throw new Error('no boxes sent');
    expect(featureBoxes(back.result.collection.features)).toBe(wire.boxes);
    expect([...wire.boxes]).toEqual([...featureBoxes([...onPage.result.collection.features])]);
    // So do the bytes' SHA-256, which the page keeps as the layer's digest (the result cache's key).
    if (!('digest' in wire)) throw new Error('no digest sent');
    expect(wire.digest).toBe(createHash('sha256').update(new Uint8Array(wire.bytes)).digest('hex'));
    expect(layerDigest(back.result.collection)).toBe(wire.digest);
    expect(layerDigest(onPage.result.collection)).toBeUndefined();
    // And a copy of the bytes, made in the worker, which the saved data takes once.
    if (!wire.saveBytes) throw new Error('no copy sent');
    expect(wire.saveBytes).not.toBe(wire.bytes);
    expect(new Uint8Array(wire.saveBytes)).toEqual(new Uint8Array(wire.bytes));
    expect(keptLayerBytes(back.result.collection)).toBe(wire.bytes);
    expect(takeSavingCopy(back.result.collection)).toBe(wire.saveBytes);
    expect(takeSavingCopy(back.result.collection)).toBeUndefined();
    // A boundary layer (saved apart from the analysis input) comes without the copy.
    const boundary = await toWire(onPage, false);
    expect('bytes' in boundary && boundary.saveBytes).toBeNull();
    expect(wireTransfers(boundary)).toHaveLength(2);
    const kept = await fromWire(boundary, noPause);
    if (!kept.ok) throw new Error('boundary layer not decoded');
    expect(takeSavingCopy(kept.result.collection)).toBeUndefined();

    const odd = structuredClone(onPage);
    odd.result.collection.features[0]!.properties = { name: 'Xóm \ud800' };
    expect(await toWire(odd)).toBe(odd);
    const failed: LoadOutcome = { ok: false, error: { message: 'x.csv: no rows', fix: 'Add rows.' } };
    expect(await toWire(failed)).toBe(failed);
  });
});
