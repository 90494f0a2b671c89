import { parseTech } from '../../src/analysis/tech.ts';
import type { SiteProps } from '../../src/analysis/types.ts';
import { type Context, distanceToSegments, nearestHamlet } from './context.ts';
import { toXY } from './geom.ts';
import { type Rng, pick, rngFor, uniform, weightedIndex } from './prng.ts';
import type { SyntheticSite } from './sites.ts';

export const FOURTH_OPERATOR = 'Vietnamobile';

export interface FourthOperatorInput {
  ctx: Context;
  /** The sites of the other operators; each new site stands on one of their towers. */
  sites: readonly SyntheticSite[];
  seed: number;
  /** How many sites; default one per 13,600 households (42 for Nam Định). */
  count?: number;
}

/**
 * A smaller fourth operator that rents space on other operators' towers: 4G only, mostly in towns and
 * wards and along the main roads. Each site stands exactly on an omnidirectional 4G/5G host with a given
 * radius and reaches less far than the host (60–85 % of its radius), so it never widens the pooled
 * coverage: it only turns areas covered by one operator into areas covered by two. Ids `site-vnm-NN`
 * sort after every host id, so nearest-site ties still name the host.
 * @example fourthOperatorSites({ ctx, sites, seed: 42 }).length // 42
 */
export function fourthOperatorSites(input: FourthOperatorInput): SyntheticSite[] {
  const { ctx } = input;
  const rng = rngFor(input.seed, 'sites:vietnamobile');
  const weights = input.sites.map((s) => hostWeight(ctx, s));
  const chosen: number[] = [];
  const households = ctx.hamlets.reduce((sum, h) => sum + h.households, 0);
  const count = input.count ?? Math.max(1, Math.round(households / 13_600));
  while (chosen.length < count) {
    const i = weightedIndex(rng, weights);
    if (i < 0) break;
    chosen.push(i);
    weights[i] = 0;
  }
  return chosen
    .sort((a, b) => a - b)
    .map((hostIndex, k) => {
      const host = input.sites[hostIndex] as SyntheticSite;
      return siteOn(host, `site-vnm-${String(k + 1).padStart(2, '0')}`, rng);
    });
}

function hostWeight(ctx: Context, s: SyntheticSite): number {
  const p = s.properties;
  if (parseTech(p.tech).mbb.length === 0 || p.radius_m === undefined || p.azimuths !== undefined) return 0;
  if (p.operator === FOURTH_OPERATOR) return 0;
  const xy = toXY(ctx.frame, s.geometry.coordinates);
  const setting = nearestHamlet(ctx, xy)?.setting ?? 'rural';
  if (setting === 'town') return 5;
  if (setting === 'urban') return 3;
  return distanceToSegments(xy, ctx.roads) < 700 ? 1.2 : 0.08;
}

function siteOn(host: SyntheticSite, id: string, rng: Rng): SyntheticSite {
  const hostRadius = host.properties.radius_m ?? 0;
  const radius = Math.min(Math.round((hostRadius * uniform(rng, 0.6, 0.85)) / 10) * 10, hostRadius - 50);
  const props: SiteProps = { id, operator: FOURTH_OPERATOR, tech: '4G', radius_m: radius };
  if (rng() < 0.2) {
    const start = Math.floor(rng() * 12) * 10;
    props.azimuths = [start, start + 120, start + 240];
    props.beamwidth = pick(rng, [65, 90]);
  }
  return {
    type: 'Feature',
    properties: { ...props, synthetic: true },
    geometry: { type: 'Point', coordinates: host.geometry.coordinates },
  };
}
