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
 * Rolls hamlet results up to communes, districts and the province (docs/DATA-MODEL.md §6), grouping by the
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
  const ops = new Adder(settings);
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
    ops.add(h, provinceAcc, lastDistrict, lastCommune);
  }
  const finish = (acc: Acc): Rollup => finishAcc(acc, ops.names);
  return {
    province: finish(provinceAcc),
    districts: [...districts.values()].map(finish).sort(byCode),
    communes: [...communes.values()].map(finish).sort(byCode),
    settings,
    householdMethod: methodOf(hamlets),
  };
}

/** A hamlet's unit in a one-level unit system (DATA-MODEL §15); undefined or code '' for none. */
export interface UnitRef {
  code: string;
  name: string;
}

/**
 * Rolls hamlet results up to the units of a one-level system (province → unit: the communes and wards
 * since 1 July 2025, or any imported layer), with `unitOf` saying each hamlet's unit (`assignUnits`).
 * Each hamlet counts once, so province = Σ units; hamlets without a unit are grouped under `(unknown)`.
 * Rows are `level: 'unit'`, sorted by code, in `units`; `districts` and `communes` are empty.
 *
 * @example
 * const byId = new Map(assignment.hamlets.map((h) => [h.id, h]));
 * const s = computeUnitSummary(result.hamlets, settings, (id) => byId.get(id), { code: '37', name: 'Ninh Bình' });
 */
export function computeUnitSummary(
  hamlets: HamletCoverage[],
  settings: Settings,
  unitOf: (hamletId: string) => UnitRef | undefined,
  province: ProvinceIdentity = DEFAULT_PROVINCE,
): Summary {
  const units = new Map<string, Acc>();
  const provinceAcc = newAcc('province', province.code, province.name, undefined);
  const ops = new Adder(settings);
  for (const h of hamlets) {
    const ref = unitOf(h.id);
    const code = keyOf(ref?.code ?? '', ref?.code ? ref.name : '');
    const unit = getOrAdd(units, code, () =>
      newAcc('unit', code, (ref?.code && ref.name) || code, province.code),
    );
    ops.add(h, provinceAcc, unit);
  }
  const finish = (acc: Acc): Rollup => finishAcc(acc, ops.names);
  return {
    province: finish(provinceAcc),
    districts: [],
    communes: [],
    units: [...units.values()].map(finish).sort(byCode),
    settings,
    householdMethod: methodOf(hamlets),
  };
}

const byCode = (a: Rollup, b: Rollup): number =>
  a.code < b.code ? -1 : a.code > b.code ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0;

/** Adds hamlets to accumulators, operators by index into one list so levels add numbers, not names. */
class Adder {
  readonly names: string[] = [];
  private readonly index = new Map<string, number>();
  private readonly noMbb: number;
  constructor(settings: Settings) {
    this.noMbb = settings.thresholds.noMbb;
  }

  add(h: HamletCoverage, a: Acc, b: Acc, c?: Acc): void {
    add(a, h);
    add(b, h);
    if (c) add(c, h);
    const o = h.operators;
    for (let k = 0; k < o.names.length; k++) {
      const name = o.names[k] as string;
      let i = this.index.get(name);
      if (i === undefined) {
        i = this.names.length;
        this.index.set(name, i);
        this.names.push(name);
      }
      const mbb = o.mbbHouseholds[k] as number;
      const fibre = o.fibreHouseholds[k] as number;
      const withMbb = (o.mbbShare[k] as number) > this.noMbb ? 1 : 0;
      addOperator(a, i, mbb, fibre, withMbb);
      addOperator(b, i, mbb, fibre, withMbb);
      if (c) addOperator(c, i, mbb, fibre, withMbb);
    }
  }
}

type Acc = Omit<
  Rollup,
  'fibreShare' | 'mbbShare' | 'broadbandShare' | 'targetFibreProgress' | 'targetMbbProgress' | 'operators'
> & {
  /** Per operator by index into the run's list of names: MBB and fibre households, hamlets with MBB. */
  opMbb: number[];
  opFibre: number[];
  opWithMbb: number[];
};

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
    opMbb: [],
    opFibre: [],
    opWithMbb: [],
  };
  if (parentCode !== undefined) acc.parentCode = parentCode;
  return acc;
}

function add(acc: Acc, h: HamletCoverage): void {
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
}

function addOperator(acc: Acc, i: number, mbb: number, fibre: number, withMbb: number): void {
  while (acc.opMbb.length <= i) {
    acc.opMbb.push(0);
    acc.opFibre.push(0);
    acc.opWithMbb.push(-1);
  }
  acc.opMbb[i] = (acc.opMbb[i] as number) + mbb;
  acc.opFibre[i] = (acc.opFibre[i] as number) + fibre;
  // -1: the operator never reached a hamlet of the unit (left out of its list).
  acc.opWithMbb[i] = Math.max(0, acc.opWithMbb[i] as number) + withMbb;
}

function finishAcc(acc: Acc, names: readonly string[]): Rollup {
  const share = (n: number): number => (acc.households > 0 ? n / acc.households : 0);
  const ofHamlets = (n: number): number => (acc.hamlets > 0 ? n / acc.hamlets : 0);
  const shareByClass = zeroByClass();
  for (const k of COVERAGE_CLASSES) shareByClass[k] = share(acc.householdsByClass[k]);
  const { opMbb, opFibre, opWithMbb } = acc;
  const operators: OperatorRollup[] = [];
  for (let i = 0; i < opMbb.length; i++) {
    if ((opWithMbb[i] as number) < 0) continue;
    const mbb = opMbb[i] as number;
    const fibre = opFibre[i] as number;
    operators.push({
      operator: names[i] as string,
      mbbHouseholds: mbb,
      fibreHouseholds: fibre,
      mbbShare: share(mbb),
      fibreShare: share(fibre),
      hamletsWithMbb: opWithMbb[i] as number,
    });
  }
  operators.sort((a, b) => compareNames(a.operator, b.operator));
  // Field by field: spreading the accumulator (and leaving out its operator arrays) took most of the time.
  const r: Rollup = {
    level: acc.level,
    code: acc.code,
    name: acc.name,
    hamlets: acc.hamlets,
    households: acc.households,
    householdsByClass: acc.householdsByClass,
    fibreHouseholds: acc.fibreHouseholds,
    mbbHouseholds: acc.mbbHouseholds,
    broadbandHouseholds: acc.broadbandHouseholds,
    whiteAreaM2: acc.whiteAreaM2,
    weakAreaM2: acc.weakAreaM2,
    hamletsByStatus: acc.hamletsByStatus,
    hamletsNoFibre: acc.hamletsNoFibre,
    hamletsNoMbb: acc.hamletsNoMbb,
    shareByClass,
    fibreShare: share(acc.fibreHouseholds),
    mbbShare: share(acc.mbbHouseholds),
    broadbandShare: share(acc.broadbandHouseholds),
    targetFibreProgress: ofHamlets(acc.hamlets - acc.hamletsNoFibre),
    targetMbbProgress: ofHamlets(acc.hamlets - acc.hamletsNoMbb),
    marketHouseholds: acc.marketHouseholds,
    hamletsByMarketClass: acc.hamletsByMarketClass,
    operators,
  };
  if (acc.parentCode !== undefined) r.parentCode = acc.parentCode;
  return r;
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
