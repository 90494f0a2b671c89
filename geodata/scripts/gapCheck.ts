import Flatbush from 'flatbush';
import type {
  Feature,
  FeatureCollection,
  LineString,
  MultiLineString,
  MultiPolygon,
  Point,
  Polygon,
  Position,
} from 'geojson';
import { type XY, bboxOf, localFrame, pointSegmentDistance, polygonsOf, toXY } from './geom.ts';

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

const DEFAULT_RADIUS: Record<string, number> = { '2G': 6000, '3G': 4000, '4G': 3000, '5G': 600 };

interface Disc {
  xy: XY;
  r: number;
  mbb: boolean;
  azimuths: number[] | null;
  beam: number;
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
  fibre: readonly Feature<LineString | MultiLineString | Point, { kind?: string }>[],
  sites: readonly Feature<
    Point,
    { tech: string; radius_m?: number; azimuths?: number[] | string; beamwidth?: number }
  >[],
): GapReport {
  const list = Array.isArray(hamlets) ? hamlets : hamlets.features;
  const first = list[0];
  const [x0, y0] = first ? bboxOf(first.geometry) : [0, 0];
  const frame = localFrame(x0, y0);

  const segs: [XY, XY][] = [];
  for (const f of fibre) {
    if (f.properties.kind === 'backbone') continue;
    const g = f.geometry;
    const lines: Position[][] =
      g.type === 'Point'
        ? [[g.coordinates, g.coordinates]]
        : g.type === 'LineString'
          ? [g.coordinates]
          : g.coordinates;
    for (const line of lines) {
      for (let i = 1; i < line.length; i++) {
        const a = line[i - 1];
        const b = line[i];
        if (a && b) segs.push([toXY(frame, a), toXY(frame, b)]);
      }
    }
  }
  const segIndex = new Flatbush(Math.max(1, segs.length));
  for (const [a, b] of segs)
    segIndex.add(Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[0], b[0]), Math.max(a[1], b[1]));
  if (segs.length === 0) segIndex.add(1e12, 1e12, 1e12, 1e12);
  segIndex.finish();

  const discs: Disc[] = sites.map((s) => discOf(s, frame));
  const discIndex = new Flatbush(Math.max(1, discs.length));
  for (const d of discs) discIndex.add(d.xy[0] - d.r, d.xy[1] - d.r, d.xy[0] + d.r, d.xy[1] + d.r);
  if (discs.length === 0) discIndex.add(1e12, 1e12, 1e12, 1e12);
  discIndex.finish();

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
      const hasFibre = segIndex.search(p[0] - 500, p[1] - 500, p[0] + 500, p[1] + 500).some((i) => {
        const s = segs[i];
        return !!s && pointSegmentDistance(p, s[0], s[1]) <= 500;
      });
      let hasMbb = false;
      let hasLegacy = false;
      for (const i of discIndex.search(p[0], p[1], p[0], p[1])) {
        const d = discs[i];
        if (!d || !inDisc(d, p)) continue;
        if (d.mbb) hasMbb = true;
        else hasLegacy = true;
      }
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

function discOf(
  s: Feature<Point, { tech: string; radius_m?: number; azimuths?: number[] | string; beamwidth?: number }>,
  frame: ReturnType<typeof localFrame>,
): Disc {
  const techs = String(s.properties.tech)
    .split(',')
    .map((t) => t.trim().toUpperCase());
  const mbb = techs.includes('4G') || techs.includes('5G');
  const byTech = techs
    .filter((t) => (mbb ? t === '4G' || t === '5G' : true))
    .map((t) => DEFAULT_RADIUS[t] ?? 0);
  const r = s.properties.radius_m ?? Math.max(0, ...byTech);
  const az = s.properties.azimuths;
  const azimuths = az === undefined ? null : Array.isArray(az) ? az : az.split(',').map(Number);
  return { xy: toXY(frame, s.geometry.coordinates), r, mbb, azimuths, beam: s.properties.beamwidth ?? 120 };
}

function inDisc(d: Disc, p: XY): boolean {
  const dx = p[0] - d.xy[0];
  const dy = p[1] - d.xy[1];
  if (Math.hypot(dx, dy) > d.r) return false;
  if (!d.azimuths || (dx === 0 && dy === 0)) return true;
  const bearing = ((Math.atan2(dx, dy) * 180) / Math.PI + 360) % 360;
  return d.azimuths.some((a) => {
    const diff = Math.abs(((bearing - a + 540) % 360) - 180);
    return diff <= d.beam / 2;
  });
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
