/**
 * The one CSV writer of every export, in the app and the CLI: UTF-8 with a byte-order mark (without it
 * Excel reads UTF-8 as the local code page and garbles "Xóm Đông"), CRLF line ends and RFC 4180 quoting,
 * with text that a spreadsheet would run as a formula defused (docs/DATA-MODEL.md §10).
 */

/** A cell: numbers are written as numbers, text is guarded, null and non-finite numbers are empty. */
export type CsvCell = string | number | boolean | null | undefined;

const BOM = '\uFEFF';
const EOL = '\r\n';

/**
 * Text a spreadsheet would treat as a formula or a command (OWASP "CSV injection"): a lead `=`, `+`, `-`
 * or `@` (also after spaces, which some importers trim), or a tab or carriage return. A plain number
 * written as text ("-12", "+3.5") is left alone: it opens as that number, not as a formula.
 */
const FORMULA_LEAD = /^[\t\r]|^\s*[=+\-@]/;
const PLAIN_NUMBER = /^[+-]?\d+(?:\.\d+)?$/;

/**
 * Text as a spreadsheet must show it: a cell that would start a formula gets a leading apostrophe (which
 * Excel and LibreOffice read as "this is text"). The XLSX export writes its text cells through this too.
 *
 * @example guardText('=HYPERLINK("http://x")') // "'=HYPERLINK(\"http://x\")"
 * @example guardText('Xóm -2') // 'Xóm -2'
 */
export function guardText(s: string): string {
  return FORMULA_LEAD.test(s) && !PLAIN_NUMBER.test(s) ? `'${s}` : s;
}

/** One cell as CSV text: numbers as they are (a negative number stays a number), text guarded and quoted. */
export function csvCell(v: CsvCell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v === 0 ? 0 : v) : '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  const s = guardText(v);
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * A whole CSV file: the header row (machine-readable names, written as they are) and the rows.
 *
 * @example
 * csvText(['id', 'households'], [['h1', 120], ['=cmd()', -3]])
 * // '\uFEFFid,households\r\nh1,120\r\n\'=cmd(),-3\r\n'
 */
export function csvText(header: readonly string[], rows: Iterable<readonly CsvCell[]>): string {
  let text = '';
  for (const chunk of csvChunks(header, rows)) text += chunk;
  return text;
}

/**
 * {@link csvText} a line at a time (the BOM and header first, each line with its CRLF), for writing a
 * large table to a file without holding it whole: the chunks joined are `csvText` exactly.
 *
 * @example
 * for (const line of csvChunks(['id'], rows)) stream.write(line);
 */
export function* csvChunks(header: readonly string[], rows: Iterable<readonly CsvCell[]>): Generator<string> {
  yield BOM + csvLine(header);
  for (const row of rows) yield csvLine(row);
}

/** One row's cells joined by commas, with its CRLF (no array of cell texts: a national table has millions). */
function csvLine(row: readonly CsvCell[]): string {
  let line = row.length > 0 ? csvCell(row[0]) : '';
  for (let i = 1; i < row.length; i++) line += ',' + csvCell(row[i]);
  return line + EOL;
}
