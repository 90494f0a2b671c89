import { fibreLengthKm } from './scenarioLength.ts';
import type { Scenario, ScenarioDelta, StatusChange } from './scenarioTypes.ts';
import type { AnalysisResult, HamletCoverage, HamletStatus, Settings } from './types.ts';

/**
 * What a scenario changes: households that gain fibre, MBB or any broadband (and lose it, when sites are
 * switched off), hamlets whose status changes, the scenario's cost and cost per newly covered household.
 * Gains are summed per hamlet (a hamlet that gains 40 and another that loses 10 give +40 new, 10 lost).
 * Cost = proposed sites × `siteVnd` + proposed fibre km × `fibrePerKmVnd` + a drop (`dropPerHouseholdVnd`)
 * for every household that gains fibre; switching a site off costs nothing.
 *
 * @example
 * const d = scenarioDelta(baseline, after, scenario, settings);
 * d.newBroadbandHouseholds; d.costPerNewHouseholdVnd;
 */
export function scenarioDelta(
  before: AnalysisResult,
  after: AnalysisResult,
  scenario: Scenario,
  settings: Settings,
): ScenarioDelta {
  const old = new Map(before.hamlets.map((h) => [h.id, h]));
  let newFibre = 0;
  let newMbb = 0;
  let newBroadband = 0;
  let lost = 0;
  const statusChanges: StatusChange[] = [];
  for (const h of after.hamlets) {
    const b = old.get(h.id);
    if (!b) continue;
    const n = h.households;
    newFibre += gain(fibreHh(h), fibreHh(b), n);
    newMbb += gain(mbbHh(h), mbbHh(b), n);
    const d = broadbandHh(h) - broadbandHh(b);
    newBroadband += gain(broadbandHh(h), broadbandHh(b), n);
    lost += gain(broadbandHh(b), broadbandHh(h), n);
    if (h.status !== b.status)
      statusChanges.push({
        id: h.id,
        name: h.name,
        from: b.status,
        to: h.status,
        broadbandHouseholdsDelta: d,
      });
  }
  statusChanges.sort((x, y) => y.broadbandHouseholdsDelta - x.broadbandHouseholdsDelta || cmp(x.id, y.id));
  let proposedSites = 0;
  let fibreKm = 0;
  let sitesOff = 0;
  for (const e of scenario.edits) {
    if (e.kind === 'add-site') proposedSites++;
    else if (e.kind === 'add-fibre') fibreKm += fibreLengthKm(e.fibre);
    else sitesOff++;
  }
  const c = settings.cost;
  const costBreakdown = {
    sitesVnd: proposedSites * c.siteVnd,
    fibreVnd: fibreKm * c.fibrePerKmVnd,
    dropsVnd: newFibre * c.dropPerHouseholdVnd,
  };
  const costVnd = costBreakdown.sitesVnd + costBreakdown.fibreVnd + costBreakdown.dropsVnd;
  return {
    newFibreHouseholds: newFibre,
    newMbbHouseholds: newMbb,
    newBroadbandHouseholds: newBroadband,
    lostBroadbandHouseholds: lost,
    netBroadbandHouseholds: newBroadband - lost,
    statusBefore: countStatus(before.hamlets),
    statusAfter: countStatus(after.hamlets),
    statusChanges,
    proposedSites,
    proposedFibreKm: fibreKm,
    sitesOff,
    costVnd,
    costBreakdown,
    costPerNewHouseholdVnd: newBroadband > 1e-9 ? costVnd / newBroadband : null,
  };
}

/**
 * Re-clipping a hamlet moves its class areas by centimetre rounding (4e-4 households of fibre in one hamlet
 * when only a site was added). A change below a thousandth of a household plus 0.01 % of the hamlet's
 * households is that noise, not a gain.
 */
function gain(after: number, before: number, households: number): number {
  const d = after - before;
  return d > 1e-3 + 1e-4 * households ? d : 0;
}

function fibreHh(h: HamletCoverage): number {
  return h.classHouseholds['fibre+mbb'] + h.classHouseholds.fibre;
}
function mbbHh(h: HamletCoverage): number {
  return h.classHouseholds['fibre+mbb'] + h.classHouseholds.mbb;
}
function broadbandHh(h: HamletCoverage): number {
  return h.classHouseholds['fibre+mbb'] + h.classHouseholds.fibre + h.classHouseholds.mbb;
}

function countStatus(hamlets: HamletCoverage[]): Record<HamletStatus, number> {
  const out: Record<HamletStatus, number> = { served: 0, partial: 0, unserved: 0 };
  for (const h of hamlets) out[h.status]++;
  return out;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
