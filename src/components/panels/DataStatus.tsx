import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../../store/store.ts';
import { AnalysisStatus } from './AnalysisStatus.tsx';

/** Over the map: loading, a load error that names the file, or the analysis progress. */
export function DataStatus() {
  const { t } = useTranslation();
  const { status, error, running, failed } = useApp(
    useShallow((s) => ({
      status: s.dataStatus,
      error: s.dataError,
      running: s.running,
      failed: s.analysisError !== null,
    })),
  );
  if (status === 'error') {
    return (
      <div className="vt-overlay vt-overlay--error" role="alert">
        {error?.includes('hamlets.geojson is missing')
          ? t('app.noData')
          : t('app.loadError', { message: error })}
      </div>
    );
  }
  if (status === 'loading' || status === 'idle') {
    return (
      <div className="vt-overlay" role="status">
        {t('app.loading')}
      </div>
    );
  }
  // A failed run is said over the map too (with its retry): a blank map must never be the only sign.
  return running || failed ? (
    <div className="vt-overlay">
      <AnalysisStatus />
    </div>
  ) : null;
}
