import type { Feature, Geometry, Position } from 'geojson';
import { round6 } from './geom.ts';

export const SYNTHETIC_NOTE =
  'Synthetic (illustrative) data made by geodata/scripts/build-geodata.ts with a fixed seed; not real infrastructure or hamlets.';

function roundCoords(c: unknown): unknown {
  if (typeof c === 'number') return round6(c);
  return Array.isArray(c) ? c.map(roundCoords) : c;
}

function geometryJson(g: Geometry): string {
  if (g.type === 'GeometryCollection') return JSON.stringify({ type: g.type, geometries: g.geometries });
  return JSON.stringify({ type: g.type, coordinates: roundCoords(g.coordinates as Position[] | Position) });
}

/**
 * A FeatureCollection as text: extra top-level members first, then one feature per line with a fixed key
 * order (type, properties, geometry) and coordinates rounded to 6 decimals, so that re-runs give identical
 * bytes and git diffs stay readable.
 * @example featureCollectionText(hamlets, { illustrative: true, note: SYNTHETIC_NOTE })
 */
export function featureCollectionText(
  features: readonly Feature[],
  members: Record<string, unknown> = {},
): string {
  const head = Object.entries(members)
    .map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)},`)
    .join('');
  const lines = features.map(
    (f) =>
      `{"type":"Feature","properties":${JSON.stringify(f.properties ?? {})},"geometry":${f.geometry ? geometryJson(f.geometry) : 'null'}}`,
  );
  return `{"type":"FeatureCollection",${head}"features":[\n${lines.join(',\n')}\n]}\n`;
}
