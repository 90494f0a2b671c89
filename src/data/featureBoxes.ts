import type { Feature, Geometry } from 'geojson';

const boxes = new WeakMap<readonly unknown[], Float64Array>();

/**
 * Each feature's bounding box (west, south, east, north; NaN for a feature without coordinates), kept
 * per array: the map's detail window, the grid aggregate and the import's framing all read them.
 */
export function featureBoxes(features: readonly Feature<Geometry | null, unknown>[]): Float64Array {
  let out = boxes.get(features);
  if (out) return out;
  out = new Float64Array(features.length * 4);
  const b = [0, 0, 0, 0];
  for (let i = 0; i < features.length; i++) {
    b[0] = b[1] = Infinity;
    b[2] = b[3] = -Infinity;
    const g = features[i]?.geometry;
    if (g) extend(g, b);
    if (b[0] === Infinity) out.fill(NaN, i * 4, i * 4 + 4);
    else out.set(b, i * 4);
  }
  boxes.set(features, out);
  return out;
}

/** The boxes of `features` if they are known already (computed or remembered), without computing them. */
export function knownBoxes(features: readonly Feature<Geometry | null, unknown>[]): Float64Array | undefined {
  return boxes.get(features);
}

/**
 * Takes the boxes of `features` computed elsewhere (`featureBoxes` in the import worker, which read the
 * file, or saved with the data), so the page does not walk every coordinate again. Ignored unless there
 * are four per feature.
 */
export function rememberBoxes(
  features: readonly Feature<Geometry | null, unknown>[],
  computed: Float64Array,
): void {
  if (computed.length === features.length * 4) boxes.set(features, computed);
}

function extend(g: Geometry, b: number[]): void {
  if (g.type === 'GeometryCollection') {
    for (const part of g.geometries) extend(part, b);
    return;
  }
  walk(g.coordinates, b);
}

function walk(c: unknown, b: number[]): void {
  const first = (c as unknown[])[0];
  if (typeof first === 'number') {
    const x = first;
    const y = (c as number[])[1] as number;
    if (x < b[0]!) b[0] = x;
    if (y < b[1]!) b[1] = y;
    if (x > b[2]!) b[2] = x;
    if (y > b[3]!) b[3] = y;
    return;
  }
  for (const part of c as unknown[]) walk(part, b);
}

/** The box (west, south, east, north) around every feature with coordinates; null when none has any. */
export function boxOf(
  features: readonly Feature<Geometry | null, unknown>[],
): [number, number, number, number] | null {
  const b = featureBoxes(features);
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i < b.length; i += 4) {
    // NaN (a feature without coordinates) fails every comparison.
    if (b[i]! < w) w = b[i]!;
    if (b[i + 1]! < s) s = b[i + 1]!;
    if (b[i + 2]! > e) e = b[i + 2]!;
    if (b[i + 3]! > n) n = b[i + 3]!;
  }
  return w <= e && s <= n ? [w, s, e, n] : null;
}
