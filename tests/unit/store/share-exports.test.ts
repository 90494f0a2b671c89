import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { rankHamlets } from '../../../src/analysis/rankHamlets.ts';
import { computeSummary } from '../../../src/analysis/rollups.ts';
import { DEFAULT_SETTINGS } from '../../../src/analysis/settings.ts';
import type { AnalysisResult, HamletCoverage, InputLayers } from '../../../src/analysis/types.ts';
import {
  buildExport,
  EXPORT_KINDS,
  type ExportInput,
  type ExportKind,
} from '../../../src/store/share/exportFiles.ts';
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
  summaryAreaName: over.areaName ?? 'Huyện Giao Thủy',
  date: new Date(2026, 10, 26),
  plan: { kind: 'baseline' },
  lang: 'vi',
  planLabel: 'Hiện trạng',
  dataNote: 'Dữ liệu minh hoạ',
  ...over,
});

/** The export's text (every kind but the spreadsheet is text). */
async function text(kind: ExportKind, over: Partial<ExportInput> = {}): Promise<string> {
  const body = (await buildExport(kind, input(over))).body;
  expect(typeof body).toBe('string');
  return body as string;
}

function csvRows(text: string): Record<string, string>[] {
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const parsed = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

describe('exports of the current view', () => {
  it('writes only the filtered hamlets to the ranking CSV, with BOM and Vietnamese names intact', async () => {
    const f = await buildExport('ranking-csv', input());
    expect(f.fileName).toBe('vungtrang-ranking-huyen-giao-thuy-baseline-2026-11-26.csv');
    expect(f.mime).toBe('text/csv;charset=utf-8');
    const rows = csvRows(f.body as string);
    expect(rows.map((r) => r.name)).toEqual(['Xóm Đông Hải', 'Thôn Quất Lâm']);
    expect(rows[0]?.commune).toBe('Xã Giao Thiện');
    expect(f.count).toBe(2);
  });

  it('writes the filtered ranking as GeoJSON with geometry and results', async () => {
    const f = await buildExport('ranking-geojson', input({ ids: ['c'] }));
    expect(f.fileName).toBe('vungtrang-ranking-huyen-giao-thuy-baseline-2026-11-26.geojson');
    const fc = JSON.parse(f.body as string) as FeatureCollection;
    expect(fc.features.map((x) => x.properties?.name)).toEqual(['Tổ dân phố 4']);
    expect(fc.features[0]?.properties?.status).toBe('partial');
    expect(fc.features[0]?.geometry.type).toBe('Polygon');
  });

  it('writes the white and weak zones of the filtered hamlets only', async () => {
    const white = JSON.parse(await text('white-geojson')) as FeatureCollection;
    expect(white.features.map((x) => x.properties?.hamlet_id)).toEqual(['a']);
    const weak = await buildExport('weak-geojson', input());
    expect(weak.fileName).toBe('vungtrang-weak-zones-huyen-giao-thuy-baseline-2026-11-26.geojson');
    expect(
      (JSON.parse(weak.body as string) as FeatureCollection).features.map((x) => x.properties?.hamlet_id),
    ).toEqual(['b']);
  });

  it('summarises the selected district with its communes and the province for context', async () => {
    const rows = csvRows(await text('summary-csv'));
    expect(rows.map((r) => `${r.level}:${r.code}`)).toEqual([
      'province:36',
      'district:362',
      'commune:14350',
      'commune:14351',
    ]);
    expect(rows[1]?.name).toBe('Huyện Giao Thủy');
  });

  it('summarises a selected commune with its district', async () => {
    const f = await buildExport(
      'summary-csv',
      input({ area: { level: 'commune', code: '14400' }, areaName: 'Xã Hải Đông' }),
    );
    expect(f.fileName).toBe('vungtrang-summary-xa-hai-dong-baseline-2026-11-26.csv');
    expect(csvRows(f.body as string).map((r) => `${r.level}:${r.code}:${r.households}`)).toEqual([
      'province:36:600',
      'district:363:300',
      'commune:14400:300',
    ]);
  });

  it('names the plan (baseline or scenario) in every file name and in every file', async () => {
    const plan = { kind: 'scenario', name: 'Hai trạm' } as const;
    const over = { plan, planLabel: 'Phương án: Hai trạm (2 thay đổi)' };
    for (const kind of EXPORT_KINDS) {
      const f = await buildExport(kind, input(over));
      expect(f.fileName, kind).toMatch(/-scenario-hai-tram-2026-11-26\.(csv|geojson|xlsx)$/);
      if (typeof f.body !== 'string') continue; // the spreadsheet's title rows: tests/unit/analysis/xlsx.test.ts
      if (f.fileName.endsWith('.csv')) {
        const rows = csvRows(f.body);
        expect(rows.length, kind).toBeGreaterThan(0);
        for (const r of rows) expect([r.mode, r.scenario], kind).toEqual(['scenario', 'Hai trạm']);
      } else {
        const fc = JSON.parse(f.body) as FeatureCollection;
        expect(fc.features.length, kind).toBeGreaterThan(0);
        for (const x of fc.features)
          expect([x.properties?.mode, x.properties?.scenario]).toEqual(['scenario', 'Hai trạm']);
      }
    }
    const baseline = csvRows(await text('ranking-csv'));
    expect(baseline.map((r) => [r.mode, r.scenario])).toEqual([
      ['baseline', ''],
      ['baseline', ''],
    ]);
  });

  it('names the province row after the boundaries when the hamlets carry no province', async () => {
    const unnamed = { ...result, summary: computeSummary(hamlets, DEFAULT_SETTINGS) };
    const rows = csvRows(await text('summary-csv', { result: unnamed, provinceName: 'Tỉnh Nam Định' }));
    expect(rows[0]).toMatchObject({ level: 'province', code: 'all', name: 'Tỉnh Nam Định' });
  });
});
