import { describe, expect, it } from 'vitest';
import { foldVietnamese, matchesSearch } from '../../../src/store/search.ts';

describe('foldVietnamese', () => {
  it('drops tone and vowel marks and lower-cases', () => {
    expect(foldVietnamese('Giao Thủy')).toBe('giao thuy');
    expect(foldVietnamese('Nghĩa Hưng')).toBe('nghia hung');
  });
  it('turns đ and Đ into d, which decomposition alone does not', () => {
    expect(foldVietnamese('Đông Đức')).toBe('dong duc');
  });
  it('folds precomposed and decomposed input alike', () => {
    expect(foldVietnamese('Thu\u0309y')).toBe(foldVietnamese('Thủy'));
  });
});

describe('matchesSearch', () => {
  it('finds "giao thuy" in a name with diacritics, words in any order', () => {
    const key = foldVietnamese('Xóm 1 Xã Giao Thủy Huyện Giao Thủy');
    expect(matchesSearch(key, 'giao thuy')).toBe(true);
    expect(matchesSearch(key, 'THUY xom')).toBe(true);
    expect(matchesSearch(key, 'hai hau')).toBe(false);
  });
});
