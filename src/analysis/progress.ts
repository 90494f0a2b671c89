import type { AreaGroup, AreasOf } from './areas.ts';
import type { TargetSettings } from './types.ts';
import type { HamletState } from './versionCompare.ts';

/** One area's shares at one version: hamlets and households with fibre and with 4G/5G. */
export interface AreaShares {
  level: AreaGroup['level'];
  code: string;
  name: string;
  parentCode?: string;
  hamlets: number;
  /** Hamlets without the `noFibre` (`noMbb`) flag: what the 100 % targets count (DATA-MODEL §5). */
  hamletsWithFibre: number;
  hamletsWithMbb: number;
  households: number;
  fibreHouseholds: number;
  mbbHouseholds: number;
  /** Shares 0–1 (0 where there are no hamlets or households). */
  fibreHamletShare: number;
  mbbHamletShare: number;
  fibreHouseholdShare: number;
  mbbHouseholdShare: number;
}

/**
 * The shares of every area (`areasOf`) at one version: the progress view draws one point per version.
 * Hamlet shares are the roll-ups' target progress (DATA-MODEL §6), household shares their fibre and MBB
 * shares.
 *
 * @example areaShares(hamletStates(result.hamlets, null), adminAreas())[0]?.fibreHamletShare
 */
export function areaShares(states: readonly HamletState[], areasOf: AreasOf): AreaShares[] {
  const byId = new Map(states.map((h) => [h.id, h]));
  return areasOf(states).map((g) => {
    let withFibre = 0;
    let withMbb = 0;
    let households = 0;
    let fibre = 0;
    let mbb = 0;
    for (const id of g.hamletIds) {
      const h = byId.get(id) as HamletState;
      if (h.hasFibre) withFibre++;
      if (h.hasMbb) withMbb++;
      households += h.households;
      fibre += h.fibreHouseholds;
      mbb += h.mbbHouseholds;
    }
    const n = g.hamletIds.length;
    const out: AreaShares = {
      level: g.level,
      code: g.code,
      name: g.name,
      hamlets: n,
      hamletsWithFibre: withFibre,
      hamletsWithMbb: withMbb,
      households,
      fibreHouseholds: fibre,
      mbbHouseholds: mbb,
      fibreHamletShare: n > 0 ? withFibre / n : 0,
      mbbHamletShare: n > 0 ? withMbb / n : 0,
      fibreHouseholdShare: households > 0 ? fibre / households : 0,
      mbbHouseholdShare: households > 0 ? mbb / households : 0,
    };
    if (g.parentCode !== undefined) out.parentCode = g.parentCode;
    return out;
  });
}

/** A share at a version's date (`YYYY-MM`). */
export interface ProgressPoint {
  date: string;
  share: number;
}

/** A target: a share of hamlets by the end of a year. */
export interface Target {
  share: number;
  year: number;
}

/**
 * `reached`: the latest version meets the target. `on-course`: the straight line through the last two
 * versions reaches it by December of its year. `behind`: it does not (or the share is not rising).
 * `overdue`: the latest version is past the target's date and short of it. `unknown`: fewer than two
 * versions before the target's date, so there is no trend.
 */
export type TrendStatus = 'reached' | 'on-course' | 'behind' | 'overdue' | 'unknown';

export interface Trend {
  status: TrendStatus;
  /** The target's month, `YYYY-12`. */
  due: string;
  /** The trend's share at the target's date (clamped to 0–1); null without a trend. */
  projected: number | null;
  /** Change of the share per year over the last two versions; null with fewer than two. */
  perYear: number | null;
  /** The month the trend reaches the target; null when it never does (flat or falling) or it is reached. */
  reachBy: string | null;
}

/**
 * Whether an area is on course for a target (DATA-MODEL §16): the linear trend of its last two versions,
 * continued to December of the target's year. Pure.
 *
 * @example
 * progressTrend([{ date: '2022-12', share: 0.6 }, { date: '2024-12', share: 0.8 }], { share: 1, year: 2026 })
 * // { status: 'on-course', due: '2026-12', projected: 1, perYear: 0.1, reachBy: '2026-12' }
 */
export function progressTrend(points: readonly ProgressPoint[], target: Target): Trend {
  const due = `${target.year}-12`;
  const dueMonth = monthOf(due);
  const sorted = [...points].sort((a, b) => monthOf(a.date) - monthOf(b.date));
  const last = sorted[sorted.length - 1];
  const eps = 1e-9;
  const prev = last ? [...sorted].reverse().find((p) => monthOf(p.date) < monthOf(last.date)) : undefined;
  const perMonth =
    last && prev ? (last.share - prev.share) / (monthOf(last.date) - monthOf(prev.date)) : null;
  const perYear = perMonth === null ? null : perMonth * 12;
  const base = { due, perYear };
  if (!last) return { ...base, status: 'unknown', projected: null, reachBy: null };
  if (last.share >= target.share - eps) return { ...base, status: 'reached', projected: null, reachBy: null };
  const reachBy =
    perMonth !== null && perMonth > eps
      ? monthText(monthOf(last.date) + Math.ceil((target.share - last.share) / perMonth - eps))
      : null;
  if (monthOf(last.date) > dueMonth) return { ...base, status: 'overdue', projected: null, reachBy };
  if (perMonth === null) return { ...base, status: 'unknown', projected: null, reachBy: null };
  const projected = Math.min(1, Math.max(0, last.share + perMonth * (dueMonth - monthOf(last.date))));
  return {
    ...base,
    status: projected >= target.share - eps ? 'on-course' : 'behind',
    projected,
    reachBy,
  };
}

/** The fibre and 4G/5G targets of the settings as `Target`s. */
export function targetsOf(t: TargetSettings): { fibre: Target; mbb: Target } {
  return {
    fibre: { share: t.fibreHamlets, year: t.fibreYear },
    mbb: { share: t.mbbHamlets, year: t.mbbYear },
  };
}

/** `YYYY-MM` → months since year 0. */
export function monthOf(date: string): number {
  const [y, m] = date.split('-').map(Number);
  return (y ?? 0) * 12 + ((m ?? 1) - 1);
}

function monthText(month: number): string {
  return `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
}

/** A dated version's date: `YYYY-MM`, a month from 1990 to 2100. */
export function isVersionDate(v: unknown): v is string {
  if (typeof v !== 'string' || !/^\d{4}-(0[1-9]|1[0-2])$/.test(v)) return false;
  const y = Number(v.slice(0, 4));
  return y >= 1990 && y <= 2100;
}
