import type { Feature, Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import { boxOf, featureBoxes, rememberBoxes } from '../../../src/data/featureBoxes.ts';

const feature = (geometry: Geometry | null): Feature<Geometry | null> => ({
  type: 'Feature',
  geometry,
  properties: {},
});

const features = [
  feature({ type: 'Point', coordinates: [105.5, 20.25] }),
  feature({
    type: 'MultiPolygon',
    coordinates: [
      [
        [
          [106, 20],
          [106.5, 20],
          [106.5, 20.5],
          [106, 20],
        ],
      ],
      [
        [
          [105, 21],
          [105.25, 21],
          [105.25, 21.75],
          [105, 21],
        ],
      ],
    ],
  }),
  feature(null),
  feature({
    type: 'GeometryCollection',
    geometries: [
      {
        type: 'LineString',
        coordinates: [
          [-1, -2],
          [3, 4],
        ],
      },
      { type: 'Point', coordinates: [5, -6] },
    ],
  }),
  feature({ type: 'Polygon', coordinates: [] }),
];

describe('featureBoxes', () => {
  it('gives west, south, east, north per feature, NaN for one without coordinates', () => {
    const b = featureBoxes(features);
    const each = Array.from({ length: b.length / 4 }, (_, i) => [...b.slice(i * 4, i * 4 + 4)]);
    expect(each).toEqual([
      [105.5, 20.25, 105.5, 20.25],
      [105, 20, 106.5, 21.75],
      [NaN, NaN, NaN, NaN],
      [-1, -6, 5, 4],
      [NaN, NaN, NaN, NaN],
    ]);
  });

  it('keeps the boxes per array: the same array gives the same boxes, without walking again', () => {
    const list = [...features];
    expect(featureBoxes(list)).toBe(featureBoxes(list));
    expect(featureBoxes([...features])).not.toBe(featureBoxes(list));
  });

  it('boxOf: the box around every feature with coordinates; null when none has any', () => {
    expect(boxOf(features)).toEqual([-1, -6, 106.5, 21.75]);
    expect(boxOf([feature(null)])).toBeNull();
    expect(boxOf([])).toBeNull();
  });
});

describe('rememberBoxes', () => {
  it('takes boxes computed elsewhere for those very features (four numbers each)', () => {
    const list = [...features];
    const computed = Float64Array.from(featureBoxes(features));
    rememberBoxes(list, computed);
    expect(featureBoxes(list)).toBe(computed);
  });

  it('ignores boxes of another length, and the features get their own', () => {
    const list = [...features];
    const wrong = new Float64Array(4);
    rememberBoxes(list, wrong);
    expect(featureBoxes(list)).not.toBe(wrong);
    expect([...featureBoxes(list).slice(0, 4)]).toEqual([105.5, 20.25, 105.5, 20.25]);
  });
});
