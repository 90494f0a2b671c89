import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { MobilePane } from '../store/appState.ts';
import { useApp } from '../store/store.ts';

const PANES: MobilePane[] = ['map', 'list', 'layers'];

/** Bottom bar on phones: one of map, ranked list, layers & settings at a time. Hidden on desktop. */
export function MobileNav() {
  const { t } = useTranslation();
  const { pane, setPane } = useApp(useShallow((s) => ({ pane: s.mobilePane, setPane: s.setMobilePane })));
  return (
    <nav className="vt-mobile-nav" aria-label={t('app.title')}>
      {PANES.map((p) => (
        <button key={p} type="button" aria-pressed={pane === p} onClick={() => setPane(p)} data-pane={p}>
          {t(`mobile.${p}`)}
        </button>
      ))}
    </nav>
  );
}
