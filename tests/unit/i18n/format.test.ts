import { describe, expect, it } from 'vitest';
import { formatters, parseMoney } from '../../../src/i18n/format.ts';

const vi = formatters('vi');
const en = formatters('en');
/** The formatters put a non-breaking space between a number and its unit; compare with plain spaces. */
const plain = (s: string) => s.replace(/\u00a0/g, ' ');

describe('money in words', () => {
  it('Vietnamese: nghìn, triệu, tỷ đồng with three significant digits', () => {
    expect(plain(vi.vnd(1_800_000_000))).toBe('1,8 tỷ đồng');
    expect(plain(vi.vnd(766_100))).toBe('766 nghìn đồng');
    expect(plain(vi.vnd(1_523_400))).toBe('1,52 triệu đồng');
    expect(plain(vi.vnd(120_000_000))).toBe('120 triệu đồng');
    expect(plain(vi.vnd(12_345_678_901))).toBe('12,3 tỷ đồng');
    expect(plain(vi.vnd(1_234_000_000_000))).toBe('1.234 tỷ đồng');
    expect(plain(vi.vnd(850))).toBe('850 đồng');
    expect(plain(vi.vnd(0))).toBe('0 đồng');
  });
  it('rounds up into the next unit instead of writing 1.000 of the smaller one', () => {
    expect(plain(vi.vnd(999_999))).toBe('1 triệu đồng');
    expect(plain(vi.vnd(999_400))).toBe('999 nghìn đồng');
    expect(plain(en.vnd(999_999_999))).toBe('1 billion VND');
  });
  it('English: thousand, million, billion VND', () => {
    expect(plain(en.vnd(1_800_000_000))).toBe('1.8 billion VND');
    expect(plain(en.vnd(766_100))).toBe('766 thousand VND');
    expect(plain(en.vnd(1_523_400))).toBe('1.52 million VND');
    expect(plain(en.vnd(12_345_678_901))).toBe('12.3 billion VND');
  });
  it('never abbreviates (no "T ₫", "N ₫", "B")', () => {
    for (const v of [1_800_000_000, 766_100, 1_500_000])
      for (const f of [vi, en]) expect(f.vnd(v)).not.toMatch(/₫|\b[TNBMK]\b/);
  });
  it('the amount alone for a column that names the currency', () => {
    expect(plain(vi.vndAmount(1_500_000))).toBe('1,5 triệu');
    expect(plain(en.vndAmount(1_500_000))).toBe('1.5 million');
  });
});

describe('money fields', () => {
  it('show whole đồng with grouped digits', () => {
    expect(vi.vndDigits(120_000_000)).toBe('120.000.000');
    expect(en.vndDigits(120_000_000)).toBe('120,000,000');
  });
  it('read what a person types, with or without grouping', () => {
    expect(parseMoney('120.000.000')).toBe(120_000_000);
    expect(parseMoney('1,500,000')).toBe(1_500_000);
    expect(parseMoney('1 800 000 000')).toBe(1_800_000_000);
    expect(parseMoney('120000000')).toBe(120_000_000);
    expect(parseMoney('')).toBeNull();
    expect(parseMoney('abc')).toBeNull();
  });
});

describe('durations', () => {
  it('milliseconds below a second, seconds with one decimal, then minutes', () => {
    expect(vi.duration(850)).toBe('850 ms');
    expect(vi.duration(1912)).toBe('1,9 giây');
    expect(en.duration(1912)).toBe('1.9 s');
    expect(vi.duration(125_000)).toBe('2 phút 5 giây');
    expect(en.duration(120_000)).toBe('2 min');
    expect(vi.duration(0.4)).toBe('0 ms');
  });
});
