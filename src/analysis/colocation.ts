import { materialise } from './blocks.ts';
import { siteShapes, validPosition } from './coverageShapes.ts';
import type { CoverageShape } from './coverageShapes.ts';
import type { EngineState } from './engine.ts';
import { siteId } from './featureIds.ts';
import { pointInPaths } from './geometry/clip.ts';
import type { Paths64 } from './geometry/clip.ts';
import { provenByOne, reachFrom } from './hamletClasses.ts';
import { areaWithin, partPaths } from './operatorClasses.ts';
import type { OperatorPart } from './operatorClasses.ts';
import { compareNames, operatorOf } from './operatorNames.ts';
import type { PreparedHamlet } from './prepareHamlets.ts';
import { parseTech } from './tech.ts';
import { recentPaths, touching } from './tiles.ts';
import type { CutCache } from './tiles.ts';
import type { SiteFeature } from './types.ts';

/**
 * Tower sharing for one operator: its 4G put on a site of another operator ('share'), or added to one of its
 * own 2G/3G-only sites ('upgrade').
 */
export interface ColocationCandidate {
  /** The host site's id and operator. */
  siteId: string;
  ownerOperator: string;
  kind: 'share' | 'upgrade';
  /**
   * The reach of the operator's 4G there: the host's `radius_m` (else the 4G default) when the host offers
   * 4G/5G; capped at the 4G default when it offers only 2G/3G, whose radius is a 2G/3G reach.
   */
  radiusM: number;
  /** The proposal to add to a scenario: the operator's 4G disc at the host's position, of `radiusM`. */
  site: SiteFeature;
  /** Hamlets that gain, with the households each gains, by households gained (then id). */
  hamlets: { id: string; households: number }[];
  /** Households that get the operator's MBB and do not have it now. */
  householdsGained: number;
  /** `cost.colocationVnd` for a share, `cost.upgradeVnd` for an upgrade. */
  costVnd: number;
  costPerHouseholdVnd: number;
}

export interface ColocationOptions {
  /** Leave out candidates that gain fewer households (default 1). */
  minGainHouseholds?: number;
  /** Keep the best `limit` candidates (default all). */
  limit?: number;
}

export interface ColocationResult {
  operator: string;
  /** Ranked: households gained (descending), cost per household, site id. */
  candidates: ColocationCandidate[];
  /** Host sites looked at (on, with a position, not the operator's own MBB sites). */
  sitesConsidered: number;
  /** Distinct discs evaluated (co-located hosts of one radius share one). */
  discs: number;
  ms: number;
}

/**
 * Candidate sites where an operator's 4G would cover households it does not cover today, from the engine's
 * current state (the baseline, or a scenario's edits applied). A host is every site that is on and belongs to
 * another operator, and every 2G/3G-only site of the operator itself. The gain is exact, from the geometry
 * the engine would compute after adding the proposal: per hamlet reached, households spread by area gain
 * `households × (area(hamlet ∩ (M ∪ D)) − area(hamlet ∩ M)) ÷ area(hamlet)` with M the operator's MBB and D
 * the new disc; household points gain where they lie in D and outside M. Each candidate is measured against
 * today's coverage on its own (two candidates may gain the same households).
 *
 * @example
 * const { candidates } = colocationCandidates(state, sites, 'Vietnamobile');
 * candidates[0]; // { siteId: 'VT-0412', ownerOperator: 'Viettel', householdsGained: 412.6, costPerHouseholdVnd: 1_211_827, ... }
 */
export function colocationCandidates(
  state: EngineState,
  sites: readonly SiteFeature[],
  operator: string,
  opts: ColocationOptions = {},
): ColocationResult {
  const t0 = performance.now();
  const { settings, proj } = state;
  const minGain = opts.minGainHouseholds ?? 1;
  const taken = new Set(sites.map((s, i) => siteId(s, i)));
  const byDisc = new Map<string, { hamlets: { id: string; households: number }[]; total: number }>();
  const mine = new Map<number, MineInHamlet>();
  const warnings: string[] = [];
  const out: ColocationCandidate[] = [];
  let considered = 0;
  sites.forEach((host, i) => {
    const p = host.properties ?? ({} as SiteFeature['properties']);
    const coords = host.geometry?.type === 'Point' ? host.geometry.coordinates : undefined;
    if (String(p.status ?? '').toLowerCase() === 'off' || !validPosition(coords)) return;
    const owner = operatorOf(p);
    const techs = parseTech(p.tech);
    if (techs.mbb.length === 0 && techs.legacy.length === 0) return;
    let kind: 'share' | 'upgrade';
    if (owner !== operator) kind = 'share';
    else if (techs.mbb.length === 0) kind = 'upgrade';
    else return;
    considered++;
    const hostId = siteId(host, i);
    const radiusM = candidateRadius(p.radius_m, techs.mbb.length > 0, settings.defaultRadiusM['4G']);
    const id = `${kind === 'share' ? 'co' : 'up'}-${hostId}-${slug(operator)}`;
    if (taken.has(id)) return;
    const site: SiteFeature = {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [coords[0] as number, coords[1] as number] },
      properties: {
        id,
        operator,
        tech: '4G',
        radius_m: radiusM,
        proposed: true,
        colocation: kind,
        host_site_id: hostId,
        host_operator: owner,
      },
    };
    const key = `${coords[0]},${coords[1]},${radiusM}`;
    let gain = byDisc.get(key);
    if (!gain) {
      const disc = siteShapes(site, id, proj, settings).shapes.find((s) => s.kind === 'mbb');
      gain = disc ? discGain(state, disc, operator, mine, warnings) : { hamlets: [], total: 0 };
      byDisc.set(key, gain);
    }
    if (gain.total < minGain || gain.total <= 0) return;
    const costVnd = kind === 'share' ? settings.cost.colocationVnd : settings.cost.upgradeVnd;
    out.push({
      siteId: hostId,
      ownerOperator: owner,
      kind,
      radiusM,
      site,
      hamlets: gain.hamlets,
      householdsGained: gain.total,
      costVnd,
      costPerHouseholdVnd: costVnd / gain.total,
    });
  });
  out.sort(
    (a, b) =>
      b.householdsGained - a.householdsGained ||
      a.costPerHouseholdVnd - b.costPerHouseholdVnd ||
      compareNames(a.siteId, b.siteId),
  );
  return {
    operator,
    candidates: opts.limit === undefined ? out : out.slice(0, opts.limit),
    sitesConsidered: considered,
    discs: byDisc.size,
    ms: performance.now() - t0,
  };
}

/** The operator's coverage of one hamlet, as the engine has it, and its paths for household points. */
interface MineInHamlet {
  part: OperatorPart | undefined;
  paths: Paths64 | null;
  /** The operator's shapes cut to the hamlet's box, and the area of their union there. */
  cut: CutCache;
  area: number | null;
}

function discGain(
  state: EngineState,
  disc: CoverageShape,
  operator: string,
  mine: Map<number, MineInHamlet>,
  warnings: string[],
): { hamlets: { id: string; households: number }[]; total: number } {
  const b = disc.bounds;
  const hamlets: { id: string; households: number }[] = [];
  let total = 0;
  for (const ti of state.tileIndex.search(b.left, b.top, b.right, b.bottom)) {
    const tile = state.tiles[ti];
    if (!tile) continue;
    for (const hi of tile.hamlets) {
      const h = state.hamlets[hi] as PreparedHamlet;
      if (h.areaUnits <= 0 || touching(h, [disc]).length === 0) continue;
      let m = mine.get(hi);
      if (!m) {
        materialise(state, hi);
        const part = state.operators[hi]?.mbb.find((p) => p.operator === operator);
        m = { part, paths: null, cut: new Map(), area: null };
        mine.set(hi, m);
      }
      if (m.part?.reach === 'full') continue;
      const cov = state.coverage[hi];
      if (!cov) continue;
      const points = state.households?.[hi];
      let g: number;
      if (cov.householdMethod === 'points' && points && points.length > 0) {
        const d = recentPaths(disc);
        g = 0;
        for (const p of points) {
          if (!pointInPaths(p.x, p.y, d)) continue;
          if (m.part && pointInPaths(p.x, p.y, (m.paths ??= partPaths(m.part)))) continue;
          g += p.data;
        }
      } else {
        // Both areas the same way, so a disc that adds nothing gains nothing (not a rounding difference).
        m.area ??= m.part ? areaWithin(h, m.part.shapes, warnings, m.cut) : 0;
        const whole = provenByOne(h, [disc]) || reachFrom(h, [disc]) === 'full';
        const after = whole
          ? h.areaUnits
          : areaWithin(h, m.part ? [...m.part.shapes, disc] : [disc], warnings, m.cut);
        g =
          (cov.households * Math.max(0, Math.min(h.areaUnits, after) - Math.min(h.areaUnits, m.area))) /
          h.areaUnits;
      }
      if (g > 1e-9) {
        hamlets.push({ id: h.id, households: g });
        total += g;
      }
    }
  }
  hamlets.sort((x, y) => y.households - x.households || compareNames(x.id, y.id));
  return { hamlets, total };
}

/**
 * The candidate's 4G reach: a host with 4G/5G shows how far a 4G cell reaches from that mast (its
 * `radius_m`); a 2G/3G-only host's radius is a 2G/3G reach (6 km by default for 2G), which 4G on the same
 * mast does not match, so it is capped at the 4G default radius.
 */
function candidateRadius(radius: unknown, hostHasMbb: boolean, default4G: number): number {
  const given = typeof radius === 'number' && radius > 0 ? radius : default4G;
  return hostHasMbb ? given : Math.min(given, default4G);
}

function slug(s: string): string {
  return s.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'op';
}
