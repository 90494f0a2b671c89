import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { settingsProblemText } from '../../i18n/settingsProblem.ts';
import type { LinkProblem } from '../../store/share/codec.ts';
import { linkNoticeStore } from '../../store/share/linkNotice.ts';
import { useApp } from '../../store/store.ts';
import { useShareTranslation } from './i18n.ts';

/** At most this many problems are listed; the rest are counted. */
const SHOWN = 6;
/** No single line longer than this (a value from a link is the sender's, not ours). */
const MAX_CHARS = 240;

function cut(text: string): string {
  return text.length > MAX_CHARS ? `${text.slice(0, MAX_CHARS - 1)}…` : text;
}

/** One problem in the UI's language: link issues from the share strings, settings from the app's. */
function problemText(p: LinkProblem, t: TFunction, appT: TFunction, lang: 'vi' | 'en'): string {
  if (p.kind !== 'link') return settingsProblemText(p, appT, lang);
  const values = { ...p.values };
  if (p.code === 'badFilter') values.filter = t(`filter.${String(values.filter)}`);
  if (p.code === 'editDropped') values.reason = t(`reason.${String(values.reason)}`);
  return t(`problem.${p.code}`, values);
}

/** Says what an opened link could not restore (a damaged field, an old version); the rest was opened. */
export function LinkNotice() {
  const { t } = useShareTranslation();
  const app = useTranslation();
  const lang = useApp((s) => s.lang);
  const problems = useStore(linkNoticeStore, (s) => s.problems);
  if (problems.length === 0) return null;
  const texts = problems.slice(0, SHOWN).map((p) => cut(problemText(p, t, app.t, lang)));
  return (
    <div className="vt-link-notice" role="alert" data-testid="link-notice">
      <strong>{t('notice.heading')}</strong>
      <p>{t('notice.intro')}</p>
      <ul>
        {texts.map((text, i) => (
          <li key={i}>{text}</li>
        ))}
      </ul>
      {problems.length > SHOWN ? <p>{t('notice.more', { count: problems.length - SHOWN })}</p> : null}
      <button type="button" onClick={() => linkNoticeStore.getState().dismiss()}>
        {t('notice.dismiss')}
      </button>
    </div>
  );
}
