import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  hamletsGeoJson,
  LENS_COLUMNS,
  LENS_RANK_COLUMNS,
  operatorsCsv,
  RANKING_CSV_HEADER,
  rankingCsv,
  sharingCsv,
  summaryCsv,
  summaryJson,
  zonesGeoJson,
} from '../../../src/analysis/exports.ts';
import type { ColocationCandidate } from '../../../src/analysis/colocation.ts';
import { rankLens } from '../../../src/analysis/lensRanking.ts';
import { rankHamlets } from '../../../src/analysis/rankHamlets.ts';
import { computeSummary } from '../../../src/analysis/rollups.ts';
import { DEFAULT_SETTINGS } from '../../../src/analysis/settings.ts';
import type { AnalysisResult, HamletCoverage, InputLayers } from '../../../src/analysis/types.ts';
import { makeHamlet, squareAt as square } from '../../fixtures/cli/makeHamlet.ts';

const tricky = 'Xóm "Đông", Bắc';
const hamlets: HamletCoverage[] = [
  makeHamlet({ id: 'h1', households: { 'fibre+mbb': 100 } }),
  { ...makeHamlet({ id: 'h2', name: tricky, commune: 'Xã Giao Thiện, cũ', households: { white: 120.25 } }) },
  makeHamlet({
    id: 'h3',
    name: '=cmd()',
    households: { mbb: 40, weak: 60 },
    operators: [{ operator: '@Op', mbbShare: 0.4, fibreShare: 0, mbbHouseholds: 40, fibreHouseholds: 0 }],
  }),
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
      'rank,id,name,commune,district,status,tier,score,households,uncovered_households,white_area_m2,weak_area_m2,broadband_share,fibre_share,mbb_share,distance_to_fibre_m,distance_to_access_fibre_m,distance_to_backbone_m,recommended_tech,cost_vnd,cost_per_household_vnd,' +
        'mbb_0op_share,mbb_1op_share,mbb_2op_share,mbb_0op_households,mbb_1op_households,mbb_2op_households,market_class,mode,scenario',
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

describe('the operator dimension in the exports', () => {
  it("adds an operator's lens columns and a lens ranking's order and columns", () => {
    const lensRows = rankLens(hamlets, DEFAULT_SETTINGS, { preset: 'operator-commercial', operator: '@Op' });
    const csv = rankingCsv(result, input, {
      operator: '@Op',
      lensRanking: { preset: 'operator-commercial', rows: lensRows },
    });
    expect(csv.split('\r\n')[0]).toBe(
      '\uFEFF' +
        [...RANKING_CSV_HEADER.slice(0, -2), ...LENS_COLUMNS, ...LENS_RANK_COLUMNS, 'mode', 'scenario'].join(
          ',',
        ),
    );
    const rows = parse(csv);
    // By lens rank: h1's gap (100) is all where competitors cover (0.5·40/60.25 + 0.3), h2's is the largest
    // (120.25) but white (0.5), h0's 100 is 1 % competitor-only; h3's 60 is the smallest and white (0).
    expect(rows.map((r) => [r.id, r.lens_rank])).toEqual([
      ['h1', '1'],
      ['h2', '2'],
      ['h0', '3'],
      ['h3', '4'],
    ]);
    expect(rows.find((r) => r.id === 'h3')).toMatchObject({
      op_mbb_share: '0.4',
      op_gap_households: '60',
      op_competitor_only_households: '0',
      op_white_households: '60',
      lens_preset: 'operator-commercial',
    });
    // Hamlets the lens does not rank follow in the order they have without it.
    const two = { preset: 'operator-commercial', rows: lensRows.slice(0, 2) };
    expect(parse(rankingCsv(result, input, { lensRanking: two })).map((r) => [r.id, r.lens_rank])).toEqual([
      ['h1', '1'],
      ['h2', '2'],
      ['h3', ''],
      ['h0', ''],
    ]);
    const props = hamletsGeoJson(result, input, { operator: '@Op' }).features.find(
      (f) => f.properties?.id === 'h1',
    )?.properties;
    expect(props).toMatchObject({ op_gap_households: 100, op_competitor_only_households: 100 });
    expect(props).not.toHaveProperty('lens_rank');
  });

  it('writes operators.csv and sharing.csv with operator names guarded against formulas', () => {
    const ops = parse(operatorsCsv(result));
    expect(ops).toEqual([
      {
        hamlet_id: 'h3',
        operator: "'@Op",
        mbb_share: '0.4',
        fibre_share: '0',
        mbb_households: '40',
        fibre_households: '0',
        mode: 'baseline',
        scenario: '',
      },
    ]);
    expect(parse(operatorsCsv(result, { ids: ['h1'] }))).toEqual([]);
    const candidate = {
      siteId: '=S1',
      ownerOperator: 'Viettel',
      kind: 'share',
      radiusM: 2500,
      hamlets: [
        { id: 'h2', households: 80.25 },
        { id: 'h3', households: 20 },
      ],
      householdsGained: 100.25,
      costVnd: 500_000_000,
      costPerHouseholdVnd: 500_000_000 / 100.25,
    } as ColocationCandidate;
    expect(parse(sharingCsv([candidate]))).toEqual([
      {
        site_id: "'=S1",
        owner_operator: 'Viettel',
        hamlet_ids: 'h2;h3',
        households_gained: '100.3',
        cost_vnd: '500000000',
        cost_per_household_vnd: '4987531',
        kind: 'share',
        radius_m: '2500',
        mode: 'baseline',
        scenario: '',
      },
    ]);
  });
});
