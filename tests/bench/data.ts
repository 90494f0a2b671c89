import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import type { InputLayers } from '../../src/analysis/types.ts';
import { syntheticProvince } from './synthetic.ts';

// From the working directory (npm runs the bench at the repo root), so the bundled bench finds it too.
const GEODATA = join(process.cwd(), 'geodata');
const LAYERS = ['hamlets', 'sites', 'fibre', 'coverage', 'facilities', 'households'] as const;

/** The shipped Nam Định layers when `geodata/hamlets.geojson` exists, else the synthetic stand-in. */
export function loadProvince(): { layers: InputLayers; source: string } {
  if (!existsSync(join(GEODATA, 'hamlets.geojson'))) {
    return { layers: syntheticProvince(), source: 'synthetic province (geodata/hamlets.geojson not found)' };
  }
  const layers: Record<string, FeatureCollection> = {};
  for (const name of LAYERS) {
    const file = join(GEODATA, `${name}.geojson`);
    if (existsSync(file)) layers[name] = JSON.parse(readFileSync(file, 'utf8')) as FeatureCollection;
  }
  return { layers: layers as unknown as InputLayers, source: 'geodata/*.geojson (shipped Nam Định)' };
}

/**
 * The province repeated n×m times side by side (n columns, m rows of translated copies, ids suffixed), for
 * scaling runs.
 *
 * @example
 * const x16 = tileProvince(layers, 4); // 16× the hamlets, sites and fibre
 * const x32 = tileProvince(layers, 8, 4); // 32×: the national-size set
 */
export function tileProvince(layers: InputLayers, n: number, m = n): InputLayers {
  const [w, s, e, north] = bbox(layers.hamlets.features);
  const dx = (e - w) * 1.02;
  const dy = (north - s) * 1.02;
  const out: Record<string, FeatureCollection> = {};
  for (const name of LAYERS) {
    const layer = layers[name] as FeatureCollection | undefined;
    if (!layer) continue;
    const features: Feature[] = [];
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < m; j++) {
        for (const f of layer.features) {
          const id = f.properties?.id;
          features.push({
            ...f,
            geometry: shift(f.geometry, i * dx, j * dy),
            properties: { ...f.properties, ...(id === undefined ? {} : { id: `${String(id)}#${i}-${j}` }) },
          });
        }
      }
    }
    out[name] = { type: 'FeatureCollection', features };
  }
  return out as unknown as InputLayers;
}

function shift(g: Geometry, dx: number, dy: number): Geometry {
  const p = (c: Position): Position => [(c[0] as number) + dx, (c[1] as number) + dy];
  switch (g.type) {
    case 'Point':
      return { type: 'Point', coordinates: p(g.coordinates) };
    case 'LineString':
      return { type: 'LineString', coordinates: g.coordinates.map(p) };
    case 'MultiLineString':
      return { type: 'MultiLineString', coordinates: g.coordinates.map((l) => l.map(p)) };
    case 'Polygon':
      return { type: 'Polygon', coordinates: g.coordinates.map((r) => r.map(p)) };
    case 'MultiPolygon':
      return { type: 'MultiPolygon', coordinates: g.coordinates.map((pl) => pl.map((r) => r.map(p))) };
    default:
      return g;
  }
}

function bbox(features: readonly Feature[]): [number, number, number, number] {
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      b[0] = Math.min(b[0], c[0]);
      b[1] = Math.min(b[1], c[1] as number);
      b[2] = Math.max(b[2], c[0]);
      b[3] = Math.max(b[3], c[1] as number);
    } else if (Array.isArray(c)) c.forEach(visit);
  };
  for (const f of features) if (f.geometry && 'coordinates' in f.geometry) visit(f.geometry.coordinates);
  return b;
}
