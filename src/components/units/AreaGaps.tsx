import { useMemo, useState } from 'react';
import { GAP_MEASURES, rankAreasByGap, type GapMeasure } from '../../analysis/areaGaps.ts';
import type { Rollup } from '../../analysis/types.ts';
import { useFormat } from '../useFormat.ts';
import { useUnitsTranslation } from './i18n.ts';

type Costs = ReadonlyMap<string, { costVnd: number; hamlets: number }>;

/** The cost to bring one area to the 100 % targets: Σ recommended cost of its hamlets not served. */
export function AreaCost({ cost }: { cost: { costVnd: number; hamlets: number } | undefined }) {
  const { t } = useUnitsTranslation();
  const fmt = useFormat();
  return (
    <dl className="vt-kv" data-testid="area-cost">
      <dt>{t('gaps.costTitle')}</dt>
      <dd>
        {fmt.vnd(cost?.costVnd ?? 0)}
        <br />
        <span className="vt-muted">{t('gaps.costNote', { count: cost?.hamlets ?? 0 })}</span>
      </dd>
    </dl>
  );
}

/**
 * The sub-units of the shown area ranked by their gap (households without broadband, white or weak
 * households, unserved hamlets, or the cost to reach the targets); a click shows one and filters the list.
 */
export function AreaGaps({
  rollups,
  costs,
  what,
  selected,
  onPick,
}: {
  rollups: readonly Rollup[];
  costs: Costs;
  what: 'units' | 'districts' | 'communes';
  selected?: string;
  onPick(code: string): void;
}) {
  const { t } = useUnitsTranslation();
  const fmt = useFormat();
  const [by, setBy] = useState<GapMeasure>('gapHouseholds');
  const rows = useMemo(() => rankAreasByGap(rollups, costs, by), [rollups, costs, by]);
  if (rows.length === 0) return null;
  return (
    <section className="vt-area-gaps" data-testid="area-gaps">
      <h4>{t('gaps.title')}</h4>
      <label className="vt-field">
        <span>{t('gaps.by')}</span>
        <select value={by} onChange={(e) => setBy(e.target.value as GapMeasure)} data-testid="area-gaps-by">
          {GAP_MEASURES.map((m) => (
            <option key={m} value={m}>
              {t(`gaps.measures.${m}`)}
            </option>
          ))}
        </select>
      </label>
      <table className="vt-table vt-area-gaps__table">
        <caption className="vt-muted">
          {t('gaps.caption', {
            what: t(`gaps.subUnits.${what}`),
            by: t(`gaps.measures.${by}`).toLowerCase(),
          })}
        </caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t('gaps.name')}</th>
            <th scope="col">
              {by === 'whiteHouseholds' || by === 'weakHouseholds'
                ? t(`gaps.measures.${by}`)
                : t('gaps.households')}
            </th>
            <th scope="col">{t('gaps.unserved')}</th>
            <th scope="col">{t('gaps.cost')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={r.code} aria-current={r.code === selected ? 'true' : undefined}>
              <td>{i + 1}</td>
              <th scope="row">
                <button
                  type="button"
                  className="vt-link"
                  onClick={() => onPick(r.code)}
                  data-testid="area-gap-row"
                >
                  {r.name}
                </button>
              </th>
              <td className="vt-num">
                {by === 'whiteHouseholds'
                  ? fmt.integer(r.whiteHouseholds)
                  : by === 'weakHouseholds'
                    ? fmt.integer(r.weakHouseholds)
                    : fmt.integer(r.gapHouseholds)}
              </td>
              <td className="vt-num">{fmt.integer(r.unservedHamlets)}</td>
              <td className="vt-num">{fmt.vnd(r.costVnd)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
