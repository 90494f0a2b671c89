import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { challengesCsv, challengesGeoJson } from '../../analysis/exports.ts';
import { challengesSheet } from '../../analysis/measuredExports.ts';
import type { Challenge, ChallengeReason, MeasuredSettings } from '../../analysis/types.ts';
import { exportFileName } from '../../store/share/fileName.ts';
import { workbookBlob, XLSX_MIME } from '../../store/share/xlsxFile.ts';
import { appStore, effectiveSettings, useApp } from '../../store/store.ts';
import { downloadBlob } from '../share/download.ts';
import { useFormat } from '../useFormat.ts';
import { useMeasuredTranslation } from './i18n.ts';

const MEASURED_LAYERS = ['mobileTests', 'fixedTests', 'speedPoints', 'fieldReports'];

/** A challenge reason in the reader's language, with the figures the rule compared. */
export function useReasonText(): (r: ChallengeReason) => string {
  const { t } = useMeasuredTranslation();
  const fmt = useFormat();
  const s: MeasuredSettings = useApp((st) => effectiveSettings(st).measured);
  return (r) =>
    t(`reason.${r.kind}`, {
      share: fmt.percent(r.mbbShare),
      ...('tests' in r
        ? { tests: fmt.number(r.tests, 1), down: fmt.number(r.downMbps, 1), up: fmt.number(r.upMbps, 1) }
        : { reports: fmt.integer(r.reports) }),
      failDown: fmt.number(s.failingDownMbps),
      failUp: fmt.number(s.failingUpMbps),
      target: fmt.number(s.mobile4gTargetMbps),
    });
}

/**
 * The challenge list: hamlets where the model and the measurements disagree, each with why, grouped by
 * direction; a name selects the hamlet. Downloads as CSV or GeoJSON to send to an operator.
 */
export function ChallengePanel() {
  const { t } = useMeasuredTranslation();
  const { measured, sample, illustrative, selectHamlet, setRightTab, setMobilePane } = useApp(
    useShallow((s) => ({
      measured: s.result?.measured,
      sample: s.dataSource === 'sample',
      illustrative: s.illustrativeLayers.some((l) => MEASURED_LAYERS.includes(l)),
      selectHamlet: s.selectHamlet,
      setRightTab: s.setRightTab,
      setMobilePane: s.setMobilePane,
    })),
  );
  const reasonText = useReasonText();
  const [status, setStatus] = useState('');
  if (!measured) return <p className="vt-empty">{t(sample ? 'loadingSample' : 'noMeasured')}</p>;
  const over = measured.challenges.filter((c) => c.direction === 'over');
  const under = measured.challenges.filter((c) => c.direction === 'under');

  const save = async (kind: 'csv' | 'geojson' | 'xlsx'): Promise<void> => {
    const s = appStore.getState();
    if (!s.result || !s.input) return;
    const name = exportFileName('challenges', s.result.summary.province.name || 'province', new Date(), kind);
    const blob =
      kind === 'xlsx'
        ? await workbookBlob([
            challengesSheet(s.result, t('sheet'), (c) => c.reasons.map(reasonText).join(' ')),
          ])
        : kind === 'csv'
          ? new Blob([challengesCsv(s.result)], { type: 'text/csv;charset=utf-8' })
          : new Blob([JSON.stringify(challengesGeoJson(s.result, s.input.hamlets))], {
              type: 'application/geo+json',
            });
    downloadBlob(name, kind === 'xlsx' ? new Blob([blob], { type: XLSX_MIME }) : blob);
    setStatus(t('exported', { name }));
  };
  const open = (id: string): void => {
    selectHamlet(id, 'app');
    setRightTab('details');
    setMobilePane('list');
  };
  const group = (title: string, list: Challenge[], dir: string) => (
    <section aria-label={title} data-testid={`challenges-${dir}`}>
      <h4>{title}</h4>
      <ul className="vt-challenges">
        {list.map((c) => (
          <li key={c.id} data-hamlet={c.id}>
            <button type="button" className="vt-link" onClick={() => open(c.id)}>
              {c.name || c.id}
            </button>{' '}
            <span className="vt-muted">{c.commune}</span>
            {c.reasons.map((r) => (
              <p key={r.kind} className="vt-challenges__why">
                {reasonText(r)}
              </p>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );

  return (
    <div className="vt-challenge-panel" data-testid="challenge-panel">
      <h3>{t('heading')}</h3>
      <p className="vt-muted">{t('intro')}</p>
      {illustrative ? <p className="vt-muted">{t('illustrative')}</p> : null}
      {measured.challenges.length === 0 ? <p className="vt-empty">{t('none')}</p> : null}
      {over.length > 0 ? group(t('over', { count: over.length }), over, 'over') : null}
      {under.length > 0 ? group(t('under', { count: under.length }), under, 'under') : null}
      <div className="vt-share__buttons">
        <button
          type="button"
          className="vt-button"
          onClick={() => void save('csv')}
          data-testid="challenges-csv"
        >
          {t('exportCsv')}
        </button>
        <button
          type="button"
          className="vt-button"
          onClick={() => void save('xlsx')}
          data-testid="challenges-xlsx"
        >
          {t('exportXlsx')}
        </button>
        <button
          type="button"
          className="vt-button"
          onClick={() => void save('geojson')}
          data-testid="challenges-geojson"
        >
          {t('exportGeojson')}
        </button>
      </div>
      <p role="status" aria-live="polite" className="vt-muted">
        {status}
      </p>
    </div>
  );
}
