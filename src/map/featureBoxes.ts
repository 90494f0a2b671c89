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
