import type { Feature, LineString, MultiLineString, Point } from 'geojson';
import type { FibreProps } from '../../src/analysis/types.ts';
import { type Centre, type Context, isRailway } from './context.ts';
import { distXY } from './geom.ts';
import { minimumSpanningTree } from './mst.ts';
import { type Rng, rngFor } from './prng.ts';

export type SyntheticFibre = Feature<LineString | MultiLineString | Point, FibreProps & { synthetic: true }>;

export interface FibreInput {
  ctx: Context;
  roads: readonly Feature<LineString | MultiLineString>[];
  communeCentres: readonly Centre[];
  districtCentres: readonly Centre[];
  /** Hamlets that get an access spur (the others are left for the fibre gaps). */
  connected: (hamletIndex: number) => boolean;
  seed: number;
}

/**
 * Synthetic fibre: VNPT backbone along the real roads (not railways), a Viettel backbone spanning the
 * district centres, and access routes: a spanning tree between commune centres plus, inside each
 * commune, a spanning tree from the commune centre to the hamlets that are connected. Cabinets stand at
 * commune centres and splitters at some hamlets (Point features, kind access).
 * @example makeFibre({ ctx, roads, communeCentres, districtCentres, connected: () => true, seed: 42 })
 */
export function makeFibre(input: FibreInput): SyntheticFibre[] {
  const { ctx, communeCentres, districtCentres, seed } = input;
  const out: SyntheticFibre[] = [];
  const line = (id: string, operator: string, kind: 'access' | 'backbone', coords: [number, number][]) =>
    out.push({
      type: 'Feature',
      properties: { id, operator, kind, synthetic: true },
      geometry: { type: 'LineString', coordinates: coords },
    });

  input.roads
    .filter((r) => !isRailway(r))
    .forEach((r, i) => {
      const name = String(r.properties?.name ?? '');
      out.push({
        type: 'Feature',
        properties: {
          id: `bb-road-${i + 1}`,
          operator: 'VNPT',
          kind: 'backbone',
          ...(name ? { road: name } : {}),
          synthetic: true,
        },
        geometry: r.geometry,
      });
    });
  minimumSpanningTree(districtCentres.map((c) => c.xy)).forEach(([a, b], i) => {
    const ca = districtCentres[a];
    const cb = districtCentres[b];
    if (ca && cb) line(`bb-district-${i + 1}`, 'Viettel', 'backbone', [ca.lonLat, cb.lonLat]);
  });

  const rng = rngFor(seed, 'fibre');
  minimumSpanningTree(communeCentres.map((c) => c.xy)).forEach(([a, b], i) => {
    const ca = communeCentres[a];
    const cb = communeCentres[b];
    if (ca && cb)
      line(`ac-trunk-${i + 1}`, rng() < 0.55 ? 'VNPT' : 'Viettel', 'access', [ca.lonLat, cb.lonLat]);
  });

  for (const centre of communeCentres)
    out.push(...communeAccess(ctx, centre, input.connected, rngFor(seed, `fibre:${centre.code}`)));
  return out;
}

function communeAccess(
  ctx: Context,
  centre: Centre,
  connected: (i: number) => boolean,
  rng: Rng,
): SyntheticFibre[] {
  const operator = rng() < 0.6 ? 'VNPT' : 'Viettel';
  const members = ctx.hamlets.filter(
    (h) => h.communeCode === centre.code && h.index !== centre.hamlet && connected(h.index),
  );
  const nodes = [
    { xy: centre.xy, lonLat: centre.lonLat, id: 'centre' },
    ...members.map((h) => ({ xy: h.xy, lonLat: h.anchor, id: h.id })),
  ];
  const out: SyntheticFibre[] = [
    {
      type: 'Feature',
      properties: {
        id: `node-${centre.code}-cabinet`,
        operator,
        kind: 'access',
        node: 'cabinet',
        synthetic: true,
      },
      geometry: { type: 'Point', coordinates: centre.lonLat },
    },
  ];
  minimumSpanningTree(nodes.map((n) => n.xy)).forEach(([a, b], i) => {
    const na = nodes[a];
    const nb = nodes[b];
    if (!na || !nb || distXY(na.xy, nb.xy) === 0) return;
    out.push({
      type: 'Feature',
      properties: { id: `ac-${centre.code}-${i + 1}`, operator, kind: 'access', synthetic: true },
      geometry: { type: 'LineString', coordinates: [na.lonLat, nb.lonLat] },
    });
  });
  for (const n of nodes.slice(1)) {
    if (rng() < 0.3) {
      out.push({
        type: 'Feature',
        properties: {
          id: `node-${n.id}-splitter`,
          operator,
          kind: 'access',
          node: 'splitter',
          synthetic: true,
        },
        geometry: { type: 'Point', coordinates: n.lonLat },
      });
    }
  }
  return out;
}
