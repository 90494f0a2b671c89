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

/** True when every word of the query occurs in the folded haystack, in any order. */
export function matchesSearch(foldedHaystack: string, query: string): boolean {
  const words = foldVietnamese(query).split(' ').filter(Boolean);
  return words.every((w) => foldedHaystack.includes(w));
}
