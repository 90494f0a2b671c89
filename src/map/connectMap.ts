import { bbox } from '@turf/bbox';
import type { FeatureCollection } from 'geojson';
import type { MapMouseEvent } from 'maplibre-gl';
import type { InputLayers } from '../analysis/types.ts';
import type { AppState } from '../store/appState.ts';
import type { HamletRow } from '../store/rows.ts';
import { activeLens } from '../store/lens.ts';
import { selectedCandidate, type ColocationState, type ColocationStore } from '../store/lens/colocation.ts';
import { drawnBasemap } from '../store/share/basemapConsent.ts';
import type { ScenarioState, ScenarioStore } from '../store/scenario/scenarioStore.ts';
import type { VersionStore } from '../store/versions/versionStore.ts';
import { effectiveSettings, type AppStore } from '../store/store.ts';
import { activeUnitSystem } from '../store/units.ts';
import { gridCellBounds } from './aggregate.ts';
import { areaAt, areaUp, unitAt } from './areaPick.ts';
import type { MapAdapter } from './MapAdapter.ts';
import { nextWindow, WINDOW_MIN_HAMLETS, type DetailWindow } from './detailWindow.ts';
import { boxOf } from '../data/featureBoxes.ts';
import { colocationForMap, type ResultLookups } from './mapData.ts';
import { memoLast } from './memo.ts';
import {
  AGGREGATE_LAYER,
  CLICKABLE_LAYERS,
  planLayers,
  type MapPlan,
  type ScenarioView,
} from './planLayers.ts';
import { shownChanges } from './versionChanges.ts';

const PLAN_KEYS = [
  'input',
  'admin',
  'result',
  'coverageById',
  'rankingById',
  'layers',
  'colourBy',
  'selectedHamletId',
  'basemap',
  'settings',
  'area',
  'unitSystem',
  'lens',
  'fieldReports',
  'unitSummary',
] as const;

/** What a click or the pointer can pick: a hamlet (or its zone), or a unit of the aggregate. */
const PICKABLE_LAYERS = [...CLICKABLE_LAYERS, AGGREGATE_LAYER];

type HitProps = { id?: string; hamletId?: string };

const SCENARIO_KEYS = ['edits', 'draft', 'covered', 'shown'] as const;

/** The parts of the scenario the map draws: none of its edits while the baseline is chosen. */
function scenarioView(s: Pick<ScenarioState, (typeof SCENARIO_KEYS)[number]>): ScenarioView {
  if (s.shown === 'baseline') return { edits: [], draft: s.draft, covered: null };
  return { edits: s.edits, draft: s.draft, covered: s.covered };
}

export function planFromState(
  s: AppState,
  scenario?: ScenarioView,
  colocation?: Pick<ColocationState, 'result' | 'selectedId'>,
  versionChanges?: FeatureCollection | null,
  window?: DetailWindow,
): MapPlan {
  return planLayers({
    layers: s.input,
    admin: s.admin,
    result: s.result,
    lookups: lookups(s.coverageById, s.rankingById),
    visible: s.layers,
    colourBy: s.colourBy,
    selectedHamletId: s.selectedHamletId,
    basemap: drawnBasemap(s.basemap),
    settings: effectiveSettings(s),
    area: s.area,
    unitSystem: activeUnitSystem(s),
    scenario,
    lens: activeLens(s),
    colocation: colocation ? selectedCandidate(colocation) : null,
    versionChanges,
    fieldReports: s.fieldReports,
    unitSummary: s.unitSummary,
    window,
  });
}

/** The store's lookups as the plan takes them: the same object while they are the same. */
const lookups = memoLast(
  (coverageById: AppState['coverageById'], rankingById: AppState['rankingById']): ResultLookups => ({
    coverageById,
    rankingById,
  }),
);

const hamletIndex = memoLast(
  (input: InputLayers | null) => new Map(input?.hamlets.features.map((f) => [f.properties.id, f])),
);

/** Commune code → district code, from the commune shapes if they say, else from the hamlets' codes. */
const districtIndex = memoLast((communes: AppState['admin']['communes'], rows: HamletRow[]) => {
  const out = new Map(rows.map((r) => [r.communeCode, r.districtCode]));
  for (const f of communes?.features ?? []) {
    const d = f.properties.district_code;
    if (typeof d === 'string' && d) out.set(String(f.properties.code), d);
  }
  return out;
});

/** With "pick on the map" on and the Areas tab open, map clicks pick areas and Escape goes one level up. */
function pickingAreas(s: AppState): boolean {
  return s.pickAreas && s.rightOpen && s.rightTab === 'area';
}

/**
 * Wires the stores to the map without React re-renders: app or scenario changes → `adapter.apply`, app-side
 * selection → fly to the hamlet, app-side camera (e.g. a shared link) → jump; map clicks and moves →
 * store actions tagged 'map', which the map then ignores, so nothing loops.
 */
export function connectMap(
  adapter: MapAdapter,
  store: AppStore,
  scenarioStore: ScenarioStore,
  colocationStore?: ColocationStore,
  versionStore?: VersionStore,
): () => void {
  const map = adapter.map;
  let prev = store.getState();
  const changes = (): FeatureCollection | null =>
    versionStore ? shownChanges(versionStore.getState()) : null;
  let win: DetailWindow = 'all';
  const view = (): [number, number, number, number] => {
    const b = map.getBounds();
    return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
  };
  const hamletCount = (): number => store.getState().input?.hamlets.features.length ?? 0;
  /** The detail window for the view as it is now (the same object while it still holds the view). */
  const detailWindow = (): DetailWindow => {
    win = nextWindow(win, view(), map.getZoom(), hamletCount());
    return win;
  };
  const plan = (): MapPlan =>
    planFromState(
      store.getState(),
      scenarioView(scenarioStore.getState()),
      colocationStore?.getState(),
      changes(),
      detailWindow(),
    );
  /**
   * New data or a new result of a large data set is planned in a task of its own, after the store's change
   * (the import's click, the result's arrival) has been handled: together they held the page for
   * 200+ ms at 89,000 hamlets. Smaller data and other changes (a layer switched, a colour) apply at once.
   */
  let planTimer: ReturnType<typeof setTimeout> | undefined;
  const planSoon = (): void => {
    if (planTimer !== undefined) return;
    planTimer = setTimeout(() => {
      planTimer = undefined;
      adapter.apply(plan());
    }, 0);
  };
  const heavy = (s: AppState, before: AppState): boolean =>
    (s.input !== before.input || s.result !== before.result) &&
    (s.input?.hamlets.features.length ?? 0) > WINDOW_MIN_HAMLETS;
  adapter.apply(plan());
  maybeFit(prev);
  const unsubscribeScenario = scenarioStore.subscribe((s, before) => {
    if (SCENARIO_KEYS.some((k) => s[k] !== before[k])) adapter.apply(plan());
  });
  // A candidate chosen in the tower-sharing list: draw it and bring it into view.
  const unsubscribeColocation = colocationStore?.subscribe((s, before) => {
    const shown = selectedCandidate(s);
    if (shown === selectedCandidate(before)) return;
    adapter.apply(plan());
    if (shown && s.selectedId !== before.selectedId) {
      const [w, so, e, n] = bbox(colocationForMap(shown));
      adapter.fitBounds([w, so, e, n], { animate: true, context: true });
    }
  });
  const unsubscribeVersions = versionStore?.subscribe((s, before) => {
    if (shownChanges(s) !== shownChanges(before)) adapter.apply(plan());
  });

  function maybeFit(s: AppState): void {
    if (!s.fitOnLoad || !s.admin.province) return;
    const [w, so, e, n] = bbox(s.admin.province);
    adapter.fitBounds([w, so, e, n], { animate: false });
    s.setFitOnLoad(false);
  }

  const unsubscribe = store.subscribe((s) => {
    const before = prev;
    prev = s;
    // While such a plan waits, it takes every other change with it (it plans from the store as it is then).
    if (heavy(s, before) || planTimer !== undefined) planSoon();
    else if (PLAN_KEYS.some((k) => s[k] !== before[k])) adapter.apply(plan());
    if (s.admin !== before.admin || s.fitOnLoad !== before.fitOnLoad) maybeFit(s);
    // The user's own data may be anywhere (and may have no province boundary): show all of it.
    if (s.input && s.input !== before.input && s.dataSource === 'imported') {
      const box = boxOf(s.input.hamlets.features);
      if (box) adapter.fitBounds(box, { animate: true });
    }
    if (s.selectedHamletId && s.selectedHamletId !== before.selectedHamletId && s.selectionSource === 'app') {
      const feature = hamletIndex(s.input).get(s.selectedHamletId);
      if (feature) {
        const [w, so, e, n] = bbox(feature);
        adapter.fitBounds([w, so, e, n], { animate: true, context: true });
      }
    }
    if (s.area !== before.area && s.area.level !== 'province') {
      const fc =
        s.area.level === 'district'
          ? s.admin.districts
          : s.area.level === 'unit'
            ? s.admin.units
            : s.admin.communes;
      const feature = fc?.features.find((f) => f.properties.code === s.area.code);
      if (feature) {
        const [w, so, e, n] = bbox(feature);
        adapter.fitBounds([w, so, e, n], { animate: true });
      }
    } else if (s.area !== before.area && s.admin.province) {
      const [w, so, e, n] = bbox(s.admin.province);
      adapter.fitBounds([w, so, e, n], { animate: true });
    }
    if (s.viewSource === 'app' && (s.center !== before.center || s.zoom !== before.zoom)) {
      map.jumpTo({ center: s.center, zoom: s.zoom });
    }
  });

  const onClick = (e: MapMouseEvent): void => {
    // In a what-if mode a click adds a site, a fibre vertex or switches a site off, and nothing else.
    if (scenarioStore.getState().mode !== 'none') return;
    // Choosing the place of a field report: the click is the place, nothing else.
    if (store.getState().reportPick) {
      store.getState().setReportDraft({ at: [round6(e.lngLat.lng), round6(e.lngLat.lat)], source: 'map' });
      return;
    }
    const layers = PICKABLE_LAYERS.filter((id) => map.getLayer(id));
    const hit = map.queryRenderedFeatures(e.point, { layers })[0];
    const s = store.getState();
    // Zoomed out, a unit of the aggregate: its roll-up opens and the map zooms to it, where its hamlets show.
    if (hit?.layer.id === AGGREGATE_LAYER && !pickingAreas(s)) {
      const { code, cell } = hit.properties as { code?: unknown; cell?: unknown };
      // A grid cell (hamlets without unit boundaries): the map zooms to it.
      const bounds = typeof cell === 'string' ? gridCellBounds(cell) : null;
      if (bounds) adapter.fitBounds(bounds, { animate: true });
      else if (code)
        s.setArea({ level: activeUnitSystem(s) === 'units' ? 'unit' : 'commune', code: String(code) });
      return;
    }
    const props = hit?.layer.id === AGGREGATE_LAYER ? undefined : (hit?.properties as HitProps | undefined);
    const id = props?.hamletId ?? props?.id ?? null;
    if (pickingAreas(s) && activeUnitSystem(s) === 'units') {
      const area = unitAt([e.lngLat.lng, e.lngLat.lat], s.admin, id ? s.unitOf.get(id)?.code : undefined);
      if (area) s.setArea(area);
      return;
    }
    if (pickingAreas(s)) {
      const districts = districtIndex(s.admin.communes, s.rows);
      const hamlet = id ? hamletIndex(s.input).get(id)?.properties : undefined;
      const area = areaAt(
        [e.lngLat.lng, e.lngLat.lat],
        map.getZoom(),
        s.admin,
        s.area,
        (c) => districts.get(c),
        hamlet,
      );
      if (area) s.setArea(area);
      return;
    }
    s.selectHamlet(id, 'map');
  };
  const onKeyDown = (e: KeyboardEvent): void => {
    const s = store.getState();
    if (e.key !== 'Escape' || e.defaultPrevented || !pickingAreas(s)) return;
    // Escape in a field or a dialog belongs to it.
    const target = e.target instanceof Element ? e.target : null;
    if (target?.closest('input, select, textarea, [role="dialog"], [aria-modal="true"]')) return;
    const districts = districtIndex(s.admin.communes, s.rows);
    const provinceCode =
      activeUnitSystem(s) === 'units'
        ? (s.unitSummary?.province.code ?? '')
        : (s.result?.summary.province.code ?? '');
    const up = areaUp(s.area, provinceCode, (c) => districts.get(c));
    // At the province, Escape leaves picking: clicks select hamlets again.
    if (up) s.setArea(up);
    else s.setPickAreas(false);
  };
  // A view the window no longer holds (moved, or the map resized, e.g. shown on a phone): the data around it.
  const onView = (): void => {
    // A plan on its way takes the view as it is then.
    if (planTimer !== undefined) return;
    const before = win;
    if (detailWindow() !== before) adapter.apply(plan());
  };
  const onMoveEnd = (): void => {
    onView();
    const c = map.getCenter();
    store.getState().setCamera([c.lng, c.lat], map.getZoom(), 'map');
  };
  const onMouseMove = (e: MapMouseEvent): void => {
    if (scenarioStore.getState().mode !== 'none') return;
    if (store.getState().reportPick) {
      map.getCanvas().style.cursor = 'crosshair';
      return;
    }
    const layers = PICKABLE_LAYERS.filter((id) => map.getLayer(id));
    const over = layers.length > 0 && map.queryRenderedFeatures(e.point, { layers }).length > 0;
    map.getCanvas().style.cursor = over ? 'pointer' : '';
  };
  map.on('click', onClick);
  map.on('moveend', onMoveEnd);
  map.on('resize', onView);
  map.on('mousemove', onMouseMove);
  window.addEventListener('keydown', onKeyDown);
  return () => {
    clearTimeout(planTimer);
    window.removeEventListener('keydown', onKeyDown);
    unsubscribe();
    unsubscribeScenario();
    unsubscribeColocation?.();
    unsubscribeVersions?.();
    map.off('click', onClick);
    map.off('moveend', onMoveEnd);
    map.off('resize', onView);
    map.off('mousemove', onMouseMove);
  };
}

function round6(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}
