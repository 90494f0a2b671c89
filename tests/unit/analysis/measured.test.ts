import type { Feature, Point, Polygon, Position } from 'geojson';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analysis/analyze.ts';
import { challengeList } from '../../../src/analysis/challenges.ts';
import {
  challengesCsv,
  challengesGeoJson,
  hamletsGeoJson,
  rankingCsv,
  RANKING_CSV_HEADER,
} from '../../../src/analysis/exports.ts';
import {
  CHALLENGES_CSV_HEADER,
  challengesSheet,
  MEASURED_COLUMNS,
} from '../../../src/analysis/measuredExports.ts';
import { median } from '../../../src/analysis/measuredHamlets.ts';
import { DEFAULT_SETTINGS } from '../../../src/analysis/settings.ts';
import type {
  FieldReportProps,
  HamletCoverage,
  HamletMeasured,
  HamletProps,
  InputLayers,
  MeasuredFigures,
  SpeedPointProps,
  SpeedTileProps,
} from '../../../src/analysis/types.ts';
import { lonLatToTile, quadkeyBounds, tileToQuadkey } from '../../../src/data/quadkey.ts';
import { site } from './helpers.ts';

/** Two zoom-16 tiles side by side (A west of B) near Nam Định. */
const A = tileToQuadkey(lonLatToTile(106.2, 20.3, 16));
const B = tileToQuadkey({ ...lonLatToTile(106.2, 20.3, 16), x: lonLatToTile(106.2, 20.3, 16).x + 1 });
const [aw, as, ae, an] = quadkeyBounds(A);
const [, , be] = quadkeyBounds(B);
const tileWidth = ae - aw;

const rect = (w: number, s: number, e: number, n: number): Position[] => [
  [w, s],
  [e, s],
  [e, n],
  [w, n],
  [w, s],
];
const hamletAt = (id: string, ring: Position[]): Feature<Polygon, HamletProps> => ({
  type: 'Feature',
  geometry: { type: 'Polygon', coordinates: [ring] },
  properties: { id, name: `Thôn ${id}`, households: 50, commune_code: 'C1', district_code: 'D1' },
});
type TileValues = Pick<SpeedTileProps, 'avg_d_kbps' | 'avg_u_kbps' | 'avg_lat_ms' | 'tests' | 'devices'>;
const tile = (quadkey: string, p: TileValues): Feature<Polygon, SpeedTileProps> => {
  const [w, s, e, n] = quadkeyBounds(quadkey);
  return {
    type: 'Feature',
    geometry: { type: 'Polygon', coordinates: [rect(w, s, e, n)] },
    properties: { quadkey, ...p },
  };
};
const at = <P>(lon: number, lat: number, properties: P): Feature<Point, P> => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [lon, lat] },
  properties,
});
const fc = <T>(features: T[]) => ({ type: 'FeatureCollection' as const, features });

// H covers the east half of A and the west quarter of B; N lies north of both tiles, with no tests.
const H = hamletAt('H', rect(aw + tileWidth / 2, as, ae + tileWidth / 4, an));
const NONE = hamletAt('N', rect(aw, an + 0.001, be, an + 0.004));
const TILE_A = tile(A, { avg_d_kbps: 2000, avg_u_kbps: 500, avg_lat_ms: 80, tests: 8, devices: 4 });
const TILE_B = tile(B, { avg_d_kbps: 20000, avg_u_kbps: 4000, avg_lat_ms: 40, tests: 12, devices: 6 });

describe('speed-test tiles spread over hamlets (golden: hand-computed weights)', () => {
  const layers: InputLayers = { hamlets: fc([H, NONE]), mobileTests: fc([TILE_A, TILE_B]) };
  const result = analyze(layers, DEFAULT_SETTINGS);
  const m = (id: string): HamletMeasured => result.measured!.hamlets.find((h) => h.id === id)!;

  it('weights each tile by tests × the share of its area in the hamlet: ½ of A, ¼ of B', () => {
    // w_A = 8 × ½ = 4, w_B = 12 × ¼ = 3: Σw = 7 (to 0.01 %: corners are rounded to the engine's 1 cm).
    const mob = m('H').mobile;
    expect(mob.tests).toBeCloseTo(7, 3);
    // down = (4 × 2 + 3 × 20) / 7 = 68 / 7 Mb/s; up = (4 × 0.5 + 3 × 4) / 7 = 2; latency = (320 + 120) / 7.
    expect(mob.downMbps).toBeCloseTo(68 / 7, 3);
    expect(mob.upMbps).toBeCloseTo(2, 3);
    expect(mob.latencyMs).toBeCloseTo(440 / 7, 3);
    // 9.71 Mb/s: above failing (5/1), below the 4G target (40).
    expect(mob.quality).toBe('below_target');
  });

  it('gives a hamlet with no tests no figure: null speeds and no_data, never 0', () => {
    const n = m('N');
    expect(n.mobile).toMatchObject({ tests: 0, downMbps: null, upMbps: null, latencyMs: null });
    expect(n.mobile.quality).toBe('no_data');
    expect(n.fixed.quality).toBe('no_data');
    const props = hamletsGeoJson(result, layers.hamlets).features.find(
      (f) => f.properties?.id === 'N',
    )!.properties!;
    expect(props).toMatchObject({
      mobile_tests: 0,
      mobile_down_mbps: null,
      mobile_up_mbps: null,
      mobile_latency_ms: null,
      mobile_quality: 'no_data',
      fixed_down_mbps: null,
    });
  });

  it('keeps fixed tiles apart from mobile ones', () => {
    const r = analyze({ hamlets: fc([H]), fixedTests: fc([TILE_A]) }, DEFAULT_SETTINGS);
    const h = r.measured!.hamlets[0]!;
    expect(h.fixed.tests).toBeCloseTo(4, 4);
    expect(h.fixed.downMbps).toBeCloseTo(2, 4);
    expect(h.fixed.quality).toBe('failing');
    expect(h.mobile.tests).toBe(0);
    expect(r.measured!.layers).toEqual({
      mobileTests: false,
      fixedTests: true,
      speedPoints: false,
      fieldReports: false,
    });
  });

  it('skips a tile without tests or with a negative speed and says which', () => {
    const bad = tile(B, { avg_d_kbps: -1, avg_u_kbps: 10, avg_lat_ms: 10, tests: 5 });
    const zero = tile(A, { avg_d_kbps: 100, avg_u_kbps: 10, avg_lat_ms: 10, tests: 0 });
    const r = analyze({ hamlets: fc([H]), mobileTests: fc([TILE_A, bad, zero]) }, DEFAULT_SETTINGS);
    expect(r.measured!.hamlets[0]!.mobile.tests).toBeCloseTo(4, 4);
    expect(r.warnings.join('\n')).toContain(`2 tiles were not used`);
    expect(r.warnings.join('\n')).toContain(`${B}, ${A}`);
  });

  it('has no measured part when no measured layer is given', () => {
    expect(analyze({ hamlets: fc([H]) }, DEFAULT_SETTINGS).measured).toBeUndefined();
  });
});

describe('speed-test points and field reports where they lie', () => {
  // W and E share the meridian 106.2 (the middle of the data, so it is exact in the projection).
  const W = hamletAt('W', rect(106.19, 20.29, 106.2, 20.3));
  const E = hamletAt('E', rect(106.2, 20.29, 106.21, 20.3));
  const ok = (d: number, u: number, tech = '4G'): SpeedPointProps => ({
    download_mbps: d,
    upload_mbps: u,
    latency_ms: 30,
    tech,
    result: 'ok',
  });

  it('counts a point on the edge two hamlets share once, in the hamlet east of it', () => {
    const r = analyze(
      { hamlets: fc([W, E]), speedPoints: fc([at(106.2, 20.295, ok(50, 10))]) },
      DEFAULT_SETTINGS,
    );
    const [w, e] = r.measured!.hamlets;
    expect(w!.mobile.points).toBe(0);
    expect(e!.mobile.points).toBe(1);
    expect(e!.mobile.pointDownMbps).toBe(50);
  });

  it('takes the medians of the points inside, apart for mobile and fixed; no_service counts but has no speed', () => {
    const pts = [
      at(106.205, 20.295, ok(10, 2)),
      at(106.206, 20.295, ok(30, 6)),
      at(106.207, 20.295, ok(80, 9, '5G')),
      at(106.208, 20.295, ok(20, 4)),
      at(106.205, 20.296, { result: 'no_service', tech: '4G' } satisfies SpeedPointProps),
      at(106.205, 20.297, ok(300, 250, 'fixed')),
      at(106.3, 20.5, ok(1, 1)),
    ];
    const r = analyze({ hamlets: fc([W, E]), speedPoints: fc(pts) }, DEFAULT_SETTINGS);
    const e = r.measured!.hamlets[1]!;
    expect(e.mobile.points).toBe(5);
    expect(e.mobile.noService).toBe(1);
    expect(e.mobile.pointDownMbps).toBe(25); // median of 10, 20, 30, 80
    expect(e.mobile.pointUpMbps).toBe(5); // median of 2, 4, 6, 9
    // 80 on 5G is below its 100 target; 30 on 4G is not ≥ 40 either: none meets.
    expect(e.mobile.pointsMeetingTarget).toBe(0);
    expect(e.mobile.quality).toBe('below_target');
    expect(e.fixed).toMatchObject({ points: 1, pointDownMbps: 300, quality: 'meets_target' });
    expect(r.measured!.outside.points).toBe(1);
    expect(r.warnings.join('\n')).toContain('Speed-test points: 1 lie outside every hamlet');
  });

  it('counts distinct field reports by result', () => {
    const report = (id: string, result: FieldReportProps['result']): FieldReportProps => ({
      id,
      time: '2026-03-14T16:21:05+07:00',
      result,
    });
    const r = analyze(
      {
        hamlets: fc([W, E]),
        fieldReports: fc([
          at(106.195, 20.295, report('a', 'no_signal')),
          at(106.196, 20.295, report('a', 'no_signal')),
          at(106.197, 20.295, report('b', 'weak')),
          at(106.205, 20.295, report('c', 'ok')),
        ]),
      },
      DEFAULT_SETTINGS,
    );
    expect(r.measured!.hamlets.map((h) => h.reports)).toEqual([
      { noSignal: 1, weak: 1, ok: 0 },
      { noSignal: 0, weak: 0, ok: 1 },
    ]);
  });

  it('median: the middle value, the mean of the two middle ones, null for none', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});

describe('quality against the targets', () => {
  const square = hamletAt('Q', rect(aw, as, ae, an));
  const quality = (d: number, u: number, kind: 'mobileTests' | 'fixedTests'): MeasuredFigures => {
    const t = tile(A, { avg_d_kbps: d, avg_u_kbps: u, avg_lat_ms: 30, tests: 6 });
    const h = analyze({ hamlets: fc([square]), [kind]: fc([t]) }, DEFAULT_SETTINGS).measured!.hamlets[0]!;
    return kind === 'mobileTests' ? h.mobile : h.fixed;
  };

  it('mobile: failing below 5 down or 1 up, below target under 40, meets target at 40', () => {
    expect(quality(4999, 2000, 'mobileTests').quality).toBe('failing');
    expect(quality(30000, 999, 'mobileTests').quality).toBe('failing');
    expect(quality(5000, 1000, 'mobileTests').quality).toBe('below_target');
    expect(quality(39999, 10000, 'mobileTests').quality).toBe('below_target');
    expect(quality(40000, 10000, 'mobileTests').quality).toBe('meets_target');
  });

  it('fixed: meets target at 200 Mb/s', () => {
    expect(quality(199000, 50000, 'fixedTests').quality).toBe('below_target');
    expect(quality(200000, 50000, 'fixedTests').quality).toBe('meets_target');
  });

  it('follows the targets in the settings', () => {
    const settings = {
      ...DEFAULT_SETTINGS,
      measured: { ...DEFAULT_SETTINGS.measured, mobile4gTargetMbps: 20 },
    };
    const t = tile(A, { avg_d_kbps: 25000, avg_u_kbps: 5000, avg_lat_ms: 30, tests: 6 });
    const r = analyze({ hamlets: fc([square]), mobileTests: fc([t]) }, settings);
    expect(r.measured!.hamlets[0]!.mobile.quality).toBe('meets_target');
  });
});

describe('the challenge list', () => {
  const cov = (id: string, mbbShare: number): HamletCoverage =>
    ({ id, name: `Thôn ${id}`, commune: 'Xã A', district: '', mbbShare }) as HamletCoverage;
  const figures = (tests: number, down: number | null, up: number | null): MeasuredFigures => ({
    tests,
    downMbps: down,
    upMbps: up,
    latencyMs: null,
    points: 0,
    noService: 0,
    pointDownMbps: null,
    pointUpMbps: null,
    pointLatencyMs: null,
    pointsMeetingTarget: 0,
    quality: 'no_data',
  });
  const meas = (id: string, mobile: MeasuredFigures, noSignal = 0): HamletMeasured => ({
    id,
    mobile,
    fixed: figures(0, null, null),
    reports: { noSignal, weak: 0, ok: 0 },
  });

  it('lists modelled-served hamlets with ≥ 5 failing weighted tests or ≥ 2 no-signal reports, and modelled-white ones with good tests', () => {
    const hamlets = [
      cov('a-fail', 1),
      cov('b-few', 1),
      cov('c-edge', 0.95),
      cov('d-reports', 0.97),
      cov('e-one-report', 1),
      cov('f-partial', 0.5),
      cov('g-white-good', 0.02),
      cov('h-white-slow', 0),
      cov('i-up', 1),
    ];
    const measured = [
      meas('a-fail', figures(5, 4.9, 3)),
      meas('b-few', figures(4.99, 1, 0.5)),
      meas('c-edge', figures(6, 3, 2), 2),
      meas('d-reports', figures(0, null, null), 2),
      meas('e-one-report', figures(0, null, null), 1),
      meas('f-partial', figures(50, 1, 0.1), 5),
      meas('g-white-good', figures(5, 45, 8)),
      meas('h-white-slow', figures(20, 39, 8)),
      meas('i-up', figures(8, 30, 0.9)),
    ];
    const list = challengeList(hamlets, measured, DEFAULT_SETTINGS);
    expect(list.map((c) => [c.id, c.direction, c.reasons.map((r) => r.kind)])).toEqual([
      ['a-fail', 'over', ['failingTests']],
      ['c-edge', 'over', ['failingTests', 'noSignalReports']],
      ['d-reports', 'over', ['noSignalReports']],
      ['i-up', 'over', ['failingTests']],
      ['g-white-good', 'under', ['goodTests']],
    ]);
    expect(list[0]!.reasons[0]).toEqual({
      kind: 'failingTests',
      mbbShare: 1,
      tests: 5,
      downMbps: 4.9,
      upMbps: 3,
    });
  });
});

describe('measured exports', () => {
  // S is served by a 4G site; its tile fails: on the challenge list. H and NONE have no site.
  const S = hamletAt('S', rect(aw, as, ae, an));
  const layers: InputLayers = {
    hamlets: fc([S, NONE]),
    sites: fc([site('S1', 0, 0, { tech: '4G', radius_m: 20000 })]),
    mobileTests: fc([tile(A, { avg_d_kbps: 2000, avg_u_kbps: 300, avg_lat_ms: 90, tests: 9 })]),
    fieldReports: fc([
      at(aw + tileWidth / 3, (as + an) / 2, { id: 'r1', time: '2026-03-01T08:00:00Z', result: 'no_signal' }),
      at(aw + tileWidth / 2, (as + an) / 2, { id: 'r2', time: '2026-03-01T09:00:00Z', result: 'no_signal' }),
    ]),
  };
  const result = analyze(layers, DEFAULT_SETTINGS);

  it('puts the measured columns at the end of ranking.csv', () => {
    const text = rankingCsv(result, layers.hamlets);
    const parsed = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true });
    expect(parsed.meta.fields).toEqual([...RANKING_CSV_HEADER, ...MEASURED_COLUMNS]);
    const s = parsed.data.find((r) => r.id === 'S')!;
    expect(s).toMatchObject({
      mobile_tests: '9',
      mobile_down_mbps: '2',
      mobile_up_mbps: '0.3',
      mobile_quality: 'failing',
      no_signal_reports: '2',
      challenge: 'over',
    });
    expect(parsed.data.find((r) => r.id === 'N')).toMatchObject({ mobile_down_mbps: '', challenge: '' });
  });

  it('writes challenges.csv and GeoJSON with the reasons and why in words', () => {
    const rows = Papa.parse<Record<string, string>>(challengesCsv(result).slice(1), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      id: 'S',
      name: 'Thôn S',
      direction: 'over',
      reasons: 'failing_tests;no_signal_reports',
      mbb_share: '1',
      mobile_tests: '9',
      no_signal_reports: '2',
    });
    expect(rows[0]!.why).toContain('9.0 weighted mobile tests average 2.0 Mb/s down and 0.3 up');
    expect(rows[0]!.why).toContain('2 field reports say there is no signal');
    const gj = challengesGeoJson(result, layers.hamlets);
    expect(gj.features).toHaveLength(1);
    expect(gj.features[0]!.geometry).toEqual(S.geometry);
    expect(gj.features[0]!.properties).toMatchObject({ id: 'S', direction: 'over' });
  });

  it('makes one spreadsheet sheet of the same rows, with why in the words it is given', () => {
    const sheet = challengesSheet(result, 'Đối chiếu', (c) => `why ${c.id}`);
    expect(sheet.name).toBe('Đối chiếu');
    expect(sheet.rows[0]!.map((c) => c.value)).toEqual([...CHALLENGES_CSV_HEADER]);
    expect(sheet.rows[1]!.map((c) => c.value)).toEqual([
      'S',
      'Thôn S',
      '',
      '',
      'over',
      'failing_tests;no_signal_reports',
      1,
      9,
      2,
      0.3,
      2,
      'why S',
    ]);
    expect(sheet.widths).toHaveLength(CHALLENGES_CSV_HEADER.length);
  });

  it('guards names against Excel formulas in challenges.csv', () => {
    const evil = { ...S, properties: { ...S.properties, name: '=HYPERLINK("x")' } };
    const r = analyze({ ...layers, hamlets: fc([evil]) }, DEFAULT_SETTINGS);
    expect(challengesCsv(r)).toContain(`"'=HYPERLINK(""x"")"`);
  });
});
