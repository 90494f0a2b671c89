import Flatbush from 'flatbush';

type Ring = number[][];

/**
 * Finds where the rings of one polygon cross themselves or each other (a crossing or an overlap,
 * not a mere touch at a vertex). Returns the first crossing point, or null when there is none.
 * Segments go in a Flatbush index so a ring of thousands of vertices stays fast; up to `pairsMax`
 * segments every pair is tried first, which clears a valid polygon without the index.
 */
export function findSelfIntersection(rings: Ring[], pairsMax = PAIRS_MAX): [number, number] | null {
  const segs: Seg[] = [];
  rings.forEach((ring, r) => {
    for (let i = 0; i + 1 < ring.length; i++) {
      segs.push({ ring: r, i, n: ring.length - 1, a: ring[i] as number[], b: ring[i + 1] as number[] });
    }
  });
  if (segs.length < 3) return null;
  // Most polygons are small and valid: every pair of segments, without an index, shows there is no crossing.
  if (segs.length <= pairsMax && !anyPairMeets(segs)) return null;
  const index = new Flatbush(segs.length);
  for (const s of segs) {
    index.add(
      Math.min(s.a[0] as number, s.b[0] as number),
      Math.min(s.a[1] as number, s.b[1] as number),
      Math.max(s.a[0] as number, s.b[0] as number),
      Math.max(s.a[1] as number, s.b[1] as number),
    );
  }
  index.finish();
  for (let k = 0; k < segs.length; k++) {
    const s = segs[k] as Seg;
    const hits = index.search(
      Math.min(s.a[0] as number, s.b[0] as number),
      Math.min(s.a[1] as number, s.b[1] as number),
      Math.max(s.a[0] as number, s.b[0] as number),
      Math.max(s.a[1] as number, s.b[1] as number),
    );
    for (const h of hits) {
      if (h <= k) continue;
      const p = pairMeets(s, segs[h] as Seg);
      if (p) return p;
    }
  }
  return null;
}

interface Seg {
  ring: number;
  i: number;
  n: number;
  a: number[];
  b: number[];
}

/** Up to this many segments, trying every pair is faster than building an index. */
const PAIRS_MAX = 64;

/** Whether any two segments whose boxes meet (as the index finds them) cross or overlap. */
function anyPairMeets(segs: readonly Seg[]): boolean {
  for (let k = 0; k < segs.length; k++) {
    const s = segs[k] as Seg;
    const l = Math.min(s.a[0] as number, s.b[0] as number);
    const t = Math.min(s.a[1] as number, s.b[1] as number);
    const r = Math.max(s.a[0] as number, s.b[0] as number);
    const b = Math.max(s.a[1] as number, s.b[1] as number);
    for (let h = k + 1; h < segs.length; h++) {
      const o = segs[h] as Seg;
      if (
        Math.min(o.a[0] as number, o.b[0] as number) > r ||
        Math.min(o.a[1] as number, o.b[1] as number) > b ||
        Math.max(o.a[0] as number, o.b[0] as number) < l ||
        Math.max(o.a[1] as number, o.b[1] as number) < t
      )
        continue;
      if (pairMeets(s, o)) return true;
    }
  }
  return false;
}

/** Where segment t (later in the list) crosses or overlaps s, or null; neighbours in a ring only by overlapping. */
function pairMeets(s: Seg, t: Seg): [number, number] | null {
  if (t.ring === s.ring) {
    const d = Math.abs(t.i - s.i);
    if (d === 1 || d === s.n - 1)
      return collinearOverlap(s.a, s.b, t.a, t.b) ? [s.b[0] as number, s.b[1] as number] : null;
  }
  return crossing(s.a, s.b, t.a, t.b);
}

function orient(a: number[], b: number[], c: number[]): number {
  const v =
    ((b[0] as number) - (a[0] as number)) * ((c[1] as number) - (a[1] as number)) -
    ((b[1] as number) - (a[1] as number)) * ((c[0] as number) - (a[0] as number));
  return v > 0 ? 1 : v < 0 ? -1 : 0;
}

function crossing(a: number[], b: number[], c: number[], d: number[]): [number, number] | null {
  const o1 = orient(a, b, c);
  const o2 = orient(a, b, d);
  const o3 = orient(c, d, a);
  const o4 = orient(c, d, b);
  if (o1 * o2 < 0 && o3 * o4 < 0) {
    const t =
      (((c[0] as number) - (a[0] as number)) * ((d[1] as number) - (c[1] as number)) -
        ((c[1] as number) - (a[1] as number)) * ((d[0] as number) - (c[0] as number))) /
      (((b[0] as number) - (a[0] as number)) * ((d[1] as number) - (c[1] as number)) -
        ((b[1] as number) - (a[1] as number)) * ((d[0] as number) - (c[0] as number)));
    return [
      (a[0] as number) + t * ((b[0] as number) - (a[0] as number)),
      (a[1] as number) + t * ((b[1] as number) - (a[1] as number)),
    ];
  }
  if (collinearOverlap(a, b, c, d)) return [c[0] as number, c[1] as number];
  return null;
}

/** Two collinear segments sharing more than a point. */
function collinearOverlap(a: number[], b: number[], c: number[], d: number[]): boolean {
  if (orient(a, b, c) !== 0 || orient(a, b, d) !== 0) return false;
  const axis =
    Math.abs((b[0] as number) - (a[0] as number)) >= Math.abs((b[1] as number) - (a[1] as number)) ? 0 : 1;
  const lo1 = Math.min(a[axis] as number, b[axis] as number);
  const hi1 = Math.max(a[axis] as number, b[axis] as number);
  const lo2 = Math.min(c[axis] as number, d[axis] as number);
  const hi2 = Math.max(c[axis] as number, d[axis] as number);
  return Math.min(hi1, hi2) - Math.max(lo1, lo2) > 0;
}
