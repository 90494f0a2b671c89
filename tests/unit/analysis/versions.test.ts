import type { Feature, LineString } from 'geojson';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analysis/analyze.ts';
import { adminAreas } from '../../../src/analysis/areas.ts';
import { networkReach } from '../../../src/analysis/networkReach.ts';
import { areaShares } from '../../../src/analysis/progress.ts';
import { computeSummary } from '../../../src/analysis/rollups.ts';
import { withDefaults } from '../../../src/analysis/settings.ts';
import type { FibreProps, InputLayers, SiteFeature } from '../../../src/analysis/types.ts';
import {
  changesCsv,
  CHANGES_CSV_HEADER,
  compareVersions,
  hamletStates,
  settingsDifferences,
  type HamletChange,
} from '../../../src/analysis/versionCompare.ts';
import fc from 'fast-check';
import { fibreShapes, siteShapes, type CoverageShape } from '../../../src/analysis/coverageShapes.ts';
import { fibreId, siteId } from '../../../src/analysis/featureIds.ts';
import { areaUnits, intersect } from '../../../src/analysis/geometry/clip.ts';
import type { HamletReach } from '../../../src/analysis/networkReach.ts';
import { prepareHamlets } from '../../../src/analysis/prepareHamlets.ts';
import { hamlet, layersOf, ll, site, squareRing } from './helpers.ts';

const settings = withDefaults({});
/** 600 m squares of 100 households each; A and B in district D1, C, U and F in D2. */
const HAMLETS = [
  { ...hamlet('A', 0, 0, 300), properties: { ...hamlet('A', 0, 0, 300).properties, commune_code: 'C1' } },
  {
    ...hamlet('B', 10_000, 0, 300),
    properties: { ...hamlet('B', 10_000, 0, 300).properties, commune_code: 'C2' },
  },
  ...['C', 'U', 'F'].map((id, i) => {
    const h = hamlet(id, 20_000 + i * 10_000, 0, 300);
    return { ...h, properties: { ...h.properties, commune_code: 'C3', district_code: 'D2' } };
  }),
];

function fibre(id: string, x0: number, x1: number, y0 = 0, y1 = 0): Feature<LineString, FibreProps> {
  return {
    type: 'Feature',
    geometry: { type: 'LineString', coordinates: [ll(x0, y0), ll(x1, y1)] },
    properties: { id, kind: 'access' },
  };
}

const BEFORE: InputLayers = layersOf({
  hamlets: HAMLETS,
  // S-old serves B; S-up carries 2G/3G only (U is weak); C has fibre; F has none.
  sites: [
    site('S-old', 10_000, 0, { tech: '4G', radius_m: 1000 }),
    site('S-up', 30_000, 0, { tech: '2G,3G', radius_m: 2000 }),
  ],
  fibre: [fibre('F-C', 19_000, 21_000)],
});
const AFTER: InputLayers = layersOf({
  hamlets: HAMLETS,
  // S-new serves A, S-old is gone, S-up got 4G, F-F is new fibre through F.
  sites: [
    site('S-new', 0, 0, { tech: '4G', radius_m: 1000 }),
    site('S-up', 30_000, 0, { tech: '2G,3G,4G', radius_m: 2000 }),
  ],
  fibre: [fibre('F-C', 19_000, 21_000), fibre('F-F', 39_000, 41_000)],
});

function statesOf(layers: InputLayers) {
  return hamletStates(analyze(layers, settings).hamlets, networkReach(layers, settings));
}

describe('networkReach', () => {
  it('lists the 4G/5G sites, legacy sites and access fibre whose coverage overlaps each hamlet', () => {
    const reach = networkReach(BEFORE, settings);
    expect(reach.get('B')).toEqual({ sites: ['S-old'], legacySites: [], fibre: [], coverage: [] });
    expect(reach.get('U')).toEqual({ sites: [], legacySites: ['S-up'], fibre: [], coverage: [] });
    expect(reach.get('C')).toEqual({ sites: [], legacySites: [], fibre: ['F-C'], coverage: [] });
    expect(reach.get('A')).toEqual({ sites: [], legacySites: [], fibre: [], coverage: [] });
  });

  it('leaves out sites switched off, backbone, sectors facing away and discs that stop short', () => {
    const sector = (id: string, azimuth: number): SiteFeature =>
      site(id, 0, 1200, { tech: '4G', radius_m: 1000, azimuths: [azimuth], beamwidth: 60 });
    const layers = layersOf({
      hamlets: [hamlet('A', 0, 0, 300)],
      sites: [
        site('off', 0, 0, { tech: '4G', radius_m: 1000, status: 'off' }),
        // 1,000 m from the hamlet's edge: a 980 m disc stops short (its 64-gon strays 0.08 % outside the
        // circle at most), a 1,020 m one overlaps it.
        site('short', 1300, 0, { tech: '4G', radius_m: 980 }),
        site('long', 1300, 0, { tech: '4G', radius_m: 1020 }),
        sector('facing', 180),
        sector('away', 0),
      ],
      fibre: [{ ...fibre('bb', -1000, 1000), properties: { id: 'bb', kind: 'backbone' } }],
    });
    expect(networkReach(layers, settings).get('A')?.sites).toEqual(['facing', 'long']);
    expect(networkReach(layers, settings).get('A')?.fibre).toEqual([]);
  });
});

/** What reaches each hamlet by clipping every shape whose box meets the hamlet's: no proofs, no shortcuts. */
function reachByClipping(layers: InputLayers): Map<string, Record<keyof HamletReach, string[]>> {
  const { hamlets, proj } = prepareHamlets(layers);
  const shapes: [keyof HamletReach, CoverageShape][] = [
    ...(layers.sites?.features ?? []).flatMap((f, i) =>
      siteShapes(f, siteId(f, i), proj, settings).shapes.map((s): [keyof HamletReach, CoverageShape] => [
        s.kind === 'mbb' ? 'sites' : 'legacySites',
        s,
      ]),
    ),
    ...(layers.fibre?.features ?? []).flatMap((f, i) =>
      fibreShapes(f, fibreId(f, i), proj, settings).shapes.map((s): [keyof HamletReach, CoverageShape] => [
        'fibre',
        s,
      ]),
    ),
  ];
  return new Map(
    hamlets.map((h) => {
      const lists = { sites: new Set<string>(), legacySites: new Set<string>(), fibre: new Set<string>() };
      for (const [list, s] of shapes) {
        const b = s.bounds;
        const hb = h.bounds;
        if (b.right < hb.left || b.left > hb.right || b.bottom < hb.top || b.top > hb.bottom) continue;
        const cut = intersect(h.paths, s.paths(), s.sourceId);
        if (cut.ok && areaUnits(cut.value) > 0)
          (lists[list as keyof typeof lists] as Set<string>).add(s.sourceId);
      }
      const sorted = (set: Set<string>): string[] => [...set].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      return [
        h.id,
        {
          sites: sorted(lists.sites),
          legacySites: sorted(lists.legacySites),
          fibre: sorted(lists.fibre),
          coverage: [],
        },
      ];
    }),
  );
}

describe('networkReach against clipping every candidate', () => {
  it('agrees on random hamlets (some with holes), discs, sectors and fibre', () => {
    const square = (cx: number, cy: number, half: number) => squareRing(cx, cy, half);
    const hamletArb = fc.record({
      x: fc.integer({ min: 0, max: 6000 }),
      y: fc.integer({ min: 0, max: 6000 }),
      half: fc.integer({ min: 100, max: 900 }),
      hole: fc.boolean(),
    });
    const siteArb = fc.record({
      x: fc.integer({ min: -1000, max: 7000 }),
      y: fc.integer({ min: -1000, max: 7000 }),
      // Fractions of a metre put disc edges a hair inside or outside hamlet edges.
      r: fc.integer({ min: 10_000, max: 250_000 }).map((cm) => cm / 100),
      tech: fc.constantFrom('4G', '2G', '2G,4G'),
      azimuth: fc.option(fc.integer({ min: 0, max: 359 })),
    });
    const fibreArb = fc.record({
      x: fc.integer({ min: 0, max: 6000 }),
      y: fc.integer({ min: 0, max: 6000 }),
      dx: fc.integer({ min: -3000, max: 3000 }),
      dy: fc.integer({ min: -3000, max: 3000 }),
    });
    fc.assert(
      fc.property(
        fc.array(hamletArb, { minLength: 1, maxLength: 12 }),
        fc.array(siteArb, { maxLength: 12 }),
        fc.array(fibreArb, { maxLength: 4 }),
        (hs, ss, fs) => {
          const layers = layersOf({
            hamlets: hs.map((h, i) => ({
              ...hamlet(`H${i}`, h.x, h.y, h.half),
              geometry: {
                type: 'Polygon',
                coordinates: h.hole
                  ? [square(h.x, h.y, h.half), square(h.x, h.y, h.half / 2).reverse()]
                  : [square(h.x, h.y, h.half)],
              },
            })),
            sites: ss.map((s, i) =>
              site(`S${i}`, s.x, s.y, {
                tech: s.tech,
                radius_m: s.r,
                ...(s.azimuth === null ? {} : { azimuths: [s.azimuth], beamwidth: 120 }),
              }),
            ),
            fibre: fs.map((f, i) => fibre(`F${i}`, f.x, f.x + f.dx, f.y, f.y + f.dy)),
          });
          expect(networkReach(layers, settings)).toEqual(reachByClipping(layers));
        },
      ),
      { seed: 190_2026, numRuns: 60 },
    );
  });

  it('agrees where a disc’s edge lies centimetres inside or outside a hamlet’s edge (slivers of under 1 m²)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 200, max: 2000 }),
        fc.integer({ min: -300, max: 300 }),
        fc.integer({ min: -200, max: 40 }),
        (d, dy, cm) => {
          const layers = layersOf({
            hamlets: [hamlet('H', 0, 0, 500)],
            sites: [site('S', 500 + d, dy, { tech: '4G', radius_m: d + cm / 100 })],
          });
          expect(networkReach(layers, settings)).toEqual(reachByClipping(layers));
        },
      ),
      { seed: 190_2026, numRuns: 200 },
    );
  });
});

describe('compareVersions', () => {
  const before = statesOf(BEFORE);
  const after = statesOf(AFTER);
  const result = compareVersions(before, after, adminAreas({ code: 'P', name: 'Province' }));
  if (!result.ok) throw new Error('the two versions have the same hamlets');
  const byId = new Map(result.hamlets.map((h) => [h.id, h]));
  const change = (id: string): HamletChange => byId.get(id) as HamletChange;

  it('lists the hamlets that changed, with the cause read from the features that reach them', () => {
    expect([...byId.keys()].sort()).toEqual(['A', 'B', 'F', 'U']);
    expect(change('A')).toMatchObject({
      statusBefore: 'unserved',
      statusAfter: 'served',
      change: 'gained',
      causes: [{ cause: 'new-site', ids: ['S-new'] }],
    });
    expect(change('B')).toMatchObject({
      statusBefore: 'served',
      statusAfter: 'unserved',
      change: 'lost',
      causes: [{ cause: 'site-gone', ids: ['S-old'] }],
    });
    expect(change('U').causes).toEqual([{ cause: 'site-upgraded', ids: ['S-up'] }]);
    expect(change('F').causes).toEqual([{ cause: 'new-fibre', ids: ['F-F'] }]);
    expect(change('A').newlyCoveredHouseholds).toBeCloseTo(100, 6);
    expect(change('A').lostHouseholds).toBe(0);
    expect(change('B').lostHouseholds).toBeCloseTo(100, 6);
    expect(change('B').newlyCoveredHouseholds).toBe(0);
    // A 600 m square of white closes; B's opens.
    expect(change('A').gapAreaClosedM2).toBeCloseTo(360_000, -3);
    expect(change('B').gapAreaClosedM2).toBeCloseTo(-360_000, -3);
    expect(result.causesKnown).toBe(true);
  });

  it('sums the changes per area: the province, each district, each commune', () => {
    const area = (level: string, code: string) =>
      result.areas.find((a) => a.level === level && a.code === code);
    expect(result.areas.map((a) => `${a.level}:${a.code}`)).toEqual([
      'province:P',
      'district:D1',
      'district:D2',
      'commune:C1',
      'commune:C2',
      'commune:C3',
    ]);
    expect(area('province', 'P')).toMatchObject({ hamlets: 5, hamletsImproved: 3, hamletsWorsened: 1 });
    expect(area('province', 'P')?.newlyCoveredHouseholds).toBeCloseTo(300, 6);
    expect(area('province', 'P')?.lostHouseholds).toBeCloseTo(100, 6);
    expect(area('province', 'P')?.gapAreaClosedM2).toBeCloseTo(720_000, -3);
    expect(area('district', 'D1')?.newlyCoveredHouseholds).toBeCloseTo(100, 6);
    expect(area('district', 'D1')?.lostHouseholds).toBeCloseTo(100, 6);
    expect(area('district', 'D1')?.gapAreaClosedM2).toBeCloseTo(0, -2);
    expect(area('commune', 'C3')).toMatchObject({ hamlets: 3, hamletsImproved: 2, parentCode: 'D2' });
  });

  it('without what reaches the hamlets (an older output) the causes are unknown', () => {
    const blind = compareVersions(
      before.map((h) => ({ ...h, reach: null })),
      after,
      adminAreas(),
    );
    expect(blind.ok && blind.causesKnown).toBe(false);
    expect(blind.ok && blind.hamlets[0]?.causes).toEqual([{ cause: 'unknown', ids: [] }]);
  });

  it('versions of different hamlets do not compare: the ids in one only are listed', () => {
    const other = after.filter((h) => h.id !== 'C').concat({ ...after[0]!, id: 'Z' });
    expect(compareVersions(before, other, adminAreas())).toEqual({
      ok: false,
      onlyBefore: ['C'],
      onlyAfter: ['Z'],
    });
  });

  it('writes the changes as CSV with the causes and their features', () => {
    const text = changesCsv(result.hamlets);
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true });
    expect(rows.meta.fields).toEqual([...CHANGES_CSV_HEADER]);
    const a = rows.data.find((r) => r.hamlet_id === 'A');
    expect(a).toMatchObject({ status_before: 'unserved', status_after: 'served', cause: 'new-site' });
    expect(a?.cause_ids).toBe('S-new');
    expect(Number(a?.households_newly_covered)).toBe(100);
    // Names from the user's files are guarded against spreadsheet formulas.
    const evil = changesCsv([{ ...change('A'), name: '=HYPERLINK("x")' }]);
    expect(evil).toContain(`"'=HYPERLINK(""x"")"`);
  });
});

describe('areas and shares', () => {
  it('group the hamlets exactly as the roll-ups do', () => {
    const result = analyze(AFTER, settings);
    const summary = computeSummary(result.hamlets, settings);
    const shares = areaShares(hamletStates(result.hamlets, null), adminAreas());
    const rollups = [summary.province, ...summary.districts, ...summary.communes];
    expect(shares.map((s) => [s.level, s.code, s.hamlets])).toEqual(
      rollups.map((r) => [r.level, r.code, r.hamlets]),
    );
    for (const [i, s] of shares.entries()) {
      const r = rollups[i]!;
      expect(s.fibreHamletShare).toBeCloseTo(r.targetFibreProgress, 12);
      expect(s.mbbHamletShare).toBeCloseTo(r.targetMbbProgress, 12);
      expect(s.fibreHouseholdShare).toBeCloseTo(r.fibreShare, 12);
      expect(s.mbbHouseholdShare).toBeCloseTo(r.mbbShare, 12);
    }
    // After: C and F have fibre; A and U have 4G.
    expect(shares[0]).toMatchObject({ hamlets: 5, hamletsWithFibre: 2, hamletsWithMbb: 2 });
  });

  it('settings that differ between two versions are named; targets do not count', () => {
    const other = withDefaults({ fibreServiceRadiusM: 800, cost: { ...settings.cost, siteVnd: 1 } });
    expect(settingsDifferences(settings, other)).toEqual(['cost.siteVnd', 'fibreServiceRadiusM']);
    expect(
      settingsDifferences(settings, { ...settings, targets: { ...settings.targets, fibreYear: 2030 } }),
    ).toEqual([]);
  });
});
