import { Clipper, FillRule } from 'clipper2-ts';
import type { Feature, LineString, MultiLineString, Position } from 'geojson';
import type { CommuneFeature } from './communes.ts';
import { type LocalFrame, type XY, bboxOf, distXY, localFrame, pointSegmentDistance, toXY } from './geom.ts';
import type { SyntheticHamlet } from './hamlets.ts';
import { geometryToPaths } from './intGeom.ts';

export type Segment = [XY, XY];

/** One hamlet as the infrastructure generators see it. */
export interface HamletInfo {
  index: number;
  id: string;
  communeCode: string;
  districtCode: string;
  /** 'urban' for wards, 'town' for thị trấn, 'rural' for xã. */
  setting: 'urban' | 'town' | 'rural';
  households: number;
  anchor: [number, number];
  xy: XY;
}

export interface Centre {
  code: string;
  name: string;
  hamlet: number;
  lonLat: [number, number];
  xy: XY;
}

/** Shared geometry for placing fibre, sites and facilities. */
export interface Context {
  frame: LocalFrame;
  hamlets: HamletInfo[];
  /** Segments of the outer outline of all communes (coast, rivers, borders with other provinces). */
  outline: Segment[];
  /** Road centre lines that carry backbone fibre (railways excluded). */
  roads: Segment[];
}

export function settingOf(type: string): HamletInfo['setting'] {
  const t = type.toLowerCase();
  return t.includes('phường') ? 'urban' : t.includes('thị trấn') ? 'town' : 'rural';
}

export function buildContext(
  communes: readonly CommuneFeature[],
  hamlets: readonly SyntheticHamlet[],
  anchors: readonly [number, number][],
  roads: readonly Feature<LineString | MultiLineString>[],
): Context {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const c of communes) {
    const b = bboxOf(c.geometry);
    minX = Math.min(minX, b[0]);
    minY = Math.min(minY, b[1]);
    maxX = Math.max(maxX, b[2]);
    maxY = Math.max(maxY, b[3]);
  }
  const frame = localFrame((minX + maxX) / 2, (minY + maxY) / 2);
  const typeOf = new Map(communes.map((c) => [c.properties.code, c.properties.type]));
  const infos = hamlets.map((h, index): HamletInfo => {
    const anchor = anchors[index] ?? [0, 0];
    return {
      index,
      id: h.properties.id,
      communeCode: h.properties.commune_code,
      districtCode: h.properties.district_code,
      setting: settingOf(typeOf.get(h.properties.commune_code) ?? 'Xã'),
      households: h.properties.households,
      anchor,
      xy: toXY(frame, anchor),
    };
  });
  return {
    frame,
    hamlets: infos,
    outline: outlineSegments(communes, frame),
    roads: roadSegments(roads, frame),
  };
}

/** The outer outline of the union of the communes, via Clipper on a shared integer grid. */
function outlineSegments(communes: readonly CommuneFeature[], frame: LocalFrame): Segment[] {
  const grid = { ox: Math.round(frame.lon0 * 1e6) - 2_000_000, oy: Math.round(frame.lat0 * 1e6) - 2_000_000 };
  const paths = communes.flatMap((c) => Clipper.union(geometryToPaths(grid, c.geometry), FillRule.EvenOdd));
  const union = Clipper.union(paths, FillRule.NonZero);
  const segs: Segment[] = [];
  for (const path of union) {
    if (Math.abs(Clipper.area(path)) < 1e6) continue; // specks and pin-holes are not coast or river
    const xy = path.map((p) => toXY(frame, [(p.x + grid.ox) / 1e6, (p.y + grid.oy) / 1e6]));
    xy.forEach((a, i) => {
      const b = xy[(i + 1) % xy.length];
      if (b) segs.push([a, b]);
    });
  }
  return segs;
}

const RAILWAY = /sắt|rail/i;

function roadSegments(roads: readonly Feature<LineString | MultiLineString>[], frame: LocalFrame): Segment[] {
  const segs: Segment[] = [];
  for (const r of roads) {
    if (RAILWAY.test(String(r.properties?.class ?? ''))) continue;
    const lines: Position[][] =
      r.geometry.type === 'LineString' ? [r.geometry.coordinates] : r.geometry.coordinates;
    for (const line of lines) {
      for (let i = 1; i < line.length; i++) {
        const a = line[i - 1];
        const b = line[i];
        if (a && b) segs.push([toXY(frame, a), toXY(frame, b)]);
      }
    }
  }
  return segs;
}

export function isRailway(f: Feature): boolean {
  return RAILWAY.test(String(f.properties?.class ?? ''));
}

export function distanceToSegments(p: XY, segs: readonly Segment[]): number {
  let best = Infinity;
  for (const [a, b] of segs) {
    const d = pointSegmentDistance(p, a, b);
    if (d < best) best = d;
  }
  return best;
}

/**
 * A commune's centre: the hamlet nearest to the household-weighted mean of its hamlets, preferring
 * hamlets that `allowed` accepts (a commune office is not put in the remotest hamlet).
 */
export function communeCentres(
  ctx: Context,
  names: Map<string, string>,
  allowed: (i: number) => boolean,
): Centre[] {
  const byCommune = new Map<string, HamletInfo[]>();
  for (const h of ctx.hamlets) byCommune.set(h.communeCode, [...(byCommune.get(h.communeCode) ?? []), h]);
  const out: Centre[] = [];
  for (const [code, list] of byCommune) {
    const total = list.reduce((s, h) => s + h.households, 0) || 1;
    const mean: XY = [
      list.reduce((s, h) => s + h.xy[0] * h.households, 0) / total,
      list.reduce((s, h) => s + h.xy[1] * h.households, 0) / total,
    ];
    const pool = list.some((h) => allowed(h.index)) ? list.filter((h) => allowed(h.index)) : list;
    let best = pool[0];
    for (const h of pool) if (best && distXY(h.xy, mean) < distXY(best.xy, mean)) best = h;
    if (best)
      out.push({ code, name: names.get(code) ?? code, hamlet: best.index, lonLat: best.anchor, xy: best.xy });
  }
  return out;
}

/** The hamlet whose centre is nearest to a point (linear scan: fine for a few thousand queries). */
export function nearestHamlet(ctx: Context, xy: XY): HamletInfo | undefined {
  let best: HamletInfo | undefined;
  let bestD = Infinity;
  for (const h of ctx.hamlets) {
    const d = distXY(h.xy, xy);
    if (d < bestD) {
      bestD = d;
      best = h;
    }
  }
  return best;
}
