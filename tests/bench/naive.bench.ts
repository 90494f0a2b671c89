import { circle } from '@turf/circle';
import { difference } from '@turf/difference';
import { featureCollection } from '@turf/helpers';
import { union as turfUnion } from '@turf/union';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { InputLayers } from '../../src/analysis/types.ts';
import { DEFAULT_SETTINGS } from '../../src/analysis/settings.ts';
import { rng } from './synthetic.ts';
import { fmtMs, progress, time } from './stats.ts';
import type { Row } from './stats.ts';

type Poly = Feature<Polygon | MultiPolygon>;

/**
 * The naive Turf way: turf.circle for every site, turf.union of all of them, then turf.difference per hamlet.
 * Unioning everything takes minutes, so by default it is timed on random subsets of 100, 200 and 400 discs
 * and extrapolated with the fitted power law; the per-hamlet differences are timed on a sample against the
 * 400-disc union and multiplied out. Both parts are lower bounds (fibre buffers left out, a smaller union),
 * so the speed-up ratio printed is conservative. BENCH_FULL_NAIVE=1 unions every disc for real.
 */
export function benchNaive(layers: InputLayers, sample = 30): { rows: Row[]; estimateMs: number } {
  const r = rng(3);
  const discs: Poly[] = (layers.sites?.features ?? []).map((s) => {
    const radius = s.properties.radius_m ?? DEFAULT_SETTINGS.defaultRadiusM['4G'];
    return circle(s.geometry.coordinates, radius / 1000, { steps: 64 });
  });
  const shuffled = discs
    .map((d) => ({ d, k: r() }))
    .sort((a, b) => a.k - b.k)
    .map((x) => x.d);
  const full = process.env.BENCH_FULL_NAIVE === '1';
  const sizes = full ? [shuffled.length] : [100, 200, 400].filter((n) => n < shuffled.length);
  const fits: [number, number][] = [];
  let union: Poly | null = null;
  for (const n of sizes) {
    const t = time(() => turfUnion(featureCollection(shuffled.slice(0, n) as Feature<Polygon>[])));
    fits.push([n, t.ms]);
    progress({ section: 'naive turf', measure: `union of ${n} discs`, value: fmtMs(t.ms) });
    union = t.value as Poly | null;
  }
  const unionMs = full ? (fits[0]?.[1] ?? 0) : extrapolate(fits, shuffled.length);
  const hamlets = layers.hamlets.features;
  const picks = Array.from(
    { length: Math.min(sample, hamlets.length) },
    () => hamlets[Math.floor(r() * hamlets.length)],
  );
  const diff = time(() => {
    for (const h of picks) if (h && union) difference(featureCollection([h as Poly, union]));
  });
  const perHamlet = diff.ms / picks.length;
  const estimateMs = unionMs + perHamlet * hamlets.length;
  return {
    estimateMs,
    rows: [
      {
        section: 'naive turf',
        measure: `union of ${shuffled.length} site discs`,
        value: fmtMs(unionMs),
        note: full
          ? 'measured'
          : `extrapolated from ${fits.map(([n, ms]) => `${n}: ${fmtMs(ms)}`).join(', ')}`,
      },
      {
        section: 'naive turf',
        measure: `difference per hamlet × ${hamlets.length}`,
        value: fmtMs(perHamlet * hamlets.length),
        note: `${perHamlet.toFixed(1)} ms each on ${picks.length} sampled hamlets`,
      },
      { section: 'naive turf', measure: 'naive total (lower bound)', value: fmtMs(estimateMs) },
    ],
  };
}

/** Fit t = a·n^b through the measured points (least squares in log–log) and evaluate at `n`. */
function extrapolate(points: [number, number][], n: number): number {
  if (points.length === 0) return 0;
  if (points.length === 1) return ((points[0]?.[1] ?? 0) * n) / (points[0]?.[0] ?? 1);
  const xs = points.map(([x]) => Math.log(x));
  const ys = points.map(([, y]) => Math.log(y));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  xs.forEach((x, i) => {
    num += (x - mx) * ((ys[i] as number) - my);
    den += (x - mx) ** 2;
  });
  const b = num / den;
  return Math.exp(my + b * (Math.log(n) - mx));
}
