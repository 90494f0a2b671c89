import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FeatureCollection, MultiPolygon } from 'geojson';
import {
  guessFields,
  guessRole,
  LoadError,
  loadLayer,
  reportCsv,
  validateLayer,
  type LayerRole,
} from '../../../src/data/index.ts';
import { FIXTURES, fixture, fixtureText } from './helpers.ts';

const problems = JSON.parse(fixtureText('hamlets-problems.geojson')) as FeatureCollection;

describe('validateLayer on a file with one problem per feature', () => {
  const { collection, report } = validateLayer(structuredClone(problems), 'hamlets', 'thon.geojson');
  const find = (list: typeof report.skipped, index: number): string =>
    list.find((i) => i.index === index)?.message ?? '';

  it('imports the valid and repaired features and counts the rest', () => {
    expect(report.total).toBe(9);
    expect(collection.features.map((f) => f.properties?.id)).toEqual(['P-01', 'P-02', 'P-05', 'P-08']);
    expect(report.imported).toBe(4);
    expect(report.skipped.map((i) => i.index)).toEqual([2, 3, 5, 6, 8]);
  });

  it('repairs a self-intersecting polygon and says so', () => {
    expect(find(report.repaired, 1)).toMatch(
      /^thon\.geojson: feature 2 \(id P-02, "Thôn Nơ"\): was self-intersecting .*MultiPolygon of 2 parts/,
    );
    expect((collection.features[1]?.geometry as MultiPolygon).type).toBe('MultiPolygon');
  });

  it('names each problem, the file and the feature, with a fix', () => {
    expect(find(report.skipped, 2)).toMatch(/feature 3 \("Thôn Không Mã"\): has no id/);
    expect(find(report.skipped, 3)).toMatch(
      /feature 4 \(id P-01, "Thôn Trùng Mã"\): has the same id "P-01" as feature 1/,
    );
    expect(find(report.warnings, 4)).toMatch(/household count "khoảng 200" in "SO_HO" that is not a number/);
    expect(find(report.skipped, 5)).toMatch(/is a point \(Point\) where an area \(polygon\) belongs/);
    expect(find(report.skipped, 6)).toMatch(/coordinates out of range/);
    expect(find(report.repaired, 7)).toMatch(/feature 8 .*outer ring was not closed; closed it/);
    expect(find(report.skipped, 8)).toMatch(/too few positions/);
    for (const i of [...report.skipped, ...report.repaired, ...report.warnings]) {
      expect(i.message.startsWith('thon.geojson: ')).toBe(true);
      expect(i.fix.length).toBeGreaterThan(5);
    }
    expect(report.skipped[1]).toMatchObject({ index: 3, id: 'P-01', name: 'Thôn Trùng Mã' });
  });

  it('leaves a non-numeric household count empty but keeps the hamlet', () => {
    const f = collection.features.find((x) => x.properties?.id === 'P-05');
    expect(f?.properties?.households).toBeUndefined();
  });

  it('does not mutate its input', () => {
    const frozen = structuredClone(problems);
    const before = JSON.stringify(frozen);
    validateLayer(frozen, 'hamlets', 'thon.geojson');
    expect(JSON.stringify(frozen)).toBe(before);
  });
});

describe('reportCsv', () => {
  it('lists every issue with file, outcome, feature number, id, name, message and fix', () => {
    const { report } = validateLayer(problems, 'hamlets', 'thon.geojson');
    const csv = reportCsv(report);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('file,role,outcome,feature,id,name,message,fix');
    expect(lines).toHaveLength(1 + report.skipped.length + report.repaired.length + report.warnings.length);
    expect(lines[1]).toMatch(/^thon\.geojson,hamlets,skipped,3,,Thôn Không Mã,/);
  });

  it('neutralises spreadsheet formulas in names from user files', () => {
    const fc = {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { id: 'a', name: '=HYPERLINK("x")' }, geometry: null }],
    };
    const csv = reportCsv(validateLayer(fc, 'hamlets', 'f.geojson').report);
    expect(csv).toContain(`'=HYPERLINK`);
  });
});

describe('role normalisation', () => {
  it('normalises admin codes, fibre kinds, coverage levels and household points', () => {
    const pt = { type: 'Point', coordinates: [106.2, 20.3] };
    const poly = {
      type: 'Polygon',
      coordinates: [
        [
          [106, 20],
          [106.1, 20],
          [106.1, 20.1],
          [106, 20],
        ],
      ],
    };
    const line = {
      type: 'LineString',
      coordinates: [
        [106, 20],
        [106.1, 20.1],
      ],
    };
    const f = (properties: object, geometry: object): object => ({ type: 'Feature', properties, geometry });
    const run = (role: LayerRole, features: object[]): FeatureCollection =>
      validateLayer({ type: 'FeatureCollection', features }, role, 'x.geojson').collection;
    expect(
      run('communes', [f({ ma_xa: 14149, ten: 'Xã A', loai: 'Xã' }, poly)]).features[0]?.properties,
    ).toMatchObject({ code: '14149', name: 'Xã A', type: 'Xã' });
    expect(
      run('fibre', [f({ loai: 'Trục' }, line), f({}, pt)]).features.map((x) => x.properties?.kind),
    ).toEqual(['backbone', 'access']);
    expect(run('coverage', [f({ tech: 'LTE', level: 'yếu' }, poly)]).features[0]?.properties).toMatchObject({
      tech: '4G',
      level: 'weak',
    });
    expect(
      run('households', [f({}, pt), f({ so_ho: '3' }, pt)]).features.map((x) => x.properties?.count),
    ).toEqual([1, 3]);
    expect(
      run('hamlets', [f({ ma: 'T1', ten: 'Thôn 1', ho: '1.234' }, poly)]).features[0]?.properties?.households,
    ).toBe(1234);
    const sites = validateLayer(
      { type: 'FeatureCollection', features: [f({ id: 's' }, pt)] },
      'sites',
      'x.geojson',
    );
    expect(sites.report.skipped[0]?.message).toMatch(/no technology/);
  });

  it('takes hamlet ids from the Feature id when the properties have none', () => {
    const poly = {
      type: 'Polygon',
      coordinates: [
        [
          [106, 20],
          [106.1, 20],
          [106.1, 20.1],
          [106, 20],
        ],
      ],
    };
    const features = [7, 'T-2'].map((id) => ({
      type: 'Feature',
      id,
      properties: { ten: 'A' },
      geometry: poly,
    }));
    const { collection, report } = validateLayer(
      { type: 'FeatureCollection', features },
      'hamlets',
      'f.geojson',
    );
    expect(collection.features.map((f) => f.properties?.id)).toEqual(['7', 'T-2']);
    expect(report.warnings).toEqual([]);
  });

  it('lists a skipped feature only as skipped, not also as repaired', () => {
    const open = {
      type: 'Polygon',
      coordinates: [
        [
          [106, 20],
          [106.1, 20],
        ],
      ],
    };
    const { report } = validateLayer(
      { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { id: 'a' }, geometry: open }] },
      'hamlets',
      'f.geojson',
    );
    expect(report.skipped).toHaveLength(1);
    expect(report.repaired).toEqual([]);
  });

  it('gives hamlets ids from their position when no id column exists, and says so', () => {
    const poly = {
      type: 'Polygon',
      coordinates: [
        [
          [106, 20],
          [106.1, 20],
          [106.1, 20.1],
          [106, 20],
        ],
      ],
    };
    const { collection, report } = validateLayer(
      {
        type: 'FeatureCollection',
        features: [{ type: 'Feature', properties: { ten: 'A' }, geometry: poly }],
      },
      'hamlets',
      'dir/thon.geojson',
    );
    expect(collection.features[0]?.properties?.id).toBe('thon-1');
    expect(report.warnings[0]?.message).toMatch(/no id column/);
  });
});

describe('guessRole and guessFields', () => {
  it('guesses hamlet fields from Vietnamese column names', () => {
    const fc = {
      features: [
        {
          type: 'Feature',
          properties: { MA_XA: '1', MA_THON: 'T', TEN_THON: 'n', SO_HO: 1, TEN_XA: 'x' },
          geometry: null,
        },
      ],
    };
    expect(guessFields(fc, 'hamlets')).toMatchObject({
      id: 'MA_THON',
      name: 'TEN_THON',
      households: 'SO_HO',
      commune: 'TEN_XA',
      commune_code: 'MA_XA',
    });
    expect(guessFields({ features: [{ properties: { ma: 1, ten: 'a', ho: 2 } }] }, 'hamlets')).toEqual({
      id: 'ma',
      name: 'ten',
      households: 'ho',
    });
  });

  it('guesses the role from geometry and fields', async () => {
    const pt = (properties: object): object => ({
      type: 'Feature',
      properties,
      geometry: { type: 'Point', coordinates: [0, 0] },
    });
    expect(guessRole(JSON.parse(fixtureText('hamlets.geojson')) as FeatureCollection)).toBe('hamlets');
    expect(guessRole({ features: [pt({ tech: '4G' })] })).toBe('sites');
    expect(guessRole({ features: [pt({ kind: 'school' })] })).toBe('facilities');
    expect(guessRole({ features: [pt({ count: 2 })] })).toBe('households');
    expect(
      guessRole({
        features: [{ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [] } }],
      }),
    ).toBe('fibre');
    const area = (properties: object): object => ({
      type: 'Feature',
      properties,
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [0, 1],
            [0, 0],
          ],
        ],
      },
    });
    expect(guessRole({ features: [area({ code: '1', name: 'Xã Giao Hải', type: 'Xã' })] })).toBe('communes');
    expect(guessRole({ features: [area({ code: '365', name: 'Huyện Giao Thủy', type: 'Huyện' })] })).toBe(
      'districts',
    );
    expect(guessRole({ features: [area({ tech: '4G' })] })).toBe('coverage');
    const src = JSON.parse(fixtureText('source/communes-giao-thuy.geojson')) as FeatureCollection;
    expect(guessRole(src)).toBe('communes');
    const sites = await loadLayer({ name: 'sites.csv', data: fixture('sites.csv') }, 'sites');
    expect(guessRole(sites.collection)).toBe('sites');
  });
});

describe('geojsonhint bad files', () => {
  const files = readdirSync(join(FIXTURES, 'bad')).filter((f) => f.endsWith('.geojson'));
  for (const role of ['hamlets', 'sites'] as const) {
    it(`each gives a report or a LoadError as ${role}, never an uncaught exception`, async () => {
      expect(files.length).toBe(44);
      for (const file of files) {
        try {
          const r = await loadLayer({ name: file, data: fixture(`bad/${file}`) }, role);
          const issues = [...r.report.skipped, ...r.report.repaired, ...r.report.warnings];
          expect(r.report.imported + r.report.skipped.length, file).toBeGreaterThanOrEqual(r.report.total);
          for (const i of issues)
            expect(i.message, file).toMatch(new RegExp(`^${file.replace(/\./g, '\\.')}: `));
        } catch (err) {
          expect(err, file).toBeInstanceOf(LoadError);
          expect((err as LoadError).message, file).toMatch(/^\S+\.geojson: .{10,}/);
        }
      }
    });
  }

  it('explains a polygon whose brackets are one level short', async () => {
    const r = await loadLayer(
      { name: 'bad-polygonloop.geojson', data: fixture('bad/bad-polygonloop.geojson') },
      'hamlets',
    );
    expect(r.report.skipped[0]?.message).toMatch(/nested one level too shallow/);
  });

  it('rejects string coordinates for points', async () => {
    const r = await loadLayer(
      { name: 'stringcoord.geojson', data: fixture('bad/stringcoord.geojson') },
      'sites',
    );
    expect(r.report.skipped.map((i) => i.message).join('\n')).toMatch(/not a number/);
  });
});
