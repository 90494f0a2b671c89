import Papa from 'papaparse';
import type { ValidationReport } from './types.ts';

/**
 * Turns a validation report into CSV text (UTF-8 with BOM so Excel shows Vietnamese right), one
 * row per issue: file, role, outcome, feature number, id, name, message, what to do.
 *
 * @example download(new Blob([reportCsv(report)], { type: 'text/csv' }), 'import-report.csv')
 */
export function reportCsv(report: ValidationReport): string {
  const rows: string[][] = [];
  const add = (outcome: string, issues: ValidationReport['skipped']): void => {
    for (const i of issues) {
      rows.push([
        report.file,
        report.role,
        outcome,
        i.index >= 0 ? String(i.index + 1) : '',
        i.id ?? '',
        i.name ?? '',
        i.message,
        i.fix,
      ]);
    }
  };
  add('skipped', report.skipped);
  add('repaired', report.repaired);
  add('warning', report.warnings);
  const csv = Papa.unparse(
    {
      fields: ['file', 'role', 'outcome', 'feature', 'id', 'name', 'message', 'fix'],
      data: rows.map(guardFormula),
    },
    { newline: '\r\n' },
  );
  return `\uFEFF${csv}\r\n`;
}

// A cell starting with = + - @ runs as a formula in spreadsheets; names come from user files.
function guardFormula(row: string[]): string[] {
  return row.map((cell) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell));
}
