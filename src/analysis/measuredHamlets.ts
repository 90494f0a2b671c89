import Flatbush from 'flatbush';
import type {
  HamletMeasured,
  InputLayers,
  MeasuredFigures,
  MeasuredQuality,
  MeasuredResult,
  MeasuredSettings,
} from './types.ts';
import type { LocalProjection } from './geometry/projection.ts';
import { placePoints } from './points.ts';
import type { PreparedHamlet } from './prepareHamlets.ts';
import { tileWeights, type TileSums } from './speedTiles.ts';

/** What the engine keeps of the measured layers: every figure but the challenges, which need the model. */
export interface MeasuredState {
  layers: MeasuredResult['layers'];
  hamlets: HamletMeasured[];
  outside: MeasuredResult['outside'];
}

/** A speed test at a point as the figures need it. */
interface PointTest {
  fixed: boolean;
  ok: boolean;
  down: number | null;
  up: number | null;
  latency: number | null;
  target: number;
}

/** A field report as the figures need it. */
interface Report {
  id: string;
  result: 'no_signal' | 'weak' | 'ok' | null;
}

/** Names listed one by one in a warning; more are counted. */
const LISTED = 10;

/**
 * Per hamlet, the measured figures of docs/DATA-MODEL.md §17: tile tests spread by area (Σw and the
 * w-weighted means, mobile and fixed), speed-test points where they lie (counts and medians), field
 * reports (distinct ids by result), and the quality against the targets. Null when no measured layer is
 * given. Problems (tiles skipped, points outside every hamlet) go to `warnings`.
 * @example const m = measureHamlets(hamlets, proj, layers, settings.measured, warnings); m?.hamlets[0]?.mobile.quality
 */
export function measureHamlets(
  hamlets: readonly PreparedHamlet[],
  proj: LocalProjection,
  layers: InputLayers,
  settings: MeasuredSettings,
  warnings: string[],
): MeasuredState | null {
  const given = {
    mobileTests: !!layers.mobileTests,
    fixedTests: !!layers.fixedTests,
    speedPoints: !!layers.speedPoints,
    fieldReports: !!layers.fieldReports,
  };
  if (!Object.values(given).some(Boolean)) return null;
  const index = new Flatbush(Math.max(hamlets.length, 1));
  for (const h of hamlets) index.add(h.bounds.left, h.bounds.top, h.bounds.right, h.bounds.bottom);
  if (hamlets.length === 0) index.add(0, 0, 0, 0);
  index.finish();
  const outside = { tiles: 0, points: 0, reports: 0 };
  const tiles = (kind: 'mobile' | 'fixed'): TileSums | null => {
    const layer = kind === 'mobile' ? layers.mobileTests : layers.fixedTests;
    if (!layer) return null;
    const r = tileWeights(hamlets, proj, index, layer);
    outside.tiles += r.outside;
    const label = kind === 'mobile' ? 'Mobile speed-test tiles' : 'Fixed speed-test tiles';
    if (r.skipped.length > 0)
      warnings.push(
        `${label}: ${r.skipped.length} tiles were not used (tests not above 0, a speed or latency missing or negative, or no area): ${listed(r.skipped)}.`,
      );
    if (r.outside > 0) warnings.push(`${label}: ${r.outside} tiles meet no hamlet and were not counted.`);
    return r.sums;
  };
  const mobileTiles = tiles('mobile');
  const fixedTiles = tiles('fixed');

  const points = placePoints(hamlets, proj, layers.speedPoints?.features ?? [], (f) =>
    pointTest(f.properties ?? {}, settings),
  );
  outside.points = points.outside;
  if (points.outside > 0)
    warnings.push(`Speed-test points: ${points.outside} lie outside every hamlet and were not counted.`);
  const reports = placePoints(hamlets, proj, layers.fieldReports?.features ?? [], (f, i) => ({
    id: String(f.properties?.id ?? f.id ?? `report-${i + 1}`),
    result: reportResult(f.properties?.result),
  }));
  outside.reports = reports.outside;
  if (reports.outside > 0)
    warnings.push(`Field reports: ${reports.outside} lie outside every hamlet and were not counted.`);

  const out = hamlets.map((h, i): HamletMeasured => {
    const tests = (points.byHamlet[i] ?? []).map((p) => p.data);
    return {
      id: h.id,
      mobile: figures(
        mobileTiles,
        i,
        tests.filter((t) => !t.fixed),
        settings,
        settings.mobile4gTargetMbps,
      ),
      fixed: figures(
        fixedTiles,
        i,
        tests.filter((t) => t.fixed),
        settings,
        settings.fixedTargetMbps,
      ),
      reports: reportCounts((reports.byHamlet[i] ?? []).map((p) => p.data)),
    };
  });
  return { layers: given, hamlets: out, outside };
}

function listed(names: string[]): string {
  const shown = names.slice(0, LISTED).join(', ');
  return names.length > LISTED ? `${shown} and ${names.length - LISTED} more` : shown;
}

function speed(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : null;
}

function pointTest(p: Record<string, unknown>, s: MeasuredSettings): PointTest {
  const tech = String(p.tech ?? '').toUpperCase();
  const fixed = tech === 'FIXED';
  const down = speed(p.download_mbps);
  const ok = p.result === 'no_service' ? false : p.result === 'ok' || down !== null;
  const target = fixed ? s.fixedTargetMbps : tech === '5G' ? s.mobile5gTargetMbps : s.mobile4gTargetMbps;
  return {
    fixed,
    ok,
    down: ok ? down : null,
    up: ok ? speed(p.upload_mbps) : null,
    latency: ok ? speed(p.latency_ms) : null,
    target,
  };
}

function reportResult(v: unknown): Report['result'] {
  return v === 'no_signal' || v === 'weak' || v === 'ok' ? v : null;
}

function reportCounts(list: Report[]): HamletMeasured['reports'] {
  const byResult = { no_signal: new Set<string>(), weak: new Set<string>(), ok: new Set<string>() };
  for (const r of list) if (r.result) byResult[r.result].add(r.id);
  return { noSignal: byResult.no_signal.size, weak: byResult.weak.size, ok: byResult.ok.size };
}

/** The middle value (the mean of the two middle ones for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const v = values.slice().sort((a, b) => a - b);
  const mid = v.length >> 1;
  return v.length % 2 === 1 ? (v[mid] as number) : ((v[mid - 1] as number) + (v[mid] as number)) / 2;
}

function figures(
  sums: TileSums | null,
  i: number,
  tests: PointTest[],
  s: MeasuredSettings,
  target: number,
): MeasuredFigures {
  const w = sums ? (sums.w[i] as number) : 0;
  const mean = (a: Float64Array | undefined): number | null => (a && w > 0 ? (a[i] as number) / w : null);
  const ok = tests.filter((t) => t.ok);
  const values = (k: 'down' | 'up' | 'latency'): number[] =>
    ok.flatMap((t) => (t[k] === null ? [] : [t[k] as number]));
  const f = {
    tests: w,
    downMbps: mean(sums?.down),
    upMbps: mean(sums?.up),
    latencyMs: mean(sums?.latency),
    points: tests.length,
    noService: tests.length - ok.length,
    pointDownMbps: median(values('down')),
    pointUpMbps: median(values('up')),
    pointLatencyMs: median(values('latency')),
    pointsMeetingTarget: ok.filter((t) => t.down !== null && t.down >= t.target).length,
  };
  return { ...f, quality: quality(f, s, target) };
}

/**
 * Meets target / below target / failing / no data: the tiles' weighted means when the hamlet has tile
 * tests, else the points' medians; points that all found no service are failing.
 */
function quality(f: Omit<MeasuredFigures, 'quality'>, s: MeasuredSettings, target: number): MeasuredQuality {
  const fromTiles = f.tests > 0;
  const down = fromTiles ? f.downMbps : f.pointDownMbps;
  const up = fromTiles ? f.upMbps : f.pointUpMbps;
  if (down === null) return !fromTiles && f.points > 0 && f.noService === f.points ? 'failing' : 'no_data';
  if (down < s.failingDownMbps || (up !== null && up < s.failingUpMbps)) return 'failing';
  return down >= target ? 'meets_target' : 'below_target';
}
