import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { Rollup } from '../../analysis/types.ts';
import { STATUS_COLOURS, STATUS_ORDER } from '../../map/palette.ts';
import { useApp } from '../../store/store.ts';
import { useFormat } from '../useFormat.ts';
import { CoverageChart } from './CoverageChart.tsx';
import { PlanTag } from '../plan/PlanTag.tsx';

const collator = new Intl.Collator('vi');
const byName = (a: Rollup, b: Rollup) => collator.compare(a.name, b.name);

/** Roll-up of the chosen area (province › district › commune) against the 100 % targets. */
export function AreaSummary() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { area, setArea, summary, rows, provinceName, pickAreas, setPickAreas } = useApp(
    useShallow((s) => ({
      area: s.area,
      setArea: s.setArea,
      pickAreas: s.pickAreas,
      setPickAreas: s.setPickAreas,
      summary: s.result?.summary,
      rows: s.rows,
      provinceName: s.admin.province?.features[0]?.properties.name,
    })),
  );
  // A commune's district comes from its hamlets: roll-ups do not carry parent codes.
  const parentOf = useMemo(() => new Map(rows.map((r) => [r.communeCode, r.districtCode])), [rows]);
  if (!summary) return <p className="vt-empty">{t('ranking.waiting')}</p>;
  const district =
    area.level === 'district'
      ? summary.districts.find((d) => d.code === area.code)
      : area.level === 'commune'
        ? summary.districts.find((d) => d.code === parentOf.get(area.code))
        : undefined;
  const commune = area.level === 'commune' ? summary.communes.find((c) => c.code === area.code) : undefined;
  // The engine does not know the province's name; the boundary file does.
  const province = { ...summary.province, name: provinceName ?? t('area.province') };
  const rollup = commune ?? district ?? province;
  const communes = district
    ? summary.communes.filter((c) => parentOf.get(c.code) === district.code).sort(byName)
    : [];
  return (
    <section className="vt-area" aria-labelledby="vt-area-title" data-testid="area-summary">
      <nav aria-label={t('area.breadcrumb')} className="vt-breadcrumb">
        <button
          type="button"
          className="vt-link"
          onClick={() => setArea({ level: 'province', code: summary.province.code })}
        >
          {province.name}
        </button>
        <span aria-hidden="true"> › </span>
        <select
          aria-label={t('area.pickDistrict')}
          value={district?.code ?? ''}
          onChange={(e) =>
            setArea(
              e.target.value
                ? { level: 'district', code: e.target.value }
                : { level: 'province', code: summary.province.code },
            )
          }
        >
          <option value="">{t('area.pickDistrict')}</option>
          {[...summary.districts].sort(byName).map((d) => (
            <option key={d.code} value={d.code}>
              {d.name}
            </option>
          ))}
        </select>
        {district && (
          <>
            <span aria-hidden="true"> › </span>
            <select
              aria-label={t('area.pickCommune')}
              value={commune?.code ?? ''}
              onChange={(e) =>
                setArea(
                  e.target.value
                    ? { level: 'commune', code: e.target.value }
                    : { level: 'district', code: district.code },
                )
              }
            >
              <option value="">{t('area.pickCommune')}</option>
              {communes.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </select>
          </>
        )}
      </nav>
      <p className="vt-muted">
        <button
          type="button"
          // Filled while picking is on, outlined while off: the pressed state must show, not only be announced.
          className={pickAreas ? 'vt-button' : 'vt-button vt-button--quiet'}
          aria-pressed={pickAreas}
          data-testid="area-pick-on-map"
          onClick={() => setPickAreas(!pickAreas)}
        >
          {t('area.pickOnMap')}
        </button>{' '}
        {pickAreas && <span data-testid="area-map-hint">{t('area.mapHint')}</span>}
      </p>
      <div className="vt-plan-titled">
        <h3 id="vt-area-title">{rollup.name}</h3>
        <PlanTag testId="area-plan" />
      </div>
      <dl className="vt-kv">
        <dt>{t('area.hamlets')}</dt>
        <dd data-testid="area-hamlets">{fmt.integer(rollup.hamlets)}</dd>
        <dt>{t('area.households')}</dt>
        <dd>{fmt.integer(rollup.households)}</dd>
      </dl>
      <h4>{t('area.householdShare')}</h4>
      <CoverageChart
        rollup={rollup}
        fmt={fmt}
        labels={{
          title: t('area.chartLabel', { name: rollup.name }),
          fibre: t('area.byFibre'),
          mbb: t('area.byMbb'),
          either: t('area.byEither'),
          target: t('area.target'),
        }}
      />
      <h4>{t('area.hamletProgress')}</h4>
      <dl className="vt-kv">
        <dt>{t('area.hamletsWithFibre')}</dt>
        <dd>
          {fmt.integer(rollup.hamlets - rollup.hamletsNoFibre)} / {fmt.integer(rollup.hamlets)} (
          {fmt.percent(rollup.targetFibreProgress)})
        </dd>
        <dt>{t('area.hamletsWithMbb')}</dt>
        <dd>
          {fmt.integer(rollup.hamlets - rollup.hamletsNoMbb)} / {fmt.integer(rollup.hamlets)} (
          {fmt.percent(rollup.targetMbbProgress)})
        </dd>
        <dt>{t('area.whiteArea')}</dt>
        <dd>{fmt.area(rollup.whiteAreaM2)}</dd>
        <dt>{t('area.weakArea')}</dt>
        <dd>{fmt.area(rollup.weakAreaM2)}</dd>
      </dl>
      <h4>{t('area.statusCounts')}</h4>
      <ul className="vt-list vt-list--inline">
        {STATUS_ORDER.map((s) => (
          <li key={s}>
            <span className="vt-dot" style={{ background: STATUS_COLOURS[s] }} aria-hidden="true" />
            {t(`status.${s}`)}: {fmt.integer(rollup.hamletsByStatus[s])}
          </li>
        ))}
      </ul>
      <p className="vt-muted">{t('area.method', { method: t(`area.methods.${summary.householdMethod}`) })}</p>
    </section>
  );
}
