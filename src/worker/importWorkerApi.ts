import * as Comlink from 'comlink';
import { isAdminRole } from '../data/layerRoles.ts';
import { forgetFile, runLoad, runProbe, type LoadRequest, type NamedBlob } from './importTask.ts';
import { toWire, wireTransfers, type WireOutcome } from './importWire.ts';

/** What the import worker does (`import.worker.ts` exposes it; tests run it on MessageChannels). */
export const importWorkerApi = {
  probe: (file: NamedBlob) => runProbe(file),
  forget: () => forgetFile(),
  async load(...[file, role, options, onProgress, parsedId]: LoadRequest): Promise<WireOutcome> {
    // Posting a message per feature would flood the page; a few per second is enough for a bar.
    let last = 0;
    const throttled = (f: number): void => {
      const now = performance.now();
      if (now - last < 100 && f < 1) return;
      last = now;
      onProgress(f);
    };
    // Boundary layers are saved apart from the analysis input, encoded: no copy of their bytes for that.
    const wire = await toWire(
      await runLoad(file, role, options, throttled, undefined, parsedId),
      !isAdminRole(role),
    );
    return Comlink.transfer(wire, wireTransfers(wire));
  },
};

export type ImportWorkerApi = typeof importWorkerApi;
