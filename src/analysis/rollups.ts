import { compareNames } from './operatorNames.ts';
import { COVERAGE_CLASSES } from './types.ts';
import type {
  CoverageClass,
  HamletCoverage,
  HamletStatus,
  OperatorRollup,
  Rollup,
  Settings,
  Summary,
} from './types.ts';

/** The province row's identity; hamlets carry no province code, so the caller may name it. */
export interface ProvinceIdentity {
  code: string;
  name: string;
}

const DEFAULT_PROVINCE: ProvinceIdentity = { code: 'all', name: 'All hamlets' };

/**
 * Rolls hamlet results up to communes, districts and the province (DATA-MODEL §3), grouping by the
 * codes on the hamlets rather than by geometry, so a hamlet counts exactly once at every level and
 * province = Σ districts = Σ communes. A hamlet without a commune (district) code is grouped by its
 * commune (district) name, and under `(unknown)` when it has neither, so no household is dropped.
 *
 * Shares are of households (0 when a unit has none); target progress is the share of hamlets whose
 * `noFibre` (`noMbb`) flag is not set, against the provincial 100 % targets. Rows are sorted by code.
 *
 * @example
 * const summary = computeSummary(result.hamlets, settings, { code: '36', name: 'Nam Định' });
 * summary.districts.map((d) => [d.name, d.broadbandShare]);
 */
export function computeSummary(
  hamlets: HamletCoverage[],
  settings: Settings,
  province: ProvinceIdentity = DEFAULT_PROVINCE,
): Summary {
  const districts = new Map<string, Acc>();
  const communes = new Map<string, Acc>();
  const provinceAcc = newAcc('province', province.code, province.name, undefined);

  // Hamlets of one commune usually come together: reuse the last commune's accumulators (what-if edits
  // re-run this over every hamlet, so it must stay a few milliseconds).
  let lastDistrict: Acc | undefined;
  let lastCommune: Acc | undefined;
  let lastKey = ['', '', '', ''];
  for (const h of hamlets) {
    if (
      !lastCommune ||
      !lastDistrict ||
      h.district_code !== lastKey[0] ||
      h.district !== lastKey[1] ||
      h.commune_code !== lastKey[2] ||
      h.commune !== lastKey[3]
    ) {
      const districtCode = keyOf(h.district_code, h.district);
      const communeCode = keyOf(h.commune_code, h.commune);
      lastDistrict = getOrAdd(districts, districtCode, () =>
        newAcc('district', districtCode, h.district || districtCode, province.code),
      );
      // A commune code is unique only within its district when codes are missing and names stand in.
      const communeKey = `${districtCode}\u0000${communeCode}`;
      lastCommune = getOrAdd(communes, communeKey, () =>
        newAcc('commune', communeCode, h.commune || communeCode, districtCode),
      );
      lastKey = [h.district_code, h.district, h.commune_code, h.commune];
    }
    const noMbb = settings.thresholds.noMbb;
    add(provinceAcc, h, noMbb);
    add(lastDistrict, h, noMbb);
    add(lastCommune, h, noMbb);
  }

  const byCode = (a: Rollup, b: Rollup): number =>
    a.code < b.code ? -1 : a.code > b.code ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
  return {
    province: finish(provinceAcc),
    districts: [...districts.values()].map(finish).sort(byCode),
    communes: [...communes.values()].map(finish).sort(byCode),
    settings,
    householdMethod: methodOf(hamlets),
  };
}

type Acc = Omit<
  Rollup,
  'fibreShare' | 'mbbShare' | 'broadbandShare' | 'targetFibreProgress' | 'targetMbbProgress' | 'operators'
> & { byOperator: Map<string, OperatorRollup> };

function keyOf(code: string, name: string): string {
  return code || name || '(unknown)';
}

function getOrAdd<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let v = map.get(key);
  if (v === undefined) {
    v = make();
    map.set(key, v);
  }
  return v;
}

function zeroByClass(): Record<CoverageClass, number> {
  return { 'fibre+mbb': 0, fibre: 0, mbb: 0, weak: 0, white: 0 };
}

function newAcc(level: Rollup['level'], code: string, name: string, parentCode: string | undefined): Acc {
  const acc: Acc = {
    level,
    code,
    name,
    hamlets: 0,
    households: 0,
    householdsByClass: zeroByClass(),
    fibreHouseholds: 0,
    mbbHouseholds: 0,
    broadbandHouseholds: 0,
    whiteAreaM2: 0,
    weakAreaM2: 0,
    hamletsByStatus: { served: 0, partial: 0, unserved: 0 } satisfies Record<HamletStatus, number>,
    hamletsNoFibre: 0,
    hamletsNoMbb: 0,
    marketHouseholds: [0, 0, 0],
    hamletsByMarketClass: { white: 0, grey: 0, black: 0 },
    byOperator: new Map(),
  };
  if (parentCode !== undefined) acc.parentCode = parentCode;
  return acc;
}

function add(acc: Acc, h: HamletCoverage, noMbb: number): void {
  const c = h.classHouseholds;
  acc.hamlets += 1;
  acc.households += h.households;
  const by = acc.householdsByClass;
  by['fibre+mbb'] += c['fibre+mbb'];
  by.fibre += c.fibre;
  by.mbb += c.mbb;
  by.weak += c.weak;
  by.white += c.white;
  acc.fibreHouseholds += c['fibre+mbb'] + c.fibre;
  acc.mbbHouseholds += c['fibre+mbb'] + c.mbb;
  acc.broadbandHouseholds += c['fibre+mbb'] + c.fibre + c.mbb;
  acc.whiteAreaM2 += h.classAreaM2.white;
  acc.weakAreaM2 += h.classAreaM2.weak;
  acc.hamletsByStatus[h.status] += 1;
  if (h.flags.noFibre) acc.hamletsNoFibre += 1;
  if (h.flags.noMbb) acc.hamletsNoMbb += 1;
  const m = h.market.households;
  acc.marketHouseholds[0] += m[0];
  acc.marketHouseholds[1] += m[1];
  acc.marketHouseholds[2] += m[2];
  acc.hamletsByMarketClass[h.market.class] += 1;
  for (const o of h.operators) {
    let r = acc.byOperator.get(o.operator);
    if (!r) {
      r = {
        operator: o.operator,
        mbbHouseholds: 0,
        fibreHouseholds: 0,
        mbbShare: 0,
        fibreShare: 0,
        hamletsWithMbb: 0,
      };
      acc.byOperator.set(o.operator, r);
    }
    r.mbbHouseholds += o.mbbHouseholds;
    r.fibreHouseholds += o.fibreHouseholds;
    if (o.mbbShare > noMbb) r.hamletsWithMbb += 1;
  }
}

function finish(acc: Acc): Rollup {
  const share = (n: number): number => (acc.households > 0 ? n / acc.households : 0);
  const ofHamlets = (n: number): number => (acc.hamlets > 0 ? n / acc.hamlets : 0);
  const shareByClass = zeroByClass();
  for (const k of COVERAGE_CLASSES) shareByClass[k] = share(acc.householdsByClass[k]);
  const { byOperator, ...rest } = acc;
  const operators = [...byOperator.values()]
    .map((o) => ({ ...o, mbbShare: share(o.mbbHouseholds), fibreShare: share(o.fibreHouseholds) }))
    .sort((a, b) => compareNames(a.operator, b.operator));
  return {
    ...rest,
    operators,
    shareByClass,
    fibreShare: share(acc.fibreHouseholds),
    mbbShare: share(acc.mbbHouseholds),
    broadbandShare: share(acc.broadbandHouseholds),
    targetFibreProgress: ofHamlets(acc.hamlets - acc.hamletsNoFibre),
    targetMbbProgress: ofHamlets(acc.hamlets - acc.hamletsNoMbb),
  };
}

function methodOf(hamlets: HamletCoverage[]): Summary['householdMethod'] {
  let points = false;
  let area = false;
  for (const h of hamlets) {
    if (h.householdMethod === 'points') points = true;
    else area = true;
  }
  if (points && area) return 'mixed';
  return points ? 'points' : 'area';
}
