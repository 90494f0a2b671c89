import { describe, expect, it } from 'vitest';
import type { AddLayerObject } from 'maplibre-gl';
import { DEFAULT_SETTINGS } from '../../../src/analysis/settings.ts';
import type { FeatureCollection, Point, Polygon } from 'geojson';
import type { SiteProps, Summary } from '../../../src/analysis/types.ts';
import { AGGREGATE_BELOW_ZOOM } from '../../../src/map/aggregate.ts';
import type { AdminCollection } from '../../../src/store/appState.ts';
import { squareAt } from '../../fixtures/cli/makeHamlet.ts';
import {
  AGGREGATE_LAYER,
  TILE_BUFFER_PX,
  hamletColour,
  planLayers,
  type PlanInput,
} from '../../../src/map/planLayers.ts';
import { CHANGES, HATCH_IMAGES, RAMPS, SCENARIO, STATUS_COLOURS } from '../../../src/map/palette.ts';
import type { HamletColourBy } from '../../../src/store/viewState.ts';
import { resultViews } from '../../../src/store/slices/analysisSlice.ts';
import { sampleInput, sampleResult } from '../store/sampleResult.ts';
import { covered, draft, edits, site } from './scenarioView.ts';

const input = sampleInput();
const result = sampleResult();
const base: PlanInput = {
  layers: input,
  admin: { province: null, units: null, districts: null, communes: null },
  result,
  lookups: resultViews(result),
  visible: ['hamlets', 'whiteZones', 'fibre'],
  colourBy: 'status',
  selectedHamletId: null,
  basemap: 'none',
  settings: DEFAULT_SETTINGS,
};

/** The what-if scenario's layers. */
const SCENARIO_LAYERS = [
  'scenario-covered-fill',
  'scenario-covered-line',
  'scenario-reach',
  'scenario-fibre',
  'scenario-sites',
];

interface LooseLayer {
  source?: string;
  layout?: Record<string, unknown>;
  paint?: Record<string, unknown>;
  filter?: unknown;
}

/**
 * Evaluates the few expression operators the hamlet colour uses, for one feature's properties: enough to
 * check which colour a hamlet gets without a map. Interpolation only at stops (no colour blending).
 */
function evaluate(e: unknown, props: Record<string, unknown>): unknown {
  if (!Array.isArray(e)) return e;
  const [op, ...args] = e as [string, ...unknown[]];
  const ev = (x: unknown) => evaluate(x, props);
  switch (op) {
    case 'get':
      return props[args[0] as string];
    case '<':
      return (ev(args[0]) as number) < (ev(args[1]) as number);
    case '==':
      return ev(args[0]) === ev(args[1]);
    case 'any':
      return args.some((a) => ev(a) === true);
    case 'case':
      for (let i = 0; i + 1 < args.length; i += 2) if (ev(args[i]) === true) return ev(args[i + 1]);
      return ev(args[args.length - 1]);
    case 'match': {
      const v = ev(args[0]);
      for (let i = 1; i + 1 < args.length; i += 2) if (args[i] === v) return args[i + 1];
      return args[args.length - 1];
    }
    case 'interpolate': {
      const v = ev(args[1]) as number;
      const stops = args.slice(2);
      for (let i = 0; i < stops.length; i += 2) if (stops[i] === v) return stops[i + 1];
      throw new Error(`test evaluator: ${v} is not a stop`);
    }
    default:
      throw new Error(`test evaluator: no ${op}`);
  }
}

function layer(plan: ReturnType<typeof planLayers>, id: string): LooseLayer {
  const l: AddLayerObject | undefined = plan.layers.find((x) => x.id === id);
  if (!l) throw new Error(`no layer ${id}`);
  return l as LooseLayer;
}

describe('planLayers', () => {
  it('joins analysis measures onto hamlet features', () => {
    const plan = planLayers(base);
    const src = plan.sources.hamlets;
    expect(src?.type).toBe('geojson');
    const props = src?.type === 'geojson' ? src.data.features.map((f) => f.properties) : [];
    expect(props).toEqual([
      expect.objectContaining({ id: 'h1', status: 'unserved', score: 0.9 }),
      expect.objectContaining({ id: 'h2', status: 'partial' }),
      expect.objectContaining({ id: 'h3', status: 'served', score: -1 }),
    ]);
    // Only what a layer reads: each property is copied to MapLibre's worker and into every tile.
    expect(Object.keys(props[0] ?? {}).sort()).toEqual([
      'broadbandShare',
      'id',
      'lens',
      'market',
      'measured',
      'score',
      'status',
      'uncoveredHouseholds',
    ]);
  });

  it('gives every GeoJSON source a tile reach that covers its widest line, with nothing drawn across tiles', () => {
    const plan = planLayers({ ...base, selectedHamletId: 'h1' });
    const geojson = Object.values(plan.sources).filter((s) => s.type === 'geojson');
    expect(geojson.length).toBeGreaterThan(10);
    for (const s of geojson) expect(s).toMatchObject({ buffer: TILE_BUFFER_PX });
    // Labels and icons would need MapLibre's default reach (128 px): the plan has none.
    expect(plan.layers.filter((l) => l.type === 'symbol')).toEqual([]);
    // A clipped line's end must stay outside its tile: half the widest line, and a pixel of antialiasing.
    const widths = plan.layers.flatMap((l) => {
      const w =
        l.type === 'line' ? (l.paint as Record<string, unknown> | undefined)?.['line-width'] : undefined;
      return typeof w === 'number' ? [w] : Array.isArray(w) ? w.slice(3).filter((v, i) => i % 2 === 1) : [];
    });
    expect(Math.max(...(widths as number[]))).toBe(6);
    expect(TILE_BUFFER_PX).toBeGreaterThanOrEqual(Math.max(...(widths as number[])) / 2 + 1);
  });

  it('marks hamlets pending before the first analysis', () => {
    const plan = planLayers({
      ...base,
      result: null,
      lookups: { coverageById: new Map(), rankingById: new Map() },
    });
    const src = plan.sources.hamlets;
    const statuses = src?.type === 'geojson' ? src.data.features.map((f) => f.properties?.status) : [];
    expect(statuses).toEqual(['pending', 'pending', 'pending']);
  });

  it('shows only the toggled layers', () => {
    const plan = planLayers(base);
    expect(layer(plan, 'hamlets-fill').layout).toMatchObject({ visibility: 'visible' });
    expect(layer(plan, 'white-hatch').layout).toMatchObject({ visibility: 'visible' });
    expect(layer(plan, 'weak-hatch').layout).toMatchObject({ visibility: 'none' });
    expect(layer(plan, 'sites').layout).toMatchObject({ visibility: 'none' });
  });

  it('colours hamlets from the shared palette, by status or by a ramp', () => {
    const byStatus = JSON.stringify(layer(planLayers(base), 'hamlets-fill').paint);
    expect(byStatus).toContain(STATUS_COLOURS.unserved);
    const byScore = JSON.stringify(layer(planLayers({ ...base, colourBy: 'score' }), 'hamlets-fill').paint);
    for (const [, colour] of RAMPS.score.stops) expect(byScore).toContain(colour);
  });

  it('draws zones as hatching over the hamlets, so the hamlet keeps its legend colour', () => {
    const plan = planLayers({ ...base, visible: ['hamlets', 'whiteZones', 'weakZones'] });
    const zoneFills = plan.layers.filter(
      (l) => l.type === 'fill' && 'source' in l && (l.source === 'white' || l.source === 'weak'),
    );
    expect(zoneFills.map((l) => [l.id, (l as LooseLayer).paint])).toEqual([
      ['weak-hatch', { 'fill-pattern': HATCH_IMAGES.weak }],
      ['white-hatch', { 'fill-pattern': HATCH_IMAGES.white }],
    ]);
    const order = plan.layers.map((l) => l.id);
    expect(order.indexOf('hamlets-fill')).toBeLessThan(order.indexOf('weak-hatch'));
    // Nothing else paints over the hamlets' fill (the scenario's and the compared versions' overlays aside).
    const fillsAbove = plan.layers
      .slice(order.indexOf('hamlets-fill') + 1)
      .filter(
        (l) =>
          l.type === 'fill' &&
          !('source' in l && String(l.source).startsWith('scenario')) &&
          !l.id.startsWith('version-changes'),
      );
    expect(fillsAbove.every((l) => 'fill-pattern' in ((l as LooseLayer).paint ?? {}))).toBe(true);
  });

  it('veils the other hamlets and colours the changed ones only while two versions are compared', () => {
    const plain = planLayers(base);
    expect(layer(plain, 'version-changes-veil').layout).toMatchObject({ visibility: 'none' });
    const changes: FeatureCollection = {
      type: 'FeatureCollection',
      features: [
        { ...base.layers!.hamlets.features[0]!, properties: { id: 'h1', change: 'gained' } },
        { ...base.layers!.hamlets.features[1]!, properties: { id: 'h2', change: 'lost' } },
      ],
    };
    const plan = planLayers({ ...base, versionChanges: changes });
    expect(layer(plan, 'version-changes-veil').layout).toMatchObject({ visibility: 'visible' });
    const src = plan.sources['version-changes'];
    expect(src?.type === 'geojson' ? src.data.features.length : 0).toBe(2);
    const colour = layer(plan, 'version-changes-fill').paint?.['fill-color'];
    expect(evaluate(colour, { change: 'gained' })).toBe(CHANGES.gained);
    expect(evaluate(colour, { change: 'lost' })).toBe(CHANGES.lost);
    const order = plan.layers.map((l) => l.id);
    expect(order.indexOf('version-changes-veil')).toBeGreaterThan(order.indexOf('white-hatch'));
    expect(order.indexOf('version-changes-fill')).toBeGreaterThan(order.indexOf('version-changes-veil'));
    expect(order.indexOf('version-changes-fill')).toBeLessThan(order.indexOf('sites'));
  });

  it('paints served hamlets the "not ranked" grey when coloured by uncovered households or score', () => {
    const colour = (by: HamletColourBy, props: Record<string, unknown>) => evaluate(hamletColour(by), props);
    const served = { status: 'served', uncoveredHouseholds: 50, score: -1, broadbandShare: 1 };
    expect(colour('uncoveredHouseholds', served)).toBe(RAMPS.uncoveredHouseholds.none);
    expect(colour('score', served)).toBe(RAMPS.score.none);
    // Every hamlet has a share: served ones are coloured by it like the rest.
    expect(colour('broadbandShare', served)).toBe('#fde725');
    const unserved = { status: 'unserved', uncoveredHouseholds: 400, score: 1, broadbandShare: 0 };
    expect(colour('uncoveredHouseholds', unserved)).toBe('#bd0026');
    expect(colour('score', unserved)).toBe('#54278f');
    expect(colour('broadbandShare', unserved)).toBe('#440154');
    expect(colour('status', unserved)).toBe(STATUS_COLOURS.unserved);
    expect(colour('status', { status: 'pending' })).toBe(STATUS_COLOURS.pending);
  });

  it('filters the highlight and the zone outlines to the selected hamlet', () => {
    const plan = planLayers({ ...base, selectedHamletId: 'h2' });
    expect(layer(plan, 'hamlet-selected').filter).toEqual(['==', ['get', 'id'], 'h2']);
    expect(layer(plan, 'selected-white-line').filter).toEqual(['==', ['get', 'hamletId'], 'h2']);
  });

  it('outlines the picked district or commune, and nothing for the whole province', () => {
    const commune = layer(planLayers({ ...base, area: { level: 'commune', code: '100' } }), 'area-selected');
    expect(commune).toMatchObject({ source: 'communes', filter: ['==', ['get', 'code'], '100'] });
    const province = layer(planLayers({ ...base, area: { level: 'province', code: '36' } }), 'area-selected');
    expect(province.filter).toEqual(['==', ['get', 'code'], '']);
  });

  it('returns the same data objects when nothing changed, so the map skips setData', () => {
    const a = planLayers(base);
    const b = planLayers({ ...base, colourBy: 'score', selectedHamletId: 'h1' });
    expect(b.sources.hamlets).toEqual(a.sources.hamlets);
    const dataA = a.sources.hamlets?.type === 'geojson' ? a.sources.hamlets.data : null;
    const dataB = b.sources.hamlets?.type === 'geojson' ? b.sources.hamlets.data : null;
    expect(dataB).toBe(dataA);
  });

  it('adds the OpenStreetMap basemap, with attribution, only when switched on', () => {
    expect(planLayers(base).sources.osm).toBeUndefined();
    const plan = planLayers({ ...base, basemap: 'osm' });
    expect(plan.layers[0]?.id).toBe('osm');
    expect(plan.sources.osm).toMatchObject({
      type: 'raster',
      attribution: expect.stringContaining('OpenStreetMap'),
    });
  });

  it('gives site discs the default radius for their technology at their latitude', () => {
    const sites: FeatureCollection<Point, SiteProps> = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [106, 20] },
          properties: { tech: '2G,4G', operator: 'A' },
        },
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [106, 20] },
          properties: { tech: '2G', radius_m: 5000 },
        },
      ],
    };
    const plan = planLayers({ ...base, layers: { ...input, sites } });
    const data = plan.sources.sites?.type === 'geojson' ? plan.sources.sites.data.features : [];
    expect(data[0]?.properties).toMatchObject({ mbb: true, radius: DEFAULT_SETTINGS.defaultRadiusM['4G'] });
    expect(data[1]?.properties).toMatchObject({ mbb: false, radius: 5000 });
    // 3 km at 20° N, zoom 0, 512 px world: 3000 / (40075016.686 · cos 20° / 512)
    const r0 = data[0]?.properties?.r0 as number;
    expect(r0).toBeCloseTo(3000 / ((40075016.686 * Math.cos((20 * Math.PI) / 180)) / 512), 10);
  });

  it('lists labels only when the labels layer is on', () => {
    expect(planLayers(base).labels).toEqual([]);
    const withLabels = planLayers({ ...base, visible: [...base.visible, 'labels'] });
    expect(withLabels.labels.map((l) => l.text)).toEqual(['Xóm 1', 'Thôn Đông', 'Tổ dân phố 3']);
  });
});

describe('planLayers: the what-if scenario', () => {
  const withScenario = planLayers({ ...base, scenario: { edits, draft, covered } });
  const proposals = (p: ReturnType<typeof planLayers>) => {
    const src = p.sources['scenario-proposals'];
    return src?.type === 'geojson' ? src.data.features : [];
  };

  it('has its sources and layers in the plan, empty without a scenario', () => {
    const plain = planLayers(base);
    expect(proposals(plain)).toEqual([]);
    expect(plain.sources['scenario-covered']).toEqual({
      type: 'geojson',
      data: { type: 'FeatureCollection', features: [] },
      buffer: TILE_BUFFER_PX,
    });
    for (const id of SCENARIO_LAYERS) expect(plain.layers.some((l) => l.id === id)).toBe(true);
    const src = withScenario.sources['scenario-covered'];
    expect(src?.type === 'geojson' ? src.data : null).toBe(covered);
  });

  it('draws each edit as features tagged with their role: a site and its reach, fibre, a switched-off site, the draft', () => {
    const features = proposals(withScenario);
    expect(features.map((f) => [f.properties?.role, f.geometry.type, f.properties?.id])).toEqual([
      ['reach', 'Polygon', undefined],
      ['site', 'Point', 'P-1'],
      ['fibre', 'LineString', undefined],
      ['off', 'Point', 'VT-7'],
      ['draft', 'LineString', undefined],
      ['vertex', 'Point', undefined],
      ['vertex', 'Point', undefined],
    ]);
    // The reach circle is the site's own radius (2 km), not a default.
    const ring = (features[0]?.geometry as Polygon).coordinates[0] ?? [];
    const km = ring.map(([x = 0, y = 0]) => {
      const dx = (x - 106.2) * 111.32 * Math.cos((20.2 * Math.PI) / 180);
      const dy = (y - 20.2) * 110.57;
      return Math.hypot(dx, dy);
    });
    expect(Math.min(...km)).toBeGreaterThan(1.98);
    expect(Math.max(...km)).toBeLessThan(2.02);
  });

  it('selects the roles per layer and takes its colours from the palette', () => {
    expect(layer(withScenario, 'scenario-reach').filter).toEqual([
      'in',
      ['get', 'role'],
      ['literal', ['reach']],
    ]);
    expect(layer(withScenario, 'scenario-fibre').filter).toEqual([
      'in',
      ['get', 'role'],
      ['literal', ['fibre', 'draft']],
    ]);
    expect(layer(withScenario, 'scenario-sites').filter).toEqual([
      'in',
      ['get', 'role'],
      ['literal', ['site', 'off', 'vertex']],
    ]);
    expect(layer(withScenario, 'scenario-fibre').paint?.['line-color']).toBe(SCENARIO.proposed);
    const sites = layer(withScenario, 'scenario-sites').paint ?? {};
    expect(evaluate(sites['circle-color'], { role: 'off' })).toBe(SCENARIO.off.fill);
    expect(evaluate(sites['circle-color'], { role: 'site' })).toBe(SCENARIO.proposed);
    const fill = layer(withScenario, 'scenario-covered-fill').paint ?? {};
    expect(evaluate(fill['fill-color'], { kind: 'gained' })).toBe(SCENARIO.gained);
    expect(evaluate(fill['fill-color'], { kind: 'lost' })).toBe(SCENARIO.lost);
    expect(fill['fill-opacity']).toBe(SCENARIO.coveredOpacity);
  });

  it('draws what the scenario covers over the hamlets and zones, and its proposals above everything', () => {
    const order = withScenario.layers.map((l) => l.id);
    expect(order.indexOf('scenario-covered-fill')).toBeGreaterThan(order.indexOf('white-hatch'));
    expect(order.indexOf('scenario-covered-fill')).toBeLessThan(order.indexOf('sites'));
    expect(order.slice(-3)).toEqual(['scenario-reach', 'scenario-fibre', 'scenario-sites']);
  });

  it('keeps the proposals’ data object while the edits and draft are the same, so the map skips setData', () => {
    const first = planLayers({ ...base, scenario: { edits, draft, covered } });
    const again = planLayers({ ...base, colourBy: 'score', scenario: { edits, draft, covered } });
    const a = first.sources['scenario-proposals'];
    const b = again.sources['scenario-proposals'];
    expect(a?.type === 'geojson' && b?.type === 'geojson' && a.data === b.data).toBe(true);
    const next = planLayers({ ...base, scenario: { edits: [site], draft, covered } });
    expect(proposals(next).length).toBe(5);
  });
});

interface Zooms {
  minzoom?: number;
  maxzoom?: number;
}

/** A layer's id with its zoom range, so a failure names the layer. */
function zooms(plan: ReturnType<typeof planLayers>, id: string): [string, number?, number?] {
  const l = plan.layers.find((x) => x.id === id) as Zooms;
  return [id, l.minzoom, l.maxzoom];
}

describe('planLayers: the aggregate below the switch zoom', () => {
  const communeShapes = {
    type: 'FeatureCollection',
    features: ['100', '200', '300'].map((code, i) => ({
      type: 'Feature',
      geometry: squareAt(106 + i),
      properties: { code, name: `Xã ${code}` },
    })),
  } as AdminCollection;
  const admin = { province: null, units: null, districts: null, communes: communeShapes };
  const unitSummary = {
    ...result.summary,
    units: [
      { ...result.summary.communes[0]!, level: 'unit', code: 'U1' },
      {
        ...result.summary.communes[0]!,
        level: 'unit',
        code: 'U2',
        hamlets: 4,
        hamletsByStatus: { served: 0, partial: 1, unserved: 3 },
      },
    ],
  } as Summary;
  const unitShapes = {
    type: 'FeatureCollection',
    features: ['U1', 'U2'].map((code, i) => ({
      type: 'Feature',
      geometry: squareAt(107 + i),
      properties: { code, name: `Phường ${code}` },
    })),
  } as AdminCollection;

  it('draws the units below zoom 9, and the hamlets, their zones, access fibre and sites from zoom 9 up', () => {
    const plan = planLayers({ ...base, admin });
    const agg = plan.layers.find((l) => l.id === AGGREGATE_LAYER) as LooseLayer & Zooms;
    expect(agg.maxzoom).toBe(AGGREGATE_BELOW_ZOOM);
    expect(agg.minzoom).toBeUndefined();
    expect(agg.source).toBe('communes');
    for (const id of [
      'hamlets-fill',
      'weak-hatch',
      'white-hatch',
      'white-line',
      'selected-weak-line',
      'selected-white-line',
      'hamlet-selected-casing',
      'hamlet-selected',
      'fibre-access',
      'sites',
    ])
      expect(zooms(plan, id)).toEqual([id, AGGREGATE_BELOW_ZOOM, undefined]);
    // Outlines already drawn only when zoomed further in keep their own minimum.
    expect((plan.layers.find((x) => x.id === 'hamlets-line') as Zooms).minzoom).toBe(10.5);
    expect((plan.layers.find((x) => x.id === 'weak-line') as Zooms).minzoom).toBe(10);
    // The backbone stays at every zoom: it is what the province's network looks like from afar.
    expect((plan.layers.find((x) => x.id === 'fibre-backbone') as Zooms).minzoom).toBeUndefined();
  });

  it('keeps the what-if overlays at every zoom, drawn over the aggregate', () => {
    const plan = planLayers({ ...base, admin, scenario: { edits, draft, covered } });
    const order = plan.layers.map((l) => l.id);
    for (const id of SCENARIO_LAYERS) {
      expect(zooms(plan, id)).toEqual([id, undefined, undefined]);
      expect(order.indexOf(id)).toBeGreaterThan(order.indexOf(AGGREGATE_LAYER));
    }
    expect(order[0]).toBe(AGGREGATE_LAYER);
  });

  it('colours the communes of 2020–2024 by the result’s commune roll-ups, and follows the hamlets switch', () => {
    const plan = planLayers({ ...base, admin });
    const src = plan.sources.communes;
    const props = src?.type === 'geojson' ? src.data.features.map((f) => f.properties) : [];
    // 100: h1 unserved + h3 served → (1 + 0) / 2; 200: h2 partial → (0 + ½) / 1; 300: no hamlets.
    expect(props.map((p) => [p.code, p.hamlets, p.gap])).toEqual([
      ['100', 2, 0.5],
      ['200', 1, 0.5],
      ['300', 0, -1],
    ]);
    const agg = layer(plan, AGGREGATE_LAYER);
    expect(evaluate(agg.paint?.['fill-color'], { gap: 1 })).toBe(STATUS_COLOURS.unserved);
    expect(evaluate(agg.paint?.['fill-color'], { gap: -1 })).toBe(STATUS_COLOURS.pending);
    expect(agg.layout?.visibility).toBe('visible');
    expect(
      layer(planLayers({ ...base, admin, visible: ['fibre'] }), AGGREGATE_LAYER).layout?.visibility,
    ).toBe('none');
  });

  it('in the units system colours the units by the roll-ups by unit, on the units’ own source', () => {
    const plan = planLayers({
      ...base,
      admin: { ...admin, units: unitShapes },
      unitSystem: 'units',
      unitSummary,
    });
    expect(layer(plan, AGGREGATE_LAYER).source).toBe('units');
    const src = plan.sources.units;
    const props = src?.type === 'geojson' ? src.data.features.map((f) => f.properties) : [];
    // U2: (3 + ½) / 4 = 0.875
    expect(props.map((p) => [p.code, p.gap])).toEqual([
      ['U1', 0.5],
      ['U2', 0.875],
    ]);
    const communes = plan.sources.communes;
    expect(communes?.type === 'geojson' && communes.data.features.length).toBe(0);
  });
});
