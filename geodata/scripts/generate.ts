import type { Feature, LineString, MultiLineString } from 'geojson';
import type { CommuneFeature } from './communes.ts';
import { fillResiduals, makeNoder } from './conform.ts';
import { type Centre, type Context, buildContext, communeCentres } from './context.ts';
import { type SyntheticFacility, makeFacilities } from './facilities.ts';
import { type SyntheticFibre, makeFibre } from './fibre.ts';
import { type SyntheticHamlet, makeCommuneHamlets } from './hamlets.ts';
import { rngFor } from './prng.ts';
import { quantileThreshold, remoteness } from './remoteness.ts';
import { type SyntheticSite, makeSites } from './sites.ts';
import { type NetworkVersion, networkVersions } from './versions.ts';
import { fourthOperatorSites } from './vietnamobile.ts';

export interface GenerateOptions {
  communes: readonly CommuneFeature[];
  /** Real road centre lines; non-railway ones carry backbone fibre and make nearby hamlets less remote. */
  roads?: readonly Feature<LineString | MultiLineString>[];
  seed: number;
  /** Share of hamlets (the most remote) that get no access fibre spur. Default 0.25. */
  fibreGapShare?: number;
  /** Share of hamlets (the most remote) that no 4G/5G disc reaches. Default 0.04. */
  mbbGapShare?: number;
  householdsPerSite?: number;
}

export interface Sample {
  /** The input communes with the hamlet boundary points added to their outlines (see conform.ts). */
  communes: CommuneFeature[];
  hamlets: SyntheticHamlet[];
  fibre: SyntheticFibre[];
  sites: SyntheticSite[];
  facilities: SyntheticFacility[];
  /** Earlier snapshots of the network (sites and fibre), oldest first. */
  versions: NetworkVersion[];
  /** The placing geometry and each hamlet's remoteness, for the layers made after the engine has run. */
  context: Context;
  remoteness: number[];
}

/**
 * Generates the synthetic layers for any set of communes with census households: hamlets that tile each
 * commune, fibre, mobile sites and facilities, leaving realistic gaps at the remote edges. Same inputs
 * and seed give the same output, byte for byte once written.
 * @example const sample = generateSample({ communes, roads, seed: 20190401 });
 */
export function generateSample(options: GenerateOptions): Sample {
  const { seed } = options;
  const roads = options.roads ?? [];
  const communes = [...options.communes].sort((a, b) => (a.properties.code < b.properties.code ? -1 : 1));

  const parts = communes.map((c) => makeCommuneHamlets(c, rngFor(seed, `hamlets:${c.properties.code}`)));
  const node = makeNoder(parts.flatMap((p) => p.crossings));
  const nodedCommunes: CommuneFeature[] = communes.map((c) => ({ ...c, geometry: node(c.geometry) }));
  const hamlets: SyntheticHamlet[] = parts.flatMap((p, i) => {
    const commune = nodedCommunes[i];
    if (!commune) return [];
    const filled = fillResiduals(
      commune.geometry,
      p.hamlets.map((h) => node(h.geometry)),
    );
    return p.hamlets.map((h, j) => ({ ...h, geometry: filled[j] ?? h.geometry }));
  });
  const anchors = parts.flatMap((p) => p.anchors);

  const ctx = buildContext(nodedCommunes, hamlets, anchors, roads);
  const names = new Map(communes.map((c) => [c.properties.code, c.properties.name]));
  const remote = remoteness(
    ctx,
    communeCentres(ctx, names, () => true),
    rngFor(seed, 'remoteness'),
  );
  const fibreCut = quantileThreshold(remote, options.fibreGapShare ?? 0.25);
  const mbbCut = quantileThreshold(remote, options.mbbGapShare ?? 0.04);
  const connected = (i: number): boolean => (remote[i] ?? 0) < fibreCut;
  const centres = communeCentres(ctx, names, connected);

  const fibre = makeFibre({
    ctx,
    roads,
    communeCentres: centres,
    districtCentres: districtCentres(communes, centres),
    connected,
    seed,
  });
  const noMbb = (i: number): boolean => (remote[i] ?? 0) >= mbbCut;
  const threeOperators = makeSites({
    ctx,
    noMbb,
    remoteness: remote,
    seed,
    ...(options.householdsPerSite ? { householdsPerSite: options.householdsPerSite } : {}),
  });
  const sites = [...threeOperators, ...fourthOperatorSites({ ctx, sites: threeOperators, seed })];
  return {
    communes: nodedCommunes,
    hamlets,
    fibre,
    sites,
    facilities: makeFacilities(ctx, communes, hamlets, centres, seed),
    versions: networkVersions({ ctx, remoteness: remote, noMbb, sites, fibre, seed }),
    context: ctx,
    remoteness: remote,
  };
}

/** A district's centre: the centre of its most populous ward or town, or of its most populous commune. */
function districtCentres(communes: readonly CommuneFeature[], centres: readonly Centre[]): Centre[] {
  const centreOf = new Map(centres.map((c) => [c.code, c]));
  const best = new Map<string, CommuneFeature>();
  const rank = (c: CommuneFeature) => (/xã/i.test(c.properties.type) ? 0 : 1e9) + c.properties.households;
  for (const c of communes) {
    const cur = best.get(c.properties.district_code);
    if (!cur || rank(c) > rank(cur)) best.set(c.properties.district_code, c);
  }
  return [...best.entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .flatMap(([district, c]) => {
      const centre = centreOf.get(c.properties.code);
      return centre ? [{ ...centre, code: district, name: c.properties.district }] : [];
    });
}
