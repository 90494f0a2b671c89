import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { HamletCoverage } from '../../src/analysis/types.ts';
import { type FibreLike, FibreModel } from './coverageModel.ts';
import { type XY, bboxOf, localFrame, pointInRings, polygonsOf, toXY } from './geom.ts';
import type { PointRow, TileRow } from './measured.ts';
import { tileOverlaps } from './tileOverlap.ts';

type Hamlet = Feature<Polygon | MultiPolygon, { id: string }>;

/** A hamlet's measured figures from a tile file (issue 17): weighted tests and weighted means. */
export interface HamletMeasure {
  tests: number;
  downMbps: number | null;
  upMbps: number | null;
  latencyMs: number | null;
}

/**
 * Per hamlet: each tile's tests spread evenly over its area, `w = tests × area(tile ∩ hamlet) / area(tile)`,
 * `tests = Σ w`, means weighted by w; no tests gives null figures (never 0).
 * @example hamletMeasures(hamlets, mobileTiles)[0]?.downMbps
 */
export function hamletMeasures(hamlets: readonly Hamlet[], rows: readonly TileRow[]): HamletMeasure[] {
  const overlaps = tileOverlaps(
    hamlets,
    rows.map((r) => r.quadkey),
  );
  const acc = hamlets.map(() => ({ w: 0, d: 0, u: 0, l: 0 }));
  for (const r of rows) {
    const t = overlaps.get(r.quadkey);
    if (!t) continue;
    for (const p of t.parts) {
      const a = acc[p.hamlet];
      if (!a) continue;
      const w = (r.tests * p.area) / t.area;
      a.w += w;
      a.d += (w * r.avg_d_kbps) / 1000;
      a.u += (w * r.avg_u_kbps) / 1000;
      a.l += w * r.avg_lat_ms;
    }
  }
  return acc.map((a) => ({
    tests: a.w,
    downMbps: a.w > 0 ? a.d / a.w : null,
    upMbps: a.w > 0 ? a.u / a.w : null,
    latencyMs: a.w > 0 ? a.l / a.w : null,
  }));
}

export interface MeasuredReport {
  mobile: {
    tiles: number;
    tests: number;
    /** Hamlets with at least 5 weighted tests. */
    hamletsWithData: number;
    /** Of those, the engine serves with MBB (mbbShare ≥ 0.95). */
    servedWithData: number;
    /** Served hamlets whose ≥ 5 weighted tests average below 5 Mb/s down and 1 Mb/s up. */
    servedFailing: string[];
    /** The same with "below 5 down or below 1 up". */
    servedFailingEither: string[];
    /** Modelled white (engine status unserved, white households ≥ weak) with ≥ 5 weighted tests. */
    whiteWithData: number;
    /** Of those, averaging at least 40 Mb/s down (the 4G target). */
    whiteGood: string[];
    /** Households-weighted mean download of served hamlets with data, Mb/s. */
    servedMeanDownMbps: number;
  };
  fixed: {
    tiles: number;
    tests: number;
    /** Share of fixed tests in tiles whose centre lies within 500 m of access fibre. */
    testsNearFibreShare: number;
    /** Share of tiles averaging 100–300 Mb/s down. */
    tiles100to300Share: number;
  };
  points: {
    total: number;
    ok: number;
    noService: number;
    byTech: Record<string, number>;
    byOperator: Record<string, number>;
    /** Share of no_service among points inside the engine's white or weak zones, and elsewhere. */
    noServiceInGapShare: number;
    noServiceElsewhereShare: number;
  };
}

/**
 * Checks the measured sample against the engine's result with the definitions of issue 17: the planted
 * contradictions show up (and few others), fixed tests sit near fibre, gap points mostly fail.
 */
export function measuredCheck(
  hamlets: readonly Hamlet[],
  engine: readonly HamletCoverage[],
  fibre: readonly FibreLike[],
  mobileTiles: readonly TileRow[],
  fixedTiles: readonly TileRow[],
  points: readonly PointRow[],
): MeasuredReport {
  const byId = new Map(engine.map((e) => [e.id, e]));
  const eng = hamlets.map((h) => byId.get(h.properties.id));
  const mobile = hamletMeasures(hamlets, mobileTiles);
  const report: MeasuredReport['mobile'] = {
    tiles: mobileTiles.length,
    tests: mobileTiles.reduce((s, r) => s + r.tests, 0),
    hamletsWithData: 0,
    servedWithData: 0,
    servedFailing: [],
    servedFailingEither: [],
    whiteWithData: 0,
    whiteGood: [],
    servedMeanDownMbps: 0,
  };
  let servedHh = 0;
  let servedDown = 0;
  hamlets.forEach((h, i) => {
    const m = mobile[i];
    const e = eng[i];
    if (!m || !e || m.tests < 5 || m.downMbps === null || m.upMbps === null) return;
    report.hamletsWithData++;
    if (e.mbbShare >= 0.95) {
      report.servedWithData++;
      servedHh += e.households;
      servedDown += e.households * m.downMbps;
      if (m.downMbps < 5 && m.upMbps < 1) report.servedFailing.push(h.properties.id);
      if (m.downMbps < 5 || m.upMbps < 1) report.servedFailingEither.push(h.properties.id);
    }
    if (e.status === 'unserved' && e.classHouseholds.white >= e.classHouseholds.weak) {
      report.whiteWithData++;
      if (m.downMbps >= 40) report.whiteGood.push(h.properties.id);
    }
  });
  report.servedMeanDownMbps = servedHh > 0 ? servedDown / servedHh : 0;

  const first = hamlets[0];
  const [x0, y0] = first ? bboxOf(first.geometry) : [0, 0];
  const frame = localFrame(x0, y0);
  const fibreModel = new FibreModel(fibre, frame);
  const fixedOverlaps = tileOverlaps(
    hamlets,
    fixedTiles.map((r) => r.quadkey),
  );
  let near = 0;
  let fixedTests = 0;
  let inRange = 0;
  for (const r of fixedTiles) {
    const b = fixedOverlaps.get(r.quadkey)?.bounds;
    fixedTests += r.tests;
    if (b && fibreModel.serves(toXY(frame, [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2]))) near += r.tests;
    if (r.avg_d_kbps >= 100_000 && r.avg_d_kbps <= 300_000) inRange++;
  }

  const zones = eng.map((e) =>
    [e?.whiteZone, e?.weakZone].flatMap((z) =>
      z ? [polygonsOf(z).flatMap((poly) => poly.map((ring) => ring.map((p) => toXY(frame, p))))] : [],
    ),
  );
  const boxes = eng.map((e) => [e?.whiteZone, e?.weakZone].flatMap((z) => (z ? [bboxOf(z)] : [])));
  const count = (list: string[]) =>
    list.reduce<Record<string, number>>((acc, k) => ({ ...acc, [k]: (acc[k] ?? 0) + 1 }), {});
  let gap = 0;
  let gapNo = 0;
  let elsewhereNo = 0;
  for (const p of points) {
    const xy: XY = toXY(frame, [p.lon, p.lat]);
    const inGap = zones.some((zs, i) =>
      zs.some((rings, k) => {
        const b = boxes[i]?.[k];
        return (
          !!b && p.lon >= b[0] && p.lon <= b[2] && p.lat >= b[1] && p.lat <= b[3] && pointInRings(xy, rings)
        );
      }),
    );
    if (inGap) {
      gap++;
      if (p.result === 'no_service') gapNo++;
    } else if (p.result === 'no_service') elsewhereNo++;
  }
  const noService = points.filter((p) => p.result === 'no_service').length;
  return {
    mobile: report,
    fixed: {
      tiles: fixedTiles.length,
      tests: fixedTests,
      testsNearFibreShare: fixedTests > 0 ? near / fixedTests : 0,
      tiles100to300Share: fixedTiles.length > 0 ? inRange / fixedTiles.length : 0,
    },
    points: {
      total: points.length,
      ok: points.length - noService,
      noService,
      byTech: count(points.map((p) => p.tech || '(none)')),
      byOperator: count(points.map((p) => p.operator)),
      noServiceInGapShare: gap > 0 ? gapNo / gap : 0,
      noServiceElsewhereShare: points.length > gap ? elsewhereNo / (points.length - gap) : 0,
    },
  };
}
