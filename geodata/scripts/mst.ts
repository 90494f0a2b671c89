import { type XY, distXY } from './geom.ts';

/**
 * Minimum spanning tree (Prim, O(n²)) over points: the shortest network joining them all, as pairs of
 * indices. Fine for a few hundred nodes (commune centres, or the hamlets of one commune).
 * @example minimumSpanningTree([[0, 0], [1, 0], [5, 0]]) // [[0, 1], [1, 2]]
 */
export function minimumSpanningTree(points: readonly XY[]): [number, number][] {
  const n = points.length;
  if (n < 2) return [];
  const inTree = new Array<boolean>(n).fill(false);
  const best = new Array<number>(n).fill(Infinity);
  const from = new Array<number>(n).fill(-1);
  const edges: [number, number][] = [];
  best[0] = 0;
  for (let step = 0; step < n; step++) {
    let u = -1;
    for (let i = 0; i < n; i++)
      if (!inTree[i] && (u < 0 || (best[i] ?? Infinity) < (best[u] ?? Infinity))) u = i;
    if (u < 0) break;
    inTree[u] = true;
    const f = from[u] ?? -1;
    if (f >= 0) edges.push([f, u]);
    const pu = points[u];
    if (!pu) continue;
    for (let v = 0; v < n; v++) {
      const pv = points[v];
      if (inTree[v] || !pv) continue;
      const d = distXY(pu, pv);
      if (d < (best[v] ?? Infinity)) {
        best[v] = d;
        from[v] = u;
      }
    }
  }
  return edges;
}
