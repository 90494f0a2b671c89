import * as Comlink from 'comlink';
import type { ImportWorkerApi } from './import.worker.ts';
import type { LoadOutcome, LoadRequest, NamedBlob, ProbeOutcome } from './importTask.ts';

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
}

/** Browsers have DOMParser on the page but not in workers; KML needs it. */
export function needsDomParser(name: string, head: Uint8Array): boolean {
  const ext = name.toLowerCase().split('.').pop();
  if (ext === 'kml' || ext === 'kmz') return true;
  const text = new TextDecoder()
    .decode(head.subarray(0, 512))
    .replace(/^\uFEFF/, '')
    .trimStart();
  return /^<\?xml[^>]*>\s*<kml|^<kml/i.test(text);
}

/**
 * Runs on the page's own thread. Used for KML/KMZ (they need the page's DOMParser) and in
 * component tests; cancel works between the loader's phases through an AbortSignal. The readers are
 * fetched at the first use: most visits never import a file.
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
 * Parses files in a Web Worker so a 60 MB GeoJSON does not freeze the page. Cancel terminates the
 * worker: JSON.parse of a big file cannot be interrupted any other way. KML goes to the page thread.
 */
export function createWorkerBackend(makeWorker: () => Worker = createImportWorker): ImportBackend {
  const inThread = createInThreadBackend();
  let worker: Worker | null = null;
  let api: Comlink.Remote<ImportWorkerApi> | null = null;
  const ensure = (): Comlink.Remote<ImportWorkerApi> => {
    if (!api) {
      worker = makeWorker();
      api = Comlink.wrap<ImportWorkerApi>(worker);
    }
    return api;
  };
  const kill = (): void => {
    worker?.terminate();
    worker = null;
    api = null;
  };
  const isKml = async (file: NamedBlob): Promise<boolean> =>
    needsDomParser(file.name, new Uint8Array(await file.blob.slice(0, 512).arrayBuffer()));

  return {
    async probe(file) {
      if (await isKml(file)) return inThread.probe(file);
      return ensure().probe(file);
    },
    abort: kill,
    forget() {
      inThread.forget();
      void api?.forget();
    },
    load(file, role, options, onProgress, parsedId) {
      let settle: ((o: LoadOutcome) => void) | null = null;
      let inner: RunningLoad | null = null;
      const cancelled = new Promise<LoadOutcome>((resolve) => {
        settle = resolve;
      });
      const work = (async (): Promise<LoadOutcome> => {
        if (await isKml(file)) {
          inner = inThread.load(file, role, options, onProgress, parsedId);
          return inner.done;
        }
        return ensure().load(file, role, options, Comlink.proxy(onProgress), parsedId);
      })().catch((e: unknown) => ({
        ok: false as const,
        error: { message: `${file.name}: ${e instanceof Error ? e.message : String(e)}`, fix: 'Try again.' },
      }));
      return {
        done: Promise.race([work, cancelled]),
        cancel: () => {
          if (inner) inner.cancel();
          else kill();
          settle?.({ ok: false, cancelled: true });
        },
      };
    },
  };
}
