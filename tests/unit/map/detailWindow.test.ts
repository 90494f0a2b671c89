import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../src/analysis/settings.ts';
import type { InputLayers } from '../../../src/analysis/types.ts';
import { AGGREGATE_BELOW_ZOOM } from '../../../src/map/aggregate.ts';
import {
  nextWindow,
  sourceUpdate,
  WINDOW_MIN_HAMLETS,
  windowDiff,
  windowed,
} from '../../../src/map/detailWindow.ts';
import { sourceOf, type FC } from '../../../src/map/mapData.ts';
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

  it('reaches a quarter of the view beyond each side, and keeps the same window while it holds the view', () => {
    const win = nextWindow('none', VIEW, AGGREGATE_BELOW_ZOOM, BIG);
    // 1° wide and 0.5° high: 0.25° and 0.125° beyond each side.
    expect(win).toEqual({ bounds: [104.75, 19.875, 106.25, 20.625] });
    // Dragged by a quarter of the view, zoomed in: still inside, the same object (nothing new for the map).
    expect(nextWindow(win, [105.25, 20.125, 106.25, 20.625], 10, BIG)).toBe(win);
    expect(nextWindow(win, [105.4, 20.2, 105.6, 20.3], 13, BIG)).toBe(win);
    // Dragged past the east edge: a new window around the new view.
    expect(nextWindow(win, [105.5, 20, 106.5, 20.5], 10, BIG)).toEqual({
      bounds: [105.25, 19.875, 106.75, 20.625],
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
  const source = sourceOf(fc);

  it('keeps the features whose box meets the window’s, touching included', () => {
    // Window x 1..3: 'west' touches it at x = 1, 'edge' lies inside, 'east' starts at 5.
    expect(ids(windowed(source, { bounds: [1, 0.5, 3, 0.6] }))).toEqual(['west', 'edge']);
    expect(ids(windowed(source, { bounds: [3.5, 0, 4.5, 1] }))).toEqual([]);
  });

  it('gives all for all, nothing for none, and what `keep` keeps at any window', () => {
    expect(ids(windowed(source, 'all'))).toEqual(['west', 'edge', 'east', 'backbone', 'none']);
    expect(windowed(source, 'all')).toBe(windowed(source, 'all'));
    expect(ids(windowed(source, 'none'))).toEqual([]);
    const backbone = (f: FC['features'][number]) => f.properties.kind === 'backbone';
    expect(ids(windowed(source, 'none', backbone))).toEqual(['backbone']);
    expect(ids(windowed(source, { bounds: [5.5, 0.5, 6, 0.6] }, backbone))).toEqual(['east', 'backbone']);
  });

  it('gives each feature its index as `id`, the same object in every window', () => {
    const a = windowed(source, { bounds: [1, 0.5, 3, 0.6] });
    const b = windowed(source, { bounds: [2, 0, 6, 1] });
    expect(a.features.map((f) => f.id)).toEqual([0, 1]);
    expect(b.features.map((f) => f.id)).toEqual([1, 2]);
    expect(b.features[0]).toBe(a.features[1]);
  });
});

describe('windowDiff', () => {
  const row: FC = {
    type: 'FeatureCollection',
    features: [0, 1, 2, 3, 4].map((x) => square(`h${x}`, x * 2, 0)) as FC['features'],
  };
  const source = sourceOf(row);

  it('removes the ids that left the window and adds the features that entered it', () => {
    // h0..h2 (x 0–5), then h2..h4 (x 4–9): h0, h1 leave; h3, h4 enter; h2 stays as MapLibre has it.
    const from = windowed(source, { bounds: [0, 0, 4.5, 1] });
    const to = windowed(source, { bounds: [4.5, 0, 9, 1] });
    const diff = windowDiff(from, to);
    expect(diff.remove).toEqual([0, 1]);
    expect(ids({ features: diff.add })).toEqual(['h3', 'h4']);
    expect(diff.add[0]).toBe(to.features[1]);
    // Back again: the opposite; the same window: nothing.
    expect(windowDiff(to, from).remove).toEqual([3, 4]);
    expect(windowDiff(to, to)).toEqual({ remove: [], add: [] });
    // From nothing (below the switch zoom), everything enters.
    expect(ids({ features: windowDiff(windowed(source, 'none'), to).add })).toEqual(['h2', 'h3', 'h4']);
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
    lookups: { coverageById: new Map(), rankingById: new Map() },
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
    // Fibre features are the file's by index (`id`), with `kind` only: no layer reads the other columns.
    const fibreOf = (p: ReturnType<typeof planLayers>) =>
      data(p, 'fibre').features.map((f) => [f.id, f.properties]);
    expect(fibreOf(plan)).toEqual([
      [0, {}],
      [1, { kind: 'backbone' }],
    ]);
    // Hamlet labels take the name from the imported hamlet, which the map's feature does not carry.
    expect(plan.labels.map((l) => [l.id, l.text])).toEqual([['hamlet:h1', 'A']]);
    expect(data(plan, 'hamlets').features[0]?.properties).not.toHaveProperty('name');
    const none = planLayers({ ...input, window: 'none' });
    expect(ids(data(none, 'hamlets'))).toEqual([]);
    expect(fibreOf(none)).toEqual([[1, { kind: 'backbone' }]]);
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

  it('sends MapLibre the difference between two windows, and new data whole', () => {
    const west = { bounds: [-1, -1, 2, 2] } as const;
    const east = { bounds: [4, -1, 7, 2] } as const;
    const held = (plan: ReturnType<typeof planLayers>, id: string) => ({
      data: data(plan, id) as FC,
      windowOf: plan.windows[id],
    });
    const a = planLayers({ ...input, window: west });
    const b = planLayers({ ...input, window: east });
    // The view moved: h1 leaves, h2 enters; the access fibre f1 leaves, the backbone stays.
    const moved = sourceUpdate(held(a, 'hamlets'), held(b, 'hamlets'));
    expect(moved && 'diff' in moved ? moved.diff.remove : null).toEqual([0]);
    expect(moved && 'diff' in moved ? ids({ features: moved.diff.add }) : null).toEqual(['h2']);
    expect(sourceUpdate(held(a, 'fibre'), held(b, 'fibre'))).toEqual({ diff: { remove: [0], add: [] } });
    // A new style alone: nothing to send.
    const restyled = planLayers({ ...input, window: east, colourBy: 'score' });
    expect(sourceUpdate(held(b, 'hamlets'), held(restyled, 'hamlets'))).toBeNull();
    // A new result (new lookups): the window's hamlets replaced whole, though the window is the same.
    const coverageById = new Map([
      ['h2', { id: 'h2', status: 'served', market: { class: 'white' } }],
    ]) as unknown as PlanInput['lookups']['coverageById'];
    const analysed = planLayers({
      ...input,
      window: east,
      lookups: { coverageById, rankingById: new Map() },
    });
    const replaced = sourceUpdate(held(b, 'hamlets'), held(analysed, 'hamlets'));
    expect(replaced && 'data' in replaced ? ids(replaced.data) : null).toEqual(['h2']);
    expect(replaced && 'data' in replaced ? replaced.data.features[0]!.properties.status : null).toBe(
      'served',
    );
    // Nothing held yet: the data whole.
    expect(sourceUpdate(undefined, held(a, 'hamlets'))).toEqual({ data: data(a, 'hamlets') });
  });

  it('sends nothing for empty data where MapLibre holds none, and the data whole where it holds some', () => {
    const empty = (): FC => ({ type: 'FeatureCollection', features: [] });
    // A plan before the layers are read gives each source a new empty collection: nothing to send.
    expect(sourceUpdate({ data: empty() }, { data: empty() })).toBeNull();
    const some = { type: 'FeatureCollection', features: [square('h1', 0, 0)] } as FC;
    expect(sourceUpdate({ data: empty() }, { data: some })).toEqual({ data: some });
    // Data removed: MapLibre is sent the empty collection.
    const none = empty();
    expect(sourceUpdate({ data: some }, { data: none })).toEqual({ data: none });
  });
});
