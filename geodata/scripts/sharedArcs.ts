import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { type LocalFrame, type XY, polygonsOf, toXY } from './geom.ts';

type Key = string;
const keyOf = (p: Position): Key => `${p[0]},${p[1]}`;
const less = (a: Position, b: Position): boolean =>
  (a[0] as number) < (b[0] as number) || (a[0] === b[0] && (a[1] as number) < (b[1] as number));

/**
 * Douglas–Peucker on polygons that share boundaries vertex for vertex (a tiling such as the 2025 communes),
 * without opening gaps or overlaps between them: every ring is cut into arcs at the vertices where the set of
 * rings it runs along changes, and each arc is simplified once, the same way from whichever ring it is
 * seen. `toleranceM` is the largest distance a removed vertex lies from the simplified edge, in metres.
 *
 * @example
 * const lighter = simplifySharedArcs(wards, localFrame(106.2, 20.2), 2);
 */
export function simplifySharedArcs<F extends Feature<Polygon | MultiPolygon>>(
  features: readonly F[],
  frame: LocalFrame,
  toleranceM: number,
): F[] {
  const rings: Position[][] = [];
  for (const f of features)
    for (const poly of polygonsOf(f.geometry)) for (const r of poly) rings.push(open(r));
  // The rings each vertex belongs to, as one sorted key, so "the same set" is a string comparison.
  const owners = new Map<Key, number[]>();
  rings.forEach((r, i) => {
    for (const p of r) {
      const list = owners.get(keyOf(p)) ?? [];
      if (list[list.length - 1] !== i) list.push(i);
      owners.set(keyOf(p), list);
    }
  });
  const ownerKey = (p: Position): string => (owners.get(keyOf(p)) ?? []).join(',');
  const done = new Map<string, Position[]>();
  const simplifyArc = (arc: Position[]): Position[] => {
    // One direction for an arc whichever ring it comes from: from the smaller end vertex.
    const forward = less(arc[0] as Position, arc[arc.length - 1] as Position);
    const canon = forward ? arc : arc.slice().reverse();
    const id = canon.map(keyOf).join(';');
    let s = done.get(id);
    if (!s) {
      s = douglasPeucker(canon, frame, toleranceM);
      done.set(id, s);
    }
    return forward ? s : s.slice().reverse();
  };
  let k = 0;
  return features.map((f) => {
    const polys = polygonsOf(f.geometry).map((poly) =>
      poly.map(() => {
        const r = rings[k++] as Position[];
        const n = r.length;
        const cuts: number[] = [];
        for (let i = 0; i < n; i++) {
          const here = ownerKey(r[i] as Position);
          if (
            here !== ownerKey(r[(i + n - 1) % n] as Position) ||
            here !== ownerKey(r[(i + 1) % n] as Position)
          )
            cuts.push(i);
        }
        // A ring that runs along one neighbour all the way (or none) is cut at its smallest and largest
        // vertex, which every ring made of the same vertices finds too.
        if (cuts.length < 2) {
          let lo = 0;
          let hi = 0;
          r.forEach((p, i) => {
            if (less(p, r[lo] as Position)) lo = i;
            if (less(r[hi] as Position, p)) hi = i;
          });
          cuts.splice(0, cuts.length, ...[lo, hi].sort((a, b) => a - b));
        }
        const out: Position[] = [];
        for (let c = 0; c < cuts.length; c++) {
          const a = cuts[c] as number;
          const b = cuts[(c + 1) % cuts.length] as number;
          const len = (b - a + n) % n || n;
          const arc: Position[] = [];
          for (let i = 0; i <= len; i++) arc.push(r[(a + i) % n] as Position);
          out.push(...simplifyArc(arc).slice(0, -1));
        }
        // An islet whose arcs collapse keeps its vertices (as does the hole around it: the same arcs).
        if (out.length < 3) return [...r, r[0] as Position];
        out.push(out[0] as Position);
        return out;
      }),
    );
    const geometry: Polygon | MultiPolygon =
      f.geometry.type === 'Polygon'
        ? { type: 'Polygon', coordinates: polys[0] as Position[][] }
        : { type: 'MultiPolygon', coordinates: polys };
    return { ...f, geometry };
  });
}

/** A ring without its closing vertex. */
function open(ring: Position[]): Position[] {
  const first = ring[0];
  const last = ring[ring.length - 1];
  return first && last && first[0] === last[0] && first[1] === last[1] ? ring.slice(0, -1) : ring.slice();
}

function douglasPeucker(pts: Position[], frame: LocalFrame, tol: number): Position[] {
  const xy: XY[] = pts.map((p) => toXY(frame, p));
  const keep = new Uint8Array(pts.length);
  keep[0] = 1;
  keep[pts.length - 1] = 1;
  const stack: [number, number][] = [[0, pts.length - 1]];
  while (stack.length > 0) {
    const [a, b] = stack.pop() as [number, number];
    const [ax, ay] = xy[a] as XY;
    const [bx, by] = xy[b] as XY;
    const dx = bx - ax;
    const dy = by - ay;
    const len = Math.hypot(dx, dy);
    let best = -1;
    let at = -1;
    for (let i = a + 1; i < b; i++) {
      const [px, py] = xy[i] as XY;
      const d = len > 0 ? Math.abs(dx * (ay - py) - dy * (ax - px)) / len : Math.hypot(px - ax, py - ay);
      if (d > best) {
        best = d;
        at = i;
      }
    }
    if (best > tol) {
      keep[at] = 1;
      stack.push([a, at], [at, b]);
    }
  }
  return pts.filter((_, i) => keep[i] === 1);
}
