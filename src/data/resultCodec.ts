/**
 * The binary form of a cached analysis result and of the saved imported data (DATA-MODEL "Saved result",
 * "Saved data"): one ArrayBuffer instead of a structured-cloned object graph. Every string (ids, names, object keys) is written once in a table and
 * referred to by index; each distinct set of object keys (a "shape": all hamlets share a few) once; numbers
 * as float64 (int32 when whole); an array of numbers, and an array of [x, y] pairs (a ring of a white or
 * weak zone, of a hamlet polygon), as one run of float64s. The decoder checks the magic, the version and every bound, and
 * throws `ResultCodecError` rather than return a partial result.
 *
 * Layout (little-endian): the record's magic ("VTRC" a result, "VTDT" data), u32 version, u32 total bytes, u32 strings, u32 UTF-8 bytes, u32 UTF-16
 * length of each string, the UTF-8 of all strings, u32 shapes, per shape u32 keys and their string indices,
 * then the root value (a tag byte, then its payload).
 */

export const RESULT_FORMAT_VERSION = 1;

/** What a record holds: its magic (so one kind is never read as another) and how deep it is sliced. */
export interface RecordKind {
  magic: number;
  /** Arrays and objects this deep or shallower are walked with pauses. */
  pauseDepth: number;
  what: string;
}

/** An analysis result: the root, its hamlets and ranking, the summary's own lists. */
export const RESULT_RECORD: RecordKind = {
  magic: 0x43525456 /* "VTRC" */,
  pauseDepth: 2,
  what: 'a saved result',
};
/** Saved data (`persist.ts`): the root, its layers, each layer, each layer's features. */
export const DATA_RECORD: RecordKind = { magic: 0x54445456 /* "VTDT" */, pauseDepth: 3, what: 'saved data' };
/** A layer read by the import worker, sent to the page (`importClient.ts`): the collection, its features. */
export const COLLECTION_RECORD: RecordKind = {
  magic: 0x43465456 /* "VTFC" */,
  pauseDepth: 1,
  what: 'an imported layer',
};
/** Input layers sent to the analysis worker (`AnalysisClient`): the root, each layer, its features. */
export const LAYERS_RECORD: RecordKind = { magic: 0x594c5456 /* "VTLY" */, pauseDepth: 2, what: 'layers' };

const T_UNDEFINED = 0;
const T_NULL = 1;
const T_FALSE = 2;
const T_TRUE = 3;
const T_FLOAT = 4;
const T_INT = 5;
const T_STRING = 6;
const T_ARRAY = 7;
const T_OBJECT = 8;
const T_NUMBERS = 9;
const T_PAIRS = 10;

/** Why bytes were refused (another version, cut short, garbled) or a value could not be written. */
export class ResultCodecError extends Error {
  override name = 'ResultCodecError';
}

/** Strings encoded to UTF-8 between two looks at the clock. */
const STRING_BATCH = 1 << 14;

/** The body's first chunk, bytes; each later one is twice the one before, up to {@link CHUNK_MAX}. */
const CHUNK_FIRST = 1 << 16;
const CHUNK_MAX = 1 << 22;

/**
 * Bytes written into chunks that are never copied to grow (a national record is tens of MB: doubling one
 * buffer copied it again and again, in tasks of hundreds of ms); `parts` gives them in order, with no gap.
 */
class Writer {
  private readonly done: Uint8Array[] = [];
  private doneBytes = 0;
  private buf = new ArrayBuffer(CHUNK_FIRST);
  private view = new DataView(this.buf);
  private at = 0;
  private room(n: number): void {
    if (this.at + n <= this.buf.byteLength) return;
    this.done.push(new Uint8Array(this.buf, 0, this.at));
    this.doneBytes += this.at;
    this.buf = new ArrayBuffer(Math.max(n, Math.min(CHUNK_MAX, this.buf.byteLength * 2)));
    this.view = new DataView(this.buf);
    this.at = 0;
  }
  /** Bytes written so far. */
  get length(): number {
    return this.doneBytes + this.at;
  }
  /** The bytes written, as views of the chunks, in order. */
  parts(): Uint8Array[] {
    return [...this.done, new Uint8Array(this.buf, 0, this.at)];
  }
  u8(v: number): void {
    this.room(1);
    this.view.setUint8(this.at, v);
    this.at += 1;
  }
  u32(v: number): void {
    this.room(4);
    this.view.setUint32(this.at, v, true);
    this.at += 4;
  }
  i32(v: number): void {
    this.room(4);
    this.view.setInt32(this.at, v, true);
    this.at += 4;
  }
  f64(v: number): void {
    this.room(8);
    this.view.setFloat64(this.at, v, true);
    this.at += 8;
  }
}

const LONE_SURROGATE = /\p{Surrogate}/u;

/** Lets the page run between pieces of work; `noPause` for callers off the page (tests, the bench). */
export type Pause = () => Promise<void> | undefined;
export const noPause: Pause = () => undefined;

/** Work on the page in slices of 40 ms, letting it draw and take input between them. */
export const pageSlices = (): Pause => pauseEvery(40, yieldToPage);

/** Lets the page draw and take input between slices of the hamlets (no frame skipped for long). */
export function yieldToPage(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Elements between two looks at the clock. */
const CLOCK_EVERY = 128;

/**
 * A pause when `sliceMs` has passed since the last one: long arrays (the hamlets) are written and read in
 * slices so the page never blocks for long at once.
 */
export function pauseEvery(sliceMs: number, yieldNow: () => Promise<void>): Pause {
  let since = performance.now();
  return () => {
    if (performance.now() - since < sliceMs) return undefined;
    return yieldNow().then(() => {
      since = performance.now();
    });
  };
}

/**
 * The result (any plain JSON-like value: objects, arrays, strings, numbers, booleans, null, undefined) as
 * bytes; a non-empty Float64Array is written as the list of its numbers (read back as an array). Throws
 * `ResultCodecError` on anything else (a Map, a class instance, a string with a lone surrogate, which
 * UTF-8 cannot carry): such a result is simply not cached.
 *
 * @example const bytes = await encodeResult(result); await decodeResult(bytes) // deep-equals result
 */
export async function encodeResult(
  value: unknown,
  pause: Pause = noPause,
  kind: RecordKind = RESULT_RECORD,
): Promise<ArrayBuffer> {
  const strings: string[] = [];
  const stringIndex = new Map<string, number>();
  const shapes: number[][] = [];
  // Shapes by their first key, each with its keys: most objects match one of very few candidates.
  const shapesByFirst = new Map<string | undefined, { keys: string[]; id: number }[]>();
  const body = new Writer();

  const str = (s: string): number => {
    let i = stringIndex.get(s);
    if (i === undefined) {
      if (LONE_SURROGATE.test(s)) throw new ResultCodecError('a string has a lone surrogate');
      i = strings.length;
      strings.push(s);
      stringIndex.set(s, i);
    }
    return i;
  };
  const shape = (keys: string[]): number => {
    let candidates = shapesByFirst.get(keys[0]);
    if (!candidates) shapesByFirst.set(keys[0], (candidates = []));
    for (const c of candidates) if (sameKeys(c.keys, keys)) return c.id;
    const id = shapes.length;
    shapes.push(keys.map(str));
    candidates.push({ keys, id });
    return id;
  };

  const write = (v: unknown): void => {
    switch (typeof v) {
      case 'undefined':
        body.u8(T_UNDEFINED);
        return;
      case 'boolean':
        body.u8(v ? T_TRUE : T_FALSE);
        return;
      case 'number':
        if ((v | 0) === v && !Object.is(v, -0)) {
          body.u8(T_INT);
          body.i32(v);
        } else {
          body.u8(T_FLOAT);
          body.f64(v);
        }
        return;
      case 'string':
        body.u8(T_STRING);
        body.u32(str(v));
        return;
      case 'object':
        if (v === null) body.u8(T_NULL);
        else if (Array.isArray(v)) writeArray(v);
        else if (v instanceof Float64Array && v.length > 0) writeNumbers(v);
        else writeObject(v);
        return;
      default:
        throw new ResultCodecError(`a ${typeof v} cannot be stored`);
    }
  };
  const writeNumbers = (a: ArrayLike<number>): void => {
    body.u8(T_NUMBERS);
    body.u32(a.length);
    for (let i = 0; i < a.length; i++) body.f64(a[i] as number);
  };
  const writeArray = (a: unknown[]): void => {
    if (a.length > 0 && a.every((x) => typeof x === 'number')) writeNumbers(a as number[]);
    else if (a.length > 0 && a.every(isPair)) {
      body.u8(T_PAIRS);
      body.u32(a.length);
      for (const p of a as [number, number][]) {
        body.f64(p[0]);
        body.f64(p[1]);
      }
    } else {
      body.u8(T_ARRAY);
      body.u32(a.length);
      for (let i = 0; i < a.length; i++) write(a[i]);
    }
  };
  const writeObject = (o: object): void => {
    const proto = Object.getPrototypeOf(o) as unknown;
    if (proto !== Object.prototype && proto !== null) {
      throw new ResultCodecError(`a ${o.constructor?.name ?? 'non-plain object'} cannot be stored`);
    }
    const keys = Object.keys(o);
    body.u8(T_OBJECT);
    body.u32(shape(keys));
    const rec = o as Record<string, unknown>;
    for (const k of keys) write(rec[k]);
  };

  // The top levels again, pausing between elements; below `kind.pauseDepth`, `write` as above.
  const writeSliced = async (v: unknown, depth: number): Promise<void> => {
    if (depth > kind.pauseDepth || typeof v !== 'object' || v === null) return write(v);
    if (!Array.isArray(v)) {
      if (Object.getPrototypeOf(v) !== Object.prototype) return write(v);
      const keys = Object.keys(v);
      body.u8(T_OBJECT);
      body.u32(shape(keys));
      for (const k of keys) await writeSliced((v as Record<string, unknown>)[k], depth + 1);
      return;
    }
    if (v.length === 0 || v.every((x) => typeof x === 'number') || v.every(isPair)) return write(v);
    body.u8(T_ARRAY);
    body.u32(v.length);
    for (let i = 0; i < v.length; i++) {
      write(v[i]);
      if (i % CLOCK_EVERY === CLOCK_EVERY - 1) await pause();
    }
  };
  await writeSliced(value, 0);

  // The strings' UTF-8 a batch at a time (a national record has hundreds of thousands): each string is
  // whole UTF-16, so the batches' bytes together are those of all the strings joined.
  const encoder = new TextEncoder();
  const utf8: Uint8Array[] = [];
  let utf8Bytes = 0;
  for (let i = 0; i < strings.length; i += STRING_BATCH) {
    const part = encoder.encode(strings.slice(i, i + STRING_BATCH).join(''));
    utf8.push(part);
    utf8Bytes += part.length;
    await pause();
  }
  // The record in one buffer of its exact size: the header, then the body's chunks, copied once each.
  let headerBytes = 4 * 5 + 4 * strings.length + utf8Bytes + 4;
  for (const keys of shapes) headerBytes += 4 + 4 * keys.length;
  const total = headerBytes + body.length;
  const out = new ArrayBuffer(total);
  const view = new DataView(out);
  const bytes = new Uint8Array(out);
  let at = 0;
  const u32 = (v: number): void => {
    view.setUint32(at, v, true);
    at += 4;
  };
  u32(kind.magic);
  u32(RESULT_FORMAT_VERSION);
  u32(total);
  u32(strings.length);
  u32(utf8Bytes);
  for (let i = 0; i < strings.length; i++) {
    u32((strings[i] as string).length);
    if (i % STRING_BATCH === STRING_BATCH - 1) await pause();
  }
  for (const part of utf8) {
    bytes.set(part, at);
    at += part.length;
  }
  u32(shapes.length);
  for (const keys of shapes) {
    u32(keys.length);
    for (const k of keys) u32(k);
  }
  for (const part of body.parts()) {
    bytes.set(part, at);
    at += part.length;
    await pause();
  }
  return out;
}

function sameKeys(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function isPair(x: unknown): boolean {
  return Array.isArray(x) && x.length === 2 && typeof x[0] === 'number' && typeof x[1] === 'number';
}

/**
 * The value `encodeResult` wrote. Rejects with `ResultCodecError` for bytes of another format version, cut
 * short, or otherwise not what the encoder writes.
 */
export async function decodeResult(
  buf: ArrayBuffer,
  pause: Pause = noPause,
  kind: RecordKind = RESULT_RECORD,
): Promise<unknown> {
  if (!(buf instanceof ArrayBuffer) || buf.byteLength < 20) throw new ResultCodecError('too short');
  const view = new DataView(buf);
  if (view.getUint32(0, true) !== kind.magic) throw new ResultCodecError(`not ${kind.what}`);
  const version = view.getUint32(4, true);
  if (version !== RESULT_FORMAT_VERSION) throw new ResultCodecError(`format version ${version}`);
  if (view.getUint32(8, true) !== buf.byteLength) throw new ResultCodecError('cut short or padded');
  let at = 12;
  try {
    const u32 = (): number => {
      const v = view.getUint32(at, true);
      at += 4;
      return v;
    };
    const count = u32();
    const utf8Length = u32();
    const lengths = new Uint32Array(count);
    for (let i = 0; i < count; i++) lengths[i] = u32();
    const all = new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(buf, at, utf8Length));
    at += utf8Length;
    const strings: string[] = new Array<string>(count);
    let pos = 0;
    for (let i = 0; i < count; i++) {
      strings[i] = all.slice(pos, pos + lengths[i]!);
      pos += lengths[i]!;
    }
    if (pos !== all.length) throw new ResultCodecError('string table does not add up');
    const string = (i: number): string => {
      const s = strings[i];
      if (s === undefined) throw new ResultCodecError(`string ${i} of ${count}`);
      return s;
    };
    const shapes: string[][] = [];
    // Shapes with a key named __proto__, which must be set as data (`setKey`); the others are assigned.
    const odd = new Set<string[]>();
    const shapeCount = u32();
    for (let i = 0; i < shapeCount; i++) {
      const n = u32();
      const keys: string[] = [];
      for (let j = 0; j < n; j++) keys.push(string(u32()));
      if (keys.includes('__proto__')) odd.add(keys);
      shapes.push(keys);
    }
    const read = (): unknown => {
      const tag = view.getUint8(at++);
      switch (tag) {
        case T_UNDEFINED:
          return undefined;
        case T_NULL:
          return null;
        case T_FALSE:
          return false;
        case T_TRUE:
          return true;
        case T_INT: {
          const v = view.getInt32(at, true);
          at += 4;
          return v;
        }
        case T_FLOAT: {
          const v = view.getFloat64(at, true);
          at += 8;
          return v;
        }
        case T_STRING:
          return string(u32());
        case T_ARRAY: {
          const n = u32();
          if (n > buf.byteLength - at) throw new ResultCodecError('array longer than the bytes left');
          const a: unknown[] = new Array<unknown>(n);
          for (let i = 0; i < n; i++) a[i] = read();
          return a;
        }
        case T_NUMBERS: {
          const n = u32();
          if (n * 8 > buf.byteLength - at) throw new ResultCodecError('numbers past the end');
          const a: number[] = new Array<number>(n);
          for (let i = 0; i < n; i++, at += 8) a[i] = view.getFloat64(at, true);
          return a;
        }
        case T_PAIRS: {
          const n = u32();
          if (n * 16 > buf.byteLength - at) throw new ResultCodecError('coordinates past the end');
          const a: [number, number][] = new Array<[number, number]>(n);
          for (let i = 0; i < n; i++, at += 16) {
            a[i] = [view.getFloat64(at, true), view.getFloat64(at + 8, true)];
          }
          return a;
        }
        case T_OBJECT: {
          const keys = shapes[u32()];
          if (!keys) throw new ResultCodecError('unknown shape');
          const o: Record<string, unknown> = {};
          if (odd.has(keys)) for (const k of keys) setKey(o, k, read());
          else for (let i = 0; i < keys.length; i++) o[keys[i]!] = read();
          return o;
        }
        default:
          throw new ResultCodecError(`unknown tag ${tag} at byte ${at - 1}`);
      }
    };
    const readSliced = async (depth: number): Promise<unknown> => {
      const tag = view.getUint8(at);
      if (depth > kind.pauseDepth || (tag !== T_ARRAY && tag !== T_OBJECT)) return read();
      at++;
      if (tag === T_OBJECT) {
        const keys = shapes[u32()];
        if (!keys) throw new ResultCodecError('unknown shape');
        const o: Record<string, unknown> = {};
        for (const k of keys) {
          setKey(o, k, await readSliced(depth + 1));
        }
        return o;
      }
      const n = u32();
      if (n > buf.byteLength - at) throw new ResultCodecError('array longer than the bytes left');
      const a: unknown[] = new Array<unknown>(n);
      for (let i = 0; i < n; i++) {
        a[i] = read();
        if (i % CLOCK_EVERY === CLOCK_EVERY - 1) await pause();
      }
      return a;
    };
    const value = await readSliced(0);
    if (at !== buf.byteLength) throw new ResultCodecError('bytes left over');
    return value;
  } catch (e) {
    if (e instanceof ResultCodecError) throw e;
    // A DataView read past the end (RangeError) or UTF-8 that does not decode (TypeError).
    throw new ResultCodecError(`unreadable at byte ${at} (${e instanceof Error ? e.message : String(e)})`);
  }
}

/** A key named __proto__ is data here, never the object's prototype. */
function setKey(o: Record<string, unknown>, k: string, v: unknown): void {
  if (k === '__proto__')
    Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  else o[k] = v;
}
