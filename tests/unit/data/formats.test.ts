import { describe, expect, it } from 'vitest';
import { LoadError, loadLayer, readFileKind, type LoadResult } from '../../../src/data/index.ts';
import { fixture, fixtureText } from './helpers.ts';

const NAMES = [
  'Thôn Đông Hải',
  'Xóm Tiền Phong',
  'Thôn Ngọc Tỉnh',
  'Tổ dân phố Số 3',
  'Xóm Lạc Nghiệp',
  'Thôn Hoành Nha',
];

function names(r: LoadResult): unknown[] {
  return r.collection.features.map((f) => f.properties?.name);
}

describe('readFileKind', () => {
  it('tells formats apart by name and content', () => {
    expect(readFileKind('thon.geojson', fixture('hamlets.geojson'))).toBe('geojson');
    expect(readFileKind('thon.zip', fixture('hamlets-vn2000-utf8.zip'))).toBe('shapefile-zip');
    expect(readFileKind('a.kmz', fixture('facilities.kmz'))).toBe('kmz');
    expect(readFileKind('a.kml', fixture('facilities.kml'))).toBe('kml');
    expect(readFileKind('a.xml', fixtureText('facilities.kml'))).toBe('kml');
    expect(readFileKind('tram.csv', fixture('sites.csv'))).toBe('csv');
    expect(readFileKind('du-an.json', '{"version":1,"layers":{}}')).toBe('project');
    expect(readFileKind('thon.json', fixture('hamlets.geojson'))).toBe('geojson');
    expect(readFileKind('photo.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toBe('unknown');
  });
});

describe('GeoJSON', () => {
  it('imports hamlets with normalised id, name and households, keeping source properties', async () => {
    const r = await loadLayer({ name: 'hamlets.geojson', data: fixture('hamlets.geojson') }, 'hamlets');
    expect(r.report.imported).toBe(6);
    expect(r.report.skipped).toEqual([]);
    expect(names(r)).toEqual(NAMES);
    const p = r.collection.features[0]?.properties;
    expect(p).toMatchObject({
      id: 'GT-01',
      households: 200,
      commune: 'Thị trấn Ngô Đồng',
      commune_code: '14149',
      MA_THON: 'GT-01',
    });
    expect(r.crs.applied).toBe('WGS84');
  });

  it('uses the field mapping the user chose over the guess', async () => {
    const r = await loadLayer({ name: 'h.geojson', data: fixture('hamlets.geojson') }, 'hamlets', {
      fields: { name: 'TEN_XA', id: 'MA_XA' },
    });
    expect(r.collection.features[0]?.properties).toMatchObject({ id: '14149', name: 'Thị trấn Ngô Đồng' });
  });

  it('refuses broken JSON with the line and column', async () => {
    const err = await loadLayer({ name: 'broken.geojson', data: fixture('broken.geojson') }, 'hamlets').catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(LoadError);
    expect((err as LoadError).message).toMatch(/^broken\.geojson: is not valid JSON at line \d+, column \d+/);
    expect((err as LoadError).file).toBe('broken.geojson');
    expect((err as LoadError).fix).not.toBe('');
  });

  it('refuses empty files and non-GeoJSON JSON clearly', async () => {
    await expect(loadLayer({ name: 'e.geojson', data: '' }, 'hamlets')).rejects.toThrow(
      /e\.geojson: is empty/,
    );
    await expect(
      loadLayer({ name: 'e.geojson', data: '{"type":"FeatureCollection","features":[]}' }, 'hamlets'),
    ).rejects.toThrow(/contains no features/);
    await expect(loadLayer({ name: 'x.dat', data: new Uint8Array([1, 2, 3]) }, 'hamlets')).rejects.toThrow(
      /not a format/,
    );
  });
});

describe('zipped Shapefile in VN-2000 with Vietnamese .dbf text', () => {
  for (const [file, encoding] of [
    ['hamlets-vn2000-cp1258.zip', 'windows-1258'],
    ['hamlets-vn2000-tcvn3.zip', 'tcvn3'],
    ['hamlets-vn2000-utf8.zip', 'utf-8'],
  ] as const) {
    it(`decodes ${encoding} names intact (${file})`, async () => {
      const r = await loadLayer({ name: file, data: fixture(file) }, 'hamlets');
      expect(r.encoding?.detected).toBe(encoding);
      expect(names(r)).toEqual(NAMES);
      expect(r.collection.features.map((f) => f.properties?.commune)).toContain('Thị trấn Quất Lâm');
      expect(r.collection.features[2]?.properties).toMatchObject({
        id: 'GT-03',
        households: expect.any(Number),
      });
      expect(r.crs.detected).toMatch(/VN_2000_TM3_105_30.*\.prj/);
    });
  }
});

describe('KML without a DOM', () => {
  it('reads in Node as in the import worker: no DOMParser is needed', async () => {
    const r = await loadLayer({ name: 'facilities.kml', data: fixture('facilities.kml') }, 'facilities');
    expect(r.report.imported).toBe(4);
  });
});
