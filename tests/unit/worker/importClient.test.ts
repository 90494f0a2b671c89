import { readFileSync } from 'node:fs';
import * as Comlink from 'comlink';
import { describe, expect, it } from 'vitest';
import { createWorkerBackend } from '../../../src/worker/importClient.ts';
import { runProbe } from '../../../src/worker/importTask.ts';

/** Import workers on MessageChannels running the real probe; a doomed one fires `error` when asked anything. */
function workers(doomed: (index: number) => boolean) {
  let made = 0;
  return (): Worker => {
    const { port1, port2 } = new MessageChannel();
    Comlink.expose({ probe: runProbe }, port2);
    const dies = doomed(made++);
    const post = port1.postMessage.bind(port1);
    return Object.assign(port1, {
      postMessage: (message: unknown, transfer?: Transferable[]): void => {
        if (!dies) return post(message, transfer ?? []);
        setTimeout(() => port1.dispatchEvent(new Event('error')), 0);
      },
      terminate: () => {
        port1.close();
        port2.close();
      },
    }) as unknown as Worker;
  };
}

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
