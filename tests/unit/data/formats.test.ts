import { describe, expect, it } from 'vitest';
import type { Point, Polygon } from 'geojson';
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
  it('explains that Node needs an XML parser instead of crashing', async () => {
    await expect(
      loadLayer({ name: 'facilities.kml', data: fixture('facilities.kml') }, 'facilities'),
    ).rejects.toThrow(/facilities\.kml: is KML, and this environment has no XML parser/);
  });
});

describe('CSV of sites', () => {
  it('maps odd Vietnamese column names and normalises technology', async () => {
    const r = await loadLayer({ name: 'sites.csv', data: fixture('sites.csv') }, 'sites');
    expect(r.report.imported).toBe(4);
    expect(r.collection.features.map((f) => f.properties?.tech)).toEqual(['4G', '2G,3G,4G', '4G', '5G']);
    expect(r.collection.features.map((f) => f.properties?.operator)).toEqual([
      'Viettel',
      'VNPT',
      'MobiFone',
      'Viettel',
    ]);
    expect(r.collection.features.map((f) => f.properties?.radius_m)).toEqual([2500, 3000, undefined, 600]);
    expect(r.collection.features[0]?.properties?.id).toBe('GT1');
    expect(r.report.skipped).toHaveLength(1);
    expect(r.report.skipped[0]?.message).toMatch(/sites\.csv: row 6 \(id GT9\): has no usable coordinates/);
  });

  it('names CSV rows by their line in the file', async () => {
    const csv = 'lon,lat,tech\n,,4G\n106.1,20.4,4G\n106.2,20.5,carrier pigeon\n';
    const r = await loadLayer({ name: 's.csv', data: csv }, 'sites');
    expect(r.report.skipped.map((i) => i.index)).toEqual([0, 2]);
    expect(r.report.skipped[0]?.message).toBe('s.csv: row 2: has no usable coordinates ("", "").');
    expect(r.report.skipped[1]?.message).toBe(
      's.csv: row 4: has no recognisable technology in "tech" ("carrier pigeon").',
    );
  });

  it('honours a user column mapping over the guess', async () => {
    const csv = 'a;b;c\n20,42;106,17;4G\n';
    const r = await loadLayer({ name: 's.csv', data: csv }, 'sites', {
      csvColumns: { lon: 'b', lat: 'a', tech: 'c' },
    });
    expect((r.collection.features[0]?.geometry as Point).coordinates).toEqual([106.17, 20.42]);
  });
});

describe('polygon output', () => {
  it('writes outer rings counter-clockwise as RFC 7946 asks', async () => {
    const r = await loadLayer(
      { name: 'hamlets-vn2000-utf8.zip', data: fixture('hamlets-vn2000-utf8.zip') },
      'hamlets',
    );
    for (const f of r.collection.features) {
      const ring = (f.geometry as Polygon).coordinates[0] as number[][];
      let s = 0;
      for (let i = 0; i + 1 < ring.length; i++)
        s += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
      expect(s).toBeGreaterThan(0);
    }
  });
});
