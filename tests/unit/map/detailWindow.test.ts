import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../src/analysis/settings.ts';
import type { InputLayers } from '../../../src/analysis/types.ts';
import { AGGREGATE_BELOW_ZOOM } from '../../../src/map/aggregate.ts';
import { nextWindow, WINDOW_MIN_HAMLETS, windowed } from '../../../src/map/detailWindow.ts';
import type { FC } from '../../../src/map/mapData.ts';
import { planLayers, type PlanInput } from '../../../src/map/planLayers.ts';

const VIEW = [105, 20, 106, 20.5] as const;
const BIG = WINDOW_MIN_HAMLETS + 1;

/** A unit square with its south-west corner at (x, y). */
function square(id: string, x: number, y: number, props: Record<string, unknown> = {}): Feature<Geometry> {
  return {
    type: 'Feature',
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [x, y],
          [x + 1, y],
          [x + 1, y + 1],
          [x, y + 1],
          [x, y],
        ],
      ],
    },
    properties: { id, ...props },
  };
}

const ids = (fc: { features: Feature[] }): string[] => fc.features.map((f) => String(f.properties?.id));

describe('nextWindow', () => {
  it('gives a province all of its hamlets at every zoom', () => {
    expect(nextWindow('none', VIEW, 5, WINDOW_MIN_HAMLETS)).toBe('all');
    expect(nextWindow('all', VIEW, 14, 2_784)).toBe('all');
  });

  it('gives the map no detail below the switch zoom when the data is large', () => {
    expect(nextWindow('all', VIEW, AGGREGATE_BELOW_ZOOM - 0.01, BIG)).toBe('none');
  });

  it('reaches half the view beyond each side, and keeps the same window while it holds the view', () => {
    const win = nextWindow('none', VIEW, AGGREGATE_BELOW_ZOOM, BIG);
    // 1° wide and 0.5° high: 0.5° and 0.25° beyond each side.
    expect(win).toEqual({ bounds: [104.5, 19.75, 106.5, 20.75] });
    // Dragged by half the view, zoomed in: still inside, the same object (nothing new for the map).
    expect(nextWindow(win, [105.5, 20.25, 106.5, 20.75], 10, BIG)).toBe(win);
    expect(nextWindow(win, [105.4, 20.2, 105.6, 20.3], 13, BIG)).toBe(win);
    // Dragged past the east edge: a new window around the new view.
    expect(nextWindow(win, [105.75, 20, 106.75, 20.5], 10, BIG)).toEqual({
      bounds: [105.25, 19.75, 107.25, 20.75],
    });
  });
});

describe('windowed', () => {
  const fc: FC = {
    type: 'FeatureCollection',
    features: [
      square('west', 0, 0),
      square('edge', 2, 0),
      square('east', 5, 0),
      square('backbone', 9, 9, { kind: 'backbone' }),
      { type: 'Feature', geometry: null as unknown as Geometry, properties: { id: 'none' } },
    ] as FC['features'],
  };

  it('keeps the features whose box meets the window’s, touching included', () => {
    // Window x 1..3: 'west' touches it at x = 1, 'edge' lies inside, 'east' starts at 5.
    expect(ids(windowed(fc, { bounds: [1, 0.5, 3, 0.6] }))).toEqual(['west', 'edge']);
    expect(ids(windowed(fc, { bounds: [3.5, 0, 4.5, 1] }))).toEqual([]);
  });

  it('gives all for all, nothing for none, and what `keep` keeps at any window', () => {
    expect(windowed(fc, 'all')).toBe(fc);
    expect(ids(windowed(fc, 'none'))).toEqual([]);
    const backbone = (f: FC['features'][number]) => f.properties.kind === 'backbone';
    expect(ids(windowed(fc, 'none', backbone))).toEqual(['backbone']);
    expect(ids(windowed(fc, { bounds: [5.5, 0.5, 6, 0.6] }, backbone))).toEqual(['east', 'backbone']);
  });
});

describe('the plan with a detail window', () => {
  const hamlets = {
    type: 'FeatureCollection',
    features: [square('h1', 0, 0, { name: 'A' }), square('h2', 5, 0, { name: 'B' })],
  } as unknown as InputLayers['hamlets'];
  const fibre = {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        geometry: {
          type: 'LineString',
          coordinates: [
            [0, 0],
            [1, 1],
          ],
        },
        properties: { id: 'f1' },
      },
      {
        type: 'Feature',
        geometry: {
          type: 'LineString',
          coordinates: [
            [5, 5],
            [9, 9],
          ],
        },
        properties: { id: 'bb', kind: 'backbone' },
      },
    ],
  } as unknown as InputLayers['fibre'];
  const input: PlanInput = {
    layers: { hamlets, fibre, sites: null, facilities: null } as unknown as InputLayers,
    admin: { province: null, units: null, districts: null, communes: null },
    result: null,
    visible: ['hamlets', 'fibre', 'labels'],
    colourBy: 'status',
    selectedHamletId: null,
    basemap: 'none',
    settings: DEFAULT_SETTINGS,
  };
  const data = (plan: ReturnType<typeof planLayers>, id: string): FeatureCollection => {
    const src = plan.sources[id];
    if (src?.type !== 'geojson') throw new Error(`no GeoJSON source ${id}`);
    return src.data;
  };

  it('gives the map the hamlets, labels and access fibre in the window, and the backbone always', () => {
    const plan = planLayers({ ...input, window: { bounds: [-1, -1, 2, 2] } });
    expect(ids(data(plan, 'hamlets'))).toEqual(['h1']);
    expect(ids(data(plan, 'fibre'))).toEqual(['f1', 'bb']);
    expect(plan.labels.map((l) => l.id)).toEqual(['hamlet:h1']);
    const none = planLayers({ ...input, window: 'none' });
    expect(ids(data(none, 'hamlets'))).toEqual([]);
    expect(ids(data(none, 'fibre'))).toEqual(['bb']);
    expect(none.labels).toEqual([]);
    expect(ids(data(planLayers(input), 'hamlets'))).toEqual(['h1', 'h2']);
  });

  it('hands the map the same data object while the window is the same', () => {
    const win = { bounds: [-1, -1, 2, 2] } as const;
    const a = planLayers({ ...input, window: win });
    const b = planLayers({ ...input, window: win, colourBy: 'score' });
    expect(data(b, 'hamlets')).toBe(data(a, 'hamlets'));
    expect(data(b, 'fibre')).toBe(data(a, 'fibre'));
  });
});
