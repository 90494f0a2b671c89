import { useEffect, useRef, useState } from 'react';
// Loaded with the page (not with the lazy map code) so app.css, loaded after it, keeps precedence.
import 'maplibre-gl/dist/maplibre-gl.css';
import { useTranslation } from 'react-i18next';
import { connectMap } from '../map/connectMap.ts';
import type { MapAdapter } from '../map/MapAdapter.ts';
import { markMapSettled, whenAnalysing, whenFirstListSettled } from '../map/mapGate.ts';
import { registerMap } from '../map/mapRegistry.ts';
import { colocationStore } from '../store/lens/colocation.ts';
import { scenarioStore } from '../store/scenario/scenarioStore.ts';
import { versionStore } from '../store/versions/versionStore.ts';
import { appStore } from '../store/store.ts';

let adapterModule: Promise<typeof import('../map/MapAdapter.ts')> | null = null;
/** The map adapter's module and MapLibre's code, loaded once. */
const loadAdapter = (): Promise<typeof import('../map/MapAdapter.ts')> =>
  (adapterModule ??= import('../map/MapAdapter.ts').catch((e: unknown) => {
    // Not kept: a later attempt (the view mounted again) fetches it again.
    adapterModule = null;
    throw e;
  }));

/**
 * Hosts the map: React creates the adapter once, registers its map (for the PNG and print) and removes both
 * on unmount; it never re-renders it. MapLibre's code is loaded and the map made, empty, while the first
 * analysis runs in its worker (the page's thread is mostly idle then; see `whenAnalysing`); it is given
 * the data after the first ranked list has been painted (see `whenFirstListSettled`), so drawing the
 * province does not share the CPU with the analysis. Until then a placeholder says the map is loading.
 */
export function MapView({ onReady }: { onReady?: (adapter: MapAdapter | null) => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const [drawn, setDrawn] = useState(false);
  useEffect(() => {
    const container = ref.current;
    if (!container) return;
    let made: MapAdapter | null = null;
    let disconnect: (() => void) | null = null;
    let unmounted = false;
    const make = (): Promise<MapAdapter | null> =>
      loadAdapter().then(({ MapAdapter }) => {
        if (unmounted) return null;
        if (!made) {
          const { center, zoom } = appStore.getState();
          made = new MapAdapter(container, { center, zoom });
        }
        return made;
      });
    const connect = (adapter: MapAdapter): void => {
      // The view the app holds now (a shared link's, or the default), as a map made now would start.
      const { center, zoom } = appStore.getState();
      adapter.map.jumpTo({ center, zoom });
      disconnect = connectMap(adapter, appStore, scenarioStore, colocationStore, versionStore);
      adapter.map.once('idle', () => {
        markMapSettled();
        setDrawn(true);
      });
      registerMap(adapter.map);
      onReady?.(adapter);
    };
    const stopEarly = whenAnalysing(appStore, () => void make().catch(() => undefined));
    const cancel = whenFirstListSettled(appStore, () => {
      void make().then((adapter) => {
        if (adapter && !disconnect) connect(adapter);
      });
    });
    return () => {
      unmounted = true;
      stopEarly();
      cancel();
      if (disconnect) {
        onReady?.(null);
        registerMap(null);
        disconnect();
      }
      made?.destroy();
    };
  }, [onReady]);
  return (
    <div ref={ref} className="vt-map" role="region" aria-label={t('app.mapLabel')} data-testid="map">
      {!drawn && (
        <p className="vt-map__placeholder" data-testid="map-placeholder">
          {t('app.mapLoading')}
        </p>
      )}
    </div>
  );
}
