import type { Position } from 'geojson';
import type { MapMouseEvent, Map as MlMap } from 'maplibre-gl';
import type { MapAdapter } from '../../map/MapAdapter.ts';
import { scenarioStore, type ScenarioState } from '../../store/scenario/scenarioStore.ts';

/**
 * Map editing for the what-if scenario: clicks add a site, a fibre vertex or switch the clicked site off,
 * depending on the mode; a double click ends a fibre route. What the scenario draws (proposals, the route
 * being drawn, newly covered and lost areas) is part of the layer plan (`map/planLayers.ts`). Pass this to
 * `MapView`'s `onReady`.
 */
export function onScenarioMapReady(adapter: MapAdapter | null): void {
  detach?.();
  detach = adapter ? attach(adapter.map) : null;
}

let detach: (() => void) | null = null;

function attach(map: MlMap): () => void {
  const showMode = (s: ScenarioState): void => {
    map.getCanvas().style.cursor = s.mode === 'none' ? '' : 'crosshair';
    if (s.mode === 'draw-fibre') map.doubleClickZoom.disable();
    else map.doubleClickZoom.enable();
  };
  const onClick = (e: MapMouseEvent): void => {
    const s = scenarioStore.getState();
    const at: Position = [round6(e.lngLat.lng), round6(e.lngLat.lat)];
    if (s.mode === 'add-site') s.addSiteAt(at);
    else if (s.mode === 'draw-fibre') s.addDraftPoint(at);
    else if (s.mode === 'site-off' && map.getLayer('sites')) {
      const { x, y } = e.point;
      const hit = map.queryRenderedFeatures(
        [
          [x - 6, y - 6],
          [x + 6, y + 6],
        ],
        { layers: ['sites'] },
      )[0];
      const id = hit?.properties?.id as string | undefined;
      if (id && hit?.geometry.type === 'Point') s.switchOff(id, hit.geometry.coordinates);
    }
  };
  const onDblClick = (e: MapMouseEvent): void => {
    const s = scenarioStore.getState();
    if (s.mode !== 'draw-fibre') return;
    e.preventDefault();
    s.finishFibre();
  };
  map.on('click', onClick);
  map.on('dblclick', onDblClick);
  showMode(scenarioStore.getState());
  const unsubscribe = scenarioStore.subscribe((s, before) => {
    if (s.mode !== before.mode) showMode(s);
  });
  return () => {
    unsubscribe();
    map.off('click', onClick);
    map.off('dblclick', onDblClick);
  };
}

function round6(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}
