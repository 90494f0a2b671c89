import type { MultiPolygon, Polygon, Position } from 'geojson';

export type XY = [number, number];

/**
 * A local equirectangular frame in metres, using the WGS84 radii of curvature at its centre latitude.
 * Within one province (~60 km) it is good to a few tenths of a percent, plenty for placing synthetic
 * features and for the approximate gap check; the engine does the exact measurement.
 */
export interface LocalFrame {
  lon0: number;
  lat0: number;
  kx: number;
  ky: number;
}

export function localFrame(lon0: number, lat0: number): LocalFrame {
  const a = 6378137;
  const e2 = 0.00669437999014;
  const phi = (lat0 * Math.PI) / 180;
  const w = 1 - e2 * Math.sin(phi) ** 2;
  const n = a / Math.sqrt(w);
  const m = (a * (1 - e2)) / w ** 1.5;
  return { lon0, lat0, kx: (n * Math.cos(phi) * Math.PI) / 180, ky: (m * Math.PI) / 180 };
}

export function toXY(f: LocalFrame, p: Position): XY {
  return [((p[0] ?? 0) - f.lon0) * f.kx, ((p[1] ?? 0) - f.lat0) * f.ky];
}

export function toLonLat(f: LocalFrame, p: XY): [number, number] {
  return [f.lon0 + p[0] / f.kx, f.lat0 + p[1] / f.ky];
}

/** The polygons of a Polygon or MultiPolygon, as a list of ring lists. */
export function polygonsOf(g: Polygon | MultiPolygon): Position[][][] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

export function bboxOf(g: Polygon | MultiPolygon): [number, number, number, number] {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const poly of polygonsOf(g)) {
    for (const p of poly[0] ?? []) {
      const x = p[0] ?? 0;
      const y = p[1] ?? 0;
      if (x < minX) minX = x;
      if (y < minY) minY = y;
      if (x > maxX) maxX = x;
      if (y > maxY) maxY = y;
    }
  }
  return [minX, minY, maxX, maxY];
}

/** Signed shoelace area of a ring in its own units (positive = counter-clockwise). */
export function ringSignedArea(ring: readonly (readonly number[])[]): number {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[j];
    const b = ring[i];
    if (!a || !b) continue;
    s += ((a[0] ?? 0) - (b[0] ?? 0)) * ((a[1] ?? 0) + (b[1] ?? 0));
  }
  return s / 2;
}

/** Planar area in m² in the local frame (holes subtracted). */
export function areaM2(f: LocalFrame, g: Polygon | MultiPolygon): number {
  let total = 0;
  for (const poly of polygonsOf(g)) {
    poly.forEach((ring, i) => {
      const a = Math.abs(ringSignedArea(ring.map((p) => toXY(f, p))));
      total += i === 0 ? a : -a;
    });
  }
  return total;
}

export function distXY(a: XY, b: XY): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1]);
}

export function pointSegmentDistance(p: XY, a: XY, b: XY): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

/** Even-odd point-in-polygon over every ring, in any consistent coordinate system. */
export function pointInRings(p: XY, rings: readonly (readonly XY[])[]): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const a = ring[i];
      const b = ring[j];
      if (!a || !b) continue;
      if (a[1] > p[1] !== b[1] > p[1] && p[0] < ((b[0] - a[0]) * (p[1] - a[1])) / (b[1] - a[1]) + a[0]) {
        inside = !inside;
      }
    }
  }
  return inside;
}

/** Rounds to 6 decimals (~0.1 m), the precision of every shipped file. */
export function round6(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

/**
 * Rounds a (multi)polygon to 6 decimals and drops the repeated points and collapsed rings that rounding
 * (or the source) leaves, so every shipped ring is closed and has no zero-length edge.
 */
export function cleanPolygonal(g: Polygon | MultiPolygon): Polygon | MultiPolygon {
  const cleanRing = (ring: Position[]): Position[] => {
    const out: Position[] = [];
    for (const p of ring) {
      const q = [round6(p[0] ?? 0), round6(p[1] ?? 0)];
      const last = out[out.length - 1];
      if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
    }
    const first = out[0];
    const last = out[out.length - 1];
    if (first && last && (first[0] !== last[0] || first[1] !== last[1]))
      out.push([first[0] ?? 0, first[1] ?? 0]);
    return out;
  };
  const polys = polygonsOf(g)
    .map((poly) => poly.map(cleanRing).filter((ring) => ring.length >= 4))
    .filter((poly) => poly.length > 0);
  const only = polys[0];
  return g.type === 'Polygon' && only
    ? { type: 'Polygon', coordinates: only }
    : { type: 'MultiPolygon', coordinates: polys };
}
