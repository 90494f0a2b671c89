import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { HamletCoverage } from '../../src/analysis/types.ts';
import type { Context, HamletInfo } from './context.ts';
import { type Disc, type FibreLike, FibreModel, type SiteLike, SiteModel } from './coverageModel.ts';
import { type XY, bboxOf, distXY, pointInRings, polygonsOf, toLonLat, toXY } from './geom.ts';
import { type Rng, rngFor, uniform, weightedIndex } from './prng.ts';
import { lonLatToTile, tileToQuadkey } from '../../src/data/quadkey.ts';
import { TILE_ZOOM, type TileOverlap, hamletAreas, tileOverlaps } from './tileOverlap.ts';

/** A row of a speed-test tile file (the public open-data layout: zoom-16 tiles keyed by quadkey). */
export interface TileRow {
  quadkey: string;
  avg_d_kbps: number;
  avg_u_kbps: number;
  avg_lat_ms: number;
  tests: number;
  devices: number;
}
export const TILE_COLUMNS = [
  'quadkey',
  'avg_d_kbps',
  'avg_u_kbps',
  'avg_lat_ms',
  'tests',
  'devices',
] as const;

/** A speed-test point; speeds and latency are null (an empty cell) when the result is no_service. */
export interface PointRow {
  lon: number;
  lat: number;
  download_mbps: number | null;
  upload_mbps: number | null;
  latency_ms: number | null;
  operator: string;
  /** '4G', '5G' or 'fixed'; empty when there was no service. */
  tech: string;
  /** Local time with its offset, e.g. 2026-03-14T16:21:05+07:00. */
  time: string;
  result: 'ok' | 'no_service';
}
export const POINT_COLUMNS = [
  'lon',
  'lat',
  'download_mbps',
  'upload_mbps',
  'latency_ms',
  'operator',
  'tech',
  'time',
  'result',
] as const;

export interface Measured {
  mobileTiles: TileRow[];
  fixedTiles: TileRow[];
  points: PointRow[];
  /** Hamlets the model serves with MBB whose tests were made to fail (ids). */
  overstated: string[];
  /** Hamlets the model leaves white whose tests were made good (ids). */
  unmodelled: string[];
}

type Hamlet = Feature<Polygon | MultiPolygon, { id: string; households: number }>;

export interface MeasuredInput {
  ctx: Context;
  hamlets: readonly Hamlet[];
  sites: readonly SiteLike[];
  fibre: readonly FibreLike[];
  /** The engine's result for the same hamlets (matched by id). */
  engine: readonly HamletCoverage[];
  seed: number;
}

/** Subscriber shares of the mobile operators (illustrative). */
const MOBILE_SHARE: [string, number][] = [
  ['Viettel', 0.52],
  ['VNPT', 0.24],
  ['MobiFone', 0.2],
  ['Vietnamobile', 0.04],
];
const FIXED_SHARE: Record<string, number> = { VNPT: 0.55, Viettel: 0.45 };
/** Completed tests per household in the quarter, mobile and fixed. */
const MOBILE_RATE = 0.04;
const FIXED_RATE = 0.045;
/** Weighted tests a forced hamlet gets at least, spread over the tiles that meet it. */
const FORCED_TESTS = 7;

/** One completed test; 3G only happens in the tiles (a single point on 2G/3G counts as no service). */
type Test = { down: number; up: number; latency: number; tech: '3G' | '4G' | '5G' | 'fixed' };
type Force = 'fail' | 'good';

/**
 * Illustrative speed tests for the sample, consistent with the coverage model: a zoom-16 tile file each for
 * mobile and fixed tests (one quarter, 2026-Q1) and a few hundred single tests (Jan–May 2026).
 *
 * A mobile test is made by a subscriber of an operator drawn by market share at a random place, weighted by
 * households: inside that operator's 4G disc the speed falls with the distance to the site (5G near 5G
 * sites), at the fringe (up to 1.3× the modelled radius) it is slow, on a 2G/3G-only signal it is slower
 * still (3G in the tiles; no service as a point), and elsewhere there is none. Fixed tests come from
 * households within reach of access fibre (a plan of 100–300 Mb/s, some limited by Wi-Fi), rarely from
 * beyond it. Noise is log-normal. Two kinds of contradictions are planted: clusters of hamlets the engine
 * serves with MBB (`mbbShare ≥ 0.95`) whose tests all fail (below 5/1 Mb/s) — the model over-states there —
 * and a few white hamlets (engine status unserved, mostly white) whose tests are good, as from a site the
 * data lacks (e.g. across the provincial border).
 * @example makeMeasured({ ctx, hamlets, sites, fibre, engine: analyze(layers).hamlets, seed: 42 }).points.length
 */
export function makeMeasured(input: MeasuredInput): Measured {
  const { ctx, hamlets } = input;
  const sites = new SiteModel(input.sites, ctx.frame);
  const fibre = new FibreModel(input.fibre, ctx.frame);
  const byId = new Map(input.engine.map((h) => [h.id, h]));
  const engine = hamlets.map((h) => byId.get(h.properties.id));
  const rings = hamlets.map((h) =>
    polygonsOf(h.geometry).flatMap((poly) => poly.map((ring) => ring.map((p) => toXY(ctx.frame, p)))),
  );
  const areas = hamletAreas(hamlets);
  const overlaps = [...tileOverlaps(hamlets).values()];
  const tilesOf = new Map<number, TileOverlap[]>();
  for (const t of overlaps)
    for (const p of t.parts) tilesOf.set(p.hamlet, [...(tilesOf.get(p.hamlet) ?? []), t]);

  // The planted contradictions.
  const pickRng = rngFor(input.seed, 'measured:contradictions');
  const tileArea = (overlaps[0]?.area ?? 1) as number;
  const overstated = clusters(
    ctx.hamlets.filter((h) => {
      const e = engine[h.index];
      return !!e && e.mbbShare >= 0.95 && h.setting === 'rural' && (areas[h.index] ?? 0) > 0.5 * tileArea;
    }),
    14,
    2,
    pickRng,
  );
  const unmodelled = clusters(
    ctx.hamlets.filter((h) => {
      const e = engine[h.index];
      return (
        !!e &&
        e.status === 'unserved' &&
        e.classHouseholds.white >= e.classHouseholds.weak &&
        (areas[h.index] ?? 0) > 0.5 * tileArea
      );
    }),
    4,
    1,
    pickRng,
  );
  const force = new Map<string, { kind: Force; tests: number }>();
  const plant = (list: HamletInfo[], kind: Force) => {
    for (const h of list) {
      const need = Math.min(60, Math.ceil((FORCED_TESTS * tileArea) / (areas[h.index] ?? tileArea)));
      for (const t of tilesOf.get(h.index) ?? []) {
        const cur = force.get(t.quadkey);
        if (cur && cur.kind !== kind) continue;
        force.set(t.quadkey, { kind, tests: Math.max(need, cur?.tests ?? 0) });
      }
    }
  };
  plant(overstated, 'fail');
  plant(unmodelled, 'good');

  const pointIn = (hi: number, rng: Rng, rect?: [number, number, number, number]): XY | null => {
    const h = hamlets[hi];
    if (!h) return null;
    const [w, s, e, n] = rect ? intersectBox(rect, bboxOf(h.geometry)) : bboxOf(h.geometry);
    for (let k = 0; k < 40; k++) {
      const p = toXY(ctx.frame, [uniform(rng, w, e), uniform(rng, s, n)]);
      if (pointInRings(p, rings[hi] ?? [])) return p;
    }
    return null;
  };

  const tileRows = (kind: 'mobile' | 'fixed'): TileRow[] => {
    const rng = rngFor(input.seed, `measured:${kind}-tiles`);
    const rows: TileRow[] = [];
    for (const t of overlaps) {
      const weights = t.parts.map((p) => {
        const h = hamlets[p.hamlet];
        return h ? (h.properties.households * p.area) / (areas[p.hamlet] || 1) : 0;
      });
      const households = weights.reduce((s, w) => s + w, 0);
      const forced = kind === 'mobile' ? force.get(t.quadkey) : undefined;
      const attempts = Math.max(
        poisson(rng, households * (kind === 'mobile' ? MOBILE_RATE : FIXED_RATE)),
        forced?.tests ?? 0,
      );
      const tests: Test[] = [];
      for (let a = 0; a < attempts; a++) {
        if (forced) {
          tests.push(forcedTest(forced.kind, rng));
          continue;
        }
        const part = t.parts[weightedIndex(rng, weights)];
        const p = part ? pointIn(part.hamlet, rng, t.bounds) : null;
        const test = !p
          ? null
          : kind === 'fixed'
            ? fixedTest(fibre, p, rng)
            : mobileTest(sites, p, pickOperator(rng), rng, true);
        if (test) tests.push(test);
      }
      if (tests.length === 0) continue;
      const mean = (f: (x: Test) => number) => tests.reduce((s, x) => s + f(x), 0) / tests.length;
      rows.push({
        quadkey: t.quadkey,
        avg_d_kbps: Math.round(mean((x) => x.down) * 1000),
        avg_u_kbps: Math.round(mean((x) => x.up) * 1000),
        avg_lat_ms: Math.round(mean((x) => x.latency)),
        tests: tests.length,
        devices: Math.max(1, Math.min(tests.length, Math.round(tests.length * uniform(rng, 0.3, 0.75)))),
      });
    }
    return rows;
  };

  return {
    mobileTiles: tileRows('mobile'),
    fixedTiles: tileRows('fixed'),
    points: makePoints(),
    overstated: overstated.map((h) => h.id),
    unmodelled: unmodelled.map((h) => h.id),
  };

  function makePoints(): PointRow[] {
    const rng = rngFor(input.seed, 'measured:points');
    const out: PointRow[] = [];
    const byHouseholds = hamlets.map((h) => h.properties.households);
    const add = (p: XY, operator: string, test: Test | null) => {
      const [lon, lat] = toLonLat(ctx.frame, p);
      out.push({
        lon: round(lon, 6),
        lat: round(lat, 6),
        download_mbps: test ? round(test.down, 2) : null,
        upload_mbps: test ? round(test.up, 2) : null,
        latency_ms: test ? Math.round(test.latency) : null,
        operator,
        tech: test?.tech ?? '',
        time: randomTime(rng),
        result: test ? 'ok' : 'no_service',
      });
    };
    const forcedAt = (p: XY): Force | undefined => {
      const [lon, lat] = toLonLat(ctx.frame, p);
      return force.get(tileToQuadkey(lonLatToTile(lon, lat, TILE_ZOOM)))?.kind;
    };
    const mobileAt = (p: XY) => {
      const op = pickOperator(rng);
      const f = forcedAt(p);
      add(
        p,
        op,
        f === 'fail'
          ? rng() < 0.4
            ? null
            : forcedTest(f, rng)
          : f
            ? forcedTest(f, rng)
            : mobileTest(sites, p, op, rng, false),
      );
    };
    // Where people live.
    for (let k = 0; k < 250; k++) {
      const p = pointIn(weightedIndex(rng, byHouseholds), rng);
      if (p) mobileAt(p);
    }
    // Fixed lines, within reach of access fibre.
    for (let k = 0, made = 0; k < 400 && made < 60; k++) {
      const p = pointIn(weightedIndex(rng, byHouseholds), rng);
      const test = p ? fixedTest(fibre, p, rng, true) : null;
      if (!p || !test) continue;
      made++;
      add(p, pickFibreOperator(fibre.operatorsAt(p), rng), test);
    }
    // A field campaign in the hamlets the engine finds with households uncovered, at places the model
    // gives neither fibre nor 4G/5G (white or weak).
    const gapWeights = engine.map((e) => e?.uncoveredHouseholds ?? 0);
    for (let k = 0, made = 0; k < 400 && made < 70; k++) {
      const hi = weightedIndex(rng, gapWeights);
      for (let tries = 0; tries < 20; tries++) {
        const p = pointIn(hi, rng);
        if (!p || fibre.serves(p) || sites.at(p).some((d) => d.mbb)) continue;
        mobileAt(p);
        made++;
        break;
      }
    }
    // Single tests in the planted contradictions.
    for (const h of overstated) {
      const p = pointIn(h.index, rng);
      if (p) add(p, pickOperator(rng), rng() < 0.6 ? null : forcedTest('fail', rng));
    }
    for (const h of unmodelled) {
      for (let k = 0; k < 2; k++) {
        const p = pointIn(h.index, rng);
        if (p) add(p, pickOperator(rng), forcedTest('good', rng));
      }
    }
    return out.sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
  }
}

/**
 * `count` clusters: a seed drawn at random among the candidates, at least 4 km from the other seeds, plus
 * up to `extra` candidates whose centres lie within 1.5 km of it.
 */
function clusters(candidates: HamletInfo[], count: number, extra: number, rng: Rng): HamletInfo[] {
  const pool = [...candidates];
  const seeds: HamletInfo[] = [];
  const out: HamletInfo[] = [];
  const taken = new Set<number>();
  for (let tries = 0; tries < 200 && seeds.length < count && pool.length > 0; tries++) {
    const h = pool[Math.floor(rng() * pool.length)];
    if (!h || taken.has(h.index) || seeds.some((s) => distXY(s.xy, h.xy) < 4000)) continue;
    seeds.push(h);
    taken.add(h.index);
    out.push(h);
    const near = candidates
      .filter((c) => !taken.has(c.index) && distXY(c.xy, h.xy) < 1500)
      .sort((a, b) => distXY(a.xy, h.xy) - distXY(b.xy, h.xy) || a.index - b.index)
      .slice(0, extra);
    for (const c of near) {
      taken.add(c.index);
      out.push(c);
    }
  }
  return out.sort((a, b) => a.index - b.index);
}

function pickOperator(rng: Rng): string {
  return (
    MOBILE_SHARE[
      weightedIndex(
        rng,
        MOBILE_SHARE.map(([, s]) => s),
      )
    ]?.[0] ?? 'Viettel'
  );
}

function pickFibreOperator(present: string[], rng: Rng): string {
  return (
    present[
      weightedIndex(
        rng,
        present.map((o) => FIXED_SHARE[o] ?? 0.1),
      )
    ] ??
    present[0] ??
    'VNPT'
  );
}

/**
 * One mobile test by a subscriber of `operator` at `p`; null when none completes. `allowLegacy`: a test on a
 * 2G/3G-only signal completes (as 3G, tiles only); as a single point it counts as no service.
 */
function mobileTest(sites: SiteModel, p: XY, operator: string, rng: Rng, allowLegacy: boolean): Test | null {
  const own = sites.at(p).filter((d) => d.operator === operator);
  const mbb = own.filter((d) => d.mbb);
  if (mbb.length > 0) {
    const best = mbb.reduce((a, b) => (rel(b, p) < rel(a, p) ? b : a));
    const r = rel(best, p);
    if (best.has5G && rng() < 0.85) {
      const down = uniform(rng, 150, 420) * (1 - 0.45 * r) * noise(rng);
      return { down, up: down * uniform(rng, 0.08, 0.2), latency: uniform(rng, 12, 22) + 10 * r, tech: '5G' };
    }
    const down = uniform(rng, 50, 100) * (1 - 0.72 * r ** 1.2) * noise(rng);
    return {
      down,
      up: down * uniform(rng, 0.22, 0.45),
      latency: uniform(rng, 20, 32) + 30 * r + 10 * rng() ** 3,
      tech: '4G',
    };
  }
  const fringe = sites.at(p, 1.3).some((d) => d.operator === operator && d.mbb);
  if (fringe) {
    const down = uniform(rng, 1.5, 9) * noise(rng);
    return { down, up: down * uniform(rng, 0.15, 0.35), latency: uniform(rng, 45, 110), tech: '4G' };
  }
  if (allowLegacy && own.length > 0 && rng() < 0.5) {
    const down = uniform(rng, 0.4, 3);
    return { down, up: down * uniform(rng, 0.2, 0.4), latency: uniform(rng, 70, 220), tech: '3G' };
  }
  return null;
}

function rel(d: Disc, p: XY): number {
  return Math.min(1, distXY(d.xy, p) / Math.max(1, d.r));
}

/** A planted test: failing (below 5/1 Mb/s) or good (4G above the 40 Mb/s target). */
function forcedTest(kind: Force, rng: Rng): Test {
  if (kind === 'fail') {
    const down = uniform(rng, 0.6, 4.2);
    return { down, up: uniform(rng, 0.1, 0.8), latency: uniform(rng, 90, 320), tech: '4G' };
  }
  const down = uniform(rng, 42, 85);
  return { down, up: down * uniform(rng, 0.25, 0.45), latency: uniform(rng, 24, 45), tech: '4G' };
}

/** A fixed test at `p`: fibre within reach gives its plan; beyond it, rarely, a slow line. */
function fixedTest(fibre: FibreModel, p: XY, rng: Rng, fibreOnly = false): Test | null {
  if (fibre.serves(p)) {
    const plan = [100, 150, 200, 300][weightedIndex(rng, [0.15, 0.35, 0.3, 0.2])] ?? 150;
    const down = rng() < 0.15 ? uniform(rng, 35, 95) : plan * uniform(rng, 0.78, 1.02) * noise(rng, 0.08);
    return { down, up: down * uniform(rng, 0.7, 1.0), latency: uniform(rng, 3, 14), tech: 'fixed' };
  }
  if (fibreOnly || rng() >= 0.08) return null;
  const down = uniform(rng, 25, 90);
  return { down, up: down * uniform(rng, 0.3, 0.8), latency: uniform(rng, 8, 30), tech: 'fixed' };
}

function noise(rng: Rng, sigma = 0.3): number {
  return Math.exp(sigma * gauss(rng));
}

function gauss(rng: Rng): number {
  const u = Math.max(1e-12, rng());
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

/** A Poisson draw (Knuth's method below 30, a rounded normal above). */
function poisson(rng: Rng, lambda: number): number {
  if (lambda <= 0) return 0;
  if (lambda > 30) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * gauss(rng)));
  const limit = Math.exp(-lambda);
  let k = 0;
  let p = rng();
  while (p > limit) {
    k++;
    p *= rng();
  }
  return k;
}

function intersectBox(
  a: [number, number, number, number],
  b: [number, number, number, number],
): [number, number, number, number] {
  return [Math.max(a[0], b[0]), Math.max(a[1], b[1]), Math.min(a[2], b[2]), Math.min(a[3], b[3])];
}

function round(v: number, digits: number): number {
  const k = 10 ** digits;
  return Math.round(v * k) / k;
}

/** A time between 1 January and 31 May 2026, 06:00–22:59 Vietnam time. */
function randomTime(rng: Rng): string {
  const day = Math.floor(rng() * 151);
  const date = new Date(Date.UTC(2026, 0, 1 + day));
  const pad = (n: number) => String(n).padStart(2, '0');
  const hh = 6 + Math.floor(rng() * 17);
  const mm = Math.floor(rng() * 60);
  const ss = Math.floor(rng() * 60);
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}T${pad(hh)}:${pad(mm)}:${pad(ss)}+07:00`;
}

/** Rows as CSV text with a header, `\n` line ends; null is an empty cell. Values must not need quoting. */
export function csvText<T extends object>(
  rows: readonly T[],
  columns: readonly (keyof T & string)[],
): string {
  const cell = (v: unknown): string => {
    const s = v === null || v === undefined ? '' : String(v);
    if (/[",\n\r]/.test(s)) throw new Error(`CSV cell "${s}" would need quoting; the writer does not quote.`);
    return s;
  };
  return `${columns.join(',')}\n${rows.map((r) => columns.map((c) => cell(r[c])).join(',')).join('\n')}\n`;
}
