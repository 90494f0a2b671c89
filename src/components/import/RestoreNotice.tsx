import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { settingsProblemText } from '../../i18n/settingsProblem.ts';
import { restoreNoticeStore } from '../../store/persist/restoreNotice.ts';
import { appStore, type AppStore } from '../../store/store.ts';
import { useImportTranslation } from './i18n.ts';

/**
 * Says what start-up could not bring back from this browser: saved data it cannot read, or saved
 * settings the validator refused (dropped for good; the defaults are in use).
 */
export function RestoreNotice({ store = appStore }: { store?: AppStore }) {
  const { t } = useImportTranslation();
  const app = useTranslation();
  const lang = useStore(store, (s) => s.lang);
  const { problem, settings } = useStore(restoreNoticeStore);
  if (!problem && settings.length === 0) return null;
  return (
    <div className="vt-restore-notice" role="alert" data-testid="restore-notice">
      <strong>{t('restore.heading')}</strong>
      {problem ? <p>{t('note.restoreProblem', { message: problem })}</p> : null}
      {settings.length > 0 ? (
        <>
          <p>{t('restore.settings')}</p>
          <ul>
            {settings.map((p, i) => (
              <li key={i}>{settingsProblemText(p, app.t, lang)}</li>
            ))}
          </ul>
        </>
      ) : null}
      <button type="button" onClick={() => restoreNoticeStore.getState().dismiss()}>
        {t('restore.dismiss')}
      </button>
    </div>
  );
}
