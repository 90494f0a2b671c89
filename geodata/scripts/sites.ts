import type { Feature, Point } from 'geojson';
import type { SiteProps } from '../../src/analysis/types.ts';
import type { Context, HamletInfo } from './context.ts';
import { type XY, distXY, toLonLat } from './geom.ts';
import { type Rng, pick, rngFor, uniform, weightedIndex } from './prng.ts';

export type SyntheticSite = Feature<Point, SiteProps & { synthetic: true }>;

export interface SiteInput {
  ctx: Context;
  /** Hamlets deliberately left without mobile broadband: no 4G/5G disc may reach their centre. */
  noMbb: (hamletIndex: number) => boolean;
  /** Remoteness per hamlet (higher = fewer sites). */
  remoteness: readonly number[];
  seed: number;
  /** Households per site; ~500 gives ~1,150 sites for Nam Định's 570,901 households. */
  householdsPerSite?: number;
}

const OPERATORS = ['Viettel', 'VNPT', 'MobiFone'] as const;
const OPERATOR_SHARE = [0.4, 0.3, 0.3];
/** A 4G/5G disc stops this far short of the centre of a hamlet left without mobile broadband. */
const CLEARANCE_M = 800;
/** Rural sites that could only reach less than this are not built: the operator builds elsewhere. */
const MIN_RURAL_RADIUS_M = 1200;

/**
 * Synthetic mobile sites for three operators, with density following households: per commune about one
 * site per `householdsPerSite` households, each put near a hamlet drawn by households (less often in
 * remote hamlets). Wards get small cells and some 5G; rural 4G reaches 1.5–3.5 km, cut short near the
 * hamlets left without mobile broadband; those areas get some legacy-only (2G/3G) sites instead, which
 * make weak zones (vùng lõm). About 20 % of sites have sectors; a few have no radius_m, to use the
 * technology defaults.
 * @example makeSites({ ctx, noMbb: () => false, remoteness, seed: 42 }).length
 */
export function makeSites(input: SiteInput): SyntheticSite[] {
  const { ctx, seed } = input;
  const gapXY: XY[] = ctx.hamlets.filter((h) => input.noMbb(h.index)).map((h) => h.xy);
  const reach = (xy: XY): number =>
    gapXY.reduce((m, g) => Math.min(m, distXY(xy, g) - CLEARANCE_M), Infinity);
  const perSite = input.householdsPerSite ?? 500;
  const byCommune = new Map<string, HamletInfo[]>();
  for (const h of ctx.hamlets) byCommune.set(h.communeCode, [...(byCommune.get(h.communeCode) ?? []), h]);

  const sites: SyntheticSite[] = [];
  for (const [code, list] of [...byCommune].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const rng = rngFor(seed, `sites:${code}`);
    const households = list.reduce((s, h) => s + h.households, 0);
    const setting = list[0]?.setting ?? 'rural';
    const density = setting === 'urban' ? 1.25 : 1;
    const count = Math.max(1, Math.round(((households * density) / perSite) * uniform(rng, 0.85, 1.15)));
    const weights = list.map((h) =>
      input.noMbb(h.index) ? 0 : h.households * (1 - Math.min(0.9, input.remoteness[h.index] ?? 0)),
    );
    let k = 0;
    for (let attempt = 0; attempt < count * 6 && k < count; attempt++) {
      const h = list[weightedIndex(rng, weights)];
      if (!h) break;
      const xy: XY = [h.xy[0] + uniform(rng, -150, 150), h.xy[1] + uniform(rng, -150, 150)];
      const site = modernSite(h.setting, reach(xy), rng);
      if (!site) continue;
      k++;
      sites.push(
        feature(
          `${code}-${k}`,
          OPERATORS[weightedIndex(rng, OPERATOR_SHARE)] ?? 'Viettel',
          xy,
          site,
          ctx,
          rng,
        ),
      );
    }
  }
  sites.push(...legacySites(input, rngFor(seed, 'sites:legacy')));
  return sites;
}

interface SiteSpec {
  tech: string;
  radius: number;
  /** Whether the technology default (4G: 3 km) would also stay clear of the gaps. */
  defaultOk: boolean;
}

function modernSite(setting: HamletInfo['setting'], reach: number, rng: Rng): SiteSpec | null {
  const r = rng();
  if (setting === 'urban') {
    const spec =
      r < 0.35
        ? { tech: '4G,5G', radius: uniform(rng, 350, 800) }
        : { tech: '2G,3G,4G', radius: uniform(rng, 500, 1100) };
    return spec.radius <= reach ? { ...spec, defaultOk: reach >= 3000 } : null;
  }
  if (setting === 'town') {
    const spec =
      r < 0.1
        ? { tech: '4G,5G', radius: uniform(rng, 500, 900) }
        : { tech: '2G,3G,4G', radius: uniform(rng, 900, 1800) };
    return spec.radius <= reach ? { ...spec, defaultOk: reach >= 3000 } : null;
  }
  const radius = Math.min(uniform(rng, 1500, 3500), reach);
  if (radius < MIN_RURAL_RADIUS_M) return null;
  return { tech: r < 0.72 ? '2G,3G,4G' : '4G', radius, defaultOk: reach >= 3000 };
}

/** Legacy-only sites in the no-MBB clusters: about half of the clusters get one, making weak zones. */
function legacySites(input: SiteInput, rng: Rng): SyntheticSite[] {
  const { ctx } = input;
  const gaps = ctx.hamlets
    .filter((h) => input.noMbb(h.index))
    .sort((a, b) => (input.remoteness[b.index] ?? 0) - (input.remoteness[a.index] ?? 0) || a.index - b.index);
  const placed: XY[] = [];
  const out: SyntheticSite[] = [];
  for (const h of gaps) {
    if (placed.some((p) => distXY(p, h.xy) < 5000)) continue;
    placed.push(h.xy);
    if (rng() < 0.45) continue;
    const spec: SiteSpec =
      rng() < 0.6
        ? { tech: '2G,3G', radius: uniform(rng, 2500, 4000), defaultOk: true }
        : { tech: '2G', radius: uniform(rng, 3500, 5500), defaultOk: true };
    out.push(feature(`legacy-${out.length + 1}`, rng() < 0.6 ? 'VNPT' : 'Viettel', h.xy, spec, ctx, rng));
  }
  return out;
}

function feature(
  id: string,
  operator: string,
  xy: XY,
  spec: SiteSpec,
  ctx: Context,
  rng: Rng,
): SyntheticSite {
  const props: SiteProps = { id: `site-${id}`, operator, tech: spec.tech };
  if (!(spec.defaultOk && rng() < 0.04)) props.radius_m = Math.round(spec.radius / 10) * 10;
  if (rng() < 0.2) {
    const start = Math.floor(rng() * 12) * 10;
    if (rng() < 0.7) {
      props.azimuths = [start, start + 120, start + 240];
      props.beamwidth = pick(rng, [65, 90, 120]);
    } else {
      props.azimuths = [start * 3];
      props.beamwidth = pick(rng, [65, 90]);
    }
  }
  return {
    type: 'Feature',
    properties: { ...props, synthetic: true },
    geometry: { type: 'Point', coordinates: toLonLat(ctx.frame, xy) },
  };
}
