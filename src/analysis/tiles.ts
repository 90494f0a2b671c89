import Flatbush from 'flatbush';
import type { ContainmentProof, CoverageKind, CoverageShape } from './coverageShapes.ts';
import { areaUnits, difference, intersect, rectClip, union2, unionAll } from './geometry/clip.ts';
import type { Paths64, Rect64 } from './geometry/clip.ts';
import type { PreparedHamlet } from './prepareHamlets.ts';

/** A union of one kind of coverage within a tile's region. */
export interface Region {
  paths: Paths64;
  /** Covers the whole tile region (so every hamlet of the tile). */
  full: boolean;
  empty: boolean;
}

export interface TileUnions {
  fibre: Region;
  mbb: Region;
  legacy: Region;
  /** fibre ∩ mbb */
  both: Region;
  /** anything at all: fibre ∪ mbb ∪ legacy */
  any: Region;
  /** legacy only: legacy − (fibre ∪ mbb) */
  weak: Region;
}

/**
 * A group of nearby hamlets. Its region is the union of their bounding boxes, so every hamlet lies inside
 * it and any coverage cut to the region is exact for them.
 */
export interface Tile {
  index: number;
  region: Rect64;
  hamlets: number[];
  shapes: Record<CoverageKind, CoverageShape[]>;
  unions: TileUnions;
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
        unions: emptyUnions(),
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

function emptyRegion(): Region {
  return { paths: [], full: false, empty: true };
}

function emptyUnions(): TileUnions {
  return {
    fibre: emptyRegion(),
    mbb: emptyRegion(),
    legacy: emptyRegion(),
    both: emptyRegion(),
    any: emptyRegion(),
    weak: emptyRegion(),
  };
}

function fullRegion(rect: Rect64): Region {
  return {
    paths: [
      [
        { x: rect.left, y: rect.top },
        { x: rect.right, y: rect.top },
        { x: rect.right, y: rect.bottom },
        { x: rect.left, y: rect.bottom },
      ],
    ],
    full: true,
    empty: false,
  };
}

function regionOf(paths: Paths64, rect: Rect64): Region {
  if (paths.length === 0) return emptyRegion();
  const rectArea = (rect.right - rect.left) * (rect.bottom - rect.top);
  if (areaUnits(paths) >= rectArea - 1e-6 * rectArea) return fullRegion(rect);
  return { paths, full: false, empty: false };
}

/**
 * Union each kind of coverage over the tile region once, and derive the combinations every hamlet of the
 * tile is clipped against. Clipping errors become warnings naming the tile's first hamlet.
 */
export function computeTileUnions(tile: Tile, label: string, warnings: string[]): void {
  const rect = tile.region;
  const rectArea = (rect.right - rect.left) * (rect.bottom - rect.top);
  const unionKind = (shapes: CoverageShape[]): Region => {
    const parts: Paths64 = [];
    for (const s of shapes) {
      if (
        s.bounds.right < rect.left ||
        s.bounds.left > rect.right ||
        s.bounds.bottom < rect.top ||
        s.bounds.top > rect.bottom
      )
        continue;
      // Most tiles of a dense network lie inside one disc: prove it and skip the clipping altogether.
      if (s.proofs.some((p) => rectInside(rect, p))) return fullRegion(rect);
      const clipped = rectClip(rect, s.paths, s.sourceId);
      if (!clipped.ok) {
        warnings.push(clipped.error.message);
        continue;
      }
      if (clipped.value.length === 1 && areaUnits(clipped.value) >= rectArea) return fullRegion(rect);
      parts.push(...clipped.value);
    }
    if (parts.length === 0) return emptyRegion();
    return regionOf(unwrap(unionAll(parts, label), warnings), rect);
  };
  const fibre = unionKind(tile.shapes.fibre);
  const mbb = unionKind(tile.shapes.mbb);
  const legacy = unionKind(tile.shapes.legacy);
  const both =
    fibre.empty || mbb.empty
      ? emptyRegion()
      : fibre.full
        ? mbb
        : mbb.full
          ? fibre
          : regionOf(unwrap(intersect(fibre.paths, mbb.paths, label), warnings), rect);
  const broadband =
    fibre.full || mbb.full
      ? fullRegion(rect)
      : fibre.empty
        ? mbb
        : mbb.empty
          ? fibre
          : regionOf(unwrap(union2(fibre.paths, mbb.paths, label), warnings), rect);
  const any =
    broadband.full || legacy.full
      ? fullRegion(rect)
      : broadband.empty
        ? legacy
        : legacy.empty
          ? broadband
          : regionOf(unwrap(union2(broadband.paths, legacy.paths, label), warnings), rect);
  const weak =
    legacy.empty || broadband.full
      ? emptyRegion()
      : broadband.empty
        ? legacy
        : regionOf(unwrap(difference(legacy.paths, broadband.paths, label), warnings), rect);
  tile.unions = { fibre, mbb, legacy, both, any, weak };
}

function unwrap(r: ReturnType<typeof unionAll>, warnings: string[]): Paths64 {
  if (r.ok) return r.value;
  warnings.push(r.error.message);
  return [];
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
