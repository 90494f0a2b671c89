import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../store/store.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { SkipLinks } from './SkipLinks.tsx';

/** Title, the illustrative-data note, a toolbar slot (the Share panel goes there) and the language switch. */
export function Header({ toolbar }: { toolbar?: ReactNode }) {
  const { t } = useTranslation();
  const illustrative = useApp((s) => s.illustrativeLayers.length > 0);
  return (
    <header className="vt-header">
      <SkipLinks />
      <PanelToggle side="left" />
      <div className="vt-brand">
        <h1>{t('app.title')}</h1>
        <span className="vt-subtitle">{t('app.subtitle')}</span>
      </div>
      {illustrative && (
        <span className="vt-badge" title={t('app.illustrativeLong')} data-testid="illustrative-note">
          {t('app.illustrative')}
        </span>
      )}
      <div className="vt-toolbar" role="toolbar" aria-label={t('app.toolbar')} id="vt-toolbar">
        {toolbar}
      </div>
      <LanguageSwitch />
      <PanelToggle side="right" />
    </header>
  );
}

/** Shows or hides a side panel on the desktop (phones switch panes with the bottom bar). */
function PanelToggle({ side }: { side: 'left' | 'right' }) {
  const { t } = useTranslation();
  const { open, setOpen } = useApp(
    useShallow((s) =>
      side === 'left'
        ? { open: s.leftOpen, setOpen: s.setLeftOpen }
        : { open: s.rightOpen, setOpen: s.setRightOpen },
    ),
  );
  const label =
    side === 'left' ? t(open ? 'app.hideLeft' : 'app.showLeft') : t(open ? 'app.hideRight' : 'app.showRight');
  return (
    <button
      type="button"
      className="vt-icon-button vt-desktop-only"
      aria-expanded={open}
      aria-controls={`vt-${side}`}
      onClick={() => setOpen(!open)}
      aria-label={label}
      title={label}
    >
      {side === 'left' ? '☰' : '▤'}
    </button>
  );
}
