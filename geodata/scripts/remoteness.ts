import { type Centre, type Context, distanceToSegments } from './context.ts';
import { type XY, distXY } from './geom.ts';
import { type Rng, uniform } from './prng.ts';

/**
 * How hard a hamlet is to reach with infrastructure, from 0 (town centre) to ~1 (remote): mostly its
 * closeness to the province's outer edge (in the delta that is the sea coast and the Red River and Đáy
 * river banks), then its distance from the provincial capital, the backbone roads and its commune centre. A random offset per
 * commune makes some edge communes better served than others, as in real life, while neighbouring
 * hamlets stay alike (gaps come in clusters, not as noise). Wards and towns are much less remote.
 * @example const r = remoteness(ctx, centres, rngFor(seed, 'remoteness')); // one value per hamlet
 */
export function remoteness(ctx: Context, centres: readonly Centre[], rng: Rng): number[] {
  const centreOf = new Map(centres.map((c) => [c.code, c]));
  const communeOffset = new Map<string, number>();
  for (const code of [...new Set(ctx.hamlets.map((h) => h.communeCode))].sort()) {
    communeOffset.set(code, uniform(rng, -0.12, 0.12));
  }
  const roadSpan = ctx.roads.length > 0 ? 15_000 : Infinity;
  const capital = capitalOf(ctx);
  return ctx.hamlets.map((h) => {
    const edge = Math.exp(-distanceToSegments(h.xy, ctx.outline) / 1200);
    const road = Number.isFinite(roadSpan)
      ? Math.min(1, distanceToSegments(h.xy, ctx.roads) / roadSpan)
      : 0.5;
    const centre = centreOf.get(h.communeCode);
    const fromCentre = centre ? Math.min(1, distXY(h.xy, centre.xy) / 2500) : 0.5;
    const urban = h.setting === 'urban' ? 0.45 : h.setting === 'town' ? 0.25 : 0;
    const fromCapital = Math.min(1, distXY(h.xy, capital) / 30_000);
    const offset = communeOffset.get(h.communeCode) ?? 0;
    return 0.45 * edge + 0.15 * road + 0.15 * fromCentre + 0.25 * fromCapital + offset - urban;
  });
}

/** The household-weighted centre of the wards (or towns, or of everything when there are neither). */
function capitalOf(ctx: Context): XY {
  const urban = ctx.hamlets.filter((h) => h.setting === 'urban');
  const town = ctx.hamlets.filter((h) => h.setting === 'town');
  const pool = urban.length > 0 ? urban : town.length > 0 ? town : ctx.hamlets;
  const total = pool.reduce((s, h) => s + h.households, 0) || 1;
  return [
    pool.reduce((s, h) => s + h.xy[0] * h.households, 0) / total,
    pool.reduce((s, h) => s + h.xy[1] * h.households, 0) / total,
  ];
}

/** The value above which the top `share` of the values lie. */
export function quantileThreshold(values: readonly number[], share: number): number {
  const sorted = [...values].sort((a, b) => b - a);
  const k = Math.max(0, Math.min(sorted.length - 1, Math.floor(share * sorted.length)));
  return sorted[k] ?? Infinity;
}
