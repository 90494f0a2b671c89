import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../../store/store.ts';
import { useFormat } from '../useFormat.ts';

/**
 * Progress of the running analysis ("Đang phân tích…" the first time, "…lại" when a result is on screen),
 * with a Stop button while an import's analysis runs, how long the last run took, that the result was the
 * one saved by an earlier visit, that an import was stopped, or the error.
 */
export function AnalysisStatus() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const {
    running,
    progress,
    error,
    errorKind,
    retry,
    lastRunMs,
    lastRunFrom,
    hasResult,
    canStop,
    stopImport,
    stopped,
  } = useApp(
    useShallow((s) => ({
      running: s.running,
      progress: s.progress,
      error: s.analysisError,
      errorKind: s.analysisErrorKind,
      retry: s.retryRun,
      lastRunMs: s.lastRunMs,
      lastRunFrom: s.lastRunFrom,
      hasResult: s.result !== null || s.listAhead !== null,
      canStop: s.importUndo !== null,
      stopImport: s.stopImport,
      // Said for the run that brings the earlier data back, not after a later one (a setting changed).
      stopped: s.importStoppedAtRun !== null && s.runId <= s.importStoppedAtRun + 1,
    })),
  );
  if (error) {
    return (
      <div className="vt-status vt-status--error" role="alert" data-testid="analysis-failed">
        <p>
          {errorKind === 'worker' ? t('faults.analysisWorker') : t('settings.failed', { message: error })}
        </p>
        <button type="button" className="vt-button" onClick={retry} data-testid="analysis-retry">
          {t('faults.retry')}
        </button>
      </div>
    );
  }
  if (running) {
    const share = progress && progress.total > 0 ? progress.done / progress.total : 0;
    // Before the first hamlet: at national size the engine's preparation takes seconds.
    const key =
      progress?.phase === 'preparing'
        ? 'settings.preparing'
        : hasResult
          ? 'settings.running'
          : 'settings.runningFirst';
    return (
      <div className="vt-status" data-testid="analysis-running">
        <span>{t(key, { percent: fmt.percent(share) })}</span>
        <div
          className="vt-progress"
          role="progressbar"
          aria-label={t(key, { percent: '' })}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(share * 100)}
        >
          <div className="vt-progress__fill" style={{ width: `${share * 100}%` }} />
        </div>
        {canStop && (
          <button type="button" className="vt-button" onClick={stopImport} data-testid="import-stop">
            {t('settings.stopImport')}
          </button>
        )}
      </div>
    );
  }
  if (stopped) {
    return (
      <p className="vt-status vt-muted" role="status" data-testid="import-stopped">
        {t('settings.importStopped')}
      </p>
    );
  }
  if (lastRunFrom === 'cache' || lastRunFrom === 'shipped') {
    return (
      <p className="vt-status vt-muted" data-testid="analysis-done">
        {t(lastRunFrom === 'cache' ? 'settings.fromCache' : 'settings.fromShipped')}
      </p>
    );
  }
  if (lastRunMs !== null) {
    return (
      <p className="vt-status vt-muted" data-testid="analysis-done">
        {t('settings.done', { duration: fmt.duration(lastRunMs) })}
      </p>
    );
  }
  return null;
}
