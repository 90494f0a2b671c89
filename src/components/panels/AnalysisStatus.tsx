import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../../store/store.ts';
import { useFormat } from '../useFormat.ts';

/** Progress of the running analysis, the last run time, or its error. */
export function AnalysisStatus() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { running, progress, error, lastRunMs } = useApp(
    useShallow((s) => ({
      running: s.running,
      progress: s.progress,
      error: s.analysisError,
      lastRunMs: s.lastRunMs,
    })),
  );
  if (error) {
    return (
      <p className="vt-status vt-status--error" role="alert">
        {t('settings.failed', { message: error })}
      </p>
    );
  }
  if (running) {
    const share = progress && progress.total > 0 ? progress.done / progress.total : 0;
    return (
      <div className="vt-status" data-testid="analysis-running">
        <span>{t('settings.running', { percent: fmt.percent(share) })}</span>
        <div
          className="vt-progress"
          role="progressbar"
          aria-label={t('settings.running', { percent: '' })}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(share * 100)}
        >
          <div className="vt-progress__fill" style={{ width: `${share * 100}%` }} />
        </div>
      </div>
    );
  }
  if (lastRunMs !== null) {
    return (
      <p className="vt-status vt-muted" data-testid="analysis-done">
        {t('settings.done', { seconds: fmt.number(lastRunMs / 1000, 1) })}
      </p>
    );
  }
  return null;
}
