import { useTranslation } from 'react-i18next';
import { appStore } from '../store/store.ts';
import { focusDetails, focusList } from './ranking/RankingTable.tsx';

/**
 * The first stops of the Tab order: straight to the ranked list (its selected row), to the hamlet details
 * or to the map. They move focus themselves rather than follow a `#fragment`, which would overwrite the
 * map position the address bar keeps in its hash.
 */
export function SkipLinks() {
  const { t } = useTranslation();
  const go = (e: React.MouseEvent, to: () => void, pane: 'list' | 'map', details = false) => {
    e.preventDefault();
    const s = appStore.getState();
    s.setMobilePane(pane);
    if (pane === 'list') s.setRightOpen(true);
    if (details) s.setRightTab('details');
    to();
  };
  return (
    <nav className="vt-skip" aria-label={t('app.skipLinks')}>
      <a href="#vt-ranking" onClick={(e) => go(e, focusList, 'list')} data-testid="skip-list">
        {t('app.skipToList')}
      </a>
      <a href="#vt-details" onClick={(e) => go(e, focusDetails, 'list', true)} data-testid="skip-details">
        {t('app.skipToDetails')}
      </a>
      <a
        href="#vt-map"
        onClick={(e) =>
          go(
            e,
            () => requestAnimationFrame(() => document.querySelector<HTMLElement>('.vt-map canvas')?.focus()),
            'map',
          )
        }
      >
        {t('app.skipToMap')}
      </a>
    </nav>
  );
}
