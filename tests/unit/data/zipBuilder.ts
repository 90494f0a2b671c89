import { constants, crc32, deflateRawSync } from 'node:zlib';

/** One entry of a hand-built zip: its packed bytes and what its directory claims. */
export interface BuiltEntry {
  name: string;
  /** Bytes as stored in the archive (a raw deflate stream for method 8). */
  packed: Uint8Array;
  method?: 0 | 8;
  /** The uncompressed size the local header and the directory declare (may lie). */
  declaredSize: number;
  crc?: number;
  /** Sizes in a ZIP64 extra field instead of the 32-bit fields. */
  zip64?: boolean;
}

/** A real entry: `data` deflated, its true size and CRC declared. */
export function deflatedEntry(name: string, data: Uint8Array | string): BuiltEntry {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  return { name, packed: deflateRawSync(bytes), declaredSize: bytes.length, crc: crc32(bytes) };
}

/**
 * A raw deflate stream of `mib` MiB of zeros, about 1 KB per MiB (so 2 GiB in 2 MB), built without
 * compressing gigabytes: one MiB deflated with a full flush is a block that depends on nothing before
 * it, so copies of it in a row are a valid stream, closed by an empty final block.
 */
export function zerosDeflate(mib: number): Uint8Array {
  const block = deflateRawSync(new Uint8Array(1 << 20), { finishFlush: constants.Z_FULL_FLUSH });
  const out = new Uint8Array(block.length * mib + 2);
  for (let i = 0; i < mib; i++) out.set(block, i * block.length);
  out.set([0x03, 0x00], block.length * mib);
  return out;
}

/**
 * Writes a zip: local headers and data, the central directory and the end record; with `zip64End`, also
 * a ZIP64 end record and locator, the 32-bit end record then saying "see ZIP64".
 */
export function buildZip(entries: BuiltEntry[], opts: { zip64End?: boolean } = {}): Uint8Array {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  const enc = new TextEncoder();
  for (const e of entries) {
    const name = enc.encode(e.name);
    const method = e.method ?? 8;
    const extra = e.zip64 ? zip64Extra(e.declaredSize, e.packed.length) : new Uint8Array(0);
    const size32 = e.zip64 ? 0xffffffff : e.declaredSize;
    const csize32 = e.zip64 ? 0xffffffff : e.packed.length;
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, e.zip64 ? 45 : 20, true);
    local.setUint16(6, 0x0800, true);
    local.setUint16(8, method, true);
    local.setUint32(14, e.crc ?? 0, true);
    local.setUint32(18, csize32, true);
    local.setUint32(22, size32, true);
    local.setUint16(26, name.length, true);
    local.setUint16(28, extra.length, true);
    parts.push(new Uint8Array(local.buffer), name, extra, e.packed);
    const dir = new DataView(new ArrayBuffer(46));
    dir.setUint32(0, 0x02014b50, true);
    dir.setUint16(4, 45, true);
    dir.setUint16(6, e.zip64 ? 45 : 20, true);
    dir.setUint16(8, 0x0800, true);
    dir.setUint16(10, method, true);
    dir.setUint32(16, e.crc ?? 0, true);
    dir.setUint32(20, csize32, true);
    dir.setUint32(24, size32, true);
    dir.setUint16(28, name.length, true);
    dir.setUint16(30, extra.length, true);
    dir.setUint32(42, offset, true);
    central.push(new Uint8Array(dir.buffer), name, extra);
    offset += 30 + name.length + extra.length + e.packed.length;
  }
  const dirSize = central.reduce((n, p) => n + p.length, 0);
  const tail: Uint8Array[] = [];
  if (opts.zip64End) {
    const z = new DataView(new ArrayBuffer(56));
    z.setUint32(0, 0x06064b50, true);
    setU64(z, 4, 44);
    z.setUint16(12, 45, true);
    z.setUint16(14, 45, true);
    setU64(z, 24, entries.length);
    setU64(z, 32, entries.length);
    setU64(z, 40, dirSize);
    setU64(z, 48, offset);
    const locator = new DataView(new ArrayBuffer(20));
    locator.setUint32(0, 0x07064b50, true);
    setU64(locator, 8, offset + dirSize);
    locator.setUint32(16, 1, true);
    tail.push(new Uint8Array(z.buffer), new Uint8Array(locator.buffer));
  }
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, opts.zip64End ? 0xffff : entries.length, true);
  end.setUint16(10, opts.zip64End ? 0xffff : entries.length, true);
  end.setUint32(12, opts.zip64End ? 0xffffffff : dirSize, true);
  end.setUint32(16, opts.zip64End ? 0xffffffff : offset, true);
  tail.push(new Uint8Array(end.buffer));
  const all = [...parts, ...central, ...tail];
  const out = new Uint8Array(all.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of all) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function zip64Extra(size: number, compressed: number): Uint8Array {
  const v = new DataView(new ArrayBuffer(20));
  v.setUint16(0, 0x0001, true);
  v.setUint16(2, 16, true);
  setU64(v, 4, size);
  setU64(v, 12, compressed);
  return new Uint8Array(v.buffer);
}

function setU64(v: DataView, at: number, n: number): void {
  v.setUint32(at, n % 2 ** 32, true);
  v.setUint32(at + 4, Math.floor(n / 2 ** 32), true);
}

/**
 * Runs `work` while sampling this process's memory every few milliseconds; returns the largest growth of
 * `arrayBuffers` (where unpacked bytes live) and of the resident set over the values before.
 */
export async function peakGrowth<T>(
  work: () => Promise<T>,
): Promise<{ value: T | undefined; error: unknown; arrayBuffersMb: number; rssMb: number; ms: number }> {
  const before = process.memoryUsage();
  let maxBuffers = before.arrayBuffers;
  let maxRss = before.rss;
  const sample = (): void => {
    const m = process.memoryUsage();
    maxBuffers = Math.max(maxBuffers, m.arrayBuffers);
    maxRss = Math.max(maxRss, m.rss);
  };
  const timer = setInterval(sample, 2);
  const started = performance.now();
  let value: T | undefined;
  let error: unknown;
  try {
    value = await work();
  } catch (e) {
    error = e;
  }
  sample();
  clearInterval(timer);
  const mb = (n: number): number => Math.round(n / 1024 / 1024);
  return {
    value,
    error,
    arrayBuffersMb: mb(maxBuffers - before.arrayBuffers),
    rssMb: mb(maxRss - before.rss),
    ms: performance.now() - started,
  };
}
