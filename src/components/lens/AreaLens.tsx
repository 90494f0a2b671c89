import { useTranslation } from 'react-i18next';
import { rollupLens } from '../../analysis/operatorLens.ts';
import type { Rollup } from '../../analysis/types.ts';
import { MARKET_COLOURS, MARKET_ORDER } from '../../map/palette.ts';
import { activeLens } from '../../store/lens.ts';
import { useApp } from '../../store/store.ts';
import { useFormat } from '../useFormat.ts';
import { useLensTranslation } from './i18n.ts';
import { OperatorSharesTable } from './OperatorSharesTable.tsx';

/**
 * A roll-up under the operator lens. All operators: households by how many operators give 4G/5G, and each
 * operator's households. One operator: its 4G/5G and fibre households and its gap, split into
 * competitor-only (a commercial target) and no operator (a public-fund target).
 */
export function AreaLens({ rollup }: { rollup: Rollup }) {
  const { t } = useLensTranslation();
  const { t: tApp } = useTranslation();
  const fmt = useFormat();
  const operator = useApp((s) => activeLens(s).operator);
  const share = (n: number) => fmt.percent(rollup.households > 0 ? n / rollup.households : 0);
  if (operator !== null) {
    const l = rollupLens(rollup, operator);
    return (
      <section className="vt-lens-area" aria-labelledby="vt-lens-area-title" data-testid="area-lens">
        <h4 id="vt-lens-area-title">{t('area.heading', { name: rollup.name })}</h4>
        <dl className="vt-kv">
          <dt>{t('area.own', { operator })}</dt>
          <dd>
            {fmt.integer(l.mbbHouseholds)} ({fmt.percent(l.mbbShare)})
          </dd>
          <dt>{t('area.fibre', { operator })}</dt>
          <dd>
            {fmt.integer(l.fibreHouseholds)} ({fmt.percent(l.fibreShare)})
          </dd>
          <dt>{t('area.gap', { operator })}</dt>
          <dd data-testid="area-lens-gap">
            {fmt.integer(l.gapHouseholds)} ({share(l.gapHouseholds)})
          </dd>
          <dt className="vt-kv__sub">{t('area.competitorOnly')}</dt>
          <dd>{fmt.integer(l.competitorOnlyHouseholds)}</dd>
          <dt className="vt-kv__sub">{t('area.white')}</dt>
          <dd>{fmt.integer(l.whiteHouseholds)}</dd>
        </dl>
      </section>
    );
  }
  return (
    <section className="vt-lens-area" aria-labelledby="vt-lens-area-title" data-testid="area-lens">
      <h4 id="vt-lens-area-title">{t('area.market')}</h4>
      <ul className="vt-list">
        {MARKET_ORDER.map((c, i) => (
          <li key={c} data-market={c}>
            <span
              className="vt-dot vt-dot--outlined"
              style={{ background: MARKET_COLOURS[c] }}
              aria-hidden="true"
            />
            {tApp(`market.${c}`)}: {fmt.integer(rollup.marketHouseholds[i] ?? 0)} (
            {share(rollup.marketHouseholds[i] ?? 0)}) · {fmt.integer(rollup.hamletsByMarketClass[c])}{' '}
            {tApp('area.hamlets').toLowerCase()}
          </li>
        ))}
      </ul>
      {rollup.operators.length > 0 && (
        <OperatorSharesTable
          rows={rollup.operators}
          className="vt-lens-area__operators"
          caption={t('area.byOperator')}
          extra={{ header: t('area.hamletsWithMbb'), cell: (o) => fmt.integer(o.hamletsWithMbb) }}
        />
      )}
    </section>
  );
}
