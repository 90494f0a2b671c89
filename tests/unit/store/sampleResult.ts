import { operatorColumns } from '../../../src/analysis/operatorLens.ts';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { squareAt } from '../../fixtures/cli/makeHamlet.ts';
import { DEFAULT_SETTINGS } from '../../../src/analysis/settings.ts';
import type {
  AnalysisResult,
  CoverageClass,
  HamletCoverage,
  HamletProps,
  InputLayers,
  RankedHamlet,
  Rollup,
} from '../../../src/analysis/types.ts';

/** A hand-made result for three hamlets in two communes, so UI tests do not depend on the engine. */
export interface HamletSpec {
  id: string;
  name: string;
  commune: string;
  communeCode: string;
  district: string;
  districtCode: string;
  households: number;
  broadband: number;
  fibre: number;
  mbb: number;
  status: HamletCoverage['status'];
  rank?: Partial<RankedHamlet>;
}

export const SPECS: HamletSpec[] = [
  {
    id: 'h1',
    name: 'Xóm 1',
    commune: 'Xã Giao Thủy',
    communeCode: '100',
    district: 'Huyện Giao Thủy',
    districtCode: '10',
    households: 200,
    broadband: 0,
    fibre: 0,
    mbb: 0,
    status: 'unserved',
    rank: { rank: 1, tier: 1, score: 0.9, recommendedTech: '4G site', costPerHouseholdVnd: 9_000_000 },
  },
  {
    id: 'h2',
    name: 'Thôn Đông',
    commune: 'Xã Hải Đông',
    communeCode: '200',
    district: 'Huyện Hải Hậu',
    districtCode: '20',
    households: 150,
    broadband: 0.5,
    fibre: 0.5,
    mbb: 0,
    status: 'partial',
    rank: { rank: 2, tier: 2, score: 0.4, recommendedTech: 'fibre', costPerHouseholdVnd: 3_000_000 },
  },
  {
    id: 'h3',
    name: 'Tổ dân phố 3',
    commune: 'Xã Giao Thủy',
    communeCode: '100',
    district: 'Huyện Giao Thủy',
    districtCode: '10',
    households: 300,
    broadband: 1,
    fibre: 1,
    mbb: 1,
    status: 'served',
  },
];

function square(i: number): Polygon {
  return squareAt(106 + i * 0.01);
}

function classes(h: HamletSpec): Record<CoverageClass, number> {
  const covered = h.households * h.broadband;
  return {
    'fibre+mbb': 0,
    fibre: h.households * h.fibre,
    mbb: covered - h.households * h.fibre,
    weak: 0,
    white: h.households - covered,
  };
}

export function sampleInput(specs: HamletSpec[] = SPECS): InputLayers {
  const hamlets: FeatureCollection<Polygon | MultiPolygon, HamletProps> = {
    type: 'FeatureCollection',
    features: specs.map((h, i) => ({
      type: 'Feature',
      geometry: square(i),
      properties: {
        id: h.id,
        name: h.name,
        commune: h.commune,
        commune_code: h.communeCode,
        households: h.households,
      },
    })),
  };
  return { hamlets };
}

function rollup(level: Rollup['level'], code: string, name: string, specs: HamletSpec[]): Rollup {
  const households = specs.reduce((a, h) => a + h.households, 0);
  const sum = (f: (h: HamletSpec) => number): number => specs.reduce((a, h) => a + f(h), 0);
  const fibre = sum((h) => h.households * h.fibre);
  const mbb = sum((h) => h.households * h.mbb);
  const bb = sum((h) => h.households * h.broadband);
  const count = (s: HamletCoverage['status']): number => specs.filter((h) => h.status === s).length;
  return {
    level,
    code,
    name,
    hamlets: specs.length,
    households,
    householdsByClass: { 'fibre+mbb': 0, fibre, mbb: bb - fibre, weak: 0, white: households - bb },
    fibreHouseholds: fibre,
    mbbHouseholds: mbb,
    broadbandHouseholds: bb,
    fibreShare: fibre / households,
    mbbShare: mbb / households,
    broadbandShare: bb / households,
    whiteAreaM2: 1_000_000,
    weakAreaM2: 0,
    hamletsByStatus: { served: count('served'), partial: count('partial'), unserved: count('unserved') },
    hamletsNoFibre: specs.filter((h) => h.fibre <= 0.05).length,
    hamletsNoMbb: specs.filter((h) => h.mbb <= 0.05).length,
    targetFibreProgress: specs.filter((h) => h.fibre > 0.05).length / specs.length,
    targetMbbProgress: specs.filter((h) => h.mbb > 0.05).length / specs.length,
    marketHouseholds: [households - mbb, mbb, 0],
    hamletsByMarketClass: {
      white: specs.filter((h) => h.mbb <= 0.5).length,
      grey: specs.filter((h) => h.mbb > 0.5).length,
      black: 0,
    },
    operators: [],
  };
}

export function sampleResult(specs: HamletSpec[] = SPECS): AnalysisResult {
  const hamlets = specs.map((h, i): HamletCoverage => ({
    id: h.id,
    name: h.name,
    commune: h.commune,
    commune_code: h.communeCode,
    district: h.district,
    district_code: h.districtCode,
    areaM2: 1_000_000,
    classAreaM2: classes(h),
    classHouseholds: classes(h),
    households: h.households,
    householdMethod: 'area',
    broadbandShare: h.broadband,
    fibreShare: h.fibre,
    mbbShare: h.mbb,
    uncoveredHouseholds: h.households * (1 - h.broadband),
    uncoveredShare: 1 - h.broadband,
    status: h.status,
    flags: { noFibre: h.fibre <= 0.05, noMbb: h.mbb <= 0.05 },
    distanceToFibreM: h.fibre > 0 ? 0 : 2500,
    distanceToMbbSiteM: 4200,
    nearestFibreId: h.fibre > 0 ? 'f1' : 'b1',
    nearestMbbSiteId: 's1',
    // Where the hamlet has no fibre, the nearest fibre is backbone: access fibre is farther.
    distanceToAccessFibreM: h.fibre > 0 ? 0 : 3100,
    nearestAccessFibreId: 'f1',
    distanceToBackboneM: h.fibre > 0 ? 900 : 2500,
    nearestBackboneId: 'b1',
    facilitiesInGap:
      h.status === 'unserved'
        ? [{ id: 'fa1', kind: 'school', name: 'Trường Tiểu học Giao Thủy', class: 'white' }]
        : [],
    whiteZone: h.broadband < 1 ? square(i) : null,
    weakZone: null,
    market: {
      class: h.mbb > 0.5 ? 'grey' : 'white',
      shares: [1 - h.mbb, h.mbb, 0],
      households: [h.households * (1 - h.mbb), h.households * h.mbb, 0],
      areaM2: [1_000_000 * (1 - h.mbb), 1_000_000 * h.mbb, 0],
    },
    operators: operatorColumns([]),
  }));
  const ranking = specs
    .filter((h) => h.rank)
    .map((h): RankedHamlet => ({
      id: h.id,
      rank: 0,
      tier: 3,
      score: 0,
      breakdown: { uncoveredHouseholds: 0.4, uncoveredShare: 0.2, facilities: 0.2, costPerHousehold: 0.1 },
      recommendedTech: 'fibre',
      costVnd: 100_000_000,
      costPerHouseholdVnd: 1_000_000,
      fibreCostVnd: 100_000_000,
      siteCostVnd: 1_800_000_000,
      ...h.rank,
    }));
  const districts = [...new Set(specs.map((h) => h.districtCode))].map((code) =>
    rollup(
      'district',
      code,
      specs.find((h) => h.districtCode === code)?.district ?? '',
      specs.filter((h) => h.districtCode === code),
    ),
  );
  const communes = [...new Set(specs.map((h) => h.communeCode))].map((code) =>
    rollup(
      'commune',
      code,
      specs.find((h) => h.communeCode === code)?.commune ?? '',
      specs.filter((h) => h.communeCode === code),
    ),
  );
  return {
    hamlets,
    ranking,
    summary: {
      province: rollup('province', '36', 'Tỉnh Nam Định', specs),
      districts,
      communes,
      settings: DEFAULT_SETTINGS,
      householdMethod: 'area',
    },
    warnings: [],
    timingsMs: {},
  };
}
