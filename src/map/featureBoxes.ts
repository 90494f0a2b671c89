import type { Feature, Geometry, Position } from 'geojson';

const boxes = new WeakMap<readonly unknown[], Float64Array>();

/** Each feature's bounding box (4 numbers; NaN for a feature without coordinates), kept per array. */
export function featureBoxes(features: readonly Feature<Geometry | null, unknown>[]): Float64Array {
  let out = boxes.get(features);
  if (out) return out;
  out = new Float64Array(features.length * 4);
  features.forEach((f, i) => {
    const b = [Infinity, Infinity, -Infinity, -Infinity];
    if (f.geometry) extend(f.geometry, b);
    out!.set(b[0] === Infinity ? [NaN, NaN, NaN, NaN] : b, i * 4);
  });
  boxes.set(features, out);
  return out;
}

function extend(g: Geometry, b: number[]): void {
  if (g.type === 'GeometryCollection') {
    for (const part of g.geometries) extend(part, b);
    return;
  }
  const walk = (c: unknown): void => {
    if (typeof (c as Position)[0] === 'number') {
      const [x, y] = c as [number, number];
      if (x < b[0]!) b[0] = x;
      if (y < b[1]!) b[1] = y;
      if (x > b[2]!) b[2] = x;
      if (y > b[3]!) b[3] = y;
      return;
    }
    for (const part of c as unknown[]) walk(part);
  };
  walk(g.coordinates);
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
