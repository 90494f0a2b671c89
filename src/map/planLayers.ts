import type { FeatureCollection, Position } from 'geojson';
import type { AddLayerObject, ExpressionSpecification } from 'maplibre-gl';
import type { ColocationCandidate } from '../analysis/colocation.ts';
import type { ScenarioEdit } from '../analysis/scenarioTypes.ts';
import type { AnalysisResult, InputLayers, Settings, Summary } from '../analysis/types.ts';
import type { AdminLayers } from '../store/appState.ts';
import type { ActiveLens } from '../store/lens.ts';
import type { HamletColourBy, LayerId, SelectedArea, UnitSystem } from '../store/viewState.ts';
import type { FieldReport } from '../data/fieldReports.ts';
import {
  AGGREGATE_BELOW_ZOOM,
  aggregateAreas,
  aggregateColour,
  aggregateForMap,
  gridForMap,
} from './aggregate.ts';
import { windowed, type DetailWindow } from './detailWindow.ts';
import { memoLast } from './memo.ts';
import {
  colocationForMap,
  fieldReportsForMap,
  hamletFeatures,
  labelsForMap,
  operatorsOf,
  scenarioCoveredForMap,
  scenarioProposalsForMap,
  sitesForMap,
  sourceOf,
  weakZonesForMap,
  whiteZonesForMap,
  type FC,
  type FeatureSource,
  type MapLabel,
  type ResultLookups,
} from './mapData.ts';
import {
  AGGREGATE,
  AREA_LINE,
  BOUNDARY,
  COLOCATION,
  CHANGES,
  FACILITY_COLOURS,
  FIELD_REPORT,
  FIBRE,
  HAMLET_FILL_OPACITY,
  HAMLET_LINE,
  HATCH_IMAGES,
  LENS_COLOURS,
  LENS_OTHER_SITE_OPACITY,
  MARKET_COLOURS,
  MEASURED_COLOURS,
  MEASURED_ORDER,
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
  /** The store's lookups of `result` by hamlet id (`coverageById`, `rankingById`). */
  lookups: ResultLookups;
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
  /**
   * The operator lens: with an operator, `market` colours hamlets by its view, its sites stand out and only
   * its 4G/5G discs are drawn; a lens ranking gives the score.
   */
  lens?: ActiveLens;
  /** A tower-sharing candidate to show: the reach of the operator's 4G at its host, the hamlets it gains. */
  colocation?: ColocationCandidate | null;
  /** Hamlets that changed between two compared versions (`change`: gained / lost); null when none is shown. */
  versionChanges?: FeatureCollection | null;
  /** Field reports recorded in the app, drawn on top whenever there are any. */
  fieldReports?: readonly FieldReport[];
  /** The result rolled up by unit (`units`), for the aggregate of the units system. */
  unitSummary?: Summary | null;
  /** The part of the hamlets, zones, access fibre and sites given to the map (`nextWindow`); all by default. */
  window?: DetailWindow;
}

export interface ScenarioView {
  edits: readonly ScenarioEdit[];
  draft: readonly Position[];
  covered: FeatureCollection | null;
}

export type PlanSource =
  | { type: 'geojson'; data: FC; buffer: number }
  | { type: 'raster'; tiles: string[]; tileSize: number; maxzoom: number; attribution: string };

export interface MapPlan {
  /** Source id → source; GeoJSON data objects keep their identity while unchanged. */
  sources: Record<string, PlanSource>;
  /** Bottom to top. */
  layers: AddLayerObject[];
  /**
   * The source each windowed source's data is a window of (`windowed`): from one window of it to another
   * the adapter sends MapLibre only the features that left and entered; other new data replaces the old.
   */
  windows: Record<string, FeatureSource>;
  /** HTML labels (no glyphs needed offline); empty when the labels layer is off. */
  labels: MapLabel[];
}

/** Layers a click can pick a hamlet from; zone features carry `hamletId`, hamlets carry `id`. */
export const CLICKABLE_LAYERS = ['white-hatch', 'weak-hatch', 'hamlets-fill'] as const;

/** The units coloured by their hamlets' status below `AGGREGATE_BELOW_ZOOM`; a click picks the unit. */
export const AGGREGATE_LAYER = 'aggregate-fill';

const OSM_ATTRIBUTION = '© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors';

/** A match on a class property, with the pending colour for hamlets not analysed yet. */
function classColour(prop: string, colours: Record<string, string>): ExpressionSpecification {
  return [
    'match',
    ['get', prop],
    ...Object.entries(colours).flat(),
    STATUS_COLOURS.pending,
  ] as unknown as ExpressionSpecification;
}

/**
 * Fill colour of hamlets for the chosen measure, from the shared palette; `market` under an operator's
 * lens (`lensOn`) is that operator's view.
 */
export function hamletColour(by: HamletColourBy, lensOn = false): ExpressionSpecification {
  if (by === 'market')
    return lensOn ? classColour('lens', LENS_COLOURS) : classColour('market', MARKET_COLOURS);
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
  if (by === 'measured') {
    return [
      'match',
      ['get', 'measured'],
      ...MEASURED_ORDER.flatMap((q) => [q, MEASURED_COLOURS[q]]),
      MEASURED_COLOURS.no_data,
    ] as unknown as ExpressionSpecification;
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
  // The units' shapes carry their roll-up for the aggregate: one copy of the geometry for outline and fill.
  const unitsData = byUnits ? aggregateForMap(input.admin.units, input.unitSummary?.units) : null;
  const communesData = byUnits ? null : aggregateForMap(input.admin.communes, input.result?.summary.communes);
  // Hamlets imported without boundaries for their units: the aggregate is a grid of their centres.
  const areas = aggregateAreas(input.admin, input.unitSystem);
  const gridData =
    areas === 'grid'
      ? gridForMap(input.layers?.hamlets ?? null, input.lookups.coverageById, input.result)
      : null;
  // Hamlets, their zones, access fibre and sites are drawn from the switch zoom up, the aggregate below it:
  // further out they are a few pixels each and hide the aggregate (at 32× they merge into blobs).
  const detailZoom = { minzoom: AGGREGATE_BELOW_ZOOM };
  const win = input.window ?? 'all';
  const windows: Record<string, FeatureSource> = {
    hamlets: hamletFeatures(input.layers?.hamlets ?? null, input.lookups, input.result, input.lens),
    white: whiteZonesForMap(input.result),
    weak: weakZonesForMap(input.result),
    fibre: fibreSource(input.layers?.fibre ?? null),
    sites: sitesForMap(input.layers?.sites, input.settings.defaultRadiusM),
  };
  const hamlets = windowHamlets(windows.hamlets!, win);
  const sources: Record<string, PlanSource> = {
    hamlets: geojson(hamlets),
    white: geojson(windowWhite(windows.white!, win)),
    weak: geojson(windowWeak(windows.weak!, win)),
    fibre: geojson(windowFibre(windows.fibre!, win, isBackbone)),
    sites: geojson(windowSites(windows.sites!, win)),
    facilities: geojson((input.layers?.facilities ?? EMPTY) as FC),
    province: geojson((input.admin.province ?? EMPTY) as FC),
    districts: geojson(((byUnits ? null : input.admin.districts) ?? EMPTY) as FC),
    communes: geojson((communesData ?? EMPTY) as FC),
    units: geojson((unitsData ?? EMPTY) as FC),
    grid: geojson((gridData ?? EMPTY) as FC),
    'scenario-covered': geojson(scenarioCoveredForMap(input.scenario?.covered ?? null)),
    'version-changes': geojson((input.versionChanges ?? EMPTY) as FC),
    'scenario-proposals': geojson(
      scenarioProposalsForMap(input.scenario?.edits ?? NO_EDITS, input.scenario?.draft ?? NO_DRAFT),
    ),
    colocation: geojson(colocationForMap(input.colocation ?? null)),
    'field-reports': geojson(fieldReportsForMap(input.fieldReports)),
  };
  const lensOp = input.lens?.operator ?? null;
  const isLensOp: ExpressionSpecification = ['==', ['get', 'lensOperator'], lensOp ?? ''];
  const gained = input.colocation?.hamlets.map((h) => h.id) ?? [];
  /** An administrative boundary's outline, in the palette's colour and width for its level. */
  const boundaryLine = (
    source: 'communes' | 'units' | 'districts' | 'province',
    level: keyof typeof BOUNDARY,
    minzoom?: number,
  ): AddLayerObject => ({
    id: `${source}-line`,
    type: 'line',
    source,
    ...(minzoom === undefined ? {} : { minzoom }),
    layout: { visibility: on('boundaries') },
    paint: { 'line-color': BOUNDARY[level].colour, 'line-width': BOUNDARY[level].width },
  });
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
  // Other operators' sites fade under an operator's lens.
  const otherOpacity: ExpressionSpecification | number =
    lensOp === null ? 1 : ['case', isLensOp, 1, LENS_OTHER_SITE_OPACITY];
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
  const changeColour = (colours: { gained: string; lost: string }): ExpressionSpecification => [
    'match',
    ['get', 'change'],
    'lost',
    colours.lost,
    colours.gained,
  ];
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
      id: AGGREGATE_LAYER,
      type: 'fill',
      source: areas,
      maxzoom: AGGREGATE_BELOW_ZOOM,
      layout: { visibility: on('hamlets') },
      paint: {
        'fill-color': aggregateColour(),
        'fill-opacity': HAMLET_FILL_OPACITY,
        'fill-outline-color': AGGREGATE.outline,
      },
    },
    {
      id: 'hamlets-fill',
      type: 'fill',
      source: 'hamlets',
      ...detailZoom,
      layout: { visibility: on('hamlets') },
      paint: {
        'fill-color': hamletColour(input.colourBy, lensOp !== null),
        'fill-opacity': HAMLET_FILL_OPACITY,
      },
    },
    // Zones as hatching only: the hamlet's fill keeps the colour of its legend entry.
    {
      id: 'weak-hatch',
      type: 'fill',
      source: 'weak',
      ...detailZoom,
      layout: { visibility: on('weakZones') },
      paint: { 'fill-pattern': HATCH_IMAGES.weak },
    },
    {
      id: 'white-hatch',
      type: 'fill',
      source: 'white',
      ...detailZoom,
      layout: { visibility: on('whiteZones') },
      paint: { 'fill-pattern': HATCH_IMAGES.white },
    },
    // Two dated versions compared: the other hamlets veiled, those that gained or lost cover drawn over them.
    {
      id: 'version-changes-veil',
      type: 'fill',
      source: 'hamlets',
      layout: { visibility: input.versionChanges ? 'visible' : 'none' },
      paint: { 'fill-color': CHANGES.veil, 'fill-opacity': CHANGES.veilOpacity },
    },
    {
      id: 'version-changes-fill',
      type: 'fill',
      source: 'version-changes',
      paint: { 'fill-color': changeColour(CHANGES), 'fill-opacity': CHANGES.opacity },
    },
    {
      id: 'version-changes-line',
      type: 'line',
      source: 'version-changes',
      paint: { 'line-color': changeColour(CHANGES.line), 'line-width': 1.5 },
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
      // Under an operator's lens, its own 4G/5G reach only.
      ...(lensOp === null ? {} : { filter: ['all', isLensOp, ['get', 'mbb']] as ExpressionSpecification }),
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
    boundaryLine('communes', 'commune', 9),
    boundaryLine('units', 'district'),
    boundaryLine('districts', 'district'),
    boundaryLine('province', 'province'),
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
      ...detailZoom,
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
      ...detailZoom,
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
      ...detailZoom,
      filter: ['==', ['get', 'hamletId'], selected],
      paint: { 'line-color': ZONES.weak.line, 'line-width': 2.5, 'line-dasharray': [2, 1] },
    },
    {
      id: 'selected-white-line',
      type: 'line',
      source: 'white',
      ...detailZoom,
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
      ...detailZoom,
      filter: ['==', ['get', 'id'], selected],
      paint: { 'line-color': '#ffffff', 'line-width': 6 },
    },
    {
      id: 'hamlet-selected',
      type: 'line',
      source: 'hamlets',
      ...detailZoom,
      filter: ['==', ['get', 'id'], selected],
      paint: { 'line-color': SELECTED_LINE, 'line-width': 3 },
    },
    {
      id: 'sites',
      type: 'circle',
      source: 'sites',
      ...detailZoom,
      layout: { visibility: on('sites') },
      paint: {
        'circle-color': siteColour,
        // Small at province zoom, where a thousand sites would otherwise hide the hamlets.
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, 1.5, 10, 2.5, 13, 6],
        'circle-stroke-color': ['case', ['get', 'mbb'], SITE_RING.mbb, SITE_RING.legacy],
        'circle-stroke-width': ['interpolate', ['linear'], ['zoom'], 8, 0.5, 11, 1.5],
        'circle-opacity': ['case', ['get', 'off'], 0.3, otherOpacity],
        'circle-stroke-opacity': otherOpacity,
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
    // A tower-sharing candidate: the hamlets it gains, its reach, its host; under the scenario's proposals.
    {
      id: 'colocation-gained',
      type: 'line',
      source: 'hamlets',
      // Hidden without a candidate, so the hamlets are not tiled below the switch zoom for nothing.
      layout: { visibility: gained.length > 0 ? 'visible' : 'none' },
      filter: ['in', ['get', 'id'], ['literal', gained]],
      paint: { 'line-color': COLOCATION.colour, 'line-width': COLOCATION.gainedLine },
    },
    {
      id: 'colocation-reach',
      type: 'line',
      source: 'colocation',
      filter: ['==', ['get', 'role'], 'reach'],
      paint: {
        'line-color': COLOCATION.colour,
        'line-width': COLOCATION.reach.width,
        'line-dasharray': COLOCATION.reach.dash,
      },
    },
    {
      id: 'colocation-host',
      type: 'circle',
      source: 'colocation',
      filter: ['==', ['get', 'role'], 'host'],
      paint: {
        'circle-radius': COLOCATION.host.radius,
        'circle-color': COLOCATION.colour,
        'circle-stroke-color': COLOCATION.host.stroke,
        'circle-stroke-width': 2,
      },
    },
    // Field reports above the data: a report just recorded must show where it was made.
    {
      id: 'field-reports',
      type: 'circle',
      source: 'field-reports',
      paint: {
        'circle-color': [
          'match',
          ['get', 'result'],
          'no_signal',
          FIELD_REPORT.no_signal,
          'weak',
          FIELD_REPORT.weak,
          FIELD_REPORT.ok,
        ],
        'circle-radius': FIELD_REPORT.radius,
        'circle-stroke-color': FIELD_REPORT.ring,
        'circle-stroke-width': FIELD_REPORT.ringWidth,
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
      ? labelsForMap(input.admin.units, null, input.layers ? hamlets : null, input.layers?.hamlets)
      : labelsForMap(
          input.admin.districts,
          input.admin.communes,
          input.layers ? hamlets : null,
          input.layers?.hamlets,
        )
    : [];
  return { sources, layers, labels, windows };
}

const EMPTY = { type: 'FeatureCollection', features: [] } as const;

/**
 * How far, in screen pixels, each tile of a GeoJSON source reaches beyond its edges. MapLibre's default
 * (128) is room for labels and icons drawn across a tile's edge; this map has neither (labels are HTML),
 * and fills and lines are clipped to their tile when drawn, circles drawn from their own tile only, so
 * the reach need only hide a clipped line's end: half the widest line (6 px) and its antialiasing. A tile
 * then holds about 1.06 tiles' worth of features instead of 2.25, so MapLibre's worker cuts and builds
 * half as much for a new window.
 */
export const TILE_BUFFER_PX = 8;

function geojson(data: FC): PlanSource {
  return { type: 'geojson', data, buffer: TILE_BUFFER_PX };
}

// One memo per source: the same window gives the same data object, so the map is sent nothing new.
const windowHamlets = memoLast(windowed);
const windowWhite = memoLast(windowed);
const windowWeak = memoLast(windowed);
const windowFibre = memoLast(windowed);
const windowSites = memoLast(windowed);
/** Fibre as the map draws it: its geometry and `kind` (backbone or access), not the file's other columns. */
const fibreSource = memoLast((fibre: InputLayers['fibre'] | null) =>
  sourceOf((fibre ?? EMPTY) as FC, ['kind']),
);
/** Backbone fibre is drawn at every zoom, so it is given to the map whatever the window. */
const isBackbone = (f: FC['features'][number]): boolean => f.properties.kind === 'backbone';
const NO_EDITS: readonly ScenarioEdit[] = [];
const NO_DRAFT: readonly Position[] = [];
