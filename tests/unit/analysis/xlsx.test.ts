import { describe, expect, it } from 'vitest';
import { rankingRows, summaryRows } from '../../../src/analysis/exports.ts';
import type { HamletCoverage } from '../../../src/analysis/types.ts';
import { rankingWorkbook, type WorkbookTitle } from '../../../src/analysis/workbook.ts';
import { workbookBlob } from '../../../src/store/share/xlsxFile.ts';
import { exportFixture, makeHamlet } from '../../fixtures/cli/makeHamlet.ts';
import { readXlsx, type ReadSheet } from '../../fixtures/xlsx/readXlsx.ts';

const hamlets: HamletCoverage[] = [
  makeHamlet({
    id: 'h1',
    name: 'Xóm Đông',
    commune: 'Xã Giao Thiện',
    commune_code: '14350',
    district: 'Huyện Giao Thủy',
    district_code: '362',
    households: { white: 120.25, mbb: 30.5 },
    distanceToFibreM: 1234.56,
  }),
  makeHamlet({
    id: 'h2',
    name: '=HYPERLINK("http://x","y")',
    commune: 'Xã Giao Thiện',
    commune_code: '14350',
    district: 'Huyện Giao Thủy',
    district_code: '362',
    households: { 'fibre+mbb': 200 },
  }),
];
const { layer: input, result } = exportFixture(hamlets, 106, 0.01, { code: '36', name: 'Tỉnh Nam Định' });

async function book(title: WorkbookTitle): Promise<ReadSheet[]> {
  const sheets = rankingWorkbook(rankingRows(result, input), summaryRows(result.summary, 'all'), title);
  return readXlsx(await (await workbookBlob(sheets)).arrayBuffer());
}

const VI: WorkbookTitle = {
  lang: 'vi',
  areaName: 'Huyện Giao Thủy',
  planLabel: 'Phương án: Hai trạm (2 thay đổi, chưa lưu)',
  date: '26 tháng 11, 2026',
  dataNote: 'Dữ liệu minh hoạ: thôn, cáp quang và trạm là dữ liệu tổng hợp.',
};

describe('the XLSX export, read back', () => {
  it('has a ranking and a summary sheet, each opening with title rows: what, area, plan, date, data note', async () => {
    const [ranking, summary] = await book(VI);
    expect([ranking?.name, summary?.name]).toEqual(['Xếp hạng', 'Tổng hợp']);
    for (const s of [ranking!, summary!]) {
      expect(String(s.cells.get('A1')?.value)).toMatch(/— Huyện Giao Thủy$/);
      expect(s.cells.get('A1')?.bold).toBe(true);
      expect(s.cells.get('A2')?.value).toBe('Phương án: Hai trạm (2 thay đổi, chưa lưu)');
      expect(s.cells.get('A3')?.value).toBe(
        '26 tháng 11, 2026 · Dữ liệu minh hoạ: thôn, cáp quang và trạm là dữ liệu tổng hợp.',
      );
      // Title rows and headers stay in view when scrolling.
      expect(s.frozenRows).toBe(5);
    }
    expect(ranking!.cells.get('A1')?.value).toBe('Danh sách thôn ưu tiên đầu tư băng rộng — Huyện Giao Thủy');
  });

  it('has Vietnamese headers in Vietnamese and English ones in English, bold', async () => {
    const [vi] = await book(VI);
    expect(vi!.row(5).slice(0, 9)).toEqual([
      'Hạng',
      'Mã thôn',
      'Tên thôn',
      'Xã',
      'Huyện',
      'Tình trạng',
      'Nhóm',
      'Điểm ưu tiên',
      'Số hộ',
    ]);
    expect(vi!.cells.get('A5')?.bold).toBe(true);
    const [en, enSummary] = await book({ ...VI, lang: 'en', planLabel: 'Baseline' });
    expect(en!.name).toBe('Ranking');
    expect(enSummary!.name).toBe('Summary');
    expect(en!.row(5).slice(0, 6)).toEqual(['Rank', 'Hamlet ID', 'Hamlet', 'Commune', 'District', 'Status']);
    expect(en!.cells.get('A2')?.value).toBe('Baseline');
  });

  it('writes whole households, percentages, grouped integers and VND as numbers with formats', async () => {
    const [ranking] = await book(VI);
    const header = ranking!.row(5);
    const at = (name: string, row = 6) => {
      const col = header.indexOf(name);
      expect(col, name).toBeGreaterThanOrEqual(0);
      return ranking!.cells.get(`${String.fromCharCode(65 + col)}${row}`)!;
    };
    // Rank 1 is the white hamlet: 150.75 households, 120.25 of them without broadband.
    expect(at('Mã thôn').value).toBe('h1');
    expect(at('Số hộ')).toMatchObject({ value: 151, type: 'number', format: '#,##0' });
    expect(at('Hộ chưa có băng rộng')).toMatchObject({ value: 120, format: '#,##0' });
    expect(at('Tỷ lệ hộ có băng rộng')).toMatchObject({ type: 'number', format: '0.0%' });
    expect(at('Tỷ lệ hộ có băng rộng').value).toBeCloseTo(30.5 / 150.75, 5);
    expect(at('Khoảng cách tới cáp quang gần nhất (m)')).toMatchObject({ value: 1235, format: '#,##0' });
    const cost = at('Chi phí ước tính');
    expect(cost).toMatchObject({ type: 'number', format: '#,##0 "₫"' });
    expect(Number.isInteger(cost.value)).toBe(true);
    expect(at('Điểm ưu tiên').format).toBe('0.000');
    expect(at('Tình trạng').value).toBe('Phủ một phần');
    expect(at('Giải pháp đề xuất').value).toMatch(/^(Kéo cáp quang|Trạm 4G mới)$/);
    // A served hamlet has no rank: an empty cell, not 0.
    expect(at('Tình trạng', 7).value).toBe('Đã phủ');
    expect(at('Hạng', 7)).toBeUndefined();
  });

  it('guards text that Excel would run as a formula, and never writes a formula', async () => {
    const [ranking] = await book(VI);
    const name = [...ranking!.cells.values()].find((c) => String(c.value).includes('HYPERLINK'));
    expect(name).toMatchObject({ value: `'=HYPERLINK("http://x","y")`, type: 'text' });
    expect([...ranking!.cells.values()].some((c) => c.type === 'formula')).toBe(false);
  });

  it('sums the summary per unit with whole households', async () => {
    const [, summary] = await book(VI);
    expect(summary!.row(6).slice(0, 6)).toEqual(['Tỉnh', '36', 'Tỉnh Nam Định', '', 2, 351]);
    expect(summary!.row(7)[0]).toBe('Huyện');
    expect(summary!.row(8)[0]).toBe('Xã');
  });
});
