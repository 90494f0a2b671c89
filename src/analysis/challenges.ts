import type { Challenge, ChallengeReason, HamletCoverage, HamletMeasured, Settings } from './types.ts';

/** Distinct field reports of no signal that put a modelled-served hamlet on the list. */
export const MIN_NO_SIGNAL_REPORTS = 2;

/**
 * The challenge list (docs/DATA-MODEL.md §17): hamlets where the model and the measurements disagree.
 * Over-stated: the model gives MBB to at least `thresholds.served` of the hamlet, and either at least
 * `measured.minTests` weighted mobile tests average below the failing limits (download or upload), or at
 * least two distinct field reports say no signal. Under-stated: the model gives MBB to at most
 * `thresholds.noMbb` of it, and at least `measured.minTests` weighted mobile tests average at or above the
 * 4G target. Over-stated first, then under-stated; by hamlet id within each.
 * @example challengeList(result.hamlets, measured.hamlets, settings).map((c) => c.reasons[0]?.kind)
 */
export function challengeList(
  coverage: readonly HamletCoverage[],
  measured: readonly HamletMeasured[],
  settings: Settings,
): Challenge[] {
  const s = settings.measured;
  const over: Challenge[] = [];
  const under: Challenge[] = [];
  coverage.forEach((h, i) => {
    const m = measured[i];
    if (!m || m.id !== h.id) return;
    const mob = m.mobile;
    const measuredMean =
      mob.tests >= s.minTests && mob.downMbps !== null && mob.upMbps !== null
        ? { tests: mob.tests, downMbps: mob.downMbps, upMbps: mob.upMbps }
        : null;
    const reasons: ChallengeReason[] = [];
    if (h.mbbShare >= settings.thresholds.served) {
      if (
        measuredMean &&
        (measuredMean.downMbps < s.failingDownMbps || measuredMean.upMbps < s.failingUpMbps)
      )
        reasons.push({ kind: 'failingTests', mbbShare: h.mbbShare, ...measuredMean });
      if (m.reports.noSignal >= MIN_NO_SIGNAL_REPORTS)
        reasons.push({ kind: 'noSignalReports', mbbShare: h.mbbShare, reports: m.reports.noSignal });
      if (reasons.length > 0) over.push(challenge(h, 'over', reasons));
    } else if (
      h.mbbShare <= settings.thresholds.noMbb &&
      measuredMean &&
      measuredMean.downMbps >= s.mobile4gTargetMbps &&
      measuredMean.upMbps >= s.failingUpMbps
    ) {
      under.push(challenge(h, 'under', [{ kind: 'goodTests', mbbShare: h.mbbShare, ...measuredMean }]));
    }
  });
  const byId = (a: Challenge, b: Challenge): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return [...over.sort(byId), ...under.sort(byId)];
}

function challenge(
  h: HamletCoverage,
  direction: Challenge['direction'],
  reasons: ChallengeReason[],
): Challenge {
  return { id: h.id, name: h.name, commune: h.commune, district: h.district, direction, reasons };
}
