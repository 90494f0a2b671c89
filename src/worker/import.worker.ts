import * as Comlink from 'comlink';
import { holdLifeline } from './lifeline.ts';
import { forgetFile, runLoad, runProbe, type LoadRequest, type NamedBlob } from './importTask.ts';

const api = {
  probe: (file: NamedBlob) => runProbe(file),
  forget: () => forgetFile(),
  load(...[file, role, options, onProgress, parsedId]: LoadRequest) {
    // Posting a message per feature would flood the page; a few per second is enough for a bar.
    let last = 0;
    const throttled = (f: number): void => {
      const now = performance.now();
      if (now - last < 100 && f < 1) return;
      last = now;
      onProgress(f);
    };
    return runLoad(file, role, options, throttled, undefined, parsedId);
  },
};

export type ImportWorkerApi = typeof api;

holdLifeline();
Comlink.expose(api);
