import { decodeWith, detectDbfEncoding, encodingFromCpg, type DbfEncoding } from './dbfEncoding.ts';

export interface DbfTable {
  rows: Record<string, unknown>[];
  encoding: { detected: string; note?: string };
}

interface FieldDef {
  name: Uint8Array;
  type: string;
  length: number;
}

/**
 * Reads a dBASE table keeping text cells as bytes until the encoding is known. (shpjs's parsedbf
 * decodes and trims with one TextDecoder, which loses the bytes TCVN3 detection needs.)
 * Throws a plain Error on a truncated header; the caller wraps it.
 */
export function readDbf(dbf: Uint8Array, cpgText: string | undefined): DbfTable {
  const view = new DataView(dbf.buffer, dbf.byteOffset, dbf.byteLength);
  if (dbf.byteLength < 33) throw new Error('the .dbf is shorter than its header');
  const records = view.getUint32(4, true);
  const headerLen = view.getUint16(8, true);
  const recordLen = view.getUint16(10, true);
  const fields: FieldDef[] = [];
  for (let at = 32; at + 32 <= headerLen && dbf[at] !== 0x0d; at += 32) {
    const raw = dbf.subarray(at, at + 11);
    const end = raw.indexOf(0);
    fields.push({
      name: raw.subarray(0, end < 0 ? 11 : end),
      type: String.fromCharCode(dbf[at + 11] ?? 0x43),
      length: dbf[at + 16] ?? 0,
    });
  }
  const cells: Uint8Array[][] = [];
  const count = Math.min(
    records,
    Math.floor(Math.max(0, dbf.byteLength - headerLen) / Math.max(1, recordLen)),
  );
  for (let r = 0; r < count; r++) {
    let at = headerLen + r * recordLen + 1;
    const row: Uint8Array[] = [];
    for (const f of fields) {
      row.push(dbf.subarray(at, at + f.length));
      at += f.length;
    }
    cells.push(row);
  }
  const declared = cpgText ? encodingFromCpg(cpgText) : null;
  let encoding: DbfEncoding;
  let note: string;
  if (declared) {
    encoding = declared;
    note = `${declared} (from the .cpg file)`;
  } else {
    const samples = [
      ...fields.map((f) => f.name),
      ...cells.flatMap((row) => row.filter((_, i) => fields[i]?.type === 'C')),
    ];
    ({ encoding, note } = detectDbfEncoding(samples));
    if (cpgText) note += ` (the .cpg says "${cpgText.trim()}", which is not an encoding we know)`;
  }
  const names = fields.map((f) => decodeWith(f.name, encoding).trim());
  const rows = cells.map((row) => {
    const out: Record<string, unknown> = {};
    row.forEach((bytes, i) => {
      const f = fields[i] as FieldDef;
      out[names[i] as string] = cellValue(bytes, f.type, encoding);
    });
    return out;
  });
  return { rows, encoding: { detected: encoding, note } };
}

function cellValue(bytes: Uint8Array, type: string, encoding: DbfEncoding): unknown {
  const ascii = (): string => new TextDecoder('latin1').decode(bytes).replace(/\0/g, '').trim();
  switch (type) {
    case 'N':
    case 'F': {
      const s = ascii();
      const n = Number(s);
      return s === '' || Number.isNaN(n) ? null : n;
    }
    case 'L': {
      const s = ascii().toUpperCase();
      return s === 'T' || s === 'Y' ? true : s === 'F' || s === 'N' ? false : null;
    }
    case 'D': {
      const s = ascii();
      return /^\d{8}$/.test(s) ? `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}` : null;
    }
    default: {
      const end = bytes.indexOf(0);
      return decodeWith(end < 0 ? bytes : bytes.subarray(0, end), encoding)
        .replace(/\s+$/, '')
        .trim();
    }
  }
}
