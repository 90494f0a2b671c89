import { COLLECTION_RECORD, decodeResult, ResultCodecError, type Pause } from '../../data/resultCodec.ts';
import { appendInPieces } from './kvStore.ts';

/**
 * Saved data whose imported layers are kept as the bytes they crossed from the import worker in
 * (`COLLECTION_RECORD`s), beside the rest of the saved data (`DATA_RECORD`): saving then copies those
 * bytes instead of encoding every feature again while the analysis runs. Little-endian:
 *
 * | bytes | content |
 * |---|---|
 * | 4 | `VTDS` |
 * | u32 | this form's version (1) |
 * | u32 | the whole record's length |
 * | u32 | number of layer records, n |
 * | n × (u32, u32, …) | each layer's name length in UTF-8 bytes, its record's length, then the name |
 * | u32 | the saved data's length |
 * | … | the n layer records, one after another, then the saved data |
 */
const MAGIC = 0x53445456; /* "VTDS" */
const VERSION = 1;

export interface LayerBytes {
  name: string;
  bytes: ArrayBuffer;
}

/** Whether `buf` is a saved set (and not a `DATA_RECORD` on its own). */
export function isSavedSet(buf: ArrayBuffer): boolean {
  return buf.byteLength >= 4 && new DataView(buf).getUint32(0, true) === MAGIC;
}

/**
 * The layers' records and the saved data (`DATA_RECORD` bytes) as one record, a Blob built from the parts
 * themselves a piece at a time (`pause` between pieces): no buffer of the whole is made on the page.
 */
export async function writeSavedSet(
  layers: readonly LayerBytes[],
  data: ArrayBuffer,
  pause: Pause,
): Promise<Blob> {
  const encoder = new TextEncoder();
  const names = layers.map((l) => encoder.encode(l.name));
  const head = 16 + names.reduce((n, b) => n + 8 + b.length, 0) + 4;
  const total = head + layers.reduce((n, l) => n + l.bytes.byteLength, 0) + data.byteLength;
  const out = new Uint8Array(head);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, VERSION, true);
  view.setUint32(8, total, true);
  view.setUint32(12, layers.length, true);
  let at = 16;
  layers.forEach((l, i) => {
    const name = names[i] as Uint8Array;
    view.setUint32(at, name.length, true);
    view.setUint32(at + 4, l.bytes.byteLength, true);
    out.set(name, at + 8);
    at += 8 + name.length;
  });
  view.setUint32(at, data.byteLength, true);
  return appendInPieces(new Blob([out]), [...layers.map((l) => l.bytes), data], pause);
}

/**
 * A saved set's parts: each layer decoded from its record (with the record's bytes, for the analysis
 * worker) and the saved data's bytes. Rejects with `ResultCodecError` on bytes of another form, version
 * or length.
 */
export async function readSavedSet(
  buf: ArrayBuffer,
  pause: Pause,
): Promise<{ layers: { name: string; layer: unknown; bytes: ArrayBuffer }[]; data: ArrayBuffer }> {
  if (!isSavedSet(buf) || buf.byteLength < 20) throw new ResultCodecError('not saved data');
  const view = new DataView(buf);
  const version = view.getUint32(4, true);
  if (version !== VERSION) throw new ResultCodecError(`saved data form ${version}`);
  if (view.getUint32(8, true) !== buf.byteLength) throw new ResultCodecError('cut short or padded');
  const n = view.getUint32(12, true);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const entries: { name: string; length: number }[] = [];
  let at = 16;
  const need = (bytes: number): void => {
    if (at + bytes > buf.byteLength) throw new ResultCodecError('cut short');
  };
  try {
    for (let i = 0; i < n; i++) {
      need(8);
      const nameLength = view.getUint32(at, true);
      const length = view.getUint32(at + 4, true);
      need(8 + nameLength);
      entries.push({ name: decoder.decode(new Uint8Array(buf, at + 8, nameLength)), length });
      at += 8 + nameLength;
    }
  } catch (e) {
    if (e instanceof ResultCodecError) throw e;
    throw new ResultCodecError('a layer name is not UTF-8');
  }
  need(4);
  const dataLength = view.getUint32(at, true);
  at += 4;
  if (at + entries.reduce((s, e) => s + e.length, 0) + dataLength !== buf.byteLength)
    throw new ResultCodecError('lengths do not add up');
  const layers: { name: string; layer: unknown; bytes: ArrayBuffer }[] = [];
  for (const e of entries) {
    const bytes = buf.slice(at, at + e.length);
    at += e.length;
    layers.push({ name: e.name, layer: await decodeResult(bytes, pause, COLLECTION_RECORD), bytes });
  }
  return { layers, data: buf.slice(at, at + dataLength) };
}
