import * as Comlink from 'comlink';
import type { ImportWorkerApi } from './importWorkerApi.ts';
import { pageSlices } from '../data/resultCodec.ts';
import type { ImportFailure, LoadOutcome, LoadRequest, NamedBlob, ProbeOutcome } from './importTask.ts';
import { fromWire } from './importWire.ts';
import { watchedWorker, WorkerDied } from './lifeline.ts';

/** A load in progress: await `done`, or `cancel()` it (the page stays responsive either way). */
export interface RunningLoad {
  done: Promise<LoadOutcome>;
  cancel(): void;
}

/** What the import dialog needs: probe a file, then load it with progress and cancel. */
export interface ImportBackend {
  probe(file: NamedBlob): Promise<ProbeOutcome>;
  load(...request: LoadRequest): RunningLoad;
  /** Lets go of the file the last probe read (the dialog moved on). */
  forget(): void;
  /** Stops whatever is running (a probe of a huge file); the next call starts afresh. */
  abort?(): void;
  /**
   * The dialog closed: an idle worker is stopped, so what it read (files' text and bytes its collector has
   * not reached yet, ~200 MB after a national import) goes at once; the next call starts a fresh one.
   */
  release?(): void;
}

/**
 * Runs on the page's own thread: for component tests (the app reads every file in the import worker).
 * Cancel works between the loader's phases through an AbortSignal.
 */
export function createInThreadBackend(): ImportBackend {
  let loaded: Promise<typeof import('./importTask.ts')> | null = null;
  const task = () => (loaded ??= import('./importTask.ts'));
  return {
    probe: async (file) => (await task()).runProbe(file),
    load(file, role, options, onProgress, parsedId) {
      const controller = new AbortController();
      const done = task().then((t) =>
        t.runLoad(file, role, options, onProgress, controller.signal, parsedId),
      );
      return { done, cancel: () => controller.abort() };
    },
    forget: () => void loaded?.then((t) => t.forgetFile()),
  };
}

export function createImportWorker(): Worker {
  return new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
}

/**
 * Reads every file (GeoJSON, Shapefile zip, KML/KMZ, CSV) in a Web Worker, so a 60 MB GeoJSON or a big
 * KMZ does not freeze the page. Cancel terminates the worker: JSON.parse of a big file cannot be
 * interrupted any other way. A worker that dies (out of memory, a crash) or cannot be loaded fails the
 * call in words; the next call starts a fresh worker, and the call is tried once more on it.
 */
export function createWorkerBackend(makeWorker: () => Worker = createImportWorker): ImportBackend {
  let current: { worker: Worker; api: Comlink.Remote<ImportWorkerApi>; death: Promise<never> } | null = null;
  const ensure = (): NonNullable<typeof current> => {
    if (!current) {
      const watched = watchedWorker(makeWorker, (dead) => {
        if (current?.worker === dead) current = null;
      });
      current = { ...watched, api: Comlink.wrap<ImportWorkerApi>(watched.worker) };
    }
    return current;
  };
  const kill = (): void => {
    current?.worker.terminate();
    current = null;
  };
  /** Calls under way: an idle worker can be released. */
  let busy = 0;
  /** Runs `call` on the worker; a death is retried once on a fresh worker, then said in words. */
  const withRetry = async <T>(
    name: string,
    call: (api: Comlink.Remote<ImportWorkerApi>) => Promise<T>,
  ): Promise<T | { ok: false; error: ImportFailure }> => {
    busy++;
    try {
      for (let attempt = 0; ; attempt++) {
        const w = ensure();
        try {
          return await Promise.race([call(w.api), w.death]);
        } catch (e) {
          if (!(e instanceof WorkerDied)) throw e;
          if (attempt >= 1) return { ok: false, error: workerFailure(name, e.reason) };
        }
      }
    } finally {
      busy--;
    }
  };

  return {
    probe: (file) => withRetry<ProbeOutcome>(file.name, (api) => api.probe(file)),
    abort: kill,
    forget() {
      void current?.api.forget();
    },
    release() {
      if (busy === 0) kill();
    },
    load(file, role, options, onProgress, parsedId) {
      let settle: ((o: LoadOutcome) => void) | null = null;
      const cancelled = new Promise<LoadOutcome>((resolve) => {
        settle = resolve;
      });
      // A fresh worker no longer holds the probe's parsed file: it reads the file again.
      const work = withRetry<LoadOutcome>(file.name, async (api) =>
        fromWire(await api.load(file, role, options, Comlink.proxy(onProgress), parsedId), pageSlices()),
      ).catch((e: unknown) => ({
        ok: false as const,
        error: { message: `${file.name}: ${e instanceof Error ? e.message : String(e)}`, fix: 'Try again.' },
      }));
      return {
        done: Promise.race([work, cancelled]),
        cancel: () => {
          kill();
          settle?.({ ok: false, cancelled: true });
        },
      };
    },
  };
}

/** The import worker died twice on this file: most often memory. */
function workerFailure(file: string, reason: string): ImportFailure {
  return {
    message: `${file}: the import stopped unexpectedly (${reason}), twice.`,
    fix: 'Close other tabs to free memory and try again; if it fails again, split the file into smaller ones.',
    code: 'workerFailed',
  };
}
