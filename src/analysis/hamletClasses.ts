import type { CoverageKind, CoverageShape } from './coverageShapes.ts';
import { areaUnits, difference, intersect, rectClip } from './geometry/clip.ts';
import type { Paths64 } from './geometry/clip.ts';
import type { PreparedHamlet } from './prepareHamlets.ts';
import type { Region, Tile } from './tiles.ts';

/** How much of a hamlet one kind of coverage reaches. */
export type Reach = 'none' | 'partial' | 'full';

/** Exact class areas (integer units²) and the white and weak polygons of one hamlet. */
export interface HamletGeometry {
  fibreMbb: number;
  fibre: number;
  mbb: number;
  weak: number;
  white: number;
  whitePaths: Paths64;
  weakPaths: Paths64;
  reach: Record<CoverageKind, Reach>;
}

/**
 * Split a hamlet into the five coverage classes against its tile's unions: four clipping operations at
 * most (∩ fibre, ∩ fibre∩mbb, − anything, ∩ weak), and none when a kind of coverage is absent from the
 * hamlet's box or covers it whole (the tile is full, or the hamlet lies inside one disc or fibre capsule).
 * Broadband-only area is what remains after white, weak and fibre, so the five add up to the hamlet's area.
 *
 * @example
 * const g = hamletClasses(hamlet, tile, warnings);
 */
export function hamletClasses(h: PreparedHamlet, tile: Tile, warnings: string[]): HamletGeometry {
  const u = tile.unions;
  const reach: Record<CoverageKind, Reach> = {
    fibre: reachOf(h, u.fibre, tile.shapes.fibre),
    mbb: reachOf(h, u.mbb, tile.shapes.mbb),
    legacy: reachOf(h, u.legacy, tile.shapes.legacy),
  };
  const total = h.areaUnits;
  if (total <= 0)
    return { fibreMbb: 0, fibre: 0, mbb: 0, weak: 0, white: 0, whitePaths: [], weakPaths: [], reach };
  const clipArea = (region: Region, op: 'in' | 'out'): { area: number; paths: Paths64 } => {
    if (region.full) return op === 'in' ? { area: total, paths: h.paths } : { area: 0, paths: [] };
    if (region.empty) return op === 'in' ? { area: 0, paths: [] } : { area: total, paths: h.paths };
    const local = rectClip(h.bounds, region.paths, h.id);
    const near = local.ok ? local.value : region.paths;
    const r = op === 'in' ? intersect(h.paths, near, h.id) : difference(h.paths, near, h.id);
    if (!r.ok) {
      warnings.push(r.error.message);
      return { area: 0, paths: [] };
    }
    return { area: Math.max(0, areaUnits(r.value)), paths: r.value };
  };
  const anyFull = reach.fibre === 'full' || reach.mbb === 'full' || reach.legacy === 'full';
  const white = anyFull
    ? { area: 0, paths: [] }
    : reach.fibre === 'none' && reach.mbb === 'none' && reach.legacy === 'none'
      ? { area: total, paths: h.paths }
      : clipArea(u.any, 'out');
  const noBroadband = reach.fibre === 'none' && reach.mbb === 'none';
  const weak =
    reach.legacy === 'none' || reach.fibre === 'full' || reach.mbb === 'full'
      ? { area: 0, paths: [] }
      : reach.legacy === 'full' && noBroadband
        ? { area: total, paths: h.paths }
        : clipArea(u.weak, 'in');
  const broadband = Math.max(0, total - white.area - weak.area);
  const fibreArea = Math.min(
    broadband,
    reach.fibre === 'none' ? 0 : reach.fibre === 'full' ? total : clipArea(u.fibre, 'in').area,
  );
  let fibreMbb = 0;
  let fibreOnly = 0;
  let mbbOnly = 0;
  if (reach.mbb === 'none') fibreOnly = broadband;
  else if (reach.fibre === 'none') mbbOnly = broadband;
  else {
    fibreMbb =
      reach.mbb === 'full'
        ? fibreArea
        : reach.fibre === 'full'
          ? clipArea(u.mbb, 'in').area
          : clipArea(u.both, 'in').area;
    fibreMbb = Math.min(fibreMbb, fibreArea);
    fibreOnly = fibreArea - fibreMbb;
    mbbOnly = broadband - fibreArea;
  }
  return {
    fibreMbb,
    fibre: fibreOnly,
    mbb: mbbOnly,
    weak: weak.area,
    white: white.area,
    whitePaths: white.paths,
    weakPaths: weak.paths,
    reach,
  };
}

function reachOf(h: PreparedHamlet, region: Region, shapes: CoverageShape[]): Reach {
  if (region.empty) return 'none';
  if (region.full) return 'full';
  const b = h.bounds;
  let touches = false;
  for (const s of shapes) {
    const sb = s.bounds;
    if (sb.right < b.left || sb.left > b.right || sb.bottom < b.top || sb.top > b.bottom) continue;
    touches = true;
    if (sb.left > b.left || sb.right < b.right || sb.top > b.top || sb.bottom < b.bottom) continue;
    if (s.proofs.some((p) => insideProof(h.paths, p.ax, p.ay, p.bx, p.by, p.r))) return 'full';
  }
  return touches ? 'partial' : 'none';
}

function insideProof(paths: Paths64, ax: number, ay: number, bx: number, by: number, r: number): boolean {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const r2 = r * r;
  for (const path of paths) {
    for (const p of path) {
      let t = len2 === 0 ? 0 : ((p.x - ax) * dx + (p.y - ay) * dy) / len2;
      t = t < 0 ? 0 : t > 1 ? 1 : t;
      const ex = p.x - (ax + t * dx);
      const ey = p.y - (ay + t * dy);
      if (ex * ex + ey * ey > r2) return false;
    }
  }
  return true;
}
