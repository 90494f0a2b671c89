import type { ReactNode } from 'react';
import { SCORE_BAR } from '../../map/palette.ts';
import { useFormat } from '../useFormat.ts';

/** One criterion's row: its label, its points against its weight (its maximum) and the bar's share. */
export interface BreakdownPart {
  criterion: string;
  label: ReactNode;
  points: number;
  weight: number;
  /** The bar's length, 0–1 (clamped). */
  fraction: number;
}

/**
 * Why a hamlet scores what it does: a row per criterion (label, bar, points / weight) and the total.
 * The hamlet's details and the lens ranking's details both show their score this way.
 */
export function BreakdownTable({
  id,
  title,
  parts,
  totalLabel,
  total,
  totalTestId,
  testId,
}: {
  /** The heading's id, which labels the section. */
  id: string;
  title: string;
  parts: BreakdownPart[];
  totalLabel: string;
  total: number;
  totalTestId: string;
  testId?: string;
}) {
  const fmt = useFormat();
  return (
    <section aria-labelledby={id} className="vt-breakdown" data-testid={testId}>
      <h4 id={id}>{title}</h4>
      <table className="vt-kv-table">
        <tbody>
          {parts.map((p) => (
            <tr key={p.criterion} data-criterion={p.criterion}>
              <th scope="row">{p.label}</th>
              <td className="vt-breakdown__bar">
                <ScoreBar fraction={p.fraction} />
              </td>
              <td className="vt-num">
                {fmt.number(p.points, 3)} / {fmt.number(p.weight, 2)}
              </td>
            </tr>
          ))}
          <tr className="vt-breakdown__total">
            <th scope="row">{totalLabel}</th>
            <td />
            <td className="vt-num" data-testid={totalTestId}>
              {fmt.number(total, 3)}
            </td>
          </tr>
        </tbody>
      </table>
    </section>
  );
}

/** A criterion's share of its maximum as a bar (clamped to 0–1), in the score breakdown's colours. */
function ScoreBar({ fraction }: { fraction: number }) {
  return (
    <svg viewBox="0 0 100 6" preserveAspectRatio="none" width="100%" height="10" aria-hidden="true">
      <rect x="0" y="0" width="100" height="6" fill={SCORE_BAR.track} />
      <rect x="0" y="0" width={Math.max(0, Math.min(1, fraction)) * 100} height="6" fill={SCORE_BAR.fill} />
    </svg>
  );
}
