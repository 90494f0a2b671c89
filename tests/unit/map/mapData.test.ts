import type { FeatureCollection, Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../src/analysis/settings.ts';
import type { SiteProps } from '../../../src/analysis/types.ts';
import { operatorsOf, sitesForMap } from '../../../src/map/mapData.ts';
import { windowed } from '../../../src/map/detailWindow.ts';

const sites = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [106, 20] },
      properties: { tech: '4G', operator: 'B' },
    },
    {
      type: 'Feature',
      geometry: {
        type: 'LineString',
        coordinates: [
          [106, 20],
          [107, 21],
        ],
      },
      properties: { tech: '4G', operator: 'C' },
    },
    {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [108, 22] },
      properties: { tech: '2G', operator: 'A' },
    },
  ],
} as FeatureCollection<Geometry, SiteProps>;

describe('sitesForMap', () => {
  const radii = DEFAULT_SETTINGS.defaultRadiusM;

  it('numbers each site by its index in the layer and leaves out a site that is not a point', () => {
    const source = sitesForMap(sites as never, radii);
    expect(source.length).toBe(3);
    expect(source.get(0)).toMatchObject({ id: 0, properties: { operator: 'B', mbb: true } });
    expect(source.get(1)).toBeNull();
    expect(source.get(2)).toMatchObject({ id: 2, properties: { operator: 'A', mbb: false } });
    expect(source.get(3)).toBeNull();
  });

  it('builds a site once, on first need, and gives the same object after', () => {
    const source = sitesForMap({ ...sites } as never, radii);
    expect(source.get(2)).toBe(source.get(2));
  });

  it('gives a window only the sites whose point it holds', () => {
    const source = sitesForMap(sites as never, radii);
    const ids = (w: Parameters<typeof windowed>[1]) => windowed(source, w).features.map((f) => f.id);
    expect(ids({ bounds: [107.5, 21.5, 108.5, 22.5] })).toEqual([2]);
    expect(ids('none')).toEqual([]);
    expect(ids('all')).toEqual([0, 2]);
  });
});

describe('operatorsOf', () => {
  it('lists the sites’ operators sorted, the same array while the sites are the same', () => {
    const layer = sites as never;
    expect(operatorsOf(layer)).toEqual(['A', 'B', 'C']);
    expect(operatorsOf(layer)).toBe(operatorsOf(layer));
    expect(operatorsOf(undefined)).toEqual([]);
  });
});
