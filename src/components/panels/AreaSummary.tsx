import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { costByArea } from '../../analysis/areaGaps.ts';
import type { Rollup, Summary } from '../../analysis/types.ts';
import { STATUS_COLOURS, STATUS_ORDER } from '../../map/palette.ts';
import { useApp } from '../../store/store.ts';
import { activeUnitSystem, unitsProvince } from '../../store/units.ts';
import { AreaCost, AreaGaps } from '../units/AreaGaps.tsx';
import { useUnitsTranslation } from '../units/i18n.ts';
import { UnitSystemSwitch } from '../units/UnitSystemSwitch.tsx';
import { useFormat } from '../useFormat.ts';
import { CoverageChart } from './CoverageChart.tsx';
import { PlanTag } from '../plan/PlanTag.tsx';

const collator = new Intl.Collator('vi');
const byName = (a: Rollup, b: Rollup) => collator.compare(a.name, b.name);

/**
 * Roll-up of the chosen area against the 100 % targets, in the chosen unit system (province › commune/ward
 * since 1 July 2025, or province › district › commune), with its sub-units ranked by gap.
 */
export function AreaSummary() {
  const system = useApp(activeUnitSystem);
  return (
    <>
      <UnitSystemSwitch />
      {system === 'units' ? <UnitAreaSummary /> : <DistrictAreaSummary />}
    </>
  );
}

/** Province › commune/ward: the units layer, each hamlet in the unit holding most of its area. */
function UnitAreaSummary() {
  const { t } = useTranslation();
  const { t: tu, i18n } = useUnitsTranslation();
  const { area, setArea, summary, ranking, unitOf, admin } = useApp(
    useShallow((s) => ({
      area: s.area,
      setArea: s.setArea,
      summary: s.unitSummary,
      ranking: s.result?.ranking,
      unitOf: s.unitOf,
      admin: s.admin,
    })),
  );
  const costs = useMemo(
    () => costByArea(ranking ?? [], (id) => unitOf.get(id)?.code || UNKNOWN),
    [ranking, unitOf],
  );
  if (!summary) return <p className="vt-empty">{t('ranking.waiting')}</p>;
  const units = summary.units ?? [];
  const unit = area.level === 'unit' ? units.find((u) => u.code === area.code) : undefined;
  const p = unitsProvince(admin);
  const former = p?.formerArea
    ? i18n.language === 'vi'
      ? p.formerArea.charAt(0).toLocaleLowerCase('vi') + p.formerArea.slice(1)
      : p.formerArea
    : null;
  const provinceName = former
    ? tu('provinceOnFormerArea', { province: summary.province.name, former })
    : summary.province.name;
  const province = { ...summary.province, name: provinceName };
  const rollup = unit ?? province;
  const toProvince = () => setArea({ level: 'province', code: summary.province.code });
  let total = { costVnd: 0, hamlets: 0 };
  for (const c of costs.values())
    total = { costVnd: total.costVnd + c.costVnd, hamlets: total.hamlets + c.hamlets };
  return (
    <section className="vt-area" aria-labelledby="vt-area-title" data-testid="area-summary">
      <nav aria-label={t('area.breadcrumb')} className="vt-breadcrumb" data-testid="area-breadcrumb">
        <button type="button" className="vt-link" onClick={toProvince}>
          {provinceName}
        </button>
        <span aria-hidden="true"> › </span>
        <select
          aria-label={tu('pickUnit')}
          value={unit?.code ?? ''}
          onChange={(e) => (e.target.value ? setArea({ level: 'unit', code: e.target.value }) : toProvince())}
          data-testid="area-pick-unit"
        >
          <option value="">{tu('pickUnit')}</option>
          {[...units].sort(byName).map((u) => (
            <option key={u.code} value={u.code}>
              {u.code === UNKNOWN ? tu('unknown') : u.name}
            </option>
          ))}
        </select>
      </nav>
      <PickOnMap hint={tu('mapHint')} />
      <RollupFigures rollup={rollup} method={summary.householdMethod} />
      <AreaCost cost={unit ? costs.get(unit.code) : total} />
      {!unit && (
        <AreaGaps
          rollups={units}
          costs={costs}
          what="units"
          onPick={(code) => setArea({ level: 'unit', code })}
        />
      )}
    </section>
  );
}

/** A roll-up's code for hamlets in no unit (`computeUnitSummary`). */
const UNKNOWN = '(unknown)';

/** The "pick on the map" toggle and its hint. */
function PickOnMap({ hint }: { hint?: string }) {
  const { t } = useTranslation();
  const { pickAreas, setPickAreas } = useApp(
    useShallow((s) => ({ pickAreas: s.pickAreas, setPickAreas: s.setPickAreas })),
  );
  return (
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
      {pickAreas && <span data-testid="area-map-hint">{hint ?? t('area.mapHint')}</span>}
    </p>
  );
}

/** Province › district › commune of 2020–2024, by the codes the hamlets carry. */
function DistrictAreaSummary() {
  const { t } = useTranslation();
  const { area, setArea, summary, rows, ranking, coverageById, provinceName } = useApp(
    useShallow((s) => ({
      area: s.area,
      setArea: s.setArea,
      summary: s.result?.summary,
      rows: s.rows,
      ranking: s.result?.ranking,
      coverageById: s.coverageById,
      provinceName: s.admin.province?.features[0]?.properties.name,
    })),
  );
  // A commune's district comes from its hamlets: roll-ups do not carry parent codes.
  const parentOf = useMemo(() => new Map(rows.map((r) => [r.communeCode, r.districtCode])), [rows]);
  const costs = useMemo(() => {
    const district = costByArea(ranking ?? [], (id) => coverageById.get(id)?.district_code);
    const commune = costByArea(ranking ?? [], (id) => coverageById.get(id)?.commune_code);
    let all = { costVnd: 0, hamlets: 0 };
    for (const c of district.values())
      all = { costVnd: all.costVnd + c.costVnd, hamlets: all.hamlets + c.hamlets };
    return { district, commune, all };
  }, [ranking, coverageById]);
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
      <nav aria-label={t('area.breadcrumb')} className="vt-breadcrumb" data-testid="area-breadcrumb">
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
      <PickOnMap />
      <RollupFigures rollup={rollup} method={summary.householdMethod} />
      <AreaCost
        cost={
          commune ? costs.commune.get(commune.code) : district ? costs.district.get(district.code) : costs.all
        }
      />
      {!commune && (
        <AreaGaps
          rollups={district ? communes : summary.districts}
          costs={district ? costs.commune : costs.district}
          what={district ? 'communes' : 'districts'}
          onPick={(code) => setArea({ level: district ? 'commune' : 'district', code })}
        />
      )}
    </section>
  );
}

/** The figures of one roll-up: households, coverage chart, progress to the targets, statuses. */
function RollupFigures({ rollup, method }: { rollup: Rollup; method: Summary['householdMethod'] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <>
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
      <p className="vt-muted">{t('area.method', { method: t(`area.methods.${method}`) })}</p>
    </>
  );
}
