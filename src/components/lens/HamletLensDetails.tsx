import { useShallow } from 'zustand/react/shallow';
import { hamletLens, operatorRows } from '../../analysis/operatorLens.ts';
import type { HamletCoverage } from '../../analysis/types.ts';
import { MARKET_COLOURS } from '../../map/palette.ts';
import { activeLens } from '../../store/lens.ts';
import { useApp } from '../../store/store.ts';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../useFormat.ts';
import { useLensTranslation } from './i18n.ts';
import { LensBreakdown } from './LensBreakdown.tsx';
import { OperatorSharesTable } from './OperatorSharesTable.tsx';

/**
 * A hamlet under the operator lens. All operators: how many give 4G/5G where (white / grey / black) and
 * each operator's 4G/5G and fibre. One operator: its coverage and its gap, split into competitor-only and
 * no operator. Under a lens ranking: the hamlet's rank and why.
 */
export function HamletLensDetails({ h }: { h: HamletCoverage }) {
  const { t } = useLensTranslation();
  const { t: tApp } = useTranslation();
  const fmt = useFormat();
  const lens = useApp(useShallow((s) => activeLens(s)));
  const op = lens.operator;
  const ranked = lens.ranking?.byId.get(h.id);
  const preset = lens.ranking ? t(`ranking.${lens.ranking.preset}`) : '';
  const [white, grey, black] = h.market.shares;
  return (
    <section className="vt-lens-details" aria-labelledby="vt-lens-details-title" data-testid="hamlet-lens">
      <h4 id="vt-lens-details-title">
        {op === null ? t('details.headingAll') : t('details.heading', { operator: op })}
      </h4>
      {lens.ranking && (
        <p data-testid="lens-rank">
          {ranked
            ? t('details.rank', { rank: fmt.integer(ranked.rank), preset })
            : t('details.notRanked', { preset })}
        </p>
      )}
      {op === null ? (
        <>
          <p>
            <span className="vt-chip">
              <span
                className="vt-dot vt-dot--outlined"
                style={{ background: MARKET_COLOURS[h.market.class] }}
                aria-hidden="true"
              />
              {tApp(`market.${h.market.class}`)}
            </span>{' '}
            <span className="vt-muted">
              {t('details.shares', {
                white: fmt.percent(white),
                grey: fmt.percent(grey),
                black: fmt.percent(black),
              })}
            </span>
          </p>
          {h.operators.names.length === 0 ? (
            <p className="vt-muted">{t('details.noOperator')}</p>
          ) : (
            <OperatorSharesTable rows={operatorRows(h)} className="vt-lens-details__operators" />
          )}
        </>
      ) : (
        <OperatorFigures h={h} operator={op} />
      )}
      {ranked && lens.ranking && <LensBreakdown row={ranked} preset={lens.ranking.preset} />}
    </section>
  );
}

function OperatorFigures({ h, operator }: { h: HamletCoverage; operator: string }) {
  const { t } = useLensTranslation();
  const fmt = useFormat();
  const l = hamletLens(h, operator);
  return (
    <dl className="vt-kv" data-testid="hamlet-lens-figures">
      <dt>{t('details.own', { operator })}</dt>
      <dd>
        {fmt.percent(l.mbbShare)} ({fmt.integer(l.mbbHouseholds)})
      </dd>
      <dt>{t('details.gap', { operator })}</dt>
      <dd data-testid="lens-gap">{fmt.integer(l.gapHouseholds)}</dd>
      <dt className="vt-kv__sub">{t('details.competitorOnly')}</dt>
      <dd>{fmt.integer(l.competitorOnlyHouseholds)}</dd>
      <dt className="vt-kv__sub">{t('details.white')}</dt>
      <dd>{fmt.integer(l.whiteHouseholds)}</dd>
      <dt>{t('details.competitors')}</dt>
      <dd>{fmt.integer(l.competitors)}</dd>
    </dl>
  );
}
