import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { settingsProblemText } from '../../i18n/settingsProblem.ts';
import { linkNoticeStore } from '../../store/share/linkNotice.ts';
import { useApp } from '../../store/store.ts';
import { useShareTranslation } from './i18n.ts';

/** Says what an opened link could not restore (a damaged field, an old version); the rest was opened. */
export function LinkNotice() {
  const { t } = useShareTranslation();
  const app = useTranslation();
  const lang = useApp((s) => s.lang);
  const problems = useStore(linkNoticeStore, (s) => s.problems);
  if (problems.length === 0) return null;
  const texts = problems.map((p) => (typeof p === 'string' ? p : settingsProblemText(p, app.t, lang)));
  return (
    <div className="vt-link-notice" role="alert" data-testid="link-notice">
      <strong>{t('notice.heading')}</strong>
      <p>{t('notice.intro')}</p>
      <ul>
        {texts.map((text, i) => (
          <li key={i}>{text}</li>
        ))}
      </ul>
      <button type="button" onClick={() => linkNoticeStore.getState().dismiss()}>
        {t('notice.dismiss')}
      </button>
    </div>
  );
}
