import { describe, expect, it } from 'vitest';
import type { AddLayerObject } from 'maplibre-gl';
import { DEFAULT_SETTINGS } from '../../../src/analysis/settings.ts';
import type { FeatureCollection, Point } from 'geojson';
import type { SiteProps } from '../../../src/analysis/types.ts';
import { planLayers, type PlanInput } from '../../../src/map/planLayers.ts';
import { RAMPS, STATUS_COLOURS, ZONES } from '../../../src/map/palette.ts';
import { sampleInput, sampleResult } from '../store/sampleResult.ts';

const input = sampleInput();
const result = sampleResult();
const base: PlanInput = {
  layers: input,
  admin: { province: null, districts: null, communes: null },
  result,
  visible: ['hamlets', 'whiteZones', 'fibre'],
  colourBy: 'status',
  selectedHamletId: null,
  basemap: 'none',
  settings: DEFAULT_SETTINGS,
};

interface LooseLayer {
  source?: string;
  layout?: Record<string, unknown>;
  paint?: Record<string, unknown>;
  filter?: unknown;
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
      expect.objectContaining({ id: 'h1', status: 'unserved', rank: 1, score: 0.9 }),
      expect.objectContaining({ id: 'h2', status: 'partial', rank: 2 }),
      expect.objectContaining({ id: 'h3', status: 'served', rank: -1, score: -1 }),
    ]);
  });

  it('marks hamlets pending before the first analysis', () => {
    const plan = planLayers({ ...base, result: null });
    const src = plan.sources.hamlets;
    const statuses = src?.type === 'geojson' ? src.data.features.map((f) => f.properties?.status) : [];
    expect(statuses).toEqual(['pending', 'pending', 'pending']);
  });

  it('shows only the toggled layers', () => {
    const plan = planLayers(base);
    expect(layer(plan, 'hamlets-fill').layout).toMatchObject({ visibility: 'visible' });
    expect(layer(plan, 'white-fill').layout).toMatchObject({ visibility: 'visible' });
    expect(layer(plan, 'weak-fill').layout).toMatchObject({ visibility: 'none' });
    expect(layer(plan, 'sites').layout).toMatchObject({ visibility: 'none' });
  });

  it('colours hamlets from the shared palette, by status or by a ramp', () => {
    const byStatus = JSON.stringify(layer(planLayers(base), 'hamlets-fill').paint);
    expect(byStatus).toContain(STATUS_COLOURS.unserved);
    const byScore = JSON.stringify(layer(planLayers({ ...base, colourBy: 'score' }), 'hamlets-fill').paint);
    for (const [, colour] of RAMPS.score.stops) expect(byScore).toContain(colour);
    expect(JSON.stringify(layer(planLayers(base), 'white-fill').paint)).toContain(ZONES.white.fill);
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
