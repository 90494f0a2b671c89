import { csvText } from '../analysis/csv.ts';
import type { ValidationReport } from './types.ts';

/**
 * Turns a validation report into CSV text through the one CSV writer (UTF-8 with BOM so Excel shows
 * Vietnamese right, names from the files guarded against formulas), one row per issue: file, role,
 * outcome, feature number, id, name, message, what to do.
 *
 * @example download(new Blob([reportCsv(report)], { type: 'text/csv' }), 'import-report.csv')
 */
export function reportCsv(report: ValidationReport): string {
  const rows: (string | number)[][] = [];
  const add = (outcome: string, issues: ValidationReport['skipped']): void => {
    for (const i of issues) {
      rows.push([
        report.file,
        report.role,
        outcome,
        i.index >= 0 ? i.index + 1 : '',
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
  return csvText(['file', 'role', 'outcome', 'feature', 'id', 'name', 'message', 'fix'], rows);
}
