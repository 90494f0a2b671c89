import { Clipper, ClipType, FillRule, type Path64, PolyTree64 } from 'clipper2-ts';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { polygonsOf } from './geom.ts';
import { geometryToPaths, gridFor, polygonsToGeometry, treeToPolygons } from './intGeom.ts';
import type { Crossing } from './tileCommune.ts';

type Pt = readonly [number, number];
const pk = (p: Pt): string => `${p[0]},${p[1]}`;
const ek = (a: Pt, b: Pt): string => (pk(a) < pk(b) ? `${pk(a)}|${pk(b)}` : `${pk(b)}|${pk(a)}`);

interface HostEdge {
  a: Pt;
  b: Pt;
  points: Pt[];
}

/**
 * Returns a function that adds crossing points (where a hamlet boundary meets a commune outline) to every
 * ring that runs along the commune edge the point belongs to: the commune itself, a neighbouring commune
 * sharing that exact edge, and the hamlets of both. On the 6-decimal grid a crossing lies up to ~0.2 m
 * off its edge, so without this each one leaves a sliver of tens of m² between neighbours. Matching is by
 * exact vertices (an edge is "along" a host edge when both its ends are the host's ends or crossings on
 * it), never by distance, so a nearby but unrelated edge is left alone.
 * @example const node = makeNoder(crossings); const commune2 = node(commune.geometry);
 */
export function makeNoder(
  crossings: readonly Crossing[],
): (g: Polygon | MultiPolygon) => Polygon | MultiPolygon {
  const hosts = new Map<string, HostEdge>();
  for (const c of crossings) {
    const k = ek(c.a, c.b);
    const host = hosts.get(k) ?? { a: c.a, b: c.b, points: [] };
    if (!host.points.some((q) => q[0] === c.p[0] && q[1] === c.p[1])) host.points.push(c.p);
    hosts.set(k, host);
  }
  const hostsOf = new Map<string, HostEdge[]>();
  for (const host of hosts.values()) {
    for (const m of [host.a, host.b, ...host.points])
      hostsOf.set(pk(m), [...(hostsOf.get(pk(m)) ?? []), host]);
  }
  if (hosts.size === 0) return (g) => g;
  return (g) => {
    const polys = polygonsOf(g).map((poly) => poly.map((ring) => nodeRing(ring, hostsOf)));
    const only = polys[0];
    return g.type === 'Polygon' && only
      ? { type: 'Polygon', coordinates: only }
      : { type: 'MultiPolygon', coordinates: polys };
  };
}

function nodeRing(ring: Position[], hostsOf: Map<string, HostEdge[]>): Position[] {
  const micro = ring.map((p): Pt => [Math.round((p[0] ?? 0) * 1e6), Math.round((p[1] ?? 0) * 1e6)]);
  const out: Position[] = [];
  // A crossing can coincide with a vertex of a neighbour's ring (a T-junction); never repeat a point.
  const push = (q: Position): void => {
    const last = out[out.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  };
  for (let i = 0; i < ring.length; i++) {
    const p = ring[i];
    const u = micro[i];
    if (!p || !u) continue;
    push(p);
    const v = micro[i + 1];
    const fromU = hostsOf.get(pk(u));
    if (!v || !fromU) continue;
    const fromV = new Set(hostsOf.get(pk(v)) ?? []);
    for (const host of fromU) {
      if (!fromV.has(host)) continue;
      const dx = host.b[0] - host.a[0];
      const dy = host.b[1] - host.a[1];
      const t = (q: Pt): number => (q[0] - host.a[0]) * dx + (q[1] - host.a[1]) * dy;
      const [tu, tv] = [t(u), t(v)];
      const between = host.points
        .filter((q) => (t(q) - tu) * (t(q) - tv) < 0)
        .sort((q1, q2) => (tv > tu ? t(q1) - t(q2) : t(q2) - t(q1)));
      for (const q of between) push([q[0] / 1e6, q[1] / 1e6]);
    }
  }
  return out;
}

/**
 * Clipper drops hair-thin spikes of a commune outline (a source artefact: one in Nam Định, ~11 m²) when it
 * clips a cell. Run after noding: whatever of the commune no cell covers is added to the nearest cell, so
 * the cells cover the whole commune. Returns the cells, changed only where a residue was found.
 */
export function fillResiduals(
  commune: Polygon | MultiPolygon,
  cells: readonly (Polygon | MultiPolygon)[],
): (Polygon | MultiPolygon)[] {
  const grid = gridFor(commune);
  const cellPaths = cells.map((g) => geometryToPaths(grid, g));
  const covered = Clipper.union(
    cellPaths.flatMap((paths) => Clipper.union(paths, FillRule.EvenOdd)),
    FillRule.NonZero,
  );
  const whole = Clipper.union(geometryToPaths(grid, commune), FillRule.EvenOdd);
  const residual = Clipper.difference(whole, covered, FillRule.NonZero);
  const out = [...cells];
  if (residual.some((p) => Clipper.area(p) < 0)) return out;
  for (const piece of residual) {
    const best = nearestCell(piece, cellPaths);
    const target = cellPaths[best];
    if (!target) continue;
    const tree = new PolyTree64();
    Clipper.booleanOpWithPolyTree(
      ClipType.Union,
      [...Clipper.union(target, FillRule.EvenOdd), piece],
      null,
      tree,
      FillRule.NonZero,
    );
    cellPaths[best] = treeToPolygons(tree).flat();
    out[best] = polygonsToGeometry(grid, treeToPolygons(tree));
  }
  return out;
}

function nearestCell(piece: Path64, cells: Path64[][]): number {
  let best = -1;
  let bestD = Infinity;
  cells.forEach((paths, i) => {
    for (const ring of paths)
      for (const p of ring)
        for (const q of piece) {
          const d = Math.abs(p.x - q.x) + Math.abs(p.y - q.y);
          if (d < bestD) {
            bestD = d;
            best = i;
          }
        }
  });
  return best;
}
