import { useEffect } from 'react';
import { useStore } from 'zustand';
import { saveProblemStore } from '../../store/persist/saveProblem.ts';
import { useImportTranslation } from './i18n.ts';

/**
 * Says that a save to this browser failed (most often: storage full), what is at stake, and what to do:
 * free space, save a project file, retry. While imported data is unsaved, leaving the page asks first.
 */
export function SaveProblem({ onSaveProject }: { onSaveProject: () => void }) {
  const { t } = useImportTranslation();
  const { failed, retry, dismiss } = useStore(saveProblemStore);
  const dataAtRisk = failed?.what === 'data';
  useEffect(() => {
    if (!dataAtRisk) return;
    const warn = (e: BeforeUnloadEvent): void => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dataAtRisk]);
  if (!failed) return null;
  return (
    <div className="vt-restore-notice" role="alert" data-testid="save-problem">
      <strong>{t('saveFailed.heading')}</strong>
      <p>
        {failed.full
          ? t('saveFailed.full')
          : t('saveFailed.blocked', { detail: failed.detail.slice(0, 120) })}{' '}
        {dataAtRisk ? t('saveFailed.data') : t('saveFailed.settings')}
      </p>
      <p>{t('saveFailed.todo')}</p>
      {dataAtRisk ? (
        <button type="button" onClick={onSaveProject}>
          {t('saveFailed.saveProject')}
        </button>
      ) : null}{' '}
      {retry ? (
        <button type="button" onClick={retry} data-testid="save-retry">
          {t('saveFailed.retry')}
        </button>
      ) : null}{' '}
      <button type="button" onClick={dismiss}>
        {t('saveFailed.dismiss')}
      </button>
    </div>
  );
}
