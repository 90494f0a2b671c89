import type { Feature, Point } from 'geojson';
import type { FacilityProps } from '../../src/analysis/types.ts';
import type { CommuneFeature } from './communes.ts';
import type { Centre, Context } from './context.ts';
import { type XY, pointInRings, polygonsOf, toLonLat, toXY } from './geom.ts';
import type { SyntheticHamlet } from './hamlets.ts';
import { type Rng, rngFor, uniform, weightedIndex } from './prng.ts';

export type SyntheticFacility = Feature<Point, FacilityProps & { synthetic: true }>;

/** "Xã Giao Thiện" → { kind: 'xã', bare: 'Giao Thiện' }, for names such as "UBND xã Giao Thiện". */
function splitName(name: string, type: string): { kind: string; bare: string } {
  const bare = name.startsWith(type) ? name.slice(type.length).trim() : name;
  return { kind: type.toLowerCase(), bare };
}

/**
 * One primary school, one health station (trạm y tế) and the commune office (UBND) per commune. The
 * office stands at the commune centre; the school and the health station in hamlets drawn by households,
 * so some of them fall in coverage gaps, as anchor institutions do.
 * @example makeFacilities(ctx, communes, hamlets, centres, 42).length // 3 × communes
 */
export function makeFacilities(
  ctx: Context,
  communes: readonly CommuneFeature[],
  hamlets: readonly SyntheticHamlet[],
  centres: readonly Centre[],
  seed: number,
): SyntheticFacility[] {
  const centreOf = new Map(centres.map((c) => [c.code, c]));
  const out: SyntheticFacility[] = [];
  for (const commune of communes) {
    const c = commune.properties;
    const rng = rngFor(seed, `facilities:${c.code}`);
    const members = ctx.hamlets.filter((h) => h.communeCode === c.code);
    const { kind, bare } = splitName(c.name, c.type);
    const centre = centreOf.get(c.code);
    const place = (label: string, name: string, at: [number, number], hamlet: number) =>
      out.push({
        type: 'Feature',
        properties: {
          id: `${c.code}-${label}`,
          kind: label,
          name,
          hamlet_id: hamlets[hamlet]?.properties.id ?? '',
          synthetic: true,
        },
        geometry: { type: 'Point', coordinates: at },
      });
    if (centre) place('commune_office', `UBND ${kind} ${bare}`, centre.lonLat, centre.hamlet);
    const weights = members.map((h) => h.households);
    for (const [label, name] of [
      ['school', `Trường Tiểu học ${bare}`],
      ['health', `Trạm Y tế ${kind} ${bare}`],
    ] as const) {
      const h = members[weightedIndex(rng, weights)];
      const hamlet = h ? hamlets[h.index] : undefined;
      if (!h || !hamlet) continue;
      place(label, name, pointNear(ctx, hamlet, h.xy, rng), h.index);
    }
  }
  return out;
}

/** A random point within ~250 m of the hamlet centre and inside the hamlet (the centre itself as a fallback). */
function pointNear(ctx: Context, hamlet: SyntheticHamlet, centre: XY, rng: Rng): [number, number] {
  const rings = polygonsOf(hamlet.geometry).flatMap((poly) =>
    poly.map((ring) => ring.map((p) => toXY(ctx.frame, p))),
  );
  for (let i = 0; i < 20; i++) {
    const xy: XY = [centre[0] + uniform(rng, -250, 250), centre[1] + uniform(rng, -250, 250)];
    if (pointInRings(xy, rings)) return roundLonLat(toLonLat(ctx.frame, xy));
  }
  return roundLonLat(toLonLat(ctx.frame, centre));
}

function roundLonLat(p: [number, number]): [number, number] {
  return [Math.round(p[0] * 1e6) / 1e6, Math.round(p[1] * 1e6) / 1e6];
}
