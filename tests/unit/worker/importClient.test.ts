import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createWorkerBackend } from '../../../src/worker/importClient.ts';
import { runProbe } from '../../../src/worker/importTask.ts';
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
