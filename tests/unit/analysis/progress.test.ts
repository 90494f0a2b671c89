import { describe, expect, it } from 'vitest';
import { isVersionDate, progressTrend, targetsOf } from '../../../src/analysis/progress.ts';
import { DEFAULT_SETTINGS } from '../../../src/analysis/settings.ts';

const p = (date: string, share: number) => ({ date, share });

describe('progressTrend', () => {
  it('on course when the line through the last two versions reaches the target by December of its year', () => {
    // 60 % → 80 % in two years: +10 points a year, 100 % in December 2026.
    const t = progressTrend([p('2022-12', 0.6), p('2024-12', 0.8)], { share: 1, year: 2026 });
    expect(t.status).toBe('on-course');
    expect(t.due).toBe('2026-12');
    expect(t.perYear).toBeCloseTo(0.1, 12);
    expect(t.projected).toBeCloseTo(1, 12);
    expect(t.reachBy).toBe('2026-12');
  });

  it('behind when the line falls short; only the last two versions count', () => {
    // An early jump (20 % → 70 %) does not help: 70 % → 75 % over 18 months gives 85 % by December 2026.
    const t = progressTrend([p('2021-06', 0.2), p('2023-06', 0.7), p('2024-12', 0.75)], {
      share: 1,
      year: 2026,
    });
    expect(t.status).toBe('behind');
    expect(t.projected).toBeCloseTo(0.75 + (0.05 / 18) * 24, 12);
    // The remaining 25 points at 0.05 / 18 a month take 90 months: June 2032.
    expect(t.reachBy).toBe('2032-06');
  });

  it('a flat or falling share never reaches the target', () => {
    const t = progressTrend([p('2022-12', 0.9), p('2024-12', 0.85)], { share: 1, year: 2030 });
    expect(t).toMatchObject({ status: 'behind', reachBy: null });
    expect(t.projected).toBeCloseTo(0.85 - 0.025 * 6, 12);
  });

  it('reached, overdue and unknown', () => {
    expect(progressTrend([p('2022-12', 0.5), p('2024-12', 1)], { share: 1, year: 2025 }).status).toBe(
      'reached',
    );
    // The sample's dates against the national target: June 2026 is past December 2025.
    const overdue = progressTrend([p('2022-12', 0.8), p('2024-12', 0.9), p('2026-06', 0.95)], {
      share: 1,
      year: 2025,
    });
    expect(overdue).toMatchObject({ status: 'overdue', projected: null });
    // 90 % → 95 % over 18 months: the last 5 points take 18 more, to December 2027.
    expect(overdue.reachBy).toBe('2027-12');
    expect(progressTrend([p('2024-12', 0.5)], { share: 1, year: 2030 }).status).toBe('unknown');
    expect(progressTrend([], { share: 1, year: 2030 }).status).toBe('unknown');
  });

  it('the default targets are the national ones; version dates are months', () => {
    expect(targetsOf(DEFAULT_SETTINGS.targets)).toEqual({
      fibre: { share: 1, year: 2025 },
      mbb: { share: 1, year: 2025 },
    });
    expect(['2024-12', '1990-01', '2100-12'].every(isVersionDate)).toBe(true);
    expect(['2024-13', '2024-1', '1989-12', '2024-12-01', 202412].some(isVersionDate)).toBe(false);
  });
});
