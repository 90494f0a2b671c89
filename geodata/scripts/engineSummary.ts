import type { AnalysisResult, HamletStatus } from '../../src/analysis/types.ts';

/** What the engine finds for one network version: hamlets by status and households by service. */
export interface NetworkStats {
  date: string;
  hamlets: number;
  served: number;
  partial: number;
  unserved: number;
  households: number;
  broadbandHouseholds: number;
  fibreHouseholds: number;
  mbbHouseholds: number;
  whiteHouseholds: number;
  weakHouseholds: number;
}

export function networkStats(date: string, result: AnalysisResult): NetworkStats {
  const count = (s: HamletStatus) => result.hamlets.filter((h) => h.status === s).length;
  const p = result.summary.province;
  return {
    date,
    hamlets: result.hamlets.length,
    served: count('served'),
    partial: count('partial'),
    unserved: count('unserved'),
    households: p.households,
    broadbandHouseholds: p.broadbandHouseholds,
    fibreHouseholds: p.fibreHouseholds,
    mbbHouseholds: p.mbbHouseholds,
    whiteHouseholds: p.householdsByClass.white,
    weakHouseholds: p.householdsByClass.weak,
  };
}

/** Between two versions: hamlets whose status rose or fell, and households that gained or lost broadband. */
export interface VersionChange {
  from: string;
  to: string;
  hamletsGaining: number;
  hamletsLosing: number;
  householdsNewlyCovered: number;
  householdsLosingCover: number;
}

const RANK: Record<HamletStatus, number> = { unserved: 0, partial: 1, served: 2 };

export function versionChange(
  from: { date: string; result: AnalysisResult },
  to: { date: string; result: AnalysisResult },
): VersionChange {
  const before = new Map(from.result.hamlets.map((h) => [h.id, h]));
  const change: VersionChange = {
    from: from.date,
    to: to.date,
    hamletsGaining: 0,
    hamletsLosing: 0,
    householdsNewlyCovered: 0,
    householdsLosingCover: 0,
  };
  for (const h of to.result.hamlets) {
    const b = before.get(h.id);
    if (!b) continue;
    if (RANK[h.status] > RANK[b.status]) change.hamletsGaining++;
    if (RANK[h.status] < RANK[b.status]) change.hamletsLosing++;
    const d = h.broadbandShare * h.households - b.broadbandShare * b.households;
    if (d > 0) change.householdsNewlyCovered += d;
    else change.householdsLosingCover -= d;
  }
  return change;
}
