import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  hamletsGeoJson,
  RANKING_CSV_HEADER,
  rankingCsv,
  summaryCsv,
  summaryJson,
  zonesGeoJson,
} from '../../../src/analysis/exports.ts';
import { rankHamlets } from '../../../src/analysis/rankHamlets.ts';
import { computeSummary } from '../../../src/analysis/rollups.ts';
import { DEFAULT_SETTINGS } from '../../../src/analysis/settings.ts';
import type { AnalysisResult, HamletCoverage, InputLayers } from '../../../src/analysis/types.ts';
import { makeHamlet, squareAt as square } from '../../fixtures/cli/makeHamlet.ts';

const tricky = 'Xóm "Đông", Bắc';
const hamlets: HamletCoverage[] = [
  makeHamlet({ id: 'h1', households: { 'fibre+mbb': 100 } }),
  { ...makeHamlet({ id: 'h2', name: tricky, commune: 'Xã Giao Thiện, cũ', households: { white: 120.25 } }) },
  makeHamlet({ id: 'h3', name: '=cmd()', households: { mbb: 40, weak: 60 } }),
  makeHamlet({ id: 'h0', households: { fibre: 99, mbb: 1 } }),
];
hamlets[1]!.whiteZone = square(106);

const input: InputLayers['hamlets'] = {
  type: 'FeatureCollection',
  features: hamlets.map((h, i) => ({
    type: 'Feature',
    geometry: square(105 + i * 0.01),
    properties: { id: h.id, name: h.name, households: 1, ma_thon: `MT${i}` },
  })),
};

const result: AnalysisResult = {
  hamlets,
  ranking: rankHamlets(hamlets, DEFAULT_SETTINGS),
  summary: computeSummary(hamlets, DEFAULT_SETTINGS),
  warnings: [],
  timingsMs: {},
};

function parse(csv: string): Record<string, string>[] {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const parsed = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

describe('rankingCsv', () => {
  const csv = rankingCsv(result, input);

  it('starts with a BOM and the exact header, with CRLF line ends', () => {
    expect(csv.split('\r\n')[0]).toBe('\uFEFF' + RANKING_CSV_HEADER.join(','));
    expect(RANKING_CSV_HEADER.join(',')).toBe(
      'rank,id,name,commune,district,status,tier,score,households,uncovered_households,white_area_m2,weak_area_m2,broadband_share,fibre_share,mbb_share,distance_to_fibre_m,distance_to_access_fibre_m,distance_to_backbone_m,recommended_tech,cost_vnd,cost_per_household_vnd,mode,scenario',
    );
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/\n/);
  });

  it('quotes Vietnamese names with commas and quotes so they read back intact', () => {
    expect(csv).toContain('"Xóm ""Đông"", Bắc","Xã Giao Thiện, cũ"');
    const rows = parse(csv);
    expect(rows.find((r) => r.id === 'h2')).toMatchObject({ name: tricky, commune: 'Xã Giao Thiện, cũ' });
  });

  it('lists ranked hamlets by rank, then served ones in input order with an empty rank', () => {
    const rows = parse(csv);
    expect(rows.map((r) => [r.id, r.rank, r.status])).toEqual([
      ['h2', '1', 'unserved'],
      ['h3', '2', 'partial'],
      ['h1', '', 'served'],
      ['h0', '', 'served'],
    ]);
    expect(rows[0]).toMatchObject({
      households: '120.3',
      uncovered_households: '120.3',
      white_area_m2: '120250',
      broadband_share: '0',
      recommended_tech: 'fibre',
      cost_vnd: String(120_000_000 + 120.25 * 1_500_000),
    });
    expect(rows[2]).toMatchObject({ tier: '', score: '', recommended_tech: 'none', cost_vnd: '0' });
  });

  it('defuses text that Excel would run as a formula', () => {
    expect(parse(csv).find((r) => r.id === 'h3')!.name).toBe("'=cmd()");
  });

  it('keeps only the requested ids', () => {
    expect(parse(rankingCsv(result, input, { ids: ['h3', 'h1'] })).map((r) => r.id)).toEqual(['h3', 'h1']);
  });
});

describe('hamletsGeoJson', () => {
  it('keeps every input hamlet and its properties, and adds the results in snake_case', () => {
    const fc = hamletsGeoJson(result, input);
    expect(fc.features).toHaveLength(4);
    const h2 = fc.features.find((f) => f.properties?.id === 'h2')!;
    expect(h2.geometry).toBe(input.features[1]!.geometry);
    expect(h2.properties).toMatchObject({
      ma_thon: 'MT1',
      households: 120.3,
      status: 'unserved',
      rank: 1,
      tier: 1,
      white_area_m2: 120250,
      recommended_tech: 'fibre',
    });
    expect(fc.features.find((f) => f.properties?.id === 'h1')!.properties).toMatchObject({ rank: null });
  });

  it('does not mutate the input features', () => {
    hamletsGeoJson(result, input);
    expect(input.features[0]!.properties).toEqual({
      id: 'h1',
      name: 'Xóm h1',
      households: 1,
      ma_thon: 'MT0',
    });
  });
});

describe('zonesGeoJson', () => {
  it('gives one polygon per hamlet with a zone, tagged with the hamlet', () => {
    const fc = zonesGeoJson(result, 'white');
    expect(fc.features).toHaveLength(1);
    expect(fc.features[0]!.properties).toMatchObject({ hamlet_id: 'h2', name: tricky, class: 'white' });
    expect(zonesGeoJson(result, 'weak').features).toHaveLength(0);
    expect(zonesGeoJson(result, 'white', { ids: ['h1'] }).features).toHaveLength(0);
  });
});

describe('summaryCsv / summaryJson', () => {
  it('writes one row per unit of the chosen level, or all levels', () => {
    expect(parse(summaryCsv(result.summary, 'province'))).toHaveLength(1);
    const all = parse(summaryCsv(result.summary, 'all'));
    expect(all.map((r) => r.level)).toEqual(['province', 'district', 'commune']);
    expect(all[0]).toMatchObject({ households: '420.3', hamlets_served: '2', hamlets_unserved: '1' });
  });

  it('round-trips the summary as JSON', () => {
    expect(JSON.parse(summaryJson(result.summary))).toEqual(JSON.parse(JSON.stringify(result.summary)));
  });
});
