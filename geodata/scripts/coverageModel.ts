import Flatbush from 'flatbush';
import type { Feature, LineString, MultiLineString, Point, Position } from 'geojson';
import type { FibreProps, SiteProps } from '../../src/analysis/types.ts';
import { type LocalFrame, type XY, pointSegmentDistance, toXY } from './geom.ts';

/** The technology default radii of the engine (src/analysis/settings.ts), metres. */
const DEFAULT_RADIUS: Record<string, number> = { '2G': 6000, '3G': 4000, '4G': 3000, '5G': 600 };

export type SiteLike = Feature<Point, SiteProps>;
export type FibreLike = Feature<LineString | MultiLineString | Point, FibreProps>;

/** A site's disc (or sectors) in a local frame, as the approximate checks see it. */
export interface Disc {
  id: string;
  operator: string;
  xy: XY;
  r: number;
  /** Offers 4G or 5G (mobile broadband); otherwise 2G/3G only. */
  mbb: boolean;
  has5G: boolean;
  azimuths: number[] | null;
  beam: number;
}

/**
 * A site as a disc: 4G/5G sites reach `radius_m` (or the largest 4G/5G default), 2G/3G-only sites `radius_m`
 * (or the largest legacy default). A 2G/3G disc reaching beyond a modern site's MBB disc is ignored here.
 */
export function discOf(s: SiteLike, frame: LocalFrame): Disc {
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
  return {
    id: String(s.properties.id ?? ''),
    operator: String(s.properties.operator ?? ''),
    xy: toXY(frame, s.geometry.coordinates),
    r,
    mbb,
    has5G: techs.includes('5G'),
    azimuths,
    beam: s.properties.beamwidth ?? 120,
  };
}

export function inDisc(d: Disc, p: XY): boolean {
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

/** Sites indexed by their discs: which discs hold a point. */
export class SiteModel {
  readonly discs: Disc[];
  private readonly index: Flatbush;
  private readonly maxRadius: number;

  constructor(sites: readonly SiteLike[], frame: LocalFrame) {
    this.discs = sites.map((s) => discOf(s, frame));
    this.maxRadius = this.discs.reduce((m, d) => Math.max(m, d.r), 0);
    this.index = new Flatbush(Math.max(1, this.discs.length));
    for (const d of this.discs) this.index.add(d.xy[0] - d.r, d.xy[1] - d.r, d.xy[0] + d.r, d.xy[1] + d.r);
    if (this.discs.length === 0) this.index.add(1e12, 1e12, 1e12, 1e12);
    this.index.finish();
  }

  /** The discs that hold the point, in site order; with `scale`, as if every radius were that much larger. */
  at(p: XY, scale = 1): Disc[] {
    const pad = scale === 1 ? 0 : this.maxRadius * (scale - 1);
    return this.index
      .search(p[0] - pad, p[1] - pad, p[0] + pad, p[1] + pad)
      .sort((a, b) => a - b)
      .flatMap((i) => {
        const d = this.discs[i];
        return d && inDisc(scale === 1 ? d : { ...d, r: d.r * scale }, p) ? [d] : [];
      });
  }
}

interface Segment {
  a: XY;
  b: XY;
  operator: string;
}

/** Access fibre (routes and nodes; backbone gives no service) indexed by segment: what lies within reach. */
export class FibreModel {
  private readonly segs: Segment[] = [];
  private readonly index: Flatbush;

  constructor(
    fibre: readonly FibreLike[],
    frame: LocalFrame,
    readonly reachM = 500,
  ) {
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
          if (a && b)
            this.segs.push({
              a: toXY(frame, a),
              b: toXY(frame, b),
              operator: String(f.properties.operator ?? ''),
            });
        }
      }
    }
    this.index = new Flatbush(Math.max(1, this.segs.length));
    for (const { a, b } of this.segs)
      this.index.add(Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[0], b[0]), Math.max(a[1], b[1]));
    if (this.segs.length === 0) this.index.add(1e12, 1e12, 1e12, 1e12);
    this.index.finish();
  }

  /** Whether any access fibre lies within reach of the point. */
  serves(p: XY): boolean {
    const r = this.reachM;
    return this.index.search(p[0] - r, p[1] - r, p[0] + r, p[1] + r).some((i) => {
      const s = this.segs[i];
      return !!s && pointSegmentDistance(p, s.a, s.b) <= r;
    });
  }

  /** The operators whose access fibre lies within reach of the point, sorted. */
  operatorsAt(p: XY): string[] {
    const r = this.reachM;
    const found = new Set<string>();
    for (const i of this.index.search(p[0] - r, p[1] - r, p[0] + r, p[1] + r)) {
      const s = this.segs[i];
      if (s && !found.has(s.operator) && pointSegmentDistance(p, s.a, s.b) <= r) found.add(s.operator);
    }
    return [...found].sort();
  }
}
