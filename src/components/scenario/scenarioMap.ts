import { circle } from '@turf/circle';
import type { Feature, FeatureCollection, Position } from 'geojson';
import type { GeoJSONSource, MapMouseEvent, Map as MlMap } from 'maplibre-gl';
import type { MapAdapter } from '../../map/MapAdapter.ts';
import { scenarioStore, type ScenarioState } from '../../store/scenario/scenarioStore.ts';

/** Proposed things in violet (not used by the base palette), newly covered areas in green, lost in orange. */
const PROPOSED = '#6a3d9a';
const GAINED = '#1a9850';
const LOST = '#f46d43';
const SOURCES = ['scenario-covered', 'scenario-proposals'] as const;
const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/**
 * The scenario's map layers and map editing, beside the MapAdapter's plan (which only manages its own
 * layers): newly covered / lost areas (the before/after highlight), proposed sites with their reach,
 * proposed fibre, switched-off sites, the route being drawn; clicks add a site, a fibre vertex or switch
 * the clicked site off, depending on the mode. Pass this to `MapView`'s `onReady`.
 */
export function onScenarioMapReady(adapter: MapAdapter | null): void {
  detach?.();
  detach = adapter ? attach(adapter.map) : null;
  // Browser tests drive and read the scenario through the same store the panel uses.
  if (adapter) window.__vtScenario = scenarioStore;
  else delete window.__vtScenario;
}

declare global {
  interface Window {
    __vtScenario?: typeof scenarioStore;
  }
}

let detach: (() => void) | null = null;

function attach(map: MlMap): () => void {
  let added = false;
  const ensureLayers = (): void => {
    if (added || !map.isStyleLoaded()) return;
    added = true;
    for (const id of SOURCES) if (!map.getSource(id)) map.addSource(id, { type: 'geojson', data: EMPTY });
    map.addLayer({
      id: 'scenario-covered-fill',
      type: 'fill',
      source: 'scenario-covered',
      paint: { 'fill-color': ['match', ['get', 'kind'], 'lost', LOST, GAINED], 'fill-opacity': 0.6 },
    });
    // An outline too: a translucent green over blue "served" hamlets alone reads as just another blue.
    map.addLayer({
      id: 'scenario-covered-line',
      type: 'line',
      source: 'scenario-covered',
      paint: { 'line-color': ['match', ['get', 'kind'], 'lost', LOST, GAINED], 'line-width': 2 },
    });
    map.addLayer({
      id: 'scenario-reach',
      type: 'line',
      source: 'scenario-proposals',
      filter: ['==', ['get', 'role'], 'reach'],
      paint: { 'line-color': PROPOSED, 'line-width': 1.5, 'line-dasharray': [3, 2] },
    });
    map.addLayer({
      id: 'scenario-fibre',
      type: 'line',
      source: 'scenario-proposals',
      filter: ['in', ['get', 'role'], ['literal', ['fibre', 'draft']]],
      paint: { 'line-color': PROPOSED, 'line-width': 3, 'line-dasharray': [2, 1] },
    });
    map.addLayer({
      id: 'scenario-sites',
      type: 'circle',
      source: 'scenario-proposals',
      filter: ['in', ['get', 'role'], ['literal', ['site', 'off', 'vertex']]],
      paint: {
        'circle-radius': ['match', ['get', 'role'], 'vertex', 3, 7],
        'circle-color': ['match', ['get', 'role'], 'off', '#ffffff', PROPOSED],
        'circle-stroke-color': ['match', ['get', 'role'], 'off', '#222222', '#ffffff'],
        'circle-stroke-width': 2,
      },
    });
    render(scenarioStore.getState());
  };
  const render = (s: ScenarioState): void => {
    if (!added) return;
    (map.getSource('scenario-covered') as GeoJSONSource | undefined)?.setData(s.covered ?? EMPTY);
    (map.getSource('scenario-proposals') as GeoJSONSource | undefined)?.setData(proposals(s));
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
  map.on('load', ensureLayers);
  map.on('idle', ensureLayers);
  ensureLayers();
  const unsubscribe = scenarioStore.subscribe(render);
  return () => {
    unsubscribe();
    map.off('click', onClick);
    map.off('dblclick', onDblClick);
    map.off('load', ensureLayers);
    map.off('idle', ensureLayers);
  };
}

function proposals(s: ScenarioState): FeatureCollection {
  const features: Feature[] = [];
  for (const e of s.edits) {
    if (e.kind === 'add-site') {
      const c = e.site.geometry.coordinates;
      const r = Number(e.site.properties.radius_m ?? 3000);
      features.push(circle(c, r / 1000, { steps: 64, properties: { role: 'reach' } }));
      features.push({
        type: 'Feature',
        geometry: e.site.geometry,
        properties: { role: 'site', id: e.site.properties.id },
      });
    } else if (e.kind === 'add-fibre') {
      features.push({ type: 'Feature', geometry: e.fibre.geometry, properties: { role: 'fibre' } });
    } else if (e.at) {
      features.push({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: e.at },
        properties: { role: 'off', id: e.siteId },
      });
    }
  }
  if (s.draft.length > 1)
    features.push({
      type: 'Feature',
      geometry: { type: 'LineString', coordinates: s.draft },
      properties: { role: 'draft' },
    });
  for (const p of s.draft)
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: p },
      properties: { role: 'vertex' },
    });
  return { type: 'FeatureCollection', features };
}

function round6(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}
