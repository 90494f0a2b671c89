import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { HamletProps } from '../../../src/analysis/types.ts';
import { listRows, rowSearchIndex, type HamletRow } from '../../../src/store/rows.ts';
import {
  MATCH,
  foldVietnamese,
  matchLevel,
  parseQuery,
  searchIndex,
  searchWords,
} from '../../../src/store/search.ts';
import { EMPTY_FILTERS } from '../../../src/store/viewState.ts';

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
  it('splits words on anything but letters and digits', () => {
    expect(searchWords('  Tổ dân phố 3, 13633-01 ')).toEqual(['to', 'dan', 'pho', '3', '13633', '01']);
  });
});

describe('matchLevel', () => {
  const row = searchIndex(['Xóm 1', 'Xã Giao Thủy', 'Huyện Giao Thủy', '13633-01']);
  const level = (q: string) => matchLevel(row, parseQuery(q));
  it('an exact place name, with or without its type, is the best match', () => {
    expect(level('giao thuy')).toBe(MATCH.exact);
    expect(level('GIAO THỦY')).toBe(MATCH.exact);
    expect(level('xa giao thuy')).toBe(MATCH.exact);
    expect(level('xom 1')).toBe(MATCH.exact);
    expect(level('13633-01')).toBe(MATCH.exact);
  });
  it('whole words in order in one field, the last one possibly unfinished', () => {
    expect(level('giao th')).toBe(MATCH.oneField);
    expect(level('huyen giao')).toBe(MATCH.oneField);
    expect(level('gia thuy')).toBe(MATCH.none);
    // Out of order in one field, but "Thủy" (commune) and "Giao" (district) are in two fields.
    expect(level('thuy giao')).toBe(MATCH.acrossFields);
    expect(matchLevel(searchIndex(['Xóm 1', 'Xã Giao Thủy']), parseQuery('thuy giao'))).toBe(MATCH.none);
  });
  it('words spread over fields rank lowest; an unfinished word must follow one of its own field', () => {
    expect(level('xom 1 giao thuy')).toBe(MATCH.acrossFields);
    expect(level('xom 1 giao th')).toBe(MATCH.acrossFields);
    expect(level('giao thuy xom')).toBe(MATCH.acrossFields);
    expect(level('thuy xo')).toBe(MATCH.none);
    expect(level('hai hau')).toBe(MATCH.none);
  });
});

/** The shipped sample's hamlets as list rows (rank = file order), for searching by their real names. */
function sampleRows(): HamletRow[] {
  const fc = JSON.parse(readFileSync('geodata/hamlets.geojson', 'utf8')) as {
    features: { properties: Required<Pick<HamletProps, 'id' | 'name' | 'commune' | 'district'>> }[];
  };
  const cache = new Map();
  return fc.features.map(({ properties: p }, i) => ({
    id: String(p.id),
    rank: i + 1,
    tier: 1,
    name: p.name,
    commune: p.commune,
    communeCode: '',
    district: p.district,
    districtCode: '',
    unitCode: '',
    unitName: '',
    status: 'unserved',
    households: 0,
    uncoveredHouseholds: 0,
    broadbandShare: 0,
    costPerHouseholdVnd: null,
    score: null,
    recommendedTech: 'none',
    noFibre: true,
    noMbb: true,
    market: 'white',
    search: searchIndex([p.name, p.commune, p.district, String(p.id)], cache),
  }));
}

describe('searching the sample’s 2,784 hamlets', () => {
  const rows = sampleRows();
  const find = (q: string) => listRows(rows, { ...EMPTY_FILTERS, search: q }, { key: 'rank', dir: 'asc' });
  const words = (r: HamletRow) => [r.name, r.commune, r.district].flatMap(searchWords);

  it('“giao thuy” finds every hamlet of Huyện Giao Thủy, written with its diacritics', () => {
    const inDistrict = rows.filter((r) => r.district === 'Huyện Giao Thủy');
    expect(inDistrict.length).toBeGreaterThan(100);
    const found = find('giao thuy');
    expect(found.slice(0, inDistrict.length).map((r) => r.id)).toEqual(inDistrict.map((r) => r.id));
    expect(found).toEqual(find('Giao Thủy'));
  });

  it('“Ý Yên” finds the hamlets of Huyện Ý Yên and none merely in a “huyện”', () => {
    const found = find('Ý Yên');
    expect(found.length).toBe(rows.filter((r) => r.district === 'Huyện Ý Yên').length);
    expect(found.every((r) => r.district === 'Huyện Ý Yên')).toBe(true);
    expect(found.length).toBeLessThan(400);
  });

  it('“Phu Tho” finds the hamlets called Phú Thọ first, and never by the “Thôn” of their name', () => {
    const found = find('Phu Tho');
    expect(found.length).toBeGreaterThan(0);
    expect(found.length).toBeLessThan(60);
    for (const r of found) expect(words(r)).toEqual(expect.arrayContaining(['phu', 'tho']));
    const named = rows.filter((r) => r.name === 'Thôn Phú Thọ');
    expect(named.length).toBeGreaterThan(3);
    expect(found.slice(0, named.length).map((r) => r.name)).toEqual(named.map((r) => r.name));
  });

  it('“xom 4” finds the hamlets called Xóm 4, not every Xóm', () => {
    const found = find('xom 4');
    const xom4 = rows.filter((r) => r.name === 'Xóm 4');
    expect(found.map((r) => r.id)).toEqual(xom4.map((r) => r.id));
    expect(rows.filter((r) => r.name.startsWith('Xóm')).length).toBeGreaterThan(1000);
  });

  it('ranks an exact place name first, then all words in one field, then words across fields', () => {
    // "yen phu": the commune Xã Yên Phú exactly; Yên Phúc and Yên Phương as a word typed so far;
    // then Phú in a hamlet's name with Yên in its commune's.
    const found = find('yen phu');
    const level = found.map((r) => matchLevel(rowSearchIndex(r), parseQuery('yen phu')));
    expect([...level].sort((a, b) => b - a)).toEqual(level);
    const exact = found.filter((_, i) => level[i] === MATCH.exact);
    expect(new Set(exact.map((r) => r.commune))).toEqual(new Set(['Xã Yên Phú']));
    const oneField = found.filter((_, i) => level[i] === MATCH.oneField);
    expect(new Set(oneField.map((r) => r.commune))).toEqual(new Set(['Xã Yên Phúc', 'Xã Yên Phương']));
    const across = found.filter((_, i) => level[i] === MATCH.acrossFields);
    expect(across.length).toBeGreaterThan(0);
    for (const r of across) expect(searchWords(r.name)).toContain('phu');
    // Within a level, the list keeps its order (here the rank).
    expect(exact.map((r) => r.rank)).toEqual(exact.map((r) => r.rank).sort((a, b) => a! - b!));
  });
});

describe('the index of plain ASCII text (ids, codes)', () => {
  it('has the same words as the folded text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...' -_#./:,;()AaBbZz0189xX\t') }), (text) => {
        expect(searchIndex([text])[0]!.words).toEqual(searchWords(text));
      }),
    );
    for (const id of ['13633-06#0-0', 'GT-001', '  A  b ', 'Xa-01']) {
      expect(searchIndex([id])[0]!.words).toEqual(searchWords(id));
    }
  });
});
