import type { FeatureCollection, Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { type FibreLike, FibreModel, type SiteLike, SiteModel } from './coverageModel.ts';
import { bboxOf, localFrame, polygonsOf, toXY } from './geom.ts';

export interface GapReport {
  hamlets: number;
  served: number;
  partial: number;
  unserved: number;
  /** Unserved hamlets whose sample points are mostly white (nothing) rather than weak (legacy only). */
  unservedWhite: number;
  noFibre: number;
  noMbb: number;
  /** Unserved hamlets per district name. */
  unservedByDistrict: Record<string, number>;
}

/**
 * A quick, approximate coverage check for the synthetic layers, independent of the real engine: each
 * hamlet is sampled at its vertex-mean centre and at points half-way to its outline vertices; a point has
 * fibre within 500 m of an access route or node, MBB inside a 4G/5G site's disc (or sector), weak inside
 * a 2G/3G one. Statuses use the default thresholds (served ≥ 95 %, unserved ≤ 5 % of sample points).
 * @example approximateGaps(hamlets, fibre, sites).unserved / report.hamlets
 */
export function approximateGaps(
  hamlets:
    | FeatureCollection<Polygon | MultiPolygon, { district?: string }>
    | Feature<Polygon | MultiPolygon, { district?: string }>[],
  fibre: readonly FibreLike[],
  sites: readonly SiteLike[],
): GapReport {
  const list = Array.isArray(hamlets) ? hamlets : hamlets.features;
  const first = list[0];
  const [x0, y0] = first ? bboxOf(first.geometry) : [0, 0];
  const frame = localFrame(x0, y0);

  const fibreModel = new FibreModel(fibre, frame);
  const siteModel = new SiteModel(sites, frame);

  const report: GapReport = {
    hamlets: list.length,
    served: 0,
    partial: 0,
    unserved: 0,
    unservedWhite: 0,
    noFibre: 0,
    noMbb: 0,
    unservedByDistrict: {},
  };
  for (const h of list) {
    const pts = samplePoints(h.geometry).map((p) => toXY(frame, p));
    let fibreN = 0;
    let mbbN = 0;
    let broadN = 0;
    let weakN = 0;
    for (const p of pts) {
      const hasFibre = fibreModel.serves(p);
      const discs = siteModel.at(p);
      const hasMbb = discs.some((d) => d.mbb);
      const hasLegacy = discs.some((d) => !d.mbb);
      if (hasFibre) fibreN++;
      if (hasMbb) mbbN++;
      if (hasFibre || hasMbb) broadN++;
      else if (hasLegacy) weakN++;
    }
    const n = pts.length;
    const s = broadN / n;
    if (s >= 0.95) report.served++;
    else if (s <= 0.05) {
      report.unserved++;
      if (weakN < (n - broadN) / 2) report.unservedWhite++;
      const district = h.properties.district ?? '?';
      report.unservedByDistrict[district] = (report.unservedByDistrict[district] ?? 0) + 1;
    } else report.partial++;
    if (fibreN / n <= 0.05) report.noFibre++;
    if (mbbN / n <= 0.05) report.noMbb++;
  }
  return report;
}

/** The vertex-mean centre and points half-way to (up to 12) outer-ring vertices of the largest part. */
function samplePoints(g: Polygon | MultiPolygon): Position[] {
  const outer = polygonsOf(g)
    .map((poly) => poly[0] ?? [])
    .sort((a, b) => b.length - a.length)[0];
  if (!outer || outer.length === 0) return [];
  const ring = outer.slice(0, -1);
  const cx = ring.reduce((s, p) => s + (p[0] ?? 0), 0) / ring.length;
  const cy = ring.reduce((s, p) => s + (p[1] ?? 0), 0) / ring.length;
  const step = Math.max(1, Math.floor(ring.length / 12));
  const pts: Position[] = [[cx, cy]];
  for (let i = 0; i < ring.length; i += step) {
    const p = ring[i];
    if (p) pts.push([(cx + (p[0] ?? 0)) / 2, (cy + (p[1] ?? 0)) / 2]);
  }
  return pts;
}
