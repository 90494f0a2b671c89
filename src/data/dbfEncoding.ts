/**
 * Text in old Vietnamese .dbf files: UTF-8 (with a .cpg saying so), Windows-1258, or TCVN3 (ABC,
 * the ".VnTime" fonts), which no TextDecoder knows.
 */

export type DbfEncoding = 'utf-8' | 'windows-1258' | 'tcvn3' | 'ascii' | string;

// TCVN3 (TCVN 5712:1993, VN3): lower-case letters with tones, plus the 7 base capitals.
const TCVN3_PAIRS =
  'a1Ă a2Â a3Ê a4Ô a5Ơ a6Ư a7Đ a8ă a9â aaê abô acơ adư aeđ b5à b6ả b7ã b8á b9ạ bbằ bcẳ bdẵ beắ c6ặ ' +
  'c7ầ c8ẩ c9ẫ caấ cbậ ccè ceẻ cfẽ d0é d1ẹ d2ề d3ể d4ễ d5ế d6ệ d7ì d8ỉ dcĩ ddí deị dfò e1ỏ e2õ e3ó ' +
  'e4ọ e5ồ e6ổ e7ỗ e8ố e9ộ eaờ ebở ecỡ edớ eeợ efù f1ủ f2ũ f3ú f4ụ f5ừ f6ử f7ữ f8ứ f9ự faỳ fbỷ fcỹ fdý feỵ';

const TCVN3: ReadonlyMap<number, string> = new Map(
  TCVN3_PAIRS.split(' ').map((pair) => [parseInt(pair.slice(0, 2), 16), pair.slice(2)] as const),
);

/** Unicode → TCVN3 byte, for writing test fixtures. */
export function encodeTcvn3(text: string): Uint8Array {
  const reverse = new Map([...TCVN3].map(([byte, ch]) => [ch, byte] as const));
  const out: number[] = [];
  for (const ch of text.normalize('NFC')) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) out.push(code);
    else {
      const byte = reverse.get(ch) ?? reverse.get(ch.toLowerCase());
      if (byte === undefined) throw new Error(`"${ch}" has no TCVN3 code`);
      out.push(byte);
    }
  }
  return Uint8Array.from(out);
}

export function decodeTcvn3(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b < 0x80 ? String.fromCharCode(b) : (TCVN3.get(b) ?? '\uFFFD');
  return out;
}

/** Decodes with a known encoding, NFC-normalised (Windows-1258 yields combining tone marks). */
export function decodeWith(bytes: Uint8Array, encoding: DbfEncoding): string {
  if (encoding === 'tcvn3') return decodeTcvn3(bytes);
  if (encoding === 'ascii') return new TextDecoder('utf-8').decode(bytes);
  return new TextDecoder(encoding).decode(bytes).normalize('NFC');
}

// Precomposed Vietnamese letters (and đ): what correctly decoded text is made of.
const VIET = new Set(
  'àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ'
    .split('')
    .flatMap((c) => [c, c.toUpperCase()]),
);

function vietScore(text: string): number {
  let high = 0;
  let viet = 0;
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) continue;
    high++;
    if (VIET.has(ch)) viet++;
  }
  return high === 0 ? 1 : viet / high;
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Picks the encoding of a .dbf's text from all its string bytes: valid UTF-8 with multi-byte letters
 * wins; otherwise whichever of Windows-1258 and TCVN3 yields more Vietnamese letters.
 *
 * @example detectDbfEncoding([encodeTcvn3('Thôn Đông')]).encoding // 'tcvn3'
 */
export function detectDbfEncoding(samples: Uint8Array[]): { encoding: DbfEncoding; note: string } {
  const total = samples.reduce((n, s) => n + s.length, 0);
  const all = new Uint8Array(total);
  let at = 0;
  for (const s of samples) {
    all.set(s, at);
    at += s.length;
  }
  if (all.every((b) => b < 0x80)) return { encoding: 'ascii', note: 'plain ASCII text' };
  if (isUtf8(all)) return { encoding: 'utf-8', note: 'UTF-8 (detected: no .cpg file)' };
  const w1258 = vietScore(decodeWith(all, 'windows-1258'));
  const tcvn3 = vietScore(decodeTcvn3(all));
  if (tcvn3 > w1258) {
    return { encoding: 'tcvn3', note: 'TCVN3 (ABC), detected from the letters: no .cpg file' };
  }
  return { encoding: 'windows-1258', note: 'Windows-1258, detected from the letters: no .cpg file' };
}

/** Maps a .cpg's content (e.g. "UTF-8", "1258", "ANSI 1258") to a decoder label, or null if unknown. */
export function encodingFromCpg(cpg: string): DbfEncoding | null {
  const s = cpg.trim().toLowerCase();
  if (/tcvn|vn3|abc/.test(s)) return 'tcvn3';
  if (/utf-?8|65001/.test(s)) return 'utf-8';
  const num = /^(?:ansi\s*|cp|windows-?)?(\d{3,4})$/.exec(s);
  const label = num?.[1] ? `windows-${num[1]}` : s;
  try {
    new TextDecoder(label);
    return label;
  } catch {
    return null;
  }
}
