import { useEffect, useRef } from 'react';
// Loaded with the page (not with the lazy map code) so app.css, loaded after it, keeps precedence.
import 'maplibre-gl/dist/maplibre-gl.css';
import { useTranslation } from 'react-i18next';
import { connectMap } from '../map/connectMap.ts';
import type { MapAdapter } from '../map/MapAdapter.ts';
import { markMapSettled, whenFirstListSettled } from '../map/mapGate.ts';
import { appStore } from '../store/store.ts';

declare global {
  interface Window {
    /** For browser tests and the snapshot: the live map adapter and the store. */
    __vt?: { adapter: MapAdapter; map: MapAdapter['map']; store: typeof appStore };
  }
}

/**
 * Hosts the map: React creates the adapter once and removes it on unmount; it never re-renders it. The
 * map starts after the first ranked list (see `whenFirstListSettled`), so the two do not share the CPU.
 */
export function MapView({ onReady }: { onReady?: (adapter: MapAdapter | null) => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const container = ref.current;
    if (!container) return;
    let teardown: (() => void) | null = null;
    let unmounted = false;
    const start = (adapter: MapAdapter): void => {
      const disconnect = connectMap(adapter, appStore);
      adapter.map.once('idle', markMapSettled);
      window.__vt = { adapter, map: adapter.map, store: appStore };
      onReady?.(adapter);
      teardown = () => {
        onReady?.(null);
        disconnect();
        adapter.destroy();
        delete window.__vt;
      };
    };
    const cancel = whenFirstListSettled(appStore, () => {
      // MapLibre's own code (~1 MB) is loaded here too, off the path to the first list.
      void import('../map/MapAdapter.ts').then(({ MapAdapter }) => {
        if (unmounted) return;
        const { center, zoom } = appStore.getState();
        start(new MapAdapter(container, { center, zoom }));
      });
    });
    return () => {
      unmounted = true;
      cancel();
      teardown?.();
    };
  }, [onReady]);
  return <div ref={ref} className="vt-map" role="region" aria-label={t('app.mapLabel')} data-testid="map" />;
}
