import { operatorCoverage } from './operatorLens.ts';
import { fibreLengthKm } from './scenarioLength.ts';
import type { OperatorDelta, Scenario, ScenarioDelta, StatusChange } from './scenarioTypes.ts';
import type { AnalysisResult, HamletCoverage, HamletStatus, Settings } from './types.ts';

/**
 * What a scenario changes: households that gain fibre, MBB or any broadband (and lose it, when sites are
 * switched off), hamlets whose status changes, the scenario's cost and cost per newly covered household.
 * Gains are summed per hamlet (a hamlet that gains 40 and another that loses 10 give +40 new, 10 lost).
 * Cost = each proposed site (`siteVnd`; `colocationVnd` when its `colocation` property is 'share', on
 * another operator's site; `upgradeVnd` when 'upgrade', on the operator's own 2G/3G site) + proposed fibre
 * km × `fibrePerKmVnd` + a drop (`dropPerHouseholdVnd`) for every household that gains fibre; switching a
 * site off costs nothing. Per operator: households gaining and losing its MBB and fibre.
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
  const c = settings.cost;
  let proposedSites = 0;
  let sharedSites = 0;
  let upgradedSites = 0;
  let sitesVnd = 0;
  let fibreKm = 0;
  let sitesOff = 0;
  for (const e of scenario.edits) {
    if (e.kind === 'add-site') {
      proposedSites++;
      const how = e.site.properties?.colocation;
      if (how === 'share') sharedSites++;
      else if (how === 'upgrade') upgradedSites++;
      sitesVnd += how === 'share' ? c.colocationVnd : how === 'upgrade' ? c.upgradeVnd : c.siteVnd;
    } else if (e.kind === 'add-fibre') fibreKm += fibreLengthKm(e.fibre);
    else sitesOff++;
  }
  const costBreakdown = {
    sitesVnd,
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
    sharedSites,
    upgradedSites,
    proposedFibreKm: fibreKm,
    sitesOff,
    costVnd,
    costBreakdown,
    costPerNewHouseholdVnd: newBroadband > 1e-9 ? costVnd / newBroadband : null,
    operators: operatorDeltas(before.hamlets, after.hamlets),
  };
}

/** Gains and losses per operator, hamlet by hamlet (below the re-clipping noise of `gain`: none). */
function operatorDeltas(before: HamletCoverage[], after: HamletCoverage[]): OperatorDelta[] {
  const old = new Map(before.map((h) => [h.id, h]));
  const out = new Map<string, OperatorDelta>();
  const entry = (operator: string): OperatorDelta => {
    let d = out.get(operator);
    if (!d) {
      d = {
        operator,
        newMbbHouseholds: 0,
        lostMbbHouseholds: 0,
        newFibreHouseholds: 0,
        lostFibreHouseholds: 0,
      };
      out.set(operator, d);
    }
    return d;
  };
  for (const h of after) {
    const b = old.get(h.id);
    // A hamlet no edit reached keeps its result object.
    if (!b || b === h || (b.operators.names.length === 0 && h.operators.names.length === 0)) continue;
    for (const operator of new Set([...b.operators.names, ...h.operators.names])) {
      const x = operatorCoverage(b, operator);
      const y = operatorCoverage(h, operator);
      const mbb = [x?.mbbHouseholds ?? 0, y?.mbbHouseholds ?? 0] as const;
      const fibre = [x?.fibreHouseholds ?? 0, y?.fibreHouseholds ?? 0] as const;
      const n = h.households;
      const gains = [
        gain(mbb[1], mbb[0], n),
        gain(mbb[0], mbb[1], n),
        gain(fibre[1], fibre[0], n),
        gain(fibre[0], fibre[1], n),
      ];
      if (gains.every((v) => v === 0)) continue;
      const d = entry(operator);
      d.newMbbHouseholds += gains[0] as number;
      d.lostMbbHouseholds += gains[1] as number;
      d.newFibreHouseholds += gains[2] as number;
      d.lostFibreHouseholds += gains[3] as number;
    }
  }
  return [...out.values()].sort((a, b) => cmp(a.operator, b.operator));
}

/**
 * Re-clipping a hamlet moves its class areas by centimetre rounding (4e-4 households of fibre in one hamlet
 * when only a site was added). A change below a thousandth of a household plus 0.01 % of the hamlet's
 * households is that noise, not a gain.
 */
export function gain(after: number, before: number, households: number): number {
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
