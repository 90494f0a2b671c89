import type { Issue, LoadResult } from '../../data/index.ts';
import { reportCsv } from '../../data/reportCsv.ts';
import { downloadBlob } from '../share/download.ts';
import { useImportTranslation } from './i18n.ts';

/** Rows shown on screen per list; the downloaded CSV always has all of them. */
const SHOWN = 100;

/** The per-feature validation report: what is wrong and what to do, as plain text (never HTML). */
export function ReportView({ result }: { result: LoadResult }) {
  const { t } = useImportTranslation();
  const { report, crs, encoding } = result;
  const lists: [string, Issue[]][] = [
    ['skipped', report.skipped],
    ['repaired', report.repaired],
    ['warnings', report.warnings],
  ];
  const base = report.file.replace(/\.[^.]+$/, '');
  return (
    <section className="vt-report" aria-label={t('report.heading')}>
      <h3>{t('report.heading')}</h3>
      <p className="vt-report-counts" data-testid="import-counts">
        {t('report.counts', {
          imported: report.imported,
          total: report.total,
          skipped: report.skipped.length,
          repaired: report.repaired.length,
          warnings: report.warnings.length,
        })}
      </p>
      <p className="vt-imp-note">{t('report.crs', { detected: crs.detected })}</p>
      {encoding ? (
        <p className="vt-imp-note">
          {t('report.encoding', { encoding: encoding.note ?? encoding.detected })}
        </p>
      ) : null}
      {lists.map(([kind, issues]) =>
        issues.length === 0 ? null : (
          <details key={kind} open={kind === 'skipped'} className={`vt-issues vt-issues-${kind}`}>
            <summary>{t(`report.${kind}`, { count: issues.length })}</summary>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('report.feature')}</th>
                  <th scope="col">{t('report.problem')}</th>
                  <th scope="col">{t('report.todo')}</th>
                </tr>
              </thead>
              <tbody>
                {issues.slice(0, SHOWN).map((i, n) => (
                  <tr key={`${i.index}-${n}`}>
                    <td>{featureLabel(i)}</td>
                    <td>{i.message}</td>
                    <td>{i.fix}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {issues.length > SHOWN ? <p>{t('report.more', { count: issues.length - SHOWN })}</p> : null}
          </details>
        ),
      )}
      {report.skipped.length + report.repaired.length + report.warnings.length > 0 ? (
        <button
          type="button"
          onClick={() =>
            downloadBlob(
              `${base}-import-report.csv`,
              new Blob([reportCsv(report)], { type: 'text/csv;charset=utf-8' }),
            )
          }
        >
          {t('report.download')}
        </button>
      ) : null}
    </section>
  );
}

function featureLabel(i: Issue): string {
  if (i.index < 0) return '—';
  const who = [i.id, i.name].filter(Boolean).join(' · ');
  return who ? `#${i.index + 1} (${who})` : `#${i.index + 1}`;
}
