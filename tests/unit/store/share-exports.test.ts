import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { rankHamlets } from '../../../src/analysis/rankHamlets.ts';
import { computeSummary } from '../../../src/analysis/rollups.ts';
import { DEFAULT_SETTINGS } from '../../../src/analysis/settings.ts';
import type { AnalysisResult, HamletCoverage, InputLayers } from '../../../src/analysis/types.ts';
import { buildExport, type ExportInput } from '../../../src/store/share/exportFiles.ts';
import { makeHamlet, squareAt as square } from '../../fixtures/cli/makeHamlet.ts';

const gt = { district_code: '362', district: 'Huyện Giao Thủy' };
const hh = { district_code: '363', district: 'Huyện Hải Hậu' };
const hamlets: HamletCoverage[] = [
  makeHamlet({
    id: 'a',
    name: 'Xóm Đông Hải',
    commune_code: '14350',
    commune: 'Xã Giao Thiện',
    ...gt,
    households: { white: 150 },
  }),
  makeHamlet({
    id: 'b',
    name: 'Thôn Quất Lâm',
    commune_code: '14351',
    commune: 'Xã Giao Phong',
    ...gt,
    households: { weak: 80, mbb: 70 },
  }),
  makeHamlet({
    id: 'c',
    name: 'Tổ dân phố 4',
    commune_code: '14400',
    commune: 'Xã Hải Đông',
    ...hh,
    households: { white: 90, fibre: 10 },
  }),
  makeHamlet({
    id: 'd',
    name: 'Xóm Bến',
    commune_code: '14400',
    commune: 'Xã Hải Đông',
    ...hh,
    households: { 'fibre+mbb': 200 },
  }),
];
hamlets[0]!.whiteZone = square(106.3);
hamlets[2]!.whiteZone = square(106.5);
hamlets[1]!.weakZone = square(106.4);

const layer: InputLayers['hamlets'] = {
  type: 'FeatureCollection',
  features: hamlets.map((h, i) => ({
    type: 'Feature',
    geometry: square(106.3 + i * 0.1),
    properties: { id: h.id, name: h.name },
  })),
};

const result: AnalysisResult = {
  hamlets,
  ranking: rankHamlets(hamlets, DEFAULT_SETTINGS),
  summary: computeSummary(hamlets, DEFAULT_SETTINGS, { code: '36', name: 'Tỉnh Nam Định' }),
  warnings: [],
  timingsMs: {},
};

const input = (over: Partial<ExportInput> = {}): ExportInput => ({
  result,
  hamlets: layer,
  ids: ['a', 'b'],
  area: { level: 'district', code: '362' },
  areaName: 'Huyện Giao Thủy',
  date: new Date(2026, 10, 26),
  ...over,
});

function csvRows(text: string): Record<string, string>[] {
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const parsed = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

describe('exports of the current view', () => {
  it('writes only the filtered hamlets to the ranking CSV, with BOM and Vietnamese names intact', () => {
    const f = buildExport('ranking-csv', input());
    expect(f.fileName).toBe('vungtrang-ranking-huyen-giao-thuy-2026-11-26.csv');
    expect(f.mime).toBe('text/csv;charset=utf-8');
    const rows = csvRows(f.text);
    expect(rows.map((r) => r.name)).toEqual(['Xóm Đông Hải', 'Thôn Quất Lâm']);
    expect(rows[0]?.commune).toBe('Xã Giao Thiện');
    expect(f.count).toBe(2);
  });

  it('writes the filtered ranking as GeoJSON with geometry and results', () => {
    const f = buildExport('ranking-geojson', input({ ids: ['c'] }));
    expect(f.fileName).toBe('vungtrang-ranking-huyen-giao-thuy-2026-11-26.geojson');
    const fc = JSON.parse(f.text) as FeatureCollection;
    expect(fc.features.map((x) => x.properties?.name)).toEqual(['Tổ dân phố 4']);
    expect(fc.features[0]?.properties?.status).toBe('partial');
    expect(fc.features[0]?.geometry.type).toBe('Polygon');
  });

  it('writes the white and weak zones of the filtered hamlets only', () => {
    const white = JSON.parse(buildExport('white-geojson', input()).text) as FeatureCollection;
    expect(white.features.map((x) => x.properties?.hamlet_id)).toEqual(['a']);
    const weak = buildExport('weak-geojson', input());
    expect(weak.fileName).toBe('vungtrang-weak-zones-huyen-giao-thuy-2026-11-26.geojson');
    expect((JSON.parse(weak.text) as FeatureCollection).features.map((x) => x.properties?.hamlet_id)).toEqual(
      ['b'],
    );
  });

  it('summarises the selected district with its communes and the province for context', () => {
    const rows = csvRows(buildExport('summary-csv', input()).text);
    expect(rows.map((r) => `${r.level}:${r.code}`)).toEqual([
      'province:36',
      'district:362',
      'commune:14350',
      'commune:14351',
    ]);
    expect(rows[1]?.name).toBe('Huyện Giao Thủy');
  });

  it('summarises a selected commune with its district', () => {
    const f = buildExport(
      'summary-csv',
      input({ area: { level: 'commune', code: '14400' }, areaName: 'Xã Hải Đông' }),
    );
    expect(f.fileName).toBe('vungtrang-summary-xa-hai-dong-2026-11-26.csv');
    expect(csvRows(f.text).map((r) => `${r.level}:${r.code}:${r.households}`)).toEqual([
      'province:36:600',
      'district:363:300',
      'commune:14400:300',
    ]);
  });
});
