import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { ScenarioEdit } from '../../../src/analysis/scenarioTypes.ts';
import { DEFAULT_SETTINGS } from '../../../src/analysis/settings.ts';
import { formatters } from '../../../src/i18n/format.ts';
import {
  buildLegend,
  legendInputOf,
  legendRows,
  legendText,
  type LegendInput,
  type Translate,
} from '../../../src/map/legend.ts';
import {
  AGGREGATE,
  HAMLET_FILL_OPACITY,
  LENS_COLOURS,
  LENS_ORDER,
  MARKET_COLOURS,
  MARKET_ORDER,
  MEASURED_COLOURS,
  RAMPS,
  STATUS_COLOURS,
  ZONES,
  seenColour,
} from '../../../src/map/palette.ts';
import { hamletColour } from '../../../src/map/planLayers.ts';

const vi = formatters('vi');
const base: LegendInput = {
  visible: ['hamlets', 'whiteZones', 'weakZones'],
  colourBy: 'status',
  settings: DEFAULT_SETTINGS,
  operators: [],
  facilityKinds: [],
};
const ids = (input: Partial<LegendInput>) => buildLegend({ ...base, ...input }, vi).entries.map((e) => e.id);

/** A translator that shows what it was asked: "key{a=1,b=2}". */
const echo: Translate = (key, params) =>
  params && Object.keys(params).length > 0
    ? `${key}{${Object.entries(params)
        .map(([k, v]) => `${k}=${v}`)
        .join(',')}}`
    : key;

describe('seenColour', () => {
  it('mixes a colour at an opacity over the map background, as the map draws it', () => {
    // 0.6 · (178, 24, 43) + 0.4 · (233, 231, 226) = (200, 106.8, 116.2)
    expect(seenColour('#b2182b', 0.6)).toBe('#c86b74');
    expect(seenColour('#2166ac', 0.6)).toBe('#719ac2');
    expect(seenColour('#000000', 0.5, '#ffffff')).toBe('#808080');
    expect(seenColour('#123456', 1)).toBe('#123456');
  });
});

describe('buildLegend: market classes and the operator lens', () => {
  it('all operators: white, grey and black, each the colour the market fill shows', () => {
    const legend = buildLegend({ ...base, colourBy: 'market' }, vi);
    expect(legend.entries.slice(0, 3).map((e) => [e.id, e.colour])).toEqual(
      MARKET_ORDER.map((c) => [`market-${c}`, seenColour(MARKET_COLOURS[c], HAMLET_FILL_OPACITY)]),
    );
    // The map's fill expression names the same colours for the same classes.
    const fill = JSON.stringify(hamletColour('market'));
    for (const c of MARKET_ORDER) expect(fill).toContain(`"${c}","${MARKET_COLOURS[c]}"`);
  });

  it("one operator: its view's three classes named for it, and other operators' sites faded", () => {
    const input = { ...base, visible: [...base.visible, 'sites' as const], colourBy: 'market' as const };
    const legend = buildLegend({ ...input, lensOperator: 'VNPT' }, vi);
    const rows = legend.entries;
    expect(rows.slice(0, 3).map((r) => [r.id, r.colour, legendText(r.label, echo)])).toEqual(
      LENS_ORDER.map((c) => [
        `lens-${c}`,
        seenColour(LENS_COLOURS[c], HAMLET_FILL_OPACITY),
        `legend.lens.${c}{operator=VNPT}`,
      ]),
    );
    expect(rows.map((r) => r.id)).toContain('lens-other-sites');
    expect(JSON.stringify(hamletColour('market', true))).toContain('"lens"');
  });
});

describe('buildLegend', () => {
  it('gives each hamlet status the colour the map shows: its fill at the fill opacity over the background', () => {
    const legend = buildLegend(base, vi);
    expect(legend.entries.slice(0, 3).map((e) => [e.id, e.colour])).toEqual([
      ['status-unserved', '#c86b74'],
      ['status-partial', '#eed178'],
      ['status-served', '#719ac2'],
    ]);
    expect(legend.ramp).toBeNull();
    // The same colours the layer plan paints, at the same opacity.
    const expression = JSON.stringify(hamletColour('status'));
    for (const status of ['unserved', 'partial', 'served'] as const) {
      expect(expression).toContain(STATUS_COLOURS[status]);
      expect(legend.entries.find((e) => e.id === `status-${status}`)?.colour).toBe(
        seenColour(STATUS_COLOURS[status], HAMLET_FILL_OPACITY),
      );
    }
  });

  it('puts the settings thresholds into the status labels, formatted for the language', () => {
    const served = buildLegend(
      {
        ...base,
        settings: { ...DEFAULT_SETTINGS, thresholds: { ...DEFAULT_SETTINGS.thresholds, served: 0.9 } },
      },
      formatters('en'),
    ).entries.find((e) => e.id === 'status-served');
    expect(served?.label).toEqual({ key: 'legend.status.served', params: { served: '90%', unserved: '5%' } });
  });

  it('draws zones as the map’s hatching, not as a fill', () => {
    const zones = buildLegend(base, vi).entries.filter((e) => e.id === 'white' || e.id === 'weak');
    expect(zones.map((e) => e.symbol)).toEqual([
      { kind: 'hatch', zone: 'white', base: '#e9e7e2', outline: ZONES.white.line },
      { kind: 'hatch', zone: 'weak', base: '#e9e7e2', outline: ZONES.weak.line },
    ]);
    expect(zones.map((e) => e.colour)).toEqual(['#ffffff', '#762a83']);
  });

  it('shows a measure as a ramp of seen colours, with a "not ranked" swatch where served hamlets are grey', () => {
    const uncovered = buildLegend({ ...base, colourBy: 'uncoveredHouseholds' }, vi);
    expect(uncovered.entries.map((e) => e.id)).toEqual(['white', 'weak']);
    expect(uncovered.ramp?.title).toEqual({ key: 'colourBy.uncoveredHouseholds' });
    expect(uncovered.ramp?.stops.map((s) => [s.text, s.colour])).toEqual([
      ['0', '#f6f5c5'],
      ['50', seenColour('#fecc5c', 0.6)],
      ['100', seenColour('#fd8d3c', 0.6)],
      ['200', seenColour('#f03b20', 0.6)],
      ['400', '#cf5c71'],
    ]);
    expect(uncovered.ramp?.none).toMatchObject({ colour: '#cfcecc', label: { key: 'legend.notCandidate' } });
    expect(buildLegend({ ...base, colourBy: 'score' }, vi).ramp?.stops.map((s) => s.text)).toEqual([
      '0',
      '0,25',
      '0,5',
      '0,75',
      '1',
    ]);
    expect(buildLegend({ ...base, colourBy: 'score' }, vi).ramp?.none?.colour).toBe('#dfdfdd');
    // Every hamlet has a share: no "not ranked" swatch.
    const share = buildLegend({ ...base, colourBy: 'broadbandShare' }, formatters('en'));
    expect(share.ramp?.stops.map((s) => s.text)).toEqual(['0%', '25%', '50%', '75%', '100%']);
    expect(share.ramp?.none).toBeNull();
    expect(RAMPS.broadbandShare.servedAsNone).toBe(false);
  });

  it('lists only what is switched on, in the order of the layer list', () => {
    expect(ids({ visible: [] })).toEqual([]);
    expect(ids({ visible: ['fibre', 'hamlets'] })).toEqual([
      'status-unserved',
      'status-partial',
      'status-served',
      'fibre-access',
      'fibre-backbone',
    ]);
    expect(
      ids({
        visible: ['sites', 'facilities'],
        operators: ['Viettel', 'MobiFone'],
        facilityKinds: ['school'],
      }),
    ).toEqual(['op-MobiFone', 'op-Viettel', 'ring-mbb', 'ring-legacy', 'fac-school']);
    const rings = buildLegend({ ...base, visible: ['sites'] }, vi).entries;
    expect(rings.map((e) => e.colour)).toEqual(['#ffffff', '#000000']);
  });

  it('adds the scenario’s symbols only for what the scenario has', () => {
    const site: ScenarioEdit = {
      kind: 'add-site',
      site: {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [106, 20] },
        properties: { id: 'P-1', tech: '4G' },
      },
    };
    const off: ScenarioEdit = { kind: 'site-off', siteId: 'S1', at: [106.1, 20] };
    const covered: FeatureCollection = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: { type: 'Polygon', coordinates: [] },
          properties: { hamletId: 'h1', kind: 'gained' },
        },
      ],
    };
    const scenario = (
      edits: ScenarioEdit[],
      c: FeatureCollection | null = null,
      draft: [number, number][] = [],
    ) => ids({ visible: [], scenario: { edits, draft, covered: c } });
    expect(scenario([])).toEqual([]);
    expect(scenario([site])).toEqual(['scenario-site', 'scenario-reach']);
    expect(scenario([off], covered)).toEqual(['scenario-off', 'scenario-gained']);
    expect(scenario([], null, [[106, 20]])).toEqual(['scenario-fibre']);
    const gained = buildLegend({ ...base, visible: [], scenario: { edits: [], draft: [], covered } }, vi)
      .entries[0];
    expect(gained?.symbol).toEqual({ kind: 'fill', colour: '#6db88a', outline: '#1a9850' });
    // Areas where the measured change says nobody gains are not listed.
    const delta = { newBroadbandHouseholds: 0, lostBroadbandHouseholds: 0 };
    expect(ids({ visible: [], scenario: { edits: [], draft: [], covered, delta } })).toEqual([]);
    expect(
      ids({
        visible: [],
        scenario: { edits: [], draft: [], covered, delta: { ...delta, newBroadbandHouseholds: 3 } },
      }),
    ).toEqual(['scenario-gained']);
  });
});

describe('legend text', () => {
  it('translates the label, and values that are keys themselves, falling back to their own text', () => {
    const t: Translate = (key, params) =>
      key === 'facilityKind.school'
        ? 'trường học'
        : key === 'legend.facilities'
          ? `Cơ quan: ${params?.kind}`
          : (params?.defaultValue ?? key);
    const label = (kind: string) =>
      buildLegend({ ...base, visible: ['facilities'], facilityKinds: [kind] }, vi).entries[0]!.label;
    expect(legendText(label('school'), t)).toBe('Cơ quan: trường học');
    expect(legendText(label('market'), t)).toBe('Cơ quan: market');
  });

  it('lays the legend out as rows for an image: ramp stops, the not-ranked swatch, then the entries', () => {
    const legend = buildLegend({ ...base, colourBy: 'score', visible: ['hamlets', 'fibre'] }, vi);
    const rows = legendRows(legend, echo);
    expect(rows.map((r) => r.text)).toEqual([
      'colourBy.score: 0',
      'colourBy.score: 0,25',
      'colourBy.score: 0,5',
      'colourBy.score: 0,75',
      'colourBy.score: 1',
      'legend.notCandidate',
      'legend.fibreAccess{radius=500}',
      'legend.fibreBackbone',
    ]);
    expect(rows[0]?.symbol).toEqual({ kind: 'fill', colour: seenColour('#f2f0f7', 0.6) });
    expect(rows[6]?.symbol).toEqual({ kind: 'line', colour: '#009e73' });
  });
});

describe('the measured colouring', () => {
  it('lists the four qualities in the colours the map paints, with the targets of the kind shown', () => {
    const legend = buildLegend(
      { ...base, colourBy: 'measured', visible: ['hamlets'], measured: 'fixed' },
      vi,
    );
    expect(legend.ramp).toBeNull();
    expect(legend.entries.map((e) => [e.id, e.colour])).toEqual([
      ['measured-failing', seenColour(MEASURED_COLOURS.failing, HAMLET_FILL_OPACITY)],
      ['measured-below_target', seenColour(MEASURED_COLOURS.below_target, HAMLET_FILL_OPACITY)],
      ['measured-meets_target', seenColour(MEASURED_COLOURS.meets_target, HAMLET_FILL_OPACITY)],
      ['measured-no_data', seenColour(MEASURED_COLOURS.no_data, HAMLET_FILL_OPACITY)],
    ]);
    const t: Translate = (key, params) =>
      key === 'legend.measured.fixed' ? 'cố định' : `${key}{${params?.kind},${params?.target}}`;
    expect(legendText(legend.entries[2]!.label, t)).toBe('legend.measured.meets_target{cố định,200}');
    const mobile = buildLegend(
      { ...base, colourBy: 'measured', visible: ['hamlets'], measured: 'mobile' },
      vi,
    );
    expect(legendText(mobile.entries[2]!.label, echo)).toMatch(/target=40/);
    // The map's expression gives each quality the same colour, and no data to anything else.
    expect(hamletColour('measured')).toEqual([
      'match',
      ['get', 'measured'],
      'failing',
      MEASURED_COLOURS.failing,
      'below_target',
      MEASURED_COLOURS.below_target,
      'meets_target',
      MEASURED_COLOURS.meets_target,
      'no_data',
      MEASURED_COLOURS.no_data,
      MEASURED_COLOURS.no_data,
    ]);
  });
});

describe('the legend says what the map shows at its zoom', () => {
  it('below zoom 9: the units’ aggregate ramp in the colours the map paints; no hamlet, zone, access fibre or site entries', () => {
    const legend = buildLegend(
      {
        ...base,
        visible: [...base.visible, 'fibre', 'sites'],
        operators: ['Viettel'],
        zoom: 7,
        unitSystem: 'units',
      },
      vi,
    );
    expect(legendText(legend.shows!, echo)).toBe(
      'legend.shows.aggregate{areas=legend.aggregate.areas.units{defaultValue=}}',
    );
    expect(legend.ramp?.title.key).toBe('legend.aggregate.title');
    expect(legend.ramp?.stops.map((s) => [s.value, s.colour, s.text])).toEqual(
      AGGREGATE.stops.map(([v, c]) => [v, seenColour(c, HAMLET_FILL_OPACITY), vi.percent(v)]),
    );
    expect(legend.ramp?.stops[0]?.colour).toBe(seenColour(STATUS_COLOURS.served, HAMLET_FILL_OPACITY));
    expect(legend.ramp?.none?.id).toBe('aggregate-none');
    // Access fibre and sites are drawn with the hamlets; the backbone at every zoom.
    expect(legend.entries.map((e) => e.id)).toEqual(['fibre-backbone']);
  });

  it('from zoom 9 up (and with no zoom given): each hamlet, with its colouring and the zones', () => {
    for (const zoom of [9, 11, undefined]) {
      const legend = buildLegend({ ...base, ...(zoom === undefined ? {} : { zoom }) }, vi);
      expect(legend.shows).toEqual({ key: 'legend.shows.hamlets' });
      expect(legend.ramp).toBeNull();
      expect(legend.entries.map((e) => e.id)).toEqual([
        'status-unserved',
        'status-partial',
        'status-served',
        'white',
        'weak',
      ]);
    }
  });

  it('names the communes of 2020–2024 in the districts system; nothing when hamlets are off', () => {
    const legend = buildLegend({ ...base, zoom: 6, unitSystem: 'districts' }, vi);
    expect(legendText(legend.ramp!.title, echo)).toBe(
      'legend.aggregate.title{areas=legend.aggregate.areas.communes{defaultValue=}}',
    );
    expect(buildLegend({ ...base, zoom: 6, visible: ['fibre'] }, vi).shows).toBeNull();
  });

  it('names the grid when the hamlets came without boundaries for their units', () => {
    const none = { province: null, units: null, districts: null, communes: null };
    const input = legendInputOf({
      layers: ['hamlets'],
      colourBy: 'status',
      input: null,
      settings: DEFAULT_SETTINGS,
      lens: { operator: null },
      result: null,
      unitSystem: 'auto',
      admin: none,
      zoom: 7,
    } as unknown as Parameters<typeof legendInputOf>[0]);
    expect(input.aggregateAreas).toBe('grid');
    expect(legendText(buildLegend(input, vi).shows!, echo)).toBe(
      'legend.shows.aggregate{areas=legend.aggregate.areas.grid{defaultValue=}}',
    );
  });
});
