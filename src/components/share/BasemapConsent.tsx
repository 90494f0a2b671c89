import { useStore } from 'zustand';
import { allowOsm, basemapRequestStore } from '../../store/share/basemapConsent.ts';
import { useApp } from '../../store/store.ts';
import { useShareTranslation } from './i18n.ts';

/**
 * Asks before a link (or a project file) turns on the OpenStreetMap basemap: until the user allows it
 * in this browser, the map stays offline and no tile is requested.
 */
export function BasemapConsent() {
  const { t } = useShareTranslation();
  const asked = useStore(basemapRequestStore, (s) => s.asked);
  const setBasemap = useApp((s) => s.setBasemap);
  if (!asked) return null;
  const allow = () => {
    allowOsm();
    setBasemap('osm');
    basemapRequestStore.getState().dismiss();
  };
  return (
    <div className="vt-link-notice" role="alert" data-testid="basemap-consent">
      <strong>{t('consent.heading')}</strong>
      <p>{t('consent.body')}</p>
      <button type="button" onClick={allow} data-testid="basemap-allow">
        {t('consent.allow')}
      </button>{' '}
      <button type="button" onClick={() => basemapRequestStore.getState().dismiss()}>
        {t('consent.deny')}
      </button>
    </div>
  );
}
