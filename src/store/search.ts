/**
 * Folds Vietnamese text for search: lower case, no tone or vowel marks, and đ → d (đ is a separate
 * letter, not a combining mark, so Unicode decomposition alone leaves it in place).
 * @example foldVietnamese('Giao Thủy') === 'giao thuy'
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Folded words of a text: letters and digits, everything else separates ("13633-01" → 13633, 01). */
export function searchWords(text: string): string[] {
  return foldVietnamese(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * The type of a place that a name starts with: administrative units and the kinds of hamlet. "Xã Giao
 * Thủy" is the place "Giao Thủy"; "Thôn Phú Thọ" the place "Phú Thọ".
 */
const PLACE_TYPES = [
  'xa',
  'phuong',
  'thi tran',
  'huyen',
  'quan',
  'thi xa',
  'thanh pho',
  'tinh',
  'thon',
  'xom',
  'to dan pho',
  'khu pho',
  'khu',
  'ap',
  'ban',
  'lang',
  'to',
].map((t) => t.split(' '));

/** One searchable field: its words, and the folded forms that count as the exact place name. */
interface SearchField {
  words: string[];
  exact: string[];
}

/** The fields a row is searched by: hamlet name, commune, district (or other unit) and id. */
export type SearchIndex = readonly SearchField[];

const ASCII = /^[\x20-\x7e]*$/;
const NOT_ASCII_WORD = /[^a-z0-9]+/;

function field(text: string): SearchField {
  // Ids and codes are plain ASCII: the same words as `searchWords` without Unicode folding (a tenth of the
  // time; tens of thousands of ids are each indexed once).
  const words = ASCII.test(text)
    ? text.toLowerCase().split(NOT_ASCII_WORD).filter(Boolean)
    : searchWords(text);
  const exact = [words.join(' ')];
  for (const type of PLACE_TYPES) {
    if (words.length > type.length && type.every((w, i) => words[i] === w)) {
      exact.push(words.slice(type.length).join(' '));
      break;
    }
  }
  return { words, exact };
}

/**
 * Builds the search index of one row. Thousands of hamlets share a few hundred names: pass a `cache` to
 * build each distinct name's field once.
 */
export function searchIndex(texts: readonly string[], cache?: Map<string, SearchField>): SearchIndex {
  return texts.map((t) => {
    let f = cache?.get(t);
    if (!f) {
      f = field(t);
      cache?.set(t, f);
    }
    return f;
  });
}

/** How well a row matches a query; rows are listed best first. */
export const MATCH = {
  none: 0,
  /** Every word found, in order within each field, but spread over several fields. */
  acrossFields: 1,
  /** Every word found in one field, in order. */
  oneField: 2,
  /** A field is the query: the exact place name, with or without its type ("Xã", "Thôn"…). */
  exact: 3,
} as const;
export type MatchLevel = (typeof MATCH)[keyof typeof MATCH];

/** A parsed query: folded words; the last may be unfinished (a prefix) while the user types. */
export interface SearchQuery {
  words: string[];
  text: string;
}

export function parseQuery(query: string): SearchQuery {
  const words = searchWords(query);
  return { words, text: words.join(' ') };
}

/**
 * Matches `q[from..to)` in order against words of `f` starting at word `start`; every query word must
 * be a whole word, except that the query's last word may be the start of one when `prefixLast` is set.
 * Returns true on a match. Earliest matches first is optimal for an in-order match.
 */
function inOrder(q: string[], from: number, to: number, f: string[], prefixLast: boolean): boolean {
  let k = 0;
  for (let i = from; i < to; i++) {
    const w = q[i] as string;
    const prefix = prefixLast && i === q.length - 1;
    while (k < f.length && !(prefix ? (f[k] as string).startsWith(w) : f[k] === w)) k++;
    if (k === f.length) return false;
    k++;
  }
  return true;
}

/**
 * Splits the query into runs of words, each found in order in a different field. A word cut short
 * (the query's last, as typed) may only end a run of two or more words: alone, "tho" would find every
 * "Thôn" of a commune whose name holds "Phú".
 */
function acrossFields(q: string[], from: number, fields: SearchIndex, used: number): boolean {
  if (from === q.length) return true;
  for (let fi = 0; fi < fields.length; fi++) {
    if (used & (1 << fi)) continue;
    const words = (fields[fi] as SearchField).words;
    for (let to = q.length; to > from; to--) {
      const prefixLast = to === q.length && to - from >= 2;
      if (inOrder(q, from, to, words, prefixLast) && acrossFields(q, to, fields, used | (1 << fi)))
        return true;
    }
  }
  return false;
}

/**
 * How a row's fields match a query, by whole words and diacritics-free: "giao thuy" finds "Giao Thủy",
 * "Ý Yên" does not find "huyện", "xom 4" finds "Xóm 4" but not "Xóm 14". The last word may be unfinished
 * ("giao th"). An exact place name beats all words in one field, which beats words spread over fields.
 *
 * @example matchLevel(searchIndex(['Xóm 4', 'Xã Giao Thủy', 'Huyện Giao Thủy']), parseQuery('xom 4')) === MATCH.exact
 */
export function matchLevel(index: SearchIndex, query: SearchQuery): MatchLevel {
  const q = query.words;
  if (q.length === 0) return MATCH.exact;
  if (index.some((f) => f.exact.includes(query.text))) return MATCH.exact;
  if (index.some((f) => inOrder(q, 0, q.length, f.words, true))) return MATCH.oneField;
  return q.length > 1 && acrossFields(q, 0, index, 0) ? MATCH.acrossFields : MATCH.none;
}
