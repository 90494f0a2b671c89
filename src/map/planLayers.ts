import type { FeatureCollection, Position } from 'geojson';
import type { AddLayerObject, ExpressionSpecification } from 'maplibre-gl';
import type { ScenarioEdit } from '../analysis/scenarioTypes.ts';
import type { AnalysisResult, InputLayers, Settings } from '../analysis/types.ts';
import type { AdminLayers } from '../store/appState.ts';
import type { HamletColourBy, LayerId, SelectedArea, UnitSystem } from '../store/viewState.ts';
import {
  hamletsForMap,
  labelsForMap,
  operatorsOf,
  scenarioCoveredForMap,
  scenarioProposalsForMap,
  sitesForMap,
  weakZonesForMap,
  whiteZonesForMap,
  type FC,
  type MapLabel,
} from './mapData.ts';
import {
  AREA_LINE,
  BOUNDARY,
  FACILITY_COLOURS,
  FIBRE,
  HAMLET_FILL_OPACITY,
  HAMLET_LINE,
  HATCH_IMAGES,
  NEUTRAL,
  RAMPS,
  SCENARIO,
  SELECTED_LINE,
  SITE_RING,
  STATUS_COLOURS,
  ZONES,
  operatorColours,
} from './palette.ts';

export interface PlanInput {
  layers: InputLayers | null;
  admin: AdminLayers;
  result: AnalysisResult | null;
  visible: readonly LayerId[];
  colourBy: HamletColourBy;
  selectedHamletId: string | null;
  basemap: 'none' | 'osm';
  settings: Settings;
  /** The area whose roll-up is shown; a district, commune or unit is outlined. */
  area?: SelectedArea;
  /**
   * The unit system in force (`activeUnitSystem`): `units` outlines and labels the units layer instead of
   * the districts and communes of 2020–2024.
   */
  unitSystem?: UnitSystem;
  /** The what-if scenario being edited: its proposals, the route being drawn, what it covers or loses. */
  scenario?: ScenarioView;
}

export interface ScenarioView {
  edits: readonly ScenarioEdit[];
  draft: readonly Position[];
  covered: FeatureCollection | null;
}

export type PlanSource =
  | { type: 'geojson'; data: FC }
  | { type: 'raster'; tiles: string[]; tileSize: number; maxzoom: number; attribution: string };

export interface MapPlan {
  /** Source id → source; GeoJSON data objects keep their identity while unchanged. */
  sources: Record<string, PlanSource>;
  /** Bottom to top. */
  layers: AddLayerObject[];
  /** HTML labels (no glyphs needed offline); empty when the labels layer is off. */
  labels: MapLabel[];
}

/** Layers a click can pick a hamlet from; zone features carry `hamletId`, hamlets carry `id`. */
export const CLICKABLE_LAYERS = ['white-hatch', 'weak-hatch', 'hamlets-fill'] as const;

const OSM_ATTRIBUTION = '© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors';

/** Fill colour of hamlets for the chosen measure, from the shared palette. */
export function hamletColour(by: HamletColourBy): ExpressionSpecification {
  if (by === 'status') {
    return [
      'match',
      ['get', 'status'],
      'served',
      STATUS_COLOURS.served,
      'partial',
      STATUS_COLOURS.partial,
      'unserved',
      STATUS_COLOURS.unserved,
      STATUS_COLOURS.pending,
    ];
  }
  const ramp = RAMPS[by];
  const stops = ramp.stops.flatMap(([v, c]) => [v, c]);
  const none: ExpressionSpecification = ramp.servedAsNone
    ? ['any', ['<', ['get', by], 0], ['==', ['get', 'status'], 'served']]
    : ['<', ['get', by], 0];
  return [
    'case',
    none,
    ramp.none,
    ['interpolate', ['linear'], ['get', by], ...stops] as ExpressionSpecification,
  ];
}

function operatorColourExpression(operators: string[]): ExpressionSpecification | string {
  const colours = operatorColours(operators);
  if (colours.size === 0) return NEUTRAL;
  return [
    'match',
    ['get', 'operator'],
    ...[...colours].flat(),
    NEUTRAL,
  ] as unknown as ExpressionSpecification;
}

/**
 * Turns the app state into MapLibre sources and layers. Pure: no map, no DOM; the adapter applies the
 * result idempotently.
 * @example planLayers({ ...input, visible: ['hamlets'] }).layers.find((l) => l.id === 'hamlets-fill')
 */
export function planLayers(input: PlanInput): MapPlan {
  const on = (id: LayerId): 'visible' | 'none' => (input.visible.includes(id) ? 'visible' : 'none');
  const selected = input.selectedHamletId ?? '';
  const byUnits = input.unitSystem === 'units';
  const sources: Record<string, PlanSource> = {
    hamlets: { type: 'geojson', data: hamletsForMap(input.layers, input.result) },
    white: { type: 'geojson', data: whiteZonesForMap(input.result) },
    weak: { type: 'geojson', data: weakZonesForMap(input.result) },
    fibre: { type: 'geojson', data: (input.layers?.fibre ?? EMPTY) as FC },
    sites: { type: 'geojson', data: sitesForMap(input.layers?.sites, input.settings.defaultRadiusM) },
    facilities: { type: 'geojson', data: (input.layers?.facilities ?? EMPTY) as FC },
    province: { type: 'geojson', data: (input.admin.province ?? EMPTY) as FC },
    districts: { type: 'geojson', data: ((byUnits ? null : input.admin.districts) ?? EMPTY) as FC },
    communes: { type: 'geojson', data: ((byUnits ? null : input.admin.communes) ?? EMPTY) as FC },
    units: { type: 'geojson', data: ((byUnits ? input.admin.units : null) ?? EMPTY) as FC },
    'scenario-covered': { type: 'geojson', data: scenarioCoveredForMap(input.scenario?.covered ?? null) },
    'scenario-proposals': {
      type: 'geojson',
      data: scenarioProposalsForMap(input.scenario?.edits ?? NO_EDITS, input.scenario?.draft ?? NO_DRAFT),
    },
  };
  const layers: AddLayerObject[] = [];
  if (input.basemap === 'osm') {
    sources.osm = {
      type: 'raster',
      tiles: ['https://tile.openstreetmap.org/{z}/{x}/{y}.png'],
      tileSize: 256,
      maxzoom: 19,
      attribution: OSM_ATTRIBUTION,
    };
    layers.push({ id: 'osm', type: 'raster', source: 'osm', paint: { 'raster-opacity': 0.7 } });
  }
  const siteColour = operatorColourExpression(operatorsOf(input.layers?.sites));
  const isLine: ExpressionSpecification = [
    'in',
    ['geometry-type'],
    ['literal', ['LineString', 'MultiLineString']],
  ];
  const backbone: ExpressionSpecification = ['==', ['get', 'kind'], 'backbone'];
  const facilityColour = [
    'match',
    ['get', 'kind'],
    ...Object.entries(FACILITY_COLOURS).flat(),
    FACILITY_COLOURS.other ?? '#555555',
  ] as unknown as ExpressionSpecification;
  const facilityStrokeColour = '#ffffff';
  const coveredColour: ExpressionSpecification = [
    'match',
    ['get', 'kind'],
    'lost',
    SCENARIO.lost,
    SCENARIO.gained,
  ];
  const role = (...roles: string[]): ExpressionSpecification => ['in', ['get', 'role'], ['literal', roles]];

  layers.push(
    {
      id: 'hamlets-fill',
      type: 'fill',
      source: 'hamlets',
      layout: { visibility: on('hamlets') },
      paint: { 'fill-color': hamletColour(input.colourBy), 'fill-opacity': HAMLET_FILL_OPACITY },
    },
    // Zones as hatching only: the hamlet's fill keeps the colour of its legend entry.
    {
      id: 'weak-hatch',
      type: 'fill',
      source: 'weak',
      layout: { visibility: on('weakZones') },
      paint: { 'fill-pattern': HATCH_IMAGES.weak },
    },
    {
      id: 'white-hatch',
      type: 'fill',
      source: 'white',
      layout: { visibility: on('whiteZones') },
      paint: { 'fill-pattern': HATCH_IMAGES.white },
    },
    // Before/after: areas the scenario newly covers or loses, over the hamlets, outlined in the same colour.
    {
      id: 'scenario-covered-fill',
      type: 'fill',
      source: 'scenario-covered',
      paint: { 'fill-color': coveredColour, 'fill-opacity': SCENARIO.coveredOpacity },
    },
    {
      id: 'scenario-covered-line',
      type: 'line',
      source: 'scenario-covered',
      paint: { 'line-color': coveredColour, 'line-width': 2 },
    },
    {
      id: 'site-discs',
      type: 'circle',
      source: 'sites',
      layout: { visibility: on('siteDiscs') },
      paint: {
        'circle-radius': [
          'interpolate',
          ['exponential', 2],
          ['zoom'],
          0,
          ['get', 'r0'],
          22,
          ['*', ['get', 'r0'], 2 ** 22],
        ],
        'circle-color': siteColour,
        'circle-opacity': 0.08,
        'circle-stroke-color': siteColour,
        'circle-stroke-width': 1,
        'circle-stroke-opacity': 0.6,
        'circle-pitch-alignment': 'map',
        'circle-pitch-scale': 'map',
      },
    },
    {
      id: 'hamlets-line',
      type: 'line',
      source: 'hamlets',
      minzoom: 10.5,
      layout: { visibility: on('hamlets') },
      paint: { 'line-color': HAMLET_LINE, 'line-width': 0.5, 'line-opacity': 0.7 },
    },
    {
      id: 'communes-line',
      type: 'line',
      source: 'communes',
      minzoom: 9,
      layout: { visibility: on('boundaries') },
      paint: { 'line-color': BOUNDARY.commune.colour, 'line-width': BOUNDARY.commune.width },
    },
    {
      id: 'units-line',
      type: 'line',
      source: 'units',
      layout: { visibility: on('boundaries') },
      paint: { 'line-color': BOUNDARY.district.colour, 'line-width': BOUNDARY.district.width },
    },
    {
      id: 'districts-line',
      type: 'line',
      source: 'districts',
      layout: { visibility: on('boundaries') },
      paint: { 'line-color': BOUNDARY.district.colour, 'line-width': BOUNDARY.district.width },
    },
    {
      id: 'province-line',
      type: 'line',
      source: 'province',
      layout: { visibility: on('boundaries') },
      paint: { 'line-color': BOUNDARY.province.colour, 'line-width': BOUNDARY.province.width },
    },
    {
      id: 'weak-line',
      type: 'line',
      source: 'weak',
      minzoom: 10,
      layout: { visibility: on('weakZones') },
      paint: { 'line-color': ZONES.weak.line, 'line-width': 0.8 },
    },
    {
      id: 'white-line',
      type: 'line',
      source: 'white',
      layout: { visibility: on('whiteZones') },
      paint: {
        'line-color': ZONES.white.line,
        'line-width': ['interpolate', ['linear'], ['zoom'], 8, 0.4, 13, 1.2],
      },
    },
    {
      id: 'fibre-access',
      type: 'line',
      source: 'fibre',
      filter: ['all', isLine, ['!', backbone]],
      layout: { visibility: on('fibre'), 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': FIBRE.access.colour, 'line-width': FIBRE.access.width },
    },
    {
      id: 'fibre-backbone',
      type: 'line',
      source: 'fibre',
      filter: ['all', isLine, backbone],
      layout: { visibility: on('fibre') },
      paint: {
        'line-color': FIBRE.backbone.colour,
        'line-width': FIBRE.backbone.width,
        'line-dasharray': FIBRE.backbone.dash,
      },
    },
    {
      id: 'fibre-nodes',
      type: 'circle',
      source: 'fibre',
      minzoom: 11,
      filter: ['==', ['geometry-type'], 'Point'],
      layout: { visibility: on('fibre') },
      paint: {
        'circle-color': FIBRE.node.colour,
        'circle-radius': FIBRE.node.radius,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1,
      },
    },
    {
      id: 'selected-weak-line',
      type: 'line',
      source: 'weak',
      filter: ['==', ['get', 'hamletId'], selected],
      paint: { 'line-color': ZONES.weak.line, 'line-width': 2.5, 'line-dasharray': [2, 1] },
    },
    {
      id: 'selected-white-line',
      type: 'line',
      source: 'white',
      filter: ['==', ['get', 'hamletId'], selected],
      paint: { 'line-color': ZONES.white.line, 'line-width': 2.5, 'line-dasharray': [2, 1] },
    },
    {
      id: 'area-selected',
      type: 'line',
      source:
        input.area?.level === 'unit' ? 'units' : input.area?.level === 'commune' ? 'communes' : 'districts',
      filter: ['==', ['get', 'code'], input.area && input.area.level !== 'province' ? input.area.code : ''],
      paint: { 'line-color': AREA_LINE, 'line-width': 3.5, 'line-opacity': 0.85 },
    },
    {
      id: 'hamlet-selected-casing',
      type: 'line',
      source: 'hamlets',
      filter: ['==', ['get', 'id'], selected],
      paint: { 'line-color': '#ffffff', 'line-width': 6 },
    },
    {
      id: 'hamlet-selected',
      type: 'line',
      source: 'hamlets',
      filter: ['==', ['get', 'id'], selected],
      paint: { 'line-color': SELECTED_LINE, 'line-width': 3 },
    },
    {
      id: 'sites',
      type: 'circle',
      source: 'sites',
      layout: { visibility: on('sites') },
      paint: {
        'circle-color': siteColour,
        // Small at province zoom, where a thousand sites would otherwise hide the hamlets.
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, 1.5, 10, 2.5, 13, 6],
        'circle-stroke-color': ['case', ['get', 'mbb'], SITE_RING.mbb, SITE_RING.legacy],
        'circle-stroke-width': ['interpolate', ['linear'], ['zoom'], 8, 0.5, 11, 1.5],
        'circle-opacity': ['case', ['get', 'off'], 0.3, 1],
      },
    },
    {
      id: 'facilities',
      type: 'circle',
      source: 'facilities',
      layout: { visibility: on('facilities') },
      paint: {
        'circle-color': facilityColour,
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, 2.5, 13, 5],
        'circle-stroke-color': facilityStrokeColour,
        'circle-stroke-width': 1,
      },
    },
    // The scenario's proposals on top: what the planner is placing must never hide under other layers.
    {
      id: 'scenario-reach',
      type: 'line',
      source: 'scenario-proposals',
      filter: role('reach'),
      paint: {
        'line-color': SCENARIO.proposed,
        'line-width': SCENARIO.reach.width,
        'line-dasharray': SCENARIO.reach.dash,
      },
    },
    {
      id: 'scenario-fibre',
      type: 'line',
      source: 'scenario-proposals',
      filter: role('fibre', 'draft'),
      paint: {
        'line-color': SCENARIO.proposed,
        'line-width': SCENARIO.fibre.width,
        'line-dasharray': SCENARIO.fibre.dash,
      },
    },
    {
      id: 'scenario-sites',
      type: 'circle',
      source: 'scenario-proposals',
      filter: role('site', 'off', 'vertex'),
      paint: {
        'circle-radius': ['match', ['get', 'role'], 'vertex', 3, SCENARIO.site.radius],
        'circle-color': ['match', ['get', 'role'], 'off', SCENARIO.off.fill, SCENARIO.proposed],
        'circle-stroke-color': ['match', ['get', 'role'], 'off', SCENARIO.off.stroke, SCENARIO.site.stroke],
        'circle-stroke-width': 2,
      },
    },
  );
  const labels = input.visible.includes('labels')
    ? byUnits
      ? labelsForMap(input.admin.units, null, input.layers)
      : labelsForMap(input.admin.districts, input.admin.communes, input.layers)
    : [];
  return { sources, layers, labels };
}

const EMPTY = { type: 'FeatureCollection', features: [] } as const;
const NO_EDITS: readonly ScenarioEdit[] = [];
const NO_DRAFT: readonly Position[] = [];
