import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../store/store.ts';
import type { Lang } from '../store/viewState.ts';

const LANGS: { lang: Lang; label: string; name: string }[] = [
  { lang: 'vi', label: 'VI', name: 'Tiếng Việt' },
  { lang: 'en', label: 'EN', name: 'English' },
];

/** Language names are shown in their own language, so they are the same in both UIs. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const { lang, setLang } = useApp(useShallow((s) => ({ lang: s.lang, setLang: s.setLang })));
  return (
    <div role="group" aria-label={t('app.language')} className="vt-lang">
      {LANGS.map((l) => (
        <button
          key={l.lang}
          type="button"
          lang={l.lang}
          aria-pressed={lang === l.lang}
          title={l.name}
          onClick={() => setLang(l.lang)}
          data-lang={l.lang}
        >
          {l.label}
        </button>
      ))}
    </div>
  );
}
