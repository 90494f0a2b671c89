import { describe, expect, it } from 'vitest';
import type { Point } from 'geojson';
import { LoadError, loadLayer } from '../../../src/data/index.ts';
import { fixture } from './helpers.ts';

describe('KML and KMZ', () => {
  for (const file of ['facilities.kml', 'facilities.kmz']) {
    it(`reads placemarks from ${file} with descriptions as plain text`, async () => {
      const r = await loadLayer({ name: file, data: fixture(file) }, 'facilities');
      expect(r.report.imported).toBe(4);
      const first = r.collection.features[0];
      expect(first?.properties?.name).toBe('Trường Tiểu học Thị trấn Ngô Đồng');
      expect(first?.properties?.kind).toBe('school');
      const description = String(first?.properties?.description);
      expect(description).toBe('Trường Tiểu học Thị trấn Ngô Đồng\nSố học sinh & cán bộ: 120');
      expect(description).not.toMatch(/[<>]/);
      expect((first?.geometry as Point).coordinates).toEqual([106.431079, 20.297809]);
      expect(r.collection.features.map((f) => f.properties?.kind)).toEqual([
        'school',
        'health',
        'commune_office',
        'Tổ dân phố Số 3',
      ]);
      expect(r.report.repaired.map((i) => i.message).join()).toMatch(
        /feature 4 .*area where a point belongs/,
      );
    });
  }

  it('rejects malformed XML with a LoadError', async () => {
    const err = await loadLayer(
      { name: 'bad.kml', data: '<kml><Placemark><name>A & B</name></kml>' },
      'facilities',
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LoadError);
    expect((err as LoadError).message).toMatch(/bad\.kml: is not well-formed XML/);
  });
});
