import { useEffect, useRef } from 'react';
// Loaded with the page (not with the lazy map code) so app.css, loaded after it, keeps precedence.
import 'maplibre-gl/dist/maplibre-gl.css';
import { useTranslation } from 'react-i18next';
import { connectMap } from '../map/connectMap.ts';
import type { MapAdapter } from '../map/MapAdapter.ts';
import { markMapSettled, whenFirstListSettled } from '../map/mapGate.ts';
import { registerMap } from '../map/mapRegistry.ts';
import { colocationStore } from '../store/lens/colocation.ts';
import { scenarioStore } from '../store/scenario/scenarioStore.ts';
import { versionStore } from '../store/versions/versionStore.ts';
import { appStore } from '../store/store.ts';

/**
 * Hosts the map: React creates the adapter once, registers its map (for the PNG and print) and removes both
 * on unmount; it never re-renders it. The map starts after the first ranked list (see
 * `whenFirstListSettled`), so the two do not share the CPU.
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
      const disconnect = connectMap(adapter, appStore, scenarioStore, colocationStore, versionStore);
      adapter.map.once('idle', markMapSettled);
      registerMap(adapter.map);
      onReady?.(adapter);
      teardown = () => {
        onReady?.(null);
        registerMap(null);
        disconnect();
        adapter.destroy();
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
