import type { Feature, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { costByArea, rankAreasByGap } from '../../../src/analysis/areaGaps.ts';
import { unitSplitsCsv } from '../../../src/analysis/exports.ts';
import { computeSummary, computeUnitSummary } from '../../../src/analysis/rollups.ts';
import { DEFAULT_SETTINGS } from '../../../src/analysis/settings.ts';
import type { HamletProps, RankedHamlet } from '../../../src/analysis/types.ts';
import {
  assignUnits,
  outsideHamlets,
  splitHamlets,
  unitOverlaps,
  type UnitCollection,
} from '../../../src/analysis/units.ts';
import { makeHamlet } from '../../fixtures/cli/makeHamlet.ts';
import { fc, ll } from './helpers.ts';

/** A rectangle in metres on the test plane (proj4's transverse Mercator, not the engine's). */
function rect(x0: number, y0: number, x1: number, y1: number): Polygon {
  const ring: Position[] = [ll(x0, y0), ll(x1, y0), ll(x1, y1), ll(x0, y1), ll(x0, y0)];
  return { type: 'Polygon', coordinates: [ring] };
}
const hamlet = (id: string, g: Polygon, props: Partial<HamletProps> = {}): Feature<Polygon, HamletProps> => ({
  type: 'Feature',
  geometry: g,
  properties: { id, name: `Thôn ${id}`, ...props },
});
const unit = (
  code: string,
  g: Polygon,
  props: Record<string, unknown> = {},
): UnitCollection['features'][number] => ({
  type: 'Feature',
  geometry: g,
  properties: { code, name: `Xã ${code}`, ...props },
});

describe('assignUnits', () => {
  // Unit A is x 0–600 m, B is x 600–1,000 m; hamlet h1 spans both 60/40, h2 lies inside B.
  const units = fc([unit('A', rect(0, 0, 600, 1000)), unit('B', rect(600, 0, 1000, 1000))]);
  const hamlets = fc([hamlet('h1', rect(0, 100, 1000, 200)), hamlet('h2', rect(700, 500, 900, 700))]);
  const a = assignUnits(hamlets, units);

  it('gives a hamlet split 60/40 to the unit with 60 % and lists it as split, with both shares', () => {
    const h1 = a.hamlets[0]!;
    expect(h1).toMatchObject({ id: 'h1', code: 'A', unitName: 'Xã A', method: 'overlap' });
    expect(h1.share).toBeCloseTo(0.6, 4);
    expect(h1.parts.map((p) => p.code)).toEqual(['A', 'B']);
    expect(h1.parts[1]!.share).toBeCloseTo(0.4, 4);
    expect(h1.parts[0]!.areaM2).toBeCloseTo(60_000, -1);
    expect(splitHamlets(a).map((h) => h.id)).toEqual(['h1']);
  });

  it('gives a hamlet wholly inside a unit all of it, and does not list it as split', () => {
    expect(a.hamlets[1]).toMatchObject({ id: 'h2', code: 'B', share: 1, method: 'overlap' });
    expect(a.hamlets[1]!.parts).toHaveLength(1);
    expect(a.units).toEqual([
      { code: 'A', name: 'Xã A' },
      { code: 'B', name: 'Xã B' },
    ]);
  });

  it('writes the split report: one row per unit with its share, the assigned one marked', () => {
    const lines = unitSplitsCsv(a)
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'hamlet_id,hamlet_name,unit_code,unit_name,share,area_m2,assigned,method,distance_m',
    );
    expect(lines.slice(1).map((l) => l.split(',').filter((_, i) => [0, 2, 4, 6].includes(i)))).toEqual([
      ['h1', 'A', '0.6', 'yes'],
      ['h1', 'B', '0.4', 'no'],
    ]);
  });

  it('breaks an exact tie by code, and leaves slivers under 1 % out of the split list', () => {
    const tie = assignUnits(fc([hamlet('t', rect(500, 0, 700, 100))]), units);
    expect(tie.hamlets[0]!.code).toBe('A');
    const sliver = assignUnits(fc([hamlet('s', rect(0, 0, 604, 100))]), units);
    expect(sliver.hamlets[0]!.parts[1]!.share).toBeCloseTo(4 / 604, 4);
    expect(splitHamlets(sliver)).toEqual([]);
  });

  it('gives a hamlet that overlaps no unit the unit the crosswalk names, else the nearest within 1 km, else none', () => {
    const withCrosswalk = fc([
      unit('A', rect(0, 0, 600, 1000), { from_communes: ['C9'] }),
      unit('B', rect(600, 0, 1000, 1000), { from_communes: 'C7, C8' }),
    ]);
    const outside = fc([
      hamlet('x', rect(1100, 100, 1200, 200), { commune_code: 'C9' }),
      hamlet('y', rect(1100, 300, 1200, 400), { commune_code: 'C1' }),
      hamlet('z', rect(3000, 300, 3100, 400)),
    ]);
    const got = assignUnits(outside, withCrosswalk).hamlets;
    expect(got[0]).toMatchObject({ code: 'A', method: 'crosswalk', share: 0 });
    expect(got[0]!.distanceM).toBeCloseTo(500, 0);
    expect(got[1]).toMatchObject({ code: 'B', method: 'nearest', share: 0 });
    expect(got[1]!.distanceM).toBeCloseTo(100, 0);
    expect(got[2]).toMatchObject({ code: '', method: 'none', distanceM: null });
    expect(outsideHamlets({ units: [], hamlets: got, warnings: [] }).map((h) => h.id)).toEqual([
      'x',
      'y',
      'z',
    ]);
  });

  it('merges features of one code into one unit, and names a unit without a code', () => {
    const twoParts = fc([unit('A', rect(0, 0, 500, 1000)), unit('A', rect(500, 0, 1000, 1000))]);
    const one = assignUnits(fc([hamlet('h', rect(400, 0, 600, 100))]), twoParts);
    expect(one.hamlets[0]).toMatchObject({ code: 'A', method: 'overlap' });
    expect(one.hamlets[0]!.share).toBeCloseTo(1, 6);
    expect(() => assignUnits(hamlets, fc([unit('', rect(0, 0, 1, 1))]))).toThrow(
      /Units: feature #1 has no "code"/,
    );
  });
});

describe('unitOverlaps', () => {
  it('names two units that overlap beyond the tolerance, with the area, and ignores slivers', () => {
    const overlapping = fc([unit('A', rect(0, 0, 600, 1000)), unit('B', rect(500, 0, 1000, 1000))]);
    const [o, ...rest] = unitOverlaps(overlapping);
    expect(rest).toEqual([]);
    expect(o).toMatchObject({ a: { code: 'A' }, b: { code: 'B' } });
    expect(o!.areaM2).toBeCloseTo(100_000, -2);
    expect(o!.share).toBeCloseTo(0.2, 3);
    // 0.3 m over a 1 km edge: 300 m², 0.06 % of the smaller unit.
    const sliver = fc([unit('A', rect(0, 0, 600.3, 1000)), unit('B', rect(600, 0, 1000, 1000))]);
    expect(unitOverlaps(sliver)).toEqual([]);
  });
});

describe('computeUnitSummary and rankAreasByGap', () => {
  const hamlets = [
    makeHamlet({ id: '1', households: { 'fibre+mbb': 90, white: 10 } }),
    makeHamlet({ id: '2', households: { weak: 100 } }),
    makeHamlet({ id: '3', households: { fibre: 100 } }),
    makeHamlet({ id: '4', households: { white: 50, mbb: 50 } }),
  ];
  const unitOf = new Map([
    ['1', { code: 'U2', name: 'Xã Hai' }],
    ['2', { code: 'U1', name: 'Phường Một' }],
    ['3', { code: 'U2', name: 'Xã Hai' }],
  ]);
  const s = computeUnitSummary(hamlets, DEFAULT_SETTINGS, (id) => unitOf.get(id), {
    code: '37',
    name: 'Ninh Bình',
  });

  it('adds each hamlet once: province = Σ units, hamlets without a unit under (unknown)', () => {
    expect(s.units!.map((u) => [u.level, u.code, u.name, u.parentCode, u.hamlets])).toEqual([
      ['unit', '(unknown)', '(unknown)', '37', 1],
      ['unit', 'U1', 'Phường Một', '37', 1],
      ['unit', 'U2', 'Xã Hai', '37', 2],
    ]);
    expect(s.districts).toEqual([]);
    expect(s.province.households).toBe(400);
    expect(s.units!.reduce((a, u) => a + u.households, 0)).toBe(400);
    expect(s.units!.find((u) => u.code === 'U2')!.broadbandHouseholds).toBe(190);
    const bySystem = computeSummary(hamlets, DEFAULT_SETTINGS, { code: '37', name: 'Ninh Bình' }).province;
    expect(s.province).toEqual(bySystem);
  });

  it('ranks units by households without broadband, by unserved hamlets or by the cost of the hamlets not served', () => {
    const ranking = [
      { id: '2', costVnd: 2_000_000_000 },
      { id: '1', costVnd: 300_000_000 },
      { id: '4', costVnd: 900_000_000 },
    ] as RankedHamlet[];
    const costs = costByArea(ranking, (id) => unitOf.get(id)?.code ?? '(unknown)');
    expect(costs.get('U2')).toEqual({ costVnd: 300_000_000, hamlets: 1 });
    const rows = rankAreasByGap(s.units!, costs);
    expect(
      rows.map((r) => [
        r.code,
        r.gapHouseholds,
        r.whiteHouseholds,
        r.weakHouseholds,
        r.unservedHamlets,
        r.costVnd,
      ]),
    ).toEqual([
      ['U1', 100, 0, 100, 1, 2_000_000_000],
      ['(unknown)', 50, 50, 0, 0, 900_000_000],
      ['U2', 10, 10, 0, 0, 300_000_000],
    ]);
    expect(rankAreasByGap(s.units!, costs, 'whiteHouseholds').map((r) => r.code)).toEqual([
      '(unknown)',
      'U2',
      'U1',
    ]);
    expect(rankAreasByGap(s.units!, costs, 'costVnd').map((r) => r.code)).toEqual(['U1', '(unknown)', 'U2']);
  });
});
