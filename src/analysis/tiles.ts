import Flatbush from 'flatbush';
import type { ContainmentProof, CoverageKind, CoverageShape } from './coverageShapes.ts';
import { areaUnits, rectClip, unionAll } from './geometry/clip.ts';
import type { Paths64, Rect64 } from './geometry/clip.ts';
import type { PreparedHamlet } from './prepareHamlets.ts';

/**
 * A group of nearby hamlets. Its region is the union of their bounding boxes, so every hamlet lies inside
 * it and any coverage cut to the region is exact for them.
 */
export interface Tile {
  index: number;
  region: Rect64;
  hamlets: number[];
  shapes: Record<CoverageKind, CoverageShape[]>;
  /** Union of each kind over the region, computed on first use (many tiles never need one). */
  unions: Record<CoverageKind, Paths64 | null>;
}

/**
 * Group hamlets into square tiles by the centre of their bounding box, and index the tiles' regions.
 *
 * @example
 * const { tiles, index } = buildTiles(hamlets, 1500 * SCALE);
 */
export function buildTiles(hamlets: PreparedHamlet[], tileSize: number): { tiles: Tile[]; index: Flatbush } {
  const byCell = new Map<string, Tile>();
  const tiles: Tile[] = [];
  for (const h of hamlets) {
    const key = `${Math.floor(h.cx / tileSize)},${Math.floor(h.cy / tileSize)}`;
    let tile = byCell.get(key);
    if (!tile) {
      tile = {
        index: tiles.length,
        region: { ...h.bounds },
        hamlets: [],
        shapes: { fibre: [], mbb: [], legacy: [] },
        unions: { fibre: null, mbb: null, legacy: null },
      };
      byCell.set(key, tile);
      tiles.push(tile);
    }
    tile.hamlets.push(h.index);
    const r = tile.region;
    r.left = Math.min(r.left, h.bounds.left);
    r.top = Math.min(r.top, h.bounds.top);
    r.right = Math.max(r.right, h.bounds.right);
    r.bottom = Math.max(r.bottom, h.bounds.bottom);
  }
  const index = new Flatbush(Math.max(tiles.length, 1));
  for (const t of tiles) {
    // One unit of margin so a hamlet edge lying on the region edge is never cut by rectClip.
    t.region = {
      left: t.region.left - 1,
      top: t.region.top - 1,
      right: t.region.right + 1,
      bottom: t.region.bottom + 1,
    };
    index.add(t.region.left, t.region.top, t.region.right, t.region.bottom);
  }
  if (tiles.length === 0) index.add(0, 0, 0, 0);
  index.finish();
  return { tiles, index };
}

/** Forget a tile's unions after its shapes changed; they are recomputed when next needed. */
export function invalidateUnions(tile: Tile, kinds: Iterable<CoverageKind>): void {
  for (const k of kinds) tile.unions[k] = null;
}

/**
 * The union of one kind of coverage over the tile region, computed once and cached. Shapes are first cut
 * to the region (linear time), and a shape proven to contain the region short-cuts to the region itself.
 * A clipping error becomes a warning naming the feature, and the failing shape is left out.
 */
export function unionOf(tile: Tile, kind: CoverageKind, warnings: string[]): Paths64 {
  const cached = tile.unions[kind];
  if (cached) return cached;
  const rect = tile.region;
  const rectArea = (rect.right - rect.left) * (rect.bottom - rect.top);
  const full: Paths64 = [
    [
      { x: rect.left, y: rect.top },
      { x: rect.right, y: rect.top },
      { x: rect.right, y: rect.bottom },
      { x: rect.left, y: rect.bottom },
    ],
  ];
  const parts: Paths64 = [];
  let result: Paths64 | null = rectCovered(rect, tile.shapes[kind], 3) ? full : null;
  for (const s of result ? [] : tile.shapes[kind]) {
    const b = s.bounds;
    if (b.right < rect.left || b.left > rect.right || b.bottom < rect.top || b.top > rect.bottom) continue;
    const clipped = rectClip(rect, s.paths(), s.sourceId);
    if (!clipped.ok) {
      warnings.push(clipped.error.message);
      continue;
    }
    if (clipped.value.length === 1 && areaUnits(clipped.value) >= rectArea) {
      result = full;
      break;
    }
    parts.push(...clipped.value);
  }
  if (!result) {
    const u = unionAll(parts, tile.shapes[kind][0]?.sourceId ?? `tile ${tile.index}`);
    if (!u.ok) warnings.push(u.error.message);
    result = u.ok ? u.value : [];
  }
  tile.unions[kind] = result;
  return result;
}

/**
 * Prove that the shapes cover a rectangle without clipping: the rectangle, or each of its quarters down to
 * `depth` levels, lies inside a single disc or capsule. Dense networks (overlapping fibre buffers) cover
 * most tiles and hamlets this way; an unproven rectangle is simply clipped.
 */
export function rectCovered(rect: Rect64, shapes: readonly CoverageShape[], depth: number): boolean {
  const proofs: ContainmentProof[] = [];
  for (const s of shapes) {
    const b = s.bounds;
    if (b.right < rect.left || b.left > rect.right || b.bottom < rect.top || b.top > rect.bottom) continue;
    proofs.push(...s.proofs);
  }
  return proofs.length > 0 && covered(rect, proofs, depth);
}

function covered(rect: Rect64, proofs: ContainmentProof[], depth: number): boolean {
  if (proofs.some((p) => rectInside(rect, p))) return true;
  if (depth === 0) return false;
  const mx = (rect.left + rect.right) / 2;
  const my = (rect.top + rect.bottom) / 2;
  return (
    covered({ left: rect.left, top: rect.top, right: mx, bottom: my }, proofs, depth - 1) &&
    covered({ left: mx, top: rect.top, right: rect.right, bottom: my }, proofs, depth - 1) &&
    covered({ left: rect.left, top: my, right: mx, bottom: rect.bottom }, proofs, depth - 1) &&
    covered({ left: mx, top: my, right: rect.right, bottom: rect.bottom }, proofs, depth - 1)
  );
}

/** The rectangle lies inside a disc or capsule when its four corners do (both are convex). */
function rectInside(r: Rect64, p: ContainmentProof): boolean {
  const dx = p.bx - p.ax;
  const dy = p.by - p.ay;
  const len2 = dx * dx + dy * dy;
  for (const [x, y] of [
    [r.left, r.top],
    [r.right, r.top],
    [r.right, r.bottom],
    [r.left, r.bottom],
  ] as const) {
    let t = len2 === 0 ? 0 : ((x - p.ax) * dx + (y - p.ay) * dy) / len2;
    t = t < 0 ? 0 : t > 1 ? 1 : t;
    if (Math.hypot(x - (p.ax + t * dx), y - (p.ay + t * dy)) > p.r) return false;
  }
  return true;
}
