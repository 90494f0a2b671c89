import type { RankedHamlet, Rollup } from './types.ts';

/** What the sub-units of an area are ranked by (DATA-MODEL §15). */
export type GapMeasure =
  'gapHouseholds' | 'whiteHouseholds' | 'weakHouseholds' | 'unservedHamlets' | 'costVnd';
export const GAP_MEASURES: readonly GapMeasure[] = [
  'gapHouseholds',
  'whiteHouseholds',
  'weakHouseholds',
  'unservedHamlets',
  'costVnd',
];

/** One area's gap to the 100 % targets, for ranking the sub-units of a province, district or unit. */
export interface AreaGap {
  code: string;
  name: string;
  level: Rollup['level'];
  hamlets: number;
  households: number;
  /** Households without broadband: in the white and weak classes. */
  gapHouseholds: number;
  whiteHouseholds: number;
  weakHouseholds: number;
  unservedHamlets: number;
  /** Hamlets not served (partial or unserved): the ranked ones. */
  notServedHamlets: number;
  /** The cost to bring the area to the targets: Σ recommended cost of its hamlets that are not served. */
  costVnd: number;
}

/**
 * Σ of the recommended cost (§8) of the ranked hamlets, i.e. those not served, per area code; `areaOf` gives
 * a hamlet's area code (undefined: left out).
 *
 * @example
 * const costs = costByArea(result.ranking, (id) => unitOf.get(id)?.code);
 */
export function costByArea(
  ranking: readonly RankedHamlet[],
  areaOf: (hamletId: string) => string | undefined,
): Map<string, { costVnd: number; hamlets: number }> {
  const out = new Map<string, { costVnd: number; hamlets: number }>();
  for (const r of ranking) {
    const code = areaOf(r.id);
    if (code === undefined) continue;
    const e = out.get(code);
    if (e) {
      e.costVnd += r.costVnd;
      e.hamlets += 1;
    } else out.set(code, { costVnd: r.costVnd, hamlets: 1 });
  }
  return out;
}

/**
 * Areas with their gap and cost, largest gap first by `by` (then the others in the order of
 * `GAP_MEASURES`, then code), so the sub-unit that needs the most comes first.
 *
 * @example
 * rankAreasByGap(summary.units ?? [], costByArea(result.ranking, unitCodeOf), 'gapHouseholds')[0].name;
 */
export function rankAreasByGap(
  rollups: readonly Rollup[],
  costs: ReadonlyMap<string, { costVnd: number; hamlets: number }>,
  by: GapMeasure = 'gapHouseholds',
): AreaGap[] {
  const rows = rollups.map((r) => areaGap(r, costs.get(r.code)));
  const order = [by, ...GAP_MEASURES.filter((m) => m !== by)];
  return rows.sort((a, b) => {
    for (const m of order) if (a[m] !== b[m]) return b[m] - a[m];
    return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
  });
}

/** One roll-up's gap figures; `cost` from `costByArea` for its code. */
export function areaGap(r: Rollup, cost?: { costVnd: number; hamlets: number }): AreaGap {
  const white = r.householdsByClass.white;
  const weak = r.householdsByClass.weak;
  return {
    code: r.code,
    name: r.name,
    level: r.level,
    hamlets: r.hamlets,
    households: r.households,
    gapHouseholds: white + weak,
    whiteHouseholds: white,
    weakHouseholds: weak,
    unservedHamlets: r.hamletsByStatus.unserved,
    notServedHamlets: r.hamletsByStatus.unserved + r.hamletsByStatus.partial,
    costVnd: cost?.costVnd ?? 0,
  };
}
