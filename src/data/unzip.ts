import { Inflate } from 'fflate';
import { LoadError } from './LoadError.ts';
import { MAX_UNZIPPED_BYTES, MAX_ZIP_ENTRIES, MAX_ZIP_ENTRY_BYTES } from './types.ts';

/** One file of an archive as its central directory declares it. */
interface ZipEntry {
  /** Path inside the archive, lower-cased. */
  name: string;
  method: number;
  encrypted: boolean;
  compressedSize: number;
  /** Uncompressed size the directory declares: the reader never writes more than this. */
  size: number;
  localOffset: number;
}

/** An opened archive: what its directory lists, and the entries read one by one within the limits. */
export interface ZipArchive {
  /** Paths inside the archive (lower-cased), without folders and macOS resource forks. */
  names: string[];
  /** Declared uncompressed size of an entry. */
  sizeOf(name: string): number;
  /** Unpacks one entry. Throws a `LoadError` when it or the archive's total would pass a limit. */
  read(name: string): Promise<Uint8Array>;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** Deflate cannot pack more than ~1032 bytes into one: a directory declaring more lies. */
const MAX_RATIO = 1100;
/** Compressed bytes fed to the inflater at once: one push can never produce more than ~16 MB. */
const PUSH = 16 * 1024;
/** Unpacked bytes between two pauses, so a cancel (or a memory probe) gets a turn. */
const YIELD_EVERY = 8 * 1024 * 1024;

const MB = 1024 * 1024;
const mb = (n: number): string => `${Math.ceil(n / MB)} MB`;
const FIX_REZIP = 'Zip the .shp, .shx, .dbf and .prj files again, or export a KMZ again from Google Earth.';
const FIX_SPLIT = 'Split the data into smaller files (for example one commune per file).';

/**
 * Opens a zip (a zipped Shapefile or a KMZ) from its central directory, without unpacking anything:
 * the entry count and each entry's declared sizes are checked first, and `read` then inflates one entry
 * as a stream, stopping at its declared size and at the limits (`MAX_ZIP_ENTRY_BYTES` per entry,
 * `MAX_UNZIPPED_BYTES` for all entries read), so a zip bomb or a lying directory costs at most the
 * limit in memory and ends in a `LoadError` naming the file and the limit.
 *
 * @example const zip = openZip(bytes, 'thon.zip'); const shp = await zip.read('thon.shp');
 */
export function openZip(bytes: Uint8Array, file: string): ZipArchive {
  const entries = readDirectory(bytes, file);
  const byName = new Map<string, ZipEntry>();
  for (const e of entries) {
    if (e.name.endsWith('/') || e.name.includes('__macosx') || /(^|\/)\._/.test(e.name)) continue;
    if (!byName.has(e.name)) byName.set(e.name, e);
  }
  let total = 0;
  return {
    names: [...byName.keys()],
    sizeOf: (name) => byName.get(name)?.size ?? 0,
    async read(name) {
      const entry = byName.get(name);
      if (!entry) throw new LoadError(file, `has no ${name} inside.`, FIX_REZIP);
      checkEntry(entry, file);
      if (total + entry.size > MAX_UNZIPPED_BYTES) {
        throw new LoadError(
          file,
          `unpacks to more than ${mb(MAX_UNZIPPED_BYTES)} (the limit for one archive).`,
          FIX_SPLIT,
        );
      }
      total += entry.size;
      return unpack(bytes, entry, file);
    },
  };
}

function damaged(file: string, what: string): LoadError {
  return new LoadError(file, `is not a readable zip archive (${what}).`, FIX_REZIP);
}

function u64(view: DataView, at: number): number {
  return view.getUint32(at + 4, true) * 2 ** 32 + view.getUint32(at, true);
}

/** The central directory's entries; the count is checked before a single entry is read. */
function readDirectory(bytes: Uint8Array, file: string): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEocd(view);
  if (end < 0) throw damaged(file, 'no end-of-archive record: the file is cut short or not a zip');
  let count = view.getUint16(end + 10, true);
  let dirSize = view.getUint32(end + 12, true);
  let dirOffset = view.getUint32(end + 16, true);
  if (count === 0xffff || dirSize === 0xffffffff || dirOffset === 0xffffffff) {
    const locator = end - 20;
    if (locator < 0 || view.getUint32(locator, true) !== ZIP64_LOCATOR) {
      throw damaged(file, 'a ZIP64 archive without its ZIP64 record');
    }
    const at = u64(view, locator + 8);
    if (at + 56 > bytes.byteLength || view.getUint32(at, true) !== ZIP64_EOCD) {
      throw damaged(file, 'the ZIP64 record points outside the file');
    }
    count = u64(view, at + 32);
    dirSize = u64(view, at + 40);
    dirOffset = u64(view, at + 48);
  }
  if (count > MAX_ZIP_ENTRIES) {
    throw new LoadError(
      file,
      `holds ${count.toLocaleString('en')} files; the limit is ${MAX_ZIP_ENTRIES.toLocaleString('en')}.`,
      'Zip only the files of the layer (.shp, .shx, .dbf, .prj, .cpg) or the KML and its icons.',
    );
  }
  if (dirOffset + dirSize > bytes.byteLength) throw damaged(file, 'its directory lies outside the file');
  const entries: ZipEntry[] = [];
  const names = new TextDecoder('utf-8');
  let at = dirOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.byteLength || view.getUint32(at, true) !== CENTRAL) {
      throw damaged(file, `directory entry ${i + 1} of ${count} is missing`);
    }
    const flags = view.getUint16(at + 8, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const entry: ZipEntry = {
      name: names.decode(bytes.subarray(at + 46, at + 46 + nameLength)).toLowerCase(),
      method: view.getUint16(at + 10, true),
      encrypted: (flags & 1) !== 0,
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
    };
    readZip64Extra(view, at + 46 + nameLength, extraLength, entry);
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function findEocd(view: DataView): number {
  const last = view.byteLength - 22;
  for (let at = last; at >= 0 && at >= last - 0xffff; at--) {
    if (view.getUint32(at, true) === EOCD) return at;
  }
  return -1;
}

/** ZIP64 sizes and offset live in extra field 0x0001, each only when the 32-bit field is all ones. */
function readZip64Extra(view: DataView, start: number, length: number, entry: ZipEntry): void {
  const end = Math.min(start + length, view.byteLength);
  for (let at = start; at + 4 <= end;) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (id === 0x0001) {
      let p = at + 4;
      const next = (): number | undefined => {
        if (p + 8 > at + 4 + size || p + 8 > end) return undefined;
        const v = u64(view, p);
        p += 8;
        return v;
      };
      if (entry.size === 0xffffffff) entry.size = next() ?? entry.size;
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next() ?? entry.compressedSize;
      if (entry.localOffset === 0xffffffff) entry.localOffset = next() ?? entry.localOffset;
      return;
    }
    at += 4 + size;
  }
}

/** What the directory says about one entry, checked before anything is inflated. */
function checkEntry(e: ZipEntry, file: string): void {
  const inner = `${file} (${e.name})`;
  if (e.encrypted) {
    throw new LoadError(inner, 'is protected by a password.', 'Zip the files again without a password.');
  }
  if (e.method !== 0 && e.method !== 8) {
    throw new LoadError(
      inner,
      `is packed with compression method ${e.method}, which cannot be read.`,
      'Zip the files again with ordinary (deflate) compression, e.g. "Send to → Compressed folder".',
    );
  }
  if (e.size > MAX_ZIP_ENTRY_BYTES) {
    throw new LoadError(
      inner,
      `unpacks to ${mb(e.size)}; the limit for one file inside a zip is ${mb(MAX_ZIP_ENTRY_BYTES)}.`,
      FIX_SPLIT,
    );
  }
  const impossible =
    e.method === 0 ? e.size !== e.compressedSize : e.size > e.compressedSize * MAX_RATIO + 1024;
  if (impossible) {
    throw damaged(
      file,
      `${e.name} declares ${e.size} bytes from ${e.compressedSize} compressed, which no zip tool writes`,
    );
  }
}

/** Where an entry's data starts: after its local header, whose name and extra field may differ. */
function dataStart(bytes: Uint8Array, e: ZipEntry, file: string): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = e.localOffset;
  if (at + 30 > bytes.byteLength || view.getUint32(at, true) !== LOCAL) {
    throw damaged(file, `the data of ${e.name} is missing`);
  }
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + e.compressedSize > bytes.byteLength) throw damaged(file, `${e.name} is cut short`);
  return start;
}

class Overflow extends Error {}

async function unpack(bytes: Uint8Array, e: ZipEntry, file: string): Promise<Uint8Array> {
  const start = dataStart(bytes, e, file);
  const packed = bytes.subarray(start, start + e.compressedSize);
  if (e.method === 0) return packed.slice();
  const out = new Uint8Array(e.size);
  let written = 0;
  let mark = 0;
  const inflater = new Inflate((chunk) => {
    if (written + chunk.length > out.length) throw new Overflow();
    out.set(chunk, written);
    written += chunk.length;
  });
  try {
    for (let at = 0; at < packed.length; at += PUSH) {
      const end = Math.min(at + PUSH, packed.length);
      inflater.push(packed.subarray(at, end), end === packed.length);
      if (written - mark >= YIELD_EVERY || at % YIELD_EVERY === 0) {
        mark = written;
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
    }
  } catch (err) {
    if (err instanceof Overflow) {
      throw new LoadError(
        `${file} (${e.name})`,
        `unpacks to more than the ${e.size.toLocaleString('en')} bytes its zip directory declares: ` +
          'the archive is damaged or built to exhaust memory.',
        FIX_REZIP,
      );
    }
    throw damaged(file, `${e.name}: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (written !== out.length) {
    throw damaged(file, `${e.name} unpacks to ${written} of the ${out.length} bytes its directory declares`);
  }
  return out;
}
