import { useTranslation } from 'react-i18next';
import type { RankedHamlet, RankingWeights } from '../../analysis/types.ts';
import { BreakdownTable } from './BreakdownTable.tsx';

const CRITERIA: (keyof RankingWeights)[] = [
  'uncoveredHouseholds',
  'uncoveredShare',
  'facilities',
  'costPerHousehold',
];

/** Each criterion's weighted contribution against its weight (its maximum), so "why here" is visible. */
export function ScoreBreakdown({ ranked, weights }: { ranked: RankedHamlet; weights: RankingWeights }) {
  const { t } = useTranslation();
  return (
    <BreakdownTable
      id="vt-breakdown-title"
      title={t('details.breakdownTitle')}
      parts={CRITERIA.map((c) => ({
        criterion: c,
        label: t(`criteria.${c}`),
        points: ranked.breakdown[c],
        weight: weights[c],
        fraction: ranked.breakdown[c] / (weights[c] || 1),
      }))}
      totalLabel={t('details.breakdownTotal')}
      total={ranked.score}
      totalTestId="score-total"
    />
  );
}
