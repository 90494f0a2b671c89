import { parseTech } from '../../src/analysis/tech.ts';
import type { SiteProps } from '../../src/analysis/types.ts';
import type { Context } from './context.ts';
import type { SyntheticFibre } from './fibre.ts';
import { type XY, distXY, toLonLat, toXY } from './geom.ts';
import { type Rng, rngFor, uniform, weightedIndex } from './prng.ts';
import { quantileThreshold } from './remoteness.ts';
import type { SyntheticSite } from './sites.ts';
import { FOURTH_OPERATOR } from './vietnamobile.ts';

/** The dates of the earlier network versions, oldest first; the files in geodata/ are the latest. */
export const EARLIER_VERSIONS = ['2022-12', '2024-12'] as const;
export const CURRENT_VERSION = '2026-06';
/** Share of hamlets (the most remote) out of 4G/5G reach in each earlier version; today it is 4 %. */
const EARLIER_GAP_SHARE = [0.12, 0.075] as const;

export interface NetworkVersion {
  date: string;
  sites: SyntheticSite[];
  fibre: SyntheticFibre[];
}

export interface VersionInput {
  ctx: Context;
  remoteness: readonly number[];
  /** Hamlets left without 4G/5G today (the most remote). */
  noMbb: (hamletIndex: number) => boolean;
  /** The latest network. */
  sites: readonly SyntheticSite[];
  fibre: readonly SyntheticFibre[];
  seed: number;
}

/**
 * Stage of a feature: 0 = in place by the first version, 1 = built before the second, 2 = built since.
 * A feature is in every version from its stage on; a retired one (see below) only before its end.
 */
type Stage = 0 | 1 | 2;

/**
 * Earlier snapshots of the synthetic network (2022-12 and 2024-12), made from the latest one: the same
 * ids at the same positions, lacking what was built later. Access spurs to the more remote hamlets and
 * the sites serving remote places came later (rank by remoteness, with noise); 4G came to some remote
 * 2G/3G sites only in 2023–26; 5G from late 2024 (Viettel first, VNPT next, MobiFone in 2025); the fourth
 * operator's sites arrived over the period on towers that already carried 4G. Two kinds of features are
 * gone today: 2G-only sites switched off in 2024 (some of them the only signal in a white cluster, which
 * turns weak into white) and three 4G sites dismantled in 2025 near today's gaps (a few hamlets lose
 * service). Hamlets, facilities and boundaries do not change between versions.
 * @example networkVersions({ ctx, remoteness, noMbb, sites, fibre, seed }).map((v) => v.date)
 */
export function networkVersions(input: VersionInput): NetworkVersion[] {
  const sites = siteHistory(input);
  const fibreStage = fibreStages(input);
  return EARLIER_VERSIONS.map((date, v) => ({
    date,
    sites: sites.flatMap((h) => {
      const tech = h.techAt[v];
      return tech === undefined ? [] : [{ ...h.site, properties: { ...h.site.properties, tech } }];
    }),
    fibre: input.fibre.filter((f) => (fibreStage.get(f.properties.id ?? '') ?? 0) <= v),
  }));
}

interface SiteHistory {
  site: SyntheticSite;
  /** Its tech in each earlier version, or undefined when it did not stand then. */
  techAt: (string | undefined)[];
}

function siteHistory(input: VersionInput): SiteHistory[] {
  const { ctx } = input;
  const rng = rngFor(input.seed, 'versions:sites');
  // The hamlets without 4G/5G in each earlier version: today's gaps and the next most remote ones.
  const cut = (share: number) => quantileThreshold(input.remoteness, share);
  const gapBy = [cut(EARLIER_GAP_SHARE[0]), cut(EARLIER_GAP_SHARE[1])];
  const gapXY = gapBy.map((c) =>
    ctx.hamlets.filter((h) => (input.remoteness[h.index] ?? 0) >= c).map((h) => h.xy),
  );
  const reaches = (s: SyntheticSite, v: number): boolean => {
    const xy = toXY(ctx.frame, s.geometry.coordinates);
    const r = s.properties.radius_m ?? 3000;
    return (gapXY[v] ?? []).some((g) => distXY(g, xy) < r + 300);
  };
  const stage = new Map<string, Stage>();
  const upgraded = new Set<string>();
  for (const s of input.sites) {
    const p = s.properties;
    const id = String(p.id);
    if (p.operator === FOURTH_OPERATOR || id.startsWith('site-legacy-')) continue;
    // The latest version in which the site's disc reaches that version's gaps: it came after it.
    const late: Stage = reaches(s, 1) ? 2 : reaches(s, 0) ? 1 : 0;
    const r = rng();
    if (late > 0 && r < 0.85) {
      stage.set(id, late);
      if (p.tech === '2G,3G,4G' && rng() < 0.5) upgraded.add(id);
    } else if (r > 0.96) stage.set(id, rng() < 0.5 ? 1 : 2);
  }

  const out: SiteHistory[] = [];
  const mbbAt = new Map<string, (string | undefined)[]>();
  for (const s of input.sites) {
    const p = s.properties;
    const id = String(p.id);
    if (p.operator === FOURTH_OPERATOR) continue;
    const st = stage.get(id) ?? 0;
    // An upgraded site stood as 2G/3G before it got 4G; any other stood from its stage on.
    const techAt = EARLIER_VERSIONS.map((_, v) =>
      v >= st ? p.tech : upgraded.has(id) ? '2G,3G' : undefined,
    );
    if (p.tech === '4G,5G') {
      const first5G = p.operator === 'Viettel' ? 0.5 : p.operator === 'VNPT' ? 0.3 : 0;
      techAt[0] = techAt[0] && '2G,3G,4G';
      techAt[1] = techAt[1] && (rng() < first5G ? '4G,5G' : '2G,3G,4G');
    }
    out.push({ site: s, techAt });
    mbbAt.set(key(s), [...techAt]);
  }
  // The fourth operator: on its host's tower, once the host carries 4G.
  for (const s of input.sites) {
    if (s.properties.operator !== FOURTH_OPERATOR) continue;
    const r = rng();
    const own: Stage = r < 0.35 ? 0 : r < 0.7 ? 1 : 2;
    const host = mbbAt.get(key(s)) ?? [];
    const techAt = EARLIER_VERSIONS.map((_, v) => {
      const hostTech = host[v];
      return v >= own && hostTech !== undefined && parseTech(hostTech).mbb.length > 0
        ? s.properties.tech
        : undefined;
    });
    out.push({ site: s, techAt });
  }
  out.push(...retiredSites(input, rngFor(input.seed, 'versions:retired')));
  // In the order of the latest file, retired sites last.
  const order = new Map(input.sites.map((s, i) => [String(s.properties.id), i]));
  return out.sort(
    (a, b) =>
      (order.get(String(a.site.properties.id)) ?? Infinity) -
      (order.get(String(b.site.properties.id)) ?? Infinity),
  );
}

const key = (s: SyntheticSite): string => s.geometry.coordinates.join(',');

/**
 * Sites that stand in earlier versions only: 2G-only sites switched off in 2024 (`site-2g-NN`), about a third
 * of them in white clusters that today have no signal at all, the rest in rural places 4G covers today; and
 * three 4G sites near today's gaps dismantled in 2025 (`site-old-N`).
 */
function retiredSites(input: VersionInput, rng: Rng): SiteHistory[] {
  const { ctx } = input;
  const legacyToday = input.sites
    .filter((s) => parseTech(s.properties.tech).mbb.length === 0)
    .map((s) => toXY(ctx.frame, s.geometry.coordinates));
  const gaps = ctx.hamlets
    .filter((h) => input.noMbb(h.index))
    .sort((a, b) => (input.remoteness[b.index] ?? 0) - (input.remoteness[a.index] ?? 0) || a.index - b.index);
  const out: SiteHistory[] = [];
  const site = (id: string, operator: string, xy: XY, tech: string, radius: number, until: 1 | 2) => {
    const props: SiteProps = { id, operator, tech, radius_m: Math.round(radius / 10) * 10 };
    out.push({
      site: {
        type: 'Feature',
        properties: { ...props, synthetic: true },
        geometry: { type: 'Point', coordinates: toLonLat(ctx.frame, xy) },
      },
      techAt: EARLIER_VERSIONS.map((_, v) => (v < until ? tech : undefined)),
    });
  };
  const operators = ['VNPT', 'Viettel', 'MobiFone'];
  const operatorShare = [0.4, 0.35, 0.25];
  const jitter = (xy: XY): XY => [xy[0] + uniform(rng, -300, 300), xy[1] + uniform(rng, -300, 300)];

  // White clusters today (no legacy site within 5 km): some had a 2G site until 2024.
  const placed: XY[] = [];
  let n2g = 0;
  for (const h of gaps) {
    if (legacyToday.some((p) => distXY(p, h.xy) < 5000) || placed.some((p) => distXY(p, h.xy) < 5000))
      continue;
    placed.push(h.xy);
    if (rng() < 0.35) continue;
    const op = operators[weightedIndex(rng, operatorShare)] ?? 'VNPT';
    site(`site-2g-${String(++n2g).padStart(2, '0')}`, op, jitter(h.xy), '2G', uniform(rng, 3000, 4500), 1);
  }
  // Elsewhere in the countryside, replaced by 4G sites by 2024.
  const rural = ctx.hamlets.filter((h) => h.setting === 'rural' && !input.noMbb(h.index));
  const weights = rural.map((h) => Math.max(0, input.remoteness[h.index] ?? 0));
  while (n2g < 24) {
    const h = rural[weightedIndex(rng, weights)];
    if (!h) break;
    const op = operators[weightedIndex(rng, operatorShare)] ?? 'VNPT';
    site(`site-2g-${String(++n2g).padStart(2, '0')}`, op, jitter(h.xy), '2G', uniform(rng, 3000, 5000), 1);
  }
  // Three 4G sites near today's gaps, dismantled in 2025 (a lease ended): their hamlets lose service.
  const used: XY[] = [];
  let nOld = 0;
  for (const h of gaps) {
    if (nOld >= 3) break;
    if (used.some((p) => distXY(p, h.xy) < 8000) || rng() < 0.5) continue;
    used.push(h.xy);
    const op = operators[weightedIndex(rng, operatorShare)] ?? 'VNPT';
    site(`site-old-${++nOld}`, op, jitter(h.xy), '2G,3G,4G', uniform(rng, 1300, 1800), 2);
  }
  return out;
}

/**
 * The stage of every access feature (routes inside a commune and their splitters) from its hamlet's
 * remoteness, never earlier than the route it hangs from. Backbone, trunks between commune centres and
 * cabinets are all in place by the first version.
 */
function fibreStages(input: VersionInput): Map<string, Stage> {
  const { ctx } = input;
  const rng = rngFor(input.seed, 'versions:fibre');
  const hamletAt = new Map(ctx.hamlets.map((h) => [h.anchor.join(','), h]));
  const edges = input.fibre.filter(
    (f) => /^ac-\d+-\d+$/.test(String(f.properties.id)) && f.geometry.type === 'LineString',
  );
  // Own stage per connected hamlet: the most remote ones were reached last.
  const children = edges.flatMap((e) => {
    const coords = e.geometry.type === 'LineString' ? e.geometry.coordinates : [];
    const h = hamletAt.get((coords[1] ?? []).join(','));
    return h ? [h] : [];
  });
  const scored = children
    .map((h) => ({ h, s: (input.remoteness[h.index] ?? 0) + uniform(rng, -0.1, 0.1) }))
    .sort((a, b) => b.s - a.s || a.h.index - b.h.index);
  const own = new Map<string, Stage>();
  scored.forEach(({ h }, i) => {
    const q = i / scored.length;
    own.set(h.anchor.join(','), q < 0.1 ? 2 : q < 0.2 ? 1 : 0);
  });
  // Down each commune's tree (edges run parent → child, in the order they were added).
  const nodeStage = new Map<string, Stage>();
  const stages = new Map<string, Stage>();
  for (const e of edges) {
    const coords = e.geometry.type === 'LineString' ? e.geometry.coordinates : [];
    const parent = (coords[0] ?? []).join(',');
    const child = (coords[1] ?? []).join(',');
    const st = Math.max(nodeStage.get(parent) ?? 0, own.get(child) ?? 0) as Stage;
    nodeStage.set(child, st);
    stages.set(String(e.properties.id), st);
  }
  for (const f of input.fibre) {
    const id = String(f.properties.id);
    if (f.properties.node === 'splitter' && f.geometry.type === 'Point')
      stages.set(id, nodeStage.get(f.geometry.coordinates.join(',')) ?? 0);
  }
  return stages;
}
