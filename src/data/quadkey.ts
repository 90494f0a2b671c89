/** A web-mercator (EPSG:3857) tile: column x and row y (from the north-west) at zoom z. */
export interface Tile {
  x: number;
  y: number;
  z: number;
}

/** Web mercator's latitude limit, degrees. */
const MAX_LAT = 85.05112878;

/**
 * The tile holding a lon/lat point at zoom z (points on a tile edge go to the tile east or south of it).
 * @example lonLatToTile(106.17, 20.42, 16) // { x: 52095, y: 28969, z: 16 }, quadkey '1322101301313113'
 */
export function lonLatToTile(lon: number, lat: number, z: number): Tile {
  const n = 2 ** z;
  const phi = (Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)) * Math.PI) / 180;
  const x = Math.floor(((lon + 180) / 360) * n);
  const y = Math.floor(((1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2) * n);
  return { x: Math.min(n - 1, Math.max(0, x)), y: Math.min(n - 1, Math.max(0, y)), z };
}

/**
 * Bing-style quadkey: one digit 0–3 per zoom level, the tile's x bit plus twice its y bit, from level 1 down.
 * @example tileToQuadkey({ x: 3, y: 5, z: 3 }) // '213'
 */
export function tileToQuadkey(t: Tile): string {
  let key = '';
  for (let i = t.z; i > 0; i--) {
    const mask = 1 << (i - 1);
    key += String((t.x & mask ? 1 : 0) + (t.y & mask ? 2 : 0));
  }
  return key;
}

/**
 * The tile of a quadkey; throws on anything but digits 0–3 (an empty key is the whole world, zoom 0).
 * @example quadkeyToTile('213') // { x: 3, y: 5, z: 3 }
 */
export function quadkeyToTile(key: string): Tile {
  if (!/^[0-3]*$/.test(key)) throw new Error(`"${key}" is not a quadkey: it may hold only the digits 0–3.`);
  let x = 0;
  let y = 0;
  for (const c of key) {
    const d = Number(c);
    x = x * 2 + (d & 1);
    y = y * 2 + (d >> 1);
  }
  return { x, y, z: key.length };
}

/**
 * A tile's bounds in lon/lat: [west, south, east, north].
 * @example tileBounds({ x: 0, y: 0, z: 1 }) // [-180, 0, 0, 85.05112877980659]
 */
export function tileBounds(t: Tile): [number, number, number, number] {
  const n = 2 ** t.z;
  const lon = (x: number) => (x / n) * 360 - 180;
  const lat = (y: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / n))) * 180) / Math.PI;
  return [lon(t.x), lat(t.y + 1), lon(t.x + 1), lat(t.y)];
}

/** The bounds of a quadkey's tile: [west, south, east, north]. */
export function quadkeyBounds(key: string): [number, number, number, number] {
  return tileBounds(quadkeyToTile(key));
}
