import { useStore } from 'zustand';
import { linkNoticeStore } from '../../store/share/linkNotice.ts';
import { useShareTranslation } from './i18n.ts';

/** Says what an opened link could not restore (a damaged field, an old version); the rest was opened. */
export function LinkNotice() {
  const { t } = useShareTranslation();
  const problems = useStore(linkNoticeStore, (s) => s.problems);
  if (problems.length === 0) return null;
  return (
    <div className="vt-link-notice" role="alert" data-testid="link-notice">
      <strong>{t('notice.heading')}</strong>
      <p>{t('notice.intro')}</p>
      <ul>
        {problems.map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ul>
      <button type="button" onClick={() => linkNoticeStore.getState().dismiss()}>
        {t('notice.dismiss')}
      </button>
    </div>
  );
}
