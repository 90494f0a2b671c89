import type { LensCriterion, LensRankedHamlet } from '../../analysis/lensRanking.ts';
import { LENS_PRESETS } from '../../analysis/lensRanking.ts';
import { BreakdownTable, type BreakdownPart } from '../panels/BreakdownTable.tsx';
import { useFormat } from '../useFormat.ts';
import { useLensTranslation } from './i18n.ts';

/** A criterion's raw value as a reader would say it: households, a share, a count or a distance. */
function valueText(c: LensCriterion, v: number | null, fmt: ReturnType<typeof useFormat>, noSite: string) {
  if (v === null) return noSite;
  if (c === 'competitorShareOfGap') return fmt.percent(v);
  if (c === 'remotenessM') return fmt.distance(v);
  return fmt.integer(v);
}

/**
 * Why a hamlet ranks where it does under a lens preset: each criterion's value, its points against its
 * weight (the bar), and the total score.
 */
export function LensBreakdown({ row, preset }: { row: LensRankedHamlet; preset: keyof typeof LENS_PRESETS }) {
  const { t } = useLensTranslation();
  const fmt = useFormat();
  const criteria = Object.keys(LENS_PRESETS[preset].weights) as LensCriterion[];
  const parts: BreakdownPart[] = [];
  for (const c of criteria) {
    const part = row.breakdown[c];
    if (!part) continue;
    parts.push({
      criterion: c,
      label: (
        <>
          {t(`criteria.${c}`)}
          <span className="vt-muted vt-breakdown__value">
            {' '}
            {valueText(c, part.value, fmt, t('details.noSite'))}
          </span>
        </>
      ),
      points: part.points,
      weight: part.weight,
      fraction: part.norm,
    });
  }
  return (
    <BreakdownTable
      id="vt-lens-breakdown-title"
      title={t('details.breakdown')}
      parts={parts}
      totalLabel={t('details.total')}
      total={row.score}
      totalTestId="lens-score-total"
      testId="lens-breakdown"
    />
  );
}
