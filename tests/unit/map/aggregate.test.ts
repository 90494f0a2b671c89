import { describe, expect, it } from 'vitest';
import type { AnalysisResult, HamletStatus, InputLayers, Rollup } from '../../../src/analysis/types.ts';
import {
  AGGREGATE_BELOW_ZOOM,
  aggregateAreas,
  aggregateColour,
  aggregateForMap,
  gapOf,
  gridCellBounds,
  gridForMap,
  showsAggregate,
} from '../../../src/map/aggregate.ts';
import { AGGREGATE, STATUS_COLOURS } from '../../../src/map/palette.ts';
import type { AdminCollection } from '../../../src/store/appState.ts';
import { squareAt } from '../../fixtures/cli/makeHamlet.ts';

const units: AdminCollection = {
  type: 'FeatureCollection',
  features: ['A', 'B', 'C'].map((code, i) => ({
    type: 'Feature',
    geometry: squareAt(106 + i * 0.01),
    properties: { code, name: `Xã ${code}` },
  })),
} as AdminCollection;

/** Only what the aggregate reads; the rest of a roll-up does not matter here. */
function rollup(code: string, byStatus: Record<HamletStatus, number>): Rollup {
  const hamlets = byStatus.served + byStatus.partial + byStatus.unserved;
  return { level: 'unit', code, name: code, hamlets, hamletsByStatus: byStatus } as Rollup;
}

describe('the aggregate of units by their hamlets’ status', () => {
  it('gap: unserved hamlets count whole, partly served half, over all hamlets; -1 without hamlets', () => {
    // (1 + 2/2) / 4 = 0.5
    expect(gapOf({ hamlets: 4, hamletsByStatus: { served: 1, partial: 2, unserved: 1 } })).toBe(0.5);
    // (3 + 1/2) / 10 = 0.35
    expect(gapOf({ hamlets: 10, hamletsByStatus: { served: 6, partial: 1, unserved: 3 } })).toBeCloseTo(0.35);
    expect(gapOf({ hamlets: 2, hamletsByStatus: { served: 2, partial: 0, unserved: 0 } })).toBe(0);
    expect(gapOf({ hamlets: 3, hamletsByStatus: { served: 0, partial: 0, unserved: 3 } })).toBe(1);
    expect(gapOf({ hamlets: 0, hamletsByStatus: { served: 0, partial: 0, unserved: 0 } })).toBe(-1);
  });

  it('joins each unit’s roll-up by code onto its own shape; a unit without one is grey (-1)', () => {
    const rollups = [
      rollup('A', { served: 1, partial: 2, unserved: 1 }),
      rollup('B', { served: 5, partial: 0, unserved: 0 }),
      // Hamlets outside every unit: a roll-up with no shape, not drawn.
      rollup('(unknown)', { served: 0, partial: 0, unserved: 7 }),
    ];
    const fc = aggregateForMap(units, rollups)!;
    expect(fc.features.map((f) => f.properties)).toEqual([
      { code: 'A', name: 'Xã A', hamlets: 4, served: 1, partial: 2, unserved: 1, gap: 0.5 },
      { code: 'B', name: 'Xã B', hamlets: 5, served: 5, partial: 0, unserved: 0, gap: 0 },
      { code: 'C', name: 'Xã C', hamlets: 0, served: 0, partial: 0, unserved: 0, gap: -1 },
    ]);
    // The geometry is the units layer's own: nothing recomputed or copied.
    fc.features.forEach((f, i) => expect(f.geometry).toBe(units.features[i]!.geometry));
    // The same object while shapes and roll-ups are unchanged: the map is not sent it again.
    expect(aggregateForMap(units, rollups)).toBe(fc);
    expect(aggregateForMap(null, rollups)).toBeNull();
  });

  it('before a result every unit is grey', () => {
    const fc = aggregateForMap(units, undefined)!;
    expect(fc.features.map((f) => f.properties.gap)).toEqual([-1, -1, -1]);
  });

  it('switches below zoom 9', () => {
    expect(AGGREGATE_BELOW_ZOOM).toBe(9);
    expect([6, 8.99, 9, 11].map(showsAggregate)).toEqual([true, true, false, false]);
  });
});

/** Evaluates the aggregate colour for one gap: `case`, `<`, `get`, and `interpolate` at its stops. */
function colourAt(gap: number): unknown {
  const e = aggregateColour() as unknown as [string, [string, unknown, number], string, unknown[]];
  const [, [, , zero], none, interpolate] = e;
  if (gap < zero) return none;
  const stops = interpolate.slice(3);
  for (let i = 0; i < stops.length; i += 2) if (stops[i] === gap) return stops[i + 1];
  throw new Error(`${gap} is not a stop`);
}

describe('the aggregate colour', () => {
  it('runs from the served blue (all served) through the partly served yellow to the unserved red', () => {
    expect(colourAt(0)).toBe(STATUS_COLOURS.served);
    expect(colourAt(0.5)).toBe(STATUS_COLOURS.partial);
    expect(colourAt(1)).toBe(STATUS_COLOURS.unserved);
    expect(colourAt(0.25)).toBe('#92c5de');
    expect(colourAt(0.75)).toBe('#ef8a62');
  });

  it('a unit without hamlets is the grey of hamlets without a value', () => {
    expect(colourAt(-1)).toBe(STATUS_COLOURS.pending);
    expect(AGGREGATE.none).toBe(STATUS_COLOURS.pending);
  });

  it('the expression is the one MapLibre reads: a case on gap < 0, then a linear interpolation of gap', () => {
    const e = aggregateColour() as unknown[];
    expect(e.slice(0, 3)).toEqual(['case', ['<', ['get', 'gap'], 0], AGGREGATE.none]);
    expect((e[3] as unknown[]).slice(0, 3)).toEqual(['interpolate', ['linear'], ['get', 'gap']]);
  });
});

describe('the grid aggregate, for hamlets without unit boundaries', () => {
  const box = (id: string, x: number, y: number) => ({
    type: 'Feature' as const,
    geometry: {
      type: 'Polygon' as const,
      coordinates: [
        [
          [x, y],
          [x + 0.02, y],
          [x + 0.02, y + 0.02],
          [x, y + 0.02],
          [x, y],
        ],
      ],
    },
    properties: { id, name: id },
  });
  // Centres (105.02, 20.02) and (105.07, 20.08) share the cell 1050,200; (105.13, 20.02) is in 1051,200.
  const hamlets = {
    type: 'FeatureCollection',
    features: [box('a', 105.01, 20.01), box('b', 105.06, 20.07), box('c', 105.12, 20.01)],
  } as unknown as InputLayers['hamlets'];
  const result = {
    hamlets: [
      { id: 'a', status: 'served' },
      { id: 'b', status: 'unserved' },
      { id: 'c', status: 'partial' },
    ],
  } as unknown as AnalysisResult;

  it('counts each hamlet in the cell of its box’s centre, with the units’ gap', () => {
    const grid = gridForMap(hamlets, new Map(result.hamlets.map((h) => [h.id, h])), result)!;
    const cells = Object.fromEntries(grid.features.map((f) => [f.properties.cell, f.properties]));
    // a served, b unserved: (1 + 0/2) / 2 = 0.5; c partly served alone: (0 + 1/2) / 1 = 0.5.
    expect(cells['1050,200']).toEqual({
      cell: '1050,200',
      hamlets: 2,
      served: 1,
      partial: 0,
      unserved: 1,
      gap: 0.5,
    });
    expect(cells['1051,200']).toMatchObject({ hamlets: 1, partial: 1, gap: 0.5 });
    expect(Object.keys(cells)).toHaveLength(2);
    const [w, s, e, n] = gridCellBounds('1051,200')!;
    expect([w, s, e, n].map((v) => +v.toFixed(9))).toEqual([105.1, 20, 105.2, 20.1]);
    expect(gridForMap(hamlets, new Map(), null)!.features.every((f) => f.properties.gap === -1)).toBe(true);
  });

  it('keeps cells on either side of the equator and the prime meridian apart', () => {
    const around = {
      type: 'FeatureCollection',
      features: [box('w', -0.08, -0.08), box('e', 0.01, 0.01), box('far', 179.9, -0.08)],
    } as unknown as InputLayers['hamlets'];
    const cells = gridForMap(around, new Map(), null)!.features.map((f) => [
      f.properties.cell,
      f.properties.hamlets,
    ]);
    expect(cells).toEqual([
      ['-1,-1', 1],
      ['0,0', 1],
      ['1799,-1', 1],
    ]);
  });

  it('is used only when the units in force have no shapes', () => {
    const none = { province: null, units: null, districts: null, communes: null };
    expect(aggregateAreas(none, 'units')).toBe('grid');
    expect(aggregateAreas({ ...none, communes: units }, 'districts')).toBe('communes');
    expect(aggregateAreas({ ...none, communes: units }, 'units')).toBe('grid');
    expect(aggregateAreas({ ...none, units }, 'units')).toBe('units');
  });
});
