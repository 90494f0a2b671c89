import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analysis/analyze.ts';
import { AnalysisInputError } from '../../../src/analysis/prepareHamlets.ts';
import { parseTech } from '../../../src/analysis/tech.ts';
import type { HamletCoverage } from '../../../src/analysis/types.ts';
import { hamlet, layersOf, ll, point, site } from './helpers.ts';

const near = (actual: number, expected: number, rel = 1e-3): void =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.abs(expected));
const only = (layers: Parameters<typeof analyze>[0]): HamletCoverage =>
  analyze(layers).hamlets[0] as HamletCoverage;

describe('mobile sites', () => {
  it.each([
    ['5G', 600],
    ['4G', 3000],
  ])('a %s site without radius_m uses the default radius (%i m)', (tech, r) => {
    const h = only(layersOf({ hamlets: [hamlet('h', 0, 0, 5000)], sites: [site('s', 0, 0, { tech })] }));
    near(h.classAreaM2.mbb, Math.PI * r * r);
  });

  it('a 2G,3G,4G site gives MBB to 3 km and legacy (weak) from 3 to 6 km', () => {
    const h = only(
      layersOf({ hamlets: [hamlet('h', 0, 0, 7000)], sites: [site('s', 0, 0, { tech: '2G,3G,4G' })] }),
    );
    near(h.classAreaM2.mbb, Math.PI * 3000 ** 2);
    near(h.classAreaM2.weak, Math.PI * (6000 ** 2 - 3000 ** 2));
  });

  it('three 120° sectors given as a string make a full disc; radius_m overrides the default', () => {
    const s = site('s', 0, 0, { tech: '4G', radius_m: 1000, azimuths: '0,120,240' });
    near(only(layersOf({ hamlets: [hamlet('h', 0, 0, 2000)], sites: [s] })).classAreaM2.mbb, Math.PI * 1e6);
  });

  it('one sector with the default 120° beam covers a third of the disc', () => {
    const s = site('s', 0, 0, { tech: '4G', radius_m: 1000, azimuths: [0] });
    near(
      only(layersOf({ hamlets: [hamlet('h', 0, 0, 2000)], sites: [s] })).classAreaM2.mbb,
      (Math.PI * 1e6) / 3,
    );
  });

  it('a site switched off gives nothing; a weak 4G coverage polygon counts as legacy', () => {
    const off = site('s', 0, 0, { tech: '4G', status: 'off' });
    expect(
      only(layersOf({ hamlets: [hamlet('h', 0, 0, 500)], sites: [off] })).classAreaM2.white,
    ).toBeGreaterThan(999_000);
    const weakPoly = {
      type: 'Feature',
      geometry: {
        type: 'Polygon',
        coordinates: [[ll(-900, -900), ll(900, -900), ll(900, 900), ll(-900, 900), ll(-900, -900)]],
      },
      properties: { tech: '4G', level: 'weak' },
    };
    near(only(layersOf({ hamlets: [hamlet('h', 0, 0, 500)], coverage: [weakPoly] })).classAreaM2.weak, 1e6);
  });

  it('tech strings are parsed into MBB and legacy, with common aliases', () => {
    expect(parseTech('2G, 3G,4G')).toEqual({ mbb: ['4G'], legacy: ['2G', '3G'] });
    expect(parseTech('LTE/NR')).toEqual({ mbb: ['4G', '5G'], legacy: [] });
    expect(parseTech('wifi')).toEqual({ mbb: [], legacy: [] });
  });

  it('a site with an unknown tech is skipped with a warning naming it', () => {
    const r = analyze(
      layersOf({ hamlets: [hamlet('h', 0, 0, 500)], sites: [site('odd', 0, 0, { tech: 'wifi' })] }),
    );
    expect(r.warnings.join()).toContain('"odd"');
  });
});

describe('fibre', () => {
  const route = (id: string, kind: 'access' | 'backbone', y: number) => ({
    type: 'Feature' as const,
    geometry: { type: 'LineString' as const, coordinates: [ll(-500, y), ll(500, y)] },
    properties: { id, kind },
  });

  it('an access route 1 km long buffered 500 m covers 1000×1000 + π·500²', () => {
    const h = only(layersOf({ hamlets: [hamlet('h', 0, 0, 2000)], fibre: [route('r', 'access', 0)] }));
    near(h.classAreaM2.fibre, 1e6 + Math.PI * 500 ** 2);
  });

  it('a route longer than the 2 km pieces it is cut into still buffers to the exact capsule', () => {
    const long = {
      ...route('r', 'access', 0),
      geometry: { type: 'LineString' as const, coordinates: [ll(-4000, 0), ll(4000, 0)] },
    };
    const h = only(layersOf({ hamlets: [hamlet('h', 0, 0, 5000)], fibre: [long] }));
    near(h.classAreaM2.fibre, 8000 * 1000 + Math.PI * 500 ** 2);
  });

  it('backbone serves nobody but counts for the distance to fibre', () => {
    const h = only(layersOf({ hamlets: [hamlet('h', 0, 0, 500)], fibre: [route('bb', 'backbone', 1500)] }));
    expect(h.classAreaM2.fibre).toBe(0);
    near(h.distanceToFibreM as number, 1000);
    expect(h.nearestFibreId).toBe('bb');
  });

  it('reports the nearest access fibre and the nearest backbone apart; the nearest fibre is the nearer', () => {
    const h = only(
      layersOf({
        hamlets: [hamlet('h', 0, 0, 500)],
        fibre: [route('bb', 'backbone', 1500), route('acc', 'access', -3000), route('acc2', 'access', 4000)],
      }),
    );
    expect([h.nearestAccessFibreId, h.nearestBackboneId, h.nearestFibreId]).toEqual(['acc', 'bb', 'bb']);
    near(h.distanceToAccessFibreM as number, 2500);
    near(h.distanceToBackboneM as number, 1000);
    near(h.distanceToFibreM as number, 1000);
    const none = only(layersOf({ hamlets: [hamlet('h', 0, 0, 500)], fibre: [route('a', 'access', 900)] }));
    expect([none.nearestBackboneId, none.distanceToBackboneM]).toEqual([null, null]);
    near(none.distanceToAccessFibreM as number, 400);
  });
});

describe('distances', () => {
  it('to the nearest MBB site: from the polygon edge, ignoring 2G-only and switched-off sites', () => {
    const h = only(
      layersOf({
        hamlets: [hamlet('h', 0, 0, 500)],
        sites: [
          site('legacy', 600, 0, { tech: '2G' }),
          site('off', 700, 0, { tech: '4G', status: 'off' }),
          site('far', 0, -4500, { tech: '4G', radius_m: 100 }),
          site('near', 2500, 0, { tech: '4G', radius_m: 100 }),
        ],
      }),
    );
    expect(h.nearestMbbSiteId).toBe('near');
    near(h.distanceToMbbSiteM as number, 2000);
  });

  it('is null when there is no fibre and no MBB site', () => {
    const h = only(layersOf({ hamlets: [hamlet('h', 0, 0, 500)] }));
    expect(h.distanceToFibreM).toBeNull();
    expect(h.distanceToMbbSiteM).toBeNull();
  });
});

describe('households and facilities', () => {
  const halfCovered = [site('s', 1000, 0, { tech: '4G', radius_m: 1000 })];

  it('are counted from points when the hamlet has household points, else spread by area', () => {
    const pts = [point(800, 0, { count: 3 }), point(600, 100, {}), point(-800, 0, { count: 2 })];
    const r = analyze(
      layersOf({
        hamlets: [hamlet('h', 0, 0, 1000, 999), hamlet('g', 0, 5000, 1000, 400)],
        sites: halfCovered,
        households: pts,
      }),
    );
    const [h, g] = r.hamlets as [HamletCoverage, HamletCoverage];
    expect(h.householdMethod).toBe('points');
    expect(h.households).toBe(6);
    expect(h.classHouseholds).toEqual({ 'fibre+mbb': 0, fibre: 0, mbb: 4, weak: 0, white: 2 });
    expect(h.broadbandShare).toBeCloseTo(4 / 6, 10);
    expect(g.householdMethod).toBe('area');
    expect(g.classHouseholds.white).toBeCloseTo(400, 6);
  });

  it('spread by area: households × class area / area', () => {
    const h = only(layersOf({ hamlets: [hamlet('h', 0, 0, 1000, 200)], sites: halfCovered }));
    near(h.classHouseholds.mbb, (200 * Math.PI) / 8, 1e-3);
    near(h.uncoveredHouseholds, 200 - (200 * Math.PI) / 8, 1e-3);
  });

  it('facilities in the white or weak area are listed with their class; covered ones are not', () => {
    const r = only(
      layersOf({
        hamlets: [hamlet('h', 0, 0, 3000)],
        sites: [
          site('s', 0, 0, { tech: '4G', radius_m: 1000 }),
          site('old', 2500, 2500, { tech: '2G', radius_m: 600 }),
        ],
        facilities: [
          point(0, 0, { id: 'school-covered', kind: 'school', name: 'A' }),
          point(-2500, -2500, { id: 'clinic-white', kind: 'health', name: 'B' }),
          point(2500, 2500, { id: 'office-weak', kind: 'commune_office', name: 'C' }),
        ],
      }),
    );
    expect(r.facilitiesInGap).toEqual([
      { id: 'clinic-white', kind: 'health', name: 'B', class: 'white' },
      { id: 'office-weak', kind: 'commune_office', name: 'C', class: 'weak' },
    ]);
  });
});

describe('status and flags', () => {
  it('follow the thresholds of the settings', () => {
    const layers = layersOf({
      hamlets: [hamlet('h', 0, 0, 1000)],
      sites: [site('s', 1000, 0, { tech: '4G', radius_m: 1000 })],
    });
    expect(only(layers).status).toBe('partial');
    expect(
      analyze(layers, { thresholds: { served: 0.3, unserved: 0.05, noFibre: 0.05, noMbb: 0.05 } }).hamlets[0]
        ?.status,
    ).toBe('served');
    expect(only(layers).flags).toEqual({ noFibre: true, noMbb: false });
  });
});

describe('bad input', () => {
  it('a hamlet without id is an AnalysisInputError naming the feature and the fix', () => {
    const bad = hamlet('x', 0, 0, 500);
    bad.properties = { name: 'Xóm 3' } as never;
    expect(() => analyze(layersOf({ hamlets: [hamlet('a', 0, 3000, 500), bad] }))).toThrowError(
      /feature #1 \("Xóm 3"\) has no "id"/,
    );
  });

  it('duplicate ids, wrong geometry and bad coordinates are named', () => {
    expect(() =>
      analyze(layersOf({ hamlets: [hamlet('a', 0, 0, 500), hamlet('a', 0, 3000, 500)] })),
    ).toThrowError(/"a" is used twice/);
    const line = {
      type: 'Feature',
      geometry: { type: 'LineString', coordinates: [ll(0, 0), ll(1, 1)] },
      properties: { id: 'l', name: 'l' },
    };
    expect(() => analyze(layersOf({ hamlets: [line] }))).toThrowError(AnalysisInputError);
    const nan = hamlet('n', 0, 0, 500);
    (nan.geometry.coordinates[0] as number[][])[1] = [Number.NaN, 20];
    expect(() => analyze(layersOf({ hamlets: [nan] }))).toThrowError(/Hamlet "n" has an invalid coordinate/);
    expect(() => analyze(layersOf({ hamlets: [] }))).toThrowError(/hamlets layer is missing or empty/);
  });
});
