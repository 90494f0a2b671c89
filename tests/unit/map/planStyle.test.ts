import { validateStyleMin, type StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { FeatureCollection, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { SiteProps } from '../../../src/analysis/types.ts';
import { DEFAULT_SETTINGS } from '../../../src/analysis/settings.ts';
import { MAP_FADE_MS } from '../../../src/map/baseStyle.ts';
import { planLayers, type PlanInput, type ScenarioView } from '../../../src/map/planLayers.ts';
import { ALL_LAYERS, type HamletColourBy } from '../../../src/store/viewState.ts';
import { resultViews } from '../../../src/store/slices/analysisSlice.ts';
import { sampleInput, sampleResult } from '../store/sampleResult.ts';
import { analyze } from '../../../src/analysis/analyze.ts';
import { AnalysisSession } from '../../../src/analysis/incremental.ts';
import { fourHamlets } from '../../fixtures/lens/fourHamlets.ts';
import { covered, draft, edits } from './scenarioView.ts';

// Sites of two operators, so the operator colour expression is in the plan too.
const sites: FeatureCollection<Point, SiteProps> = {
  type: 'FeatureCollection',
  features: ['Viettel', 'VNPT'].map((operator, i) => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [106.2 + i / 100, 20.2] },
    properties: { id: `s${i}`, tech: '4G', operator },
  })),
};

const base: PlanInput = {
  layers: { ...sampleInput(), sites },
  admin: { province: null, units: null, districts: null, communes: null },
  result: sampleResult(),
  lookups: resultViews(sampleResult()),
  visible: ALL_LAYERS,
  colourBy: 'status',
  selectedHamletId: null,
  basemap: 'none',
  settings: DEFAULT_SETTINGS,
};

/** The plan as a whole style, checked by MapLibre's own style-spec validator (what setStyle would run). */
function errors(input: PlanInput): string[] {
  const plan = planLayers(input);
  const style = { version: 8, sources: plan.sources, layers: plan.layers } as unknown as StyleSpecification;
  return validateStyleMin(style).map((e) => e.message);
}

describe('planLayers output is a valid MapLibre style', () => {
  it.each<HamletColourBy>(['status', 'broadbandShare', 'uncoveredHouseholds', 'score'])(
    'every layer shown, hamlets coloured by %s',
    (colourBy) => {
      expect(errors({ ...base, colourBy })).toEqual([]);
    },
  );

  it('with the basemap, a selected hamlet and a picked commune', () => {
    expect(
      errors({ ...base, basemap: 'osm', selectedHamletId: 'h2', area: { level: 'commune', code: '100' } }),
    ).toEqual([]);
  });

  it('with a what-if scenario: a proposed site and fibre, a site off, a route being drawn, covered areas', () => {
    const scenario: ScenarioView = { edits, draft, covered };
    expect(errors({ ...base, scenario })).toEqual([]);
  });

  it("coloured by market class, and by one operator's view with a tower-sharing candidate shown", () => {
    expect(errors({ ...base, colourBy: 'market' })).toEqual([]);
    const input = fourHamlets();
    const result = analyze(input);
    const lens = { operator: 'VNPT', ranking: null };
    const candidate = new AnalysisSession(input).colocation('VNPT').candidates[0]!;
    const plan = { ...base, layers: input, result, colourBy: 'market' as const, lens, colocation: candidate };
    expect(errors(plan)).toEqual([]);
    const fill = planLayers(plan).layers.find((l) => l.id === 'hamlets-fill') as {
      paint: Record<string, unknown>;
    };
    expect(JSON.stringify(fill.paint['fill-color'])).toContain('"lens"');
  });

  it('before any data or result, with every layer hidden', () => {
    expect(errors({ ...base, layers: null, result: null, visible: [] })).toEqual([]);
  });

  it('the validator does report a broken plan (so the checks above can fail)', () => {
    const plan = planLayers(base);
    const broken = plan.layers.map((l) =>
      l.id === 'hamlets-fill' ? { ...l, paint: { 'fill-color': ['get'] } } : l,
    );
    const style = { version: 8, sources: plan.sources, layers: broken } as unknown as StyleSpecification;
    expect(
      validateStyleMin(style)
        .map((e) => e.message)
        .join('\n'),
    ).toMatch(/layers\[\d+\]\.paint\.fill-color: /);
  });
});

describe('the map fades nothing', () => {
  it('no plan draws symbols, which is all a fade would show (MAP_FADE_MS is 0)', () => {
    const scenario: ScenarioView = { edits, draft, covered };
    const plans = [
      base,
      {
        ...base,
        basemap: 'osm' as const,
        selectedHamletId: 'h2',
        area: { level: 'commune' as const, code: '100' },
      },
      { ...base, scenario },
      { ...base, colourBy: 'market' as const },
    ];
    const types = new Set(plans.flatMap((p) => planLayers(p).layers.map((l) => l.type)));
    expect([...types].sort()).toEqual(['circle', 'fill', 'line', 'raster']);
    expect(MAP_FADE_MS).toBe(0);
  });
});
