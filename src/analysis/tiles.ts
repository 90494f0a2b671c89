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
  /** The block of tiles this one belongs to: fibre is unioned per block, then cut per tile. */
  block: Block;
}

/**
 * A square of BLOCK×BLOCK tiles. A fibre capsule reaches ~7 one-km tiles, so unioning fibre per tile
 * handles each capsule ~7 times; per block it is handled ~1.5 times, and cutting the block's union down to a
 * tile is linear. Site discs stay per tile: an edit then redoes only small unions (see the what-if bench).
 */
export interface Block {
  region: Rect64;
  tiles: Tile[];
  unions: Record<CoverageKind, Paths64 | null>;
}

/** Tiles per block side (4 km blocks for 1 km tiles). */
const BLOCK = 4;
const BLOCK_KINDS: ReadonlySet<CoverageKind> = new Set(['fibre']);

/**
 * Group hamlets into square tiles by the centre of their bounding box, and index the tiles' regions.
 *
 * @example
 * const { tiles, index } = buildTiles(hamlets, 1500 * SCALE);
 */
export function buildTiles(hamlets: PreparedHamlet[], tileSize: number): { tiles: Tile[]; index: Flatbush } {
  const byCell = new Map<string, Tile>();
  const blocks = new Map<string, Block>();
  const tiles: Tile[] = [];
  for (const h of hamlets) {
    const cx = Math.floor(h.cx / tileSize);
    const cy = Math.floor(h.cy / tileSize);
    const key = `${cx},${cy}`;
    let tile = byCell.get(key);
    if (!tile) {
      const bkey = `${Math.floor(cx / BLOCK)},${Math.floor(cy / BLOCK)}`;
      let block = blocks.get(bkey);
      if (!block) {
        block = { region: { ...h.bounds }, tiles: [], unions: { fibre: null, mbb: null, legacy: null } };
        blocks.set(bkey, block);
      }
      tile = {
        index: tiles.length,
        region: { ...h.bounds },
        hamlets: [],
        shapes: { fibre: [], mbb: [], legacy: [] },
        unions: { fibre: null, mbb: null, legacy: null },
        block,
      };
      block.tiles.push(tile);
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
    const b = t.block.region;
    b.left = Math.min(b.left, t.region.left);
    b.top = Math.min(b.top, t.region.top);
    b.right = Math.max(b.right, t.region.right);
    b.bottom = Math.max(b.bottom, t.region.bottom);
  }
  if (tiles.length === 0) index.add(0, 0, 0, 0);
  index.finish();
  return { tiles, index };
}

/** Forget a tile's unions after its shapes changed; they are recomputed when next needed. */
export function invalidateUnions(tile: Tile, kinds: Iterable<CoverageKind>): void {
  for (const k of kinds) {
    tile.unions[k] = null;
    // Other tiles of the block keep their cuts: a changed shape reaches only tiles that are invalidated too.
    tile.block.unions[k] = null;
  }
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
  let result: Paths64;
  if (rectCovered(rect, tile.shapes[kind], 3)) result = rectPaths(rect);
  else if (BLOCK_KINDS.has(kind)) {
    const clipped = rectClip(rect, blockUnion(tile.block, kind, warnings), `tile ${tile.index}`);
    if (!clipped.ok) warnings.push(clipped.error.message);
    result = clipped.ok ? clipped.value : [];
  } else result = regionUnion(rect, tile.shapes[kind], `tile ${tile.index}`, warnings);
  tile.unions[kind] = result;
  return result;
}

function blockUnion(block: Block, kind: CoverageKind, warnings: string[]): Paths64 {
  const cached = block.unions[kind];
  if (cached) return cached;
  const shapes = new Set<CoverageShape>();
  for (const t of block.tiles) for (const s of t.shapes[kind]) shapes.add(s);
  const result = regionUnion(block.region, [...shapes], 'block', warnings);
  block.unions[kind] = result;
  return result;
}

/**
 * Union of shapes over a rectangle. Shapes are first cut to it (linear time); a shape that covers it whole
 * short-cuts to the rectangle itself.
 */
function regionUnion(
  rect: Rect64,
  shapes: readonly CoverageShape[],
  fallbackId: string,
  warnings: string[],
): Paths64 {
  const rectArea = (rect.right - rect.left) * (rect.bottom - rect.top);
  const parts: Paths64 = [];
  let firstId: string | undefined;
  for (const s of shapes) {
    const b = s.bounds;
    if (b.right < rect.left || b.left > rect.right || b.bottom < rect.top || b.top > rect.bottom) continue;
    firstId ??= s.sourceId;
    const clipped = rectClip(rect, s.paths(), s.sourceId);
    if (!clipped.ok) {
      warnings.push(clipped.error.message);
      continue;
    }
    if (clipped.value.length === 1 && areaUnits(clipped.value) >= rectArea) return rectPaths(rect);
    parts.push(...clipped.value);
  }
  const u = unionAll(parts, firstId ?? fallbackId);
  if (!u.ok) warnings.push(u.error.message);
  return u.ok ? u.value : [];
}

function rectPaths(rect: Rect64): Paths64 {
  return [
    [
      { x: rect.left, y: rect.top },
      { x: rect.right, y: rect.top },
      { x: rect.right, y: rect.bottom },
      { x: rect.left, y: rect.bottom },
    ],
  ];
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
