import type { Sheet, SheetCell } from '../../analysis/workbook.ts';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function cell(c: SheetCell) {
  const { value, ...style } = c;
  if (value === null) return null;
  // Text is always a text cell (never 'Formula'), so a name from a file cannot become a formula.
  return typeof value === 'number' ? { ...style, value, type: Number } : { ...style, value, type: String };
}

/**
 * Writes sheets as an .xlsx file with write-excel-file, loaded on first use so that a first visit does
 * not download it. Works the same in the browser and in Node (tests, the CLI).
 *
 * @example downloadBlob('ranking.xlsx', await workbookBlob(rankingWorkbook(rows, rollups, title)));
 */
export async function workbookBlob(sheets: readonly Sheet[]): Promise<Blob> {
  const { default: writeXlsxFile } = await import('write-excel-file/universal');
  return writeXlsxFile(
    sheets.map((s) => ({
      sheet: s.name,
      data: s.rows.map((row) => row.map(cell)),
      columns: s.widths.map((width) => ({ width })),
      stickyRowsCount: s.frozenRows,
    })),
    { fontFamily: 'Calibri', fontSize: 11 },
  ).toBlob();
}
