import { useTranslation } from 'react-i18next';
import type { RankedHamlet, RankingWeights } from '../../analysis/types.ts';
import { SCORE_BAR } from '../../map/palette.ts';
import { useFormat } from '../useFormat.ts';

const CRITERIA: (keyof RankingWeights)[] = [
  'uncoveredHouseholds',
  'uncoveredShare',
  'facilities',
  'costPerHousehold',
];

/** Each criterion's weighted contribution against its weight (its maximum), so "why here" is visible. */
export function ScoreBreakdown({ ranked, weights }: { ranked: RankedHamlet; weights: RankingWeights }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <section aria-labelledby="vt-breakdown-title" className="vt-breakdown">
      <h4 id="vt-breakdown-title">{t('details.breakdownTitle')}</h4>
      <table className="vt-kv-table">
        <tbody>
          {CRITERIA.map((c) => {
            const value = ranked.breakdown[c];
            const max = weights[c] || 1;
            return (
              <tr key={c} data-criterion={c}>
                <th scope="row">{t(`criteria.${c}`)}</th>
                <td className="vt-breakdown__bar">
                  <ScoreBar fraction={value / max} />
                </td>
                <td className="vt-num">
                  {fmt.number(value, 3)} / {fmt.number(weights[c], 2)}
                </td>
              </tr>
            );
          })}
          <tr className="vt-breakdown__total">
            <th scope="row">{t('details.breakdownTotal')}</th>
            <td />
            <td className="vt-num" data-testid="score-total">
              {fmt.number(ranked.score, 3)}
            </td>
          </tr>
        </tbody>
      </table>
    </section>
  );
}

/** A criterion's share of its maximum as a bar (clamped to 0–1), in the score breakdown's colours. */
export function ScoreBar({ fraction }: { fraction: number }) {
  return (
    <svg viewBox="0 0 100 6" preserveAspectRatio="none" width="100%" height="10" aria-hidden="true">
      <rect x="0" y="0" width="100" height="6" fill={SCORE_BAR.track} />
      <rect x="0" y="0" width={Math.max(0, Math.min(1, fraction)) * 100} height="6" fill={SCORE_BAR.fill} />
    </svg>
  );
}
