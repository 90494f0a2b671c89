import { del, get, set } from 'idb-keyval';
import { pageSlices, type Pause } from '../../data/resultCodec.ts';

/** The few IndexedDB calls persistence needs; the app uses idb-keyval, tests may pass a Map-backed one. */
export interface KeyValueStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  del(key: string): Promise<void>;
}

/** A store whose first reads can be started before anyone asks for them. */
export interface ReadAheadStore extends KeyValueStore {
  /**
   * Starts reading `keys` now (the page's first module, while the app's code loads); the next `get` of each
   * takes that read instead of starting another, unless the key was written or deleted meanwhile.
   */
  readAhead(keys: readonly string[]): void;
}

/**
 * The saved data's key (`persist.ts`). Data and settings live under separate keys: a slider drag must not
 * rewrite megabytes of layers. The data is kept as bytes (`encodeResult` with `DATA_RECORD`, DATA-MODEL
 * "Saved data"); an earlier record (the same object, structured-cloned, `version: 1`) is still read, and
 * written again as bytes.
 */
export const DATA_KEY = 'vungtrang:data:v1';
/** The saved settings' key (`persist.ts`). */
export const SETTINGS_KEY = 'vungtrang:settings:v1';
/** The field reports' key (`fieldReports.ts`): they belong to the user whatever data is loaded. */
export const REPORTS_KEY = 'vungtrang:field-reports:v1';

/**
 * `kv` with `readAhead`. IndexedDB answers requests in the order they were made, so a read started ahead
 * sees the value as it was then; a write or delete of the key drops it, and a later `get` reads again.
 *
 * @example const kv = readAheadStore(idbKeyval); kv.readAhead([SETTINGS_KEY]); await kv.get(SETTINGS_KEY);
 */
export function readAheadStore(kv: KeyValueStore): ReadAheadStore {
  const ahead = new Map<string, Promise<unknown>>();
  return {
    readAhead(keys) {
      for (const key of keys) {
        if (ahead.has(key)) continue;
        const read = kv.get(key);
        // A failed read is reported to whoever takes it, never as an unhandled rejection before that.
        read.catch(() => undefined);
        ahead.set(key, read);
      }
    },
    get(key) {
      const read = ahead.get(key);
      ahead.delete(key);
      return read ?? kv.get(key);
    },
    set(key, value) {
      ahead.delete(key);
      return kv.set(key, value);
    },
    del(key) {
      ahead.delete(key);
      return kv.del(key);
    },
  };
}

/** The two calls `blobKv` changes. */
interface BytesKv {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
}

/**
 * `kv` keeping bytes as Blobs: IndexedDB hands a Blob back as a reference and its bytes come with
 * `arrayBuffer()` off the page's thread, where a stored `ArrayBuffer` is copied onto the page in the task
 * that reads the record (hundreds of milliseconds for a national set's saved list or data). Records kept
 * as `ArrayBuffer`s by earlier versions read as before; a Blob given is kept as it is. The Blob is built a
 * piece at a time with `pause` between pieces (one Blob of a national record copied tens of MB in one
 * task); every call waits for the writes (`set`, `del`, `clear`) made before it, so none overtakes a
 * write still building its Blob, and reads (`get`, `keys`) go on side by side.
 */
export function blobKv<K extends BytesKv>(kv: K, pause: () => Pause = pageSlices): K {
  let writes: Promise<unknown> = Promise.resolve();
  const afterWrites = <T>(call: () => Promise<T>): Promise<T> => writes.then(call);
  const asWrite = <T>(call: () => Promise<T>): Promise<T> => {
    const mine = writes.then(call);
    writes = mine.catch(() => undefined);
    return mine;
  };
  const out: Record<string, unknown> = {};
  for (const [name, member] of Object.entries(kv)) {
    if (typeof member !== 'function') out[name] = member;
    else {
      const call = (args: unknown[]) => () =>
        (member as (...a: unknown[]) => Promise<unknown>).apply(kv, args);
      out[name] = READS.has(name)
        ? (...args: unknown[]) => afterWrites(call(args))
        : (...args: unknown[]) => asWrite(call(args));
    }
  }
  out.get = (key: string) =>
    afterWrites(async () => {
      const value = await kv.get(key);
      return value instanceof Blob ? value.arrayBuffer() : value;
    });
  out.set = (key: string, value: unknown) =>
    asWrite(async () => kv.set(key, value instanceof ArrayBuffer ? await blobOf(value, pause()) : value));
  return out as K;
}

/** The calls of a store that only read. */
const READS = new Set(['get', 'keys']);

/** Bytes added to a Blob between two pauses. */
const BLOB_PIECE = 4 * 1024 * 1024;

/** `bytes` as a Blob, {@link BLOB_PIECE} at a time; `bytes` is let go once copied (`release`). */
function blobOf(bytes: ArrayBuffer, pause: Pause): Promise<Blob> {
  if (bytes.byteLength > BLOB_PIECE) return appendInPieces(new Blob([]), [bytes], pause);
  const blob = new Blob([bytes]);
  release(bytes);
  return Promise.resolve(blob);
}

/**
 * A Blob of `blob` followed by `parts`, {@link BLOB_PIECE} bytes added between two pauses: a Blob made of a
 * Blob and more bytes copies only those bytes, so no task copies a whole national record. The parts are
 * given up: each is let go once copied (`release`).
 */
export async function appendInPieces(blob: Blob, parts: readonly ArrayBuffer[], pause: Pause): Promise<Blob> {
  let out = blob;
  for (const part of parts) {
    for (let at = 0; at < part.byteLength; at += BLOB_PIECE) {
      out = new Blob([out, new Uint8Array(part, at, Math.min(BLOB_PIECE, part.byteLength - at))]);
      await pause();
    }
    release(part);
  }
  return out;
}

/**
 * Frees bytes already copied into a Blob now rather than at the page's next full collection (tens of MB
 * a record at national size, and a page whose heap hardly grows seldom collects): `transfer(0)` detaches
 * the buffer and drops its memory. Where the runtime has no `transfer`, nothing is done.
 */
function release(bytes: ArrayBuffer): void {
  (bytes as { transfer?: (length: number) => ArrayBuffer }).transfer?.(0);
}

export const idbStore: ReadAheadStore = readAheadStore(blobKv({ get, set, del }));
