import { useShallow } from 'zustand/react/shallow';
import { LENS_PRESETS, type LensCriterion } from '../../analysis/lensRanking.ts';
import { activeLens } from '../../store/lens.ts';
import { effectiveSettings, useApp } from '../../store/store.ts';
import type { LensRanking } from '../../store/viewState.ts';
import { useFormat } from '../useFormat.ts';
import { useLensTranslation } from './i18n.ts';

const RANKINGS: LensRanking[] = ['pooled', 'operator-commercial', 'public-fund'];

/** Each lens preset's criteria with their weights scaled to sum 1, as `rankLens` uses them. */
export function presetCriteria(
  preset: Exclude<LensRanking, 'pooled'>,
): { c: LensCriterion; weight: number }[] {
  const w = LENS_PRESETS[preset].weights as Partial<Record<LensCriterion, number>>;
  const sum = Object.values(w).reduce((s, x) => s + (x ?? 0), 0);
  return (Object.keys(w) as LensCriterion[]).map((c) => ({ c, weight: sum > 0 ? (w[c] ?? 0) / sum : 0 }));
}

/**
 * How the list is ranked: the general settings, "Nhà mạng — thương mại" (the lens operator's gap) or "Quỹ
 * dịch vụ viễn thông công ích" (only hamlets no operator serves), with what each criterion counts.
 */
export function LensRankingField() {
  const { t } = useLensTranslation();
  const fmt = useFormat();
  const { ranking, operator, setLensRanking, thresholds } = useApp(
    useShallow((s) => ({
      ranking: s.lens.ranking,
      operator: activeLens(s).operator,
      setLensRanking: s.setLensRanking,
      thresholds: effectiveSettings(s).thresholds,
    })),
  );
  // A ranking by an operator's gap without an operator (a link's operator not in the data) ranks as pooled.
  const shown = ranking === 'operator-commercial' && operator === null ? 'pooled' : ranking;
  return (
    <fieldset className="vt-fieldset vt-lens__ranking" data-testid="lens-ranking">
      <legend>{t('ranking.label')}</legend>
      {RANKINGS.map((r) => (
        <label key={r} className="vt-check">
          <input
            type="radio"
            name="vt-lens-ranking"
            value={r}
            checked={shown === r}
            disabled={r === 'operator-commercial' && operator === null}
            onChange={() => setLensRanking(r)}
            data-ranking={r}
          />
          {t(`ranking.${r}`)}
        </label>
      ))}
      {operator === null && <p className="vt-note">{t('ranking.needsOperator')}</p>}
      <p className="vt-note" data-testid="lens-ranking-about">
        {t(`ranking.about.${shown}`, {
          operator,
          served: fmt.percent(thresholds.served),
          noMbb: fmt.percent(thresholds.noMbb),
        })}
      </p>
      {shown !== 'pooled' && (
        <dl className="vt-lens__criteria">
          {presetCriteria(shown).map(({ c, weight }) => (
            <div key={c} data-criterion={c}>
              <dt>
                {t(`criteria.${c}`)}{' '}
                <span className="vt-muted">({t('ranking.weight', { weight: fmt.number(weight, 2) })})</span>
              </dt>
              <dd>{t(`criteriaHelp.${c}`)}</dd>
            </div>
          ))}
        </dl>
      )}
    </fieldset>
  );
}
