import { LoadError } from './LoadError.ts';

/** Bytes or text in, text out; UTF-8 with an optional BOM, as RFC 7946 and KML require. */
export function toText(data: Uint8Array | ArrayBuffer | string): string {
  if (typeof data === 'string') return data.replace(/^\uFEFF/, '');
  return new TextDecoder('utf-8').decode(data instanceof Uint8Array ? data : new Uint8Array(data));
}

export function toBytes(data: Uint8Array | ArrayBuffer | string): Uint8Array {
  if (typeof data === 'string') return new TextEncoder().encode(data);
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}

export function byteLength(data: Uint8Array | ArrayBuffer | string): number {
  // A JS string's length is a lower bound on its UTF-8 size, close enough for a size limit.
  return typeof data === 'string' ? data.length : data.byteLength;
}

/** JSON.parse that fails with a LoadError naming the line and column of the mistake. */
export function parseJsonText(text: string, file: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    const raw = err instanceof Error ? err.message : String(err);
    const pos = errorPosition(raw, text);
    const where = pos ? ` at line ${pos.line}, column ${pos.column}` : '';
    throw new LoadError(
      file,
      `is not valid JSON${where} (${raw}).`,
      'Open the file in a text editor and fix the JSON there (a missing comma or quote is the usual cause), or export it again from your GIS.',
    );
  }
}

function errorPosition(message: string, text: string): { line: number; column: number } | null {
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc?.[1] && lc[2]) return { line: Number(lc[1]), column: Number(lc[2]) };
  const at = /position (\d+)/.exec(message);
  let offset: number | null = at?.[1] ? Number(at[1]) : null;
  if (offset === null && /Unexpected end of JSON input/.test(message)) offset = text.length;
  if (offset === null) return null;
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return { line, column };
}

/** Lower case, no diacritics, letters and digits only: how column names are compared. */
export function normaliseKey(key: string): string {
  return key
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/**
 * Turns HTML (KML descriptions) into plain text for display. Never returns markup: tags are
 * dropped, block ends become line breaks, and entities are decoded.
 */
export function htmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(/<(script|style)[\s\S]*?<\/\1\s*>/gi, '')
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/(p|div|tr|li|h[1-6])\s*>/gi, '\n')
      .replace(/<\/t[dh]\s*>/gi, ' ')
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/<[^>]*>/g, '')
      .replace(/<[^>]*$/g, ''),
  )
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{2,}/g, '\n')
    .trim();
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code =
        body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return NAMED[body.toLowerCase()] ?? whole;
  });
}
