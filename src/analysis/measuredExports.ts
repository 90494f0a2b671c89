import type {
  AnalysisResult,
  Challenge,
  ChallengeReason,
  HamletMeasured,
  MeasuredFigures,
  MeasuredSettings,
} from './types.ts';

import { round } from './exportTables.ts';
import type { Sheet } from './workbook.ts';

type Cell = string | number | null;

/** Columns the measured layers add to `hamlets.geojson` and `ranking.csv` (docs/DATA-MODEL.md §17). */
export const MEASURED_COLUMNS = [
  'mobile_tests',
  'mobile_down_mbps',
  'mobile_up_mbps',
  'mobile_latency_ms',
  'mobile_points',
  'mobile_no_service',
  'mobile_points_down_mbps',
  'mobile_quality',
  'fixed_tests',
  'fixed_down_mbps',
  'fixed_up_mbps',
  'fixed_latency_ms',
  'fixed_points',
  'fixed_points_down_mbps',
  'fixed_quality',
  'no_signal_reports',
  'challenge',
] as const;

const r = (v: number | null, decimals: number): number | null => (v === null ? null : round(v, decimals));

function kindCells(f: MeasuredFigures): Cell[] {
  return [r(f.tests, 2), r(f.downMbps, 2), r(f.upMbps, 2), r(f.latencyMs, 1), f.points];
}

/**
 * One hamlet's measured cells in the order of `MEASURED_COLUMNS`: weighted tests to 0.01, speeds to
 * 0.01 Mb/s, latency to 0.1 ms, null where there is no figure; `challenge` is `over`, `under` or null.
 * @example measuredCells(result.measured.hamlets[0], undefined)[0] // 12.58
 */
export function measuredCells(m: HamletMeasured, challenge: Challenge | undefined): Cell[] {
  return [
    ...kindCells(m.mobile),
    m.mobile.noService,
    r(m.mobile.pointDownMbps, 2),
    m.mobile.quality,
    ...kindCells(m.fixed),
    r(m.fixed.pointDownMbps, 2),
    m.fixed.quality,
    m.reports.noSignal,
    challenge?.direction ?? null,
  ];
}

/** The measured cells of each hamlet by id, with its challenge, for the hamlet exports. */
export function measuredById(result: AnalysisResult): Map<string, Cell[]> | null {
  const m = result.measured;
  if (!m) return null;
  const challenges = new Map(m.challenges.map((c) => [c.id, c]));
  return new Map(m.hamlets.map((h) => [h.id, measuredCells(h, challenges.get(h.id))]));
}

export const CHALLENGES_CSV_HEADER = [
  'id',
  'name',
  'commune',
  'district',
  'direction',
  'reasons',
  'mbb_share',
  'mobile_tests',
  'mobile_down_mbps',
  'mobile_up_mbps',
  'no_signal_reports',
  'why',
] as const;

/** A reason in a sentence, in English (the files' language): what the model says and what was measured. */
export function challengeWhy(reason: ChallengeReason, s: MeasuredSettings): string {
  const pct = `${(reason.mbbShare * 100).toFixed(0)} %`;
  switch (reason.kind) {
    case 'failingTests':
      return `The model gives ${pct} of it 4G/5G, but ${reason.tests.toFixed(1)} weighted mobile tests average ${reason.downMbps.toFixed(1)} Mb/s down and ${reason.upMbps.toFixed(1)} up, below the failing limit of ${s.failingDownMbps}/${s.failingUpMbps} Mb/s.`;
    case 'noSignalReports':
      return `The model gives ${pct} of it 4G/5G, but ${reason.reports} field reports say there is no signal.`;
    case 'goodTests':
      return `The model gives ${pct} of it 4G/5G, but ${reason.tests.toFixed(1)} weighted mobile tests average ${reason.downMbps.toFixed(1)} Mb/s down and ${reason.upMbps.toFixed(1)} up, at or above the 4G target of ${s.mobile4gTargetMbps} Mb/s.`;
  }
}

/**
 * The challenge list's rows in the order of `CHALLENGES_CSV_HEADER` (text from the user's files raw:
 * the CSV writer guards it), each with its reasons (`failing_tests`, `no_signal_reports`, `good_tests`)
 * and why in words.
 */
export function challengeRows(result: AnalysisResult, ids?: ReadonlySet<string>): Cell[][] {
  const m = result.measured;
  if (!m) return [];
  const byId = new Map(m.hamlets.map((h) => [h.id, h]));
  const s = result.summary.settings.measured;
  return m.challenges
    .filter((c) => !ids || ids.has(c.id))
    .map((c) => {
      const h = byId.get(c.id);
      const tests = c.reasons.find((x) => x.kind !== 'noSignalReports');
      return [
        c.id,
        c.name,
        c.commune,
        c.district,
        c.direction,
        c.reasons.map((x) => REASON_WORDS[x.kind]).join(';'),
        r(c.reasons[0]?.mbbShare ?? null, 4),
        r(tests && 'tests' in tests ? tests.tests : (h?.mobile.tests ?? null), 2),
        r(h?.mobile.downMbps ?? null, 2),
        r(h?.mobile.upMbps ?? null, 2),
        h?.reports.noSignal ?? 0,
        c.reasons.map((x) => challengeWhy(x, s)).join(' '),
      ];
    });
}

/** The reasons' words in files. */
export const REASON_WORDS: Record<ChallengeReason['kind'], string> = {
  failingTests: 'failing_tests',
  noSignalReports: 'no_signal_reports',
  goodTests: 'good_tests',
};

/**
 * The challenge list as one spreadsheet sheet for the XLSX writer: the columns of `challengesCsv`, with
 * `why` in the reader's words (`why` gives it for a challenge).
 * @example await workbookBlob([challengesSheet(result, 'Đối chiếu', (c) => reasonsInVietnamese(c))])
 */
export function challengesSheet(result: AnalysisResult, name: string, why: (c: Challenge) => string): Sheet {
  const challenges = new Map(result.measured?.challenges.map((c) => [c.id, c]));
  const rows = challengeRows(result).map((row) => {
    const c = challenges.get(String(row[0]));
    return [...row.slice(0, -1), c ? why(c) : row[row.length - 1]].map((value) => ({
      value: value ?? null,
    }));
  });
  return {
    name,
    rows: [CHALLENGES_CSV_HEADER.map((value) => ({ value, fontWeight: 'bold' as const })), ...rows],
    widths: [12, 22, 20, 20, 9, 28, 10, 12, 14, 14, 10, 80],
    frozenRows: 1,
  };
}
