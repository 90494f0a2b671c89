import type { FeatureCollection, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { HamletProps, InputLayers } from '../../../src/analysis/types.ts';
import { mergeBatch, mergeImported, viewForBounds } from '../../../src/components/import/applyImport.ts';
import type { AdminCollection } from '../../../src/store/appState.ts';

function square(x: number, y: number, props: Record<string, unknown>): FeatureCollection<Polygon> {
  const d = 0.01;
  return {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: props,
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [x, y],
              [x + d, y],
              [x + d, y + d],
              [x, y + d],
              [x, y],
            ],
          ],
        },
      },
    ],
  };
}

const namDinh = {
  ...square(106, 20, { code: '36', name: 'Tỉnh Nam Định' }),
  features: square(106, 20, {}).features.map((f) => ({
    ...f,
    properties: { code: '36', name: 'Tỉnh Nam Định' },
    geometry: {
      type: 'Polygon' as const,
      coordinates: [
        [
          [105.9, 19.9],
          [106.6, 19.9],
          [106.6, 20.6],
          [105.9, 20.6],
          [105.9, 19.9],
        ],
      ],
    },
  })),
} as AdminCollection;

const sample = {
  input: {
    hamlets: square(106.2, 20.2, { id: 'S', name: 'Xóm 1', synthetic: true }),
    sites: { type: 'FeatureCollection', features: [] },
  } as unknown as InputLayers,
  admin: { province: namDinh, units: null, districts: null, communes: null },
  illustrativeLayers: ['hamlets', 'sites'],
  importedFiles: [],
  dataSource: 'sample' as const,
};

describe('mergeImported', () => {
  it('hamlets in the same province start a new data set but keep the real boundaries', () => {
    const mine = square(106.3, 20.3, { id: 'A', name: 'Thôn A' });
    const out = mergeImported(sample, 'hamlets', mine, 'thon.geojson');
    expect(out?.input).toEqual({ hamlets: mine });
    expect(out?.admin.province).toBe(namDinh);
    expect(out?.illustrativeLayers).toEqual([]);
    expect(out?.importedFiles).toEqual(['thon.geojson']);
  });

  it('hamlets in another province drop the sample province boundary', () => {
    const thaiBinh = square(106.45, 20.7, { id: 'TB', name: 'Thôn Thái Bình' });
    const out = mergeImported(sample, 'hamlets', thaiBinh, 'tb.geojson');
    expect(out?.admin.province).toBeNull();
  });

  it('sites replace only the sample sites; the sample hamlets stay illustrative', () => {
    const sites = { type: 'FeatureCollection', features: [] } as FeatureCollection;
    const out = mergeImported(sample, 'sites', sites, 'tram.csv');
    expect(out?.input.hamlets).toBe(sample.input.hamlets);
    expect(out?.input.sites).toBe(sites);
    expect(out?.illustrativeLayers).toEqual(['hamlets']);
  });

  it('a second file adds to the list of the user’s files; re-importing one moves it last', () => {
    const state = { ...sample, dataSource: 'imported' as const, importedFiles: ['a.geojson', 'b.csv'] };
    const hamlets = square(106.2, 20.2, { id: 'H' } as HamletProps);
    expect(mergeImported(state, 'hamlets', hamlets, 'a.geojson')?.importedFiles).toEqual([
      'b.csv',
      'a.geojson',
    ]);
  });

  it('refuses a non-hamlet layer when there are no hamlets at all', () => {
    const empty = { ...sample, input: null };
    expect(mergeImported(empty, 'sites', square(106, 20, {}), 's.geojson')).toBeNull();
  });
});

describe('mergeBatch', () => {
  const fibre = { type: 'FeatureCollection', features: [] } as FeatureCollection;
  const mine = square(106.3, 20.3, { id: 'A', name: 'Thôn A' });

  it('puts the hamlets in first, so layers chosen before them are not swept away with the sample', () => {
    const { merged, left } = mergeBatch(sample, [
      { role: 'fibre', collection: fibre, fileName: 'cap.geojson' },
      { role: 'hamlets', collection: mine, fileName: 'thon.geojson' },
    ]);
    expect(left).toEqual([]);
    expect(merged?.input).toEqual({ hamlets: mine, fibre });
    expect(merged?.illustrativeLayers).toEqual([]);
    expect(merged?.importedFiles).toEqual(['thon.geojson', 'cap.geojson']);
  });

  it('equals importing the same files one by one, hamlets first', () => {
    const one = mergeImported(sample, 'hamlets', mine, 'thon.geojson')!;
    const two = mergeImported({ ...one, dataSource: 'imported' }, 'fibre', fibre, 'cap.geojson');
    const { merged } = mergeBatch(sample, [
      { role: 'hamlets', collection: mine, fileName: 'thon.geojson' },
      { role: 'fibre', collection: fibre, fileName: 'cap.geojson' },
    ]);
    expect(merged).toEqual(two);
  });

  it('leaves out the layers that need hamlets when there are none, and says which', () => {
    const empty = { ...sample, input: null };
    const sites = { role: 'sites' as const, collection: fibre, fileName: 's.csv' };
    expect(mergeBatch(empty, [sites])).toEqual({ merged: null, left: [sites] });
  });
});

describe('viewForBounds', () => {
  it('fits a 0.1° box in an 800×600 map at zoom ≈ 11.8 and centres it', () => {
    const v = viewForBounds([106.4, 20.25, 106.5, 20.35], { width: 800, height: 600 });
    expect(v?.center[0]).toBeCloseTo(106.45, 6);
    expect(v?.center[1]).toBeCloseTo(20.3, 2);
    // Width: 720 px / 512 / (0.1/360) ≈ 5062 → 12.3. Height: 0.1° of latitude at 20.3° is 2.96e-4 of the
    // Mercator world, 540 px / 512 / 2.96e-4 ≈ 3561 → 11.8, the tighter one.
    expect(v?.zoom).toBeGreaterThan(11.75);
    expect(v?.zoom).toBeLessThan(11.85);
  });
});
