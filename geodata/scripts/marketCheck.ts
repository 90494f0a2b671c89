import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { type FibreLike, FibreModel, type SiteLike, SiteModel } from './coverageModel.ts';
import { type XY, bboxOf, localFrame, pointInRings, polygonsOf, toXY } from './geom.ts';

/** Shares (0–1) by the number of operators present: 0 = white, 1 = grey, ≥ 2 = black. */
export interface MarketShares {
  white: number;
  grey: number;
  black: number;
}

export interface MarketReport {
  spacingM: number;
  points: number;
  /** Shares of households (spread evenly over each hamlet's area, as the engine does). */
  households: { mbb: MarketShares; fibre: MarketShares };
  area: { mbb: MarketShares; fibre: MarketShares };
  /** Households inside each operator's own MBB discs, and within reach of its own access fibre. */
  byOperator: Record<string, { mbbHouseholds: number; fibreHouseholds: number }>;
}

type Hamlet = Feature<Polygon | MultiPolygon, { households?: number }>;

/**
 * Market classes of the synthetic network on a regular sample grid (points every `spacingM` metres in a
 * local frame; a hamlet too small to hold one is sampled at its vertex mean): at each point, the distinct
 * operators whose 4G/5G discs (or sectors) hold it, and those whose access fibre lies within 500 m. An
 * approximation of the engine's exact geometry (its discs are 64-gons), good to a few tenths of a percent.
 * @example marketCheck(hamlets, fibre, sites, 50).households.mbb.grey
 */
export function marketCheck(
  hamlets: readonly Hamlet[],
  fibre: readonly FibreLike[],
  sites: readonly SiteLike[],
  spacingM = 50,
): MarketReport {
  const first = hamlets[0];
  const [x0, y0] = first ? bboxOf(first.geometry) : [0, 0];
  const frame = localFrame(x0, y0);
  const siteModel = new SiteModel(sites, frame);
  const fibreModel = new FibreModel(fibre, frame);
  const zero = (): MarketShares => ({ white: 0, grey: 0, black: 0 });
  const hh = { mbb: zero(), fibre: zero() };
  const area = { mbb: zero(), fibre: zero() };
  const byOperator: MarketReport['byOperator'] = {};
  const bump = (s: MarketShares, n: number, w: number) => {
    s[n === 0 ? 'white' : n === 1 ? 'grey' : 'black'] += w;
  };
  let points = 0;
  let totalHh = 0;
  let totalArea = 0;
  for (const h of hamlets) {
    const rings = polygonsOf(h.geometry).flatMap((poly) =>
      poly.map((ring) => ring.map((p) => toXY(frame, p))),
    );
    const [minX, minY, maxX, maxY] = bboxOf(h.geometry);
    const lo = toXY(frame, [minX, minY]);
    const hi = toXY(frame, [maxX, maxY]);
    const pts: XY[] = [];
    for (let x = Math.ceil(lo[0] / spacingM - 0.5) + 0.5; x * spacingM <= hi[0]; x++) {
      for (let y = Math.ceil(lo[1] / spacingM - 0.5) + 0.5; y * spacingM <= hi[1]; y++) {
        const p: XY = [x * spacingM, y * spacingM];
        if (pointInRings(p, rings)) pts.push(p);
      }
    }
    if (pts.length === 0) {
      const outer = rings[0] ?? [];
      const n = Math.max(1, outer.length);
      pts.push([outer.reduce((s, p) => s + p[0], 0) / n, outer.reduce((s, p) => s + p[1], 0) / n]);
    }
    const households = h.properties.households ?? 0;
    const w = households / pts.length;
    totalHh += households;
    totalArea += pts.length;
    points += pts.length;
    for (const p of pts) {
      const mbbOps = new Set(siteModel.at(p).flatMap((d) => (d.mbb ? [d.operator] : [])));
      const fibreOps = fibreModel.operatorsAt(p);
      bump(hh.mbb, mbbOps.size, w);
      bump(hh.fibre, fibreOps.length, w);
      bump(area.mbb, mbbOps.size, 1);
      bump(area.fibre, fibreOps.length, 1);
      for (const op of mbbOps)
        (byOperator[op] ??= { mbbHouseholds: 0, fibreHouseholds: 0 }).mbbHouseholds += w;
      for (const op of fibreOps)
        (byOperator[op] ??= { mbbHouseholds: 0, fibreHouseholds: 0 }).fibreHouseholds += w;
    }
  }
  const norm = (s: MarketShares, t: number): MarketShares =>
    t > 0 ? { white: s.white / t, grey: s.grey / t, black: s.black / t } : s;
  return {
    spacingM,
    points,
    households: { mbb: norm(hh.mbb, totalHh), fibre: norm(hh.fibre, totalHh) },
    area: { mbb: norm(area.mbb, totalArea), fibre: norm(area.fibre, totalArea) },
    byOperator,
  };
}
