import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../store/store.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { SkipLinks } from './SkipLinks.tsx';

/** Title, the illustrative-data note, a toolbar slot (the Share panel goes there) and the language switch. */
export function Header({ toolbar }: { toolbar?: ReactNode }) {
  const { t } = useTranslation();
  const { leftOpen, rightOpen, setLeftOpen, setRightOpen, illustrative } = useApp(
    useShallow((s) => ({
      leftOpen: s.leftOpen,
      rightOpen: s.rightOpen,
      setLeftOpen: s.setLeftOpen,
      setRightOpen: s.setRightOpen,
      illustrative: s.illustrativeLayers.length > 0,
    })),
  );
  return (
    <header className="vt-header">
      <SkipLinks />
      <PanelToggle
        open={leftOpen}
        setOpen={setLeftOpen}
        panel="vt-left"
        label={leftOpen ? t('app.hideLeft') : t('app.showLeft')}
        icon="☰"
      />
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
      <PanelToggle
        open={rightOpen}
        setOpen={setRightOpen}
        panel="vt-right"
        label={rightOpen ? t('app.hideRight') : t('app.showRight')}
        icon="▤"
      />
    </header>
  );
}

/** Shows or hides a side panel on the desktop (phones switch panes with the bottom bar). */
function PanelToggle({
  open,
  setOpen,
  panel,
  label,
  icon,
}: {
  open: boolean;
  setOpen: (open: boolean) => void;
  /** The panel's id. */
  panel: string;
  label: string;
  icon: string;
}) {
  return (
    <button
      type="button"
      className="vt-icon-button vt-desktop-only"
      aria-expanded={open}
      aria-controls={panel}
      onClick={() => setOpen(!open)}
      aria-label={label}
    >
      {icon}
    </button>
  );
}
