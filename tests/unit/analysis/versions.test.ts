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
import { hamlet, layersOf, ll, site } from './helpers.ts';

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

function fibre(id: string, x0: number, x1: number): Feature<LineString, FibreProps> {
  return {
    type: 'Feature',
    geometry: { type: 'LineString', coordinates: [ll(x0, 0), ll(x1, 0)] },
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
