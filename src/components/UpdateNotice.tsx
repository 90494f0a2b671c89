import { useStore } from 'zustand';
import { useTranslation } from 'react-i18next';
import { appUpdateStore } from '../store/appUpdate.ts';

/** "A new version — reload", applied only on the user's click; and once, "ready to work offline". */
export function UpdateNotice() {
  const { t } = useTranslation();
  const { waiting, offlineReady, apply, dismiss } = useStore(appUpdateStore);
  if (waiting) {
    return (
      <div className="vt-update" role="status" data-testid="update-notice">
        <span>{t('update.available')}</span>
        <button type="button" className="vt-button" onClick={() => void apply?.()} data-testid="update-apply">
          {t('update.reload')}
        </button>
        <button type="button" className="vt-button vt-button--quiet" onClick={dismiss}>
          {t('update.later')}
        </button>
      </div>
    );
  }
  if (offlineReady) {
    return (
      <div className="vt-update" role="status" data-testid="offline-ready">
        <span>{t('update.offlineReady')}</span>
        <button type="button" className="vt-button vt-button--quiet" onClick={dismiss}>
          {t('update.ok')}
        </button>
      </div>
    );
  }
  return null;
}
