import type { LensCriterion, LensRankedHamlet } from '../../analysis/lensRanking.ts';
import { LENS_PRESETS } from '../../analysis/lensRanking.ts';
import { ScoreBar } from '../panels/ScoreBreakdown.tsx';
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
  return (
    <section aria-labelledby="vt-lens-breakdown-title" className="vt-breakdown" data-testid="lens-breakdown">
      <h4 id="vt-lens-breakdown-title">{t('details.breakdown')}</h4>
      <table className="vt-kv-table">
        <tbody>
          {criteria.map((c) => {
            const part = row.breakdown[c];
            if (!part) return null;
            return (
              <tr key={c} data-criterion={c}>
                <th scope="row">
                  {t(`criteria.${c}`)}
                  <span className="vt-muted vt-breakdown__value">
                    {' '}
                    {valueText(c, part.value, fmt, t('details.noSite'))}
                  </span>
                </th>
                <td className="vt-breakdown__bar">
                  <ScoreBar fraction={part.norm} />
                </td>
                <td className="vt-num">
                  {fmt.number(part.points, 3)} / {fmt.number(part.weight, 2)}
                </td>
              </tr>
            );
          })}
          <tr className="vt-breakdown__total">
            <th scope="row">{t('details.total')}</th>
            <td />
            <td className="vt-num" data-testid="lens-score-total">
              {fmt.number(row.score, 3)}
            </td>
          </tr>
        </tbody>
      </table>
    </section>
  );
}
