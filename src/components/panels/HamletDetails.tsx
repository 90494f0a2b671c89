import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { STATUS_COLOURS } from '../../map/palette.ts';
import { effectiveSettings, useApp } from '../../store/store.ts';
import { useScenario } from '../scenario/useScenario.ts';
import { useFormat } from '../useFormat.ts';
import { MeasuredDetails } from '../measured/MeasuredDetails.tsx';
import { ClassBar } from './ClassBar.tsx';
import { ScoreBreakdown } from './ScoreBreakdown.tsx';
import { HamletLensDetails } from '../lens/HamletLensDetails.tsx';

/** Everything about the selected hamlet: measures, why it ranks where it does, what to build and for how much. */
export function HamletDetails() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { id, coverage, ranked, weights, selectHamlet, setArea, ahead } = useApp(
    useShallow((s) => ({
      id: s.selectedHamletId,
      coverage: s.selectedHamletId ? s.coverageById.get(s.selectedHamletId) : undefined,
      ranked: s.selectedHamletId ? s.rankingById.get(s.selectedHamletId) : undefined,
      weights: effectiveSettings(s).weights,
      selectHamlet: s.selectHamlet,
      setArea: s.setArea,
      ahead: s.listAhead !== null,
    })),
  );
  // Sites switched off in the what-if scenario: until the scenario's result is in, the hamlet may still
  // name one as its nearest site, which it no longer is.
  const edits = useScenario((s) => s.edits);
  // After a reload the list may show before its result is read: the details follow it.
  if (id && !coverage && ahead) {
    return (
      <p className="vt-empty" role="status" data-testid="details-loading">
        {t('details.loading')}
      </p>
    );
  }
  if (!id || !coverage) return <p className="vt-empty">{t('details.none')}</p>;
  const h = coverage;
  const distance = (m: number | null, ref: string | null) =>
    m === null
      ? t('details.noneFound')
      : t('details.distance', { distance: fmt.distance(m), id: ref ?? '?' });
  const siteOff = edits.some((e) => e.kind === 'site-off' && e.siteId === h.nearestMbbSiteId);
  return (
    <article
      className="vt-details"
      id="vt-details"
      tabIndex={-1}
      aria-labelledby="vt-details-title"
      data-testid="hamlet-details"
    >
      <header className="vt-details__head">
        <div>
          <h3 id="vt-details-title">{h.name}</h3>
          <p className="vt-muted">
            <button
              type="button"
              className="vt-link"
              onClick={() => setArea({ level: 'commune', code: h.commune_code })}
            >
              {h.commune}
            </button>
            {', '}
            <button
              type="button"
              className="vt-link"
              onClick={() => setArea({ level: 'district', code: h.district_code })}
            >
              {h.district}
            </button>
          </p>
        </div>
        <button
          type="button"
          className="vt-icon-button"
          onClick={() => selectHamlet(null, 'app')}
          aria-label={t('details.close')}
        >
          ×
        </button>
      </header>
      <p className="vt-details__rank">
        <span className="vt-chip" style={{ borderColor: STATUS_COLOURS[h.status] }}>
          <span className="vt-dot" style={{ background: STATUS_COLOURS[h.status] }} aria-hidden="true" />
          {t(`status.${h.status}`)}
        </span>{' '}
        {ranked
          ? t('details.rank', { rank: fmt.integer(ranked.rank), tier: t(`tier.${ranked.tier}`) })
          : t('details.notRanked')}
      </p>
      <dl className="vt-kv">
        <dt>{t('details.households')}</dt>
        <dd>
          {fmt.integer(h.households)}{' '}
          <span className="vt-muted">
            (
            {t(
              h.householdMethod === 'points'
                ? 'details.householdMethodPoints'
                : 'details.householdMethodArea',
            )}
            )
          </span>
        </dd>
        <dt>{t('details.area')}</dt>
        <dd>{fmt.area(h.areaM2)}</dd>
        <dt>{t('details.broadband')}</dt>
        <dd>{fmt.percent(h.broadbandShare)}</dd>
        <dt>{t('details.fibre')}</dt>
        <dd>{fmt.percent(h.fibreShare)}</dd>
        <dt>{t('details.mbb')}</dt>
        <dd>{fmt.percent(h.mbbShare)}</dd>
        <dt>{t('details.uncovered')}</dt>
        <dd>
          {fmt.integer(h.uncoveredHouseholds)} ({fmt.percent(h.uncoveredShare)})
        </dd>
        <dt>{t('details.nearestAccessFibre')}</dt>
        <dd data-testid="nearest-access-fibre">
          {distance(h.distanceToAccessFibreM, h.nearestAccessFibreId)}
        </dd>
        <dt>{t('details.nearestBackbone')}</dt>
        <dd data-testid="nearest-backbone">{distance(h.distanceToBackboneM, h.nearestBackboneId)}</dd>
        <dt>{t('details.nearestSite')}</dt>
        <dd data-testid="nearest-site">
          {siteOff ? t('details.recomputing') : distance(h.distanceToMbbSiteM, h.nearestMbbSiteId)}
        </dd>
      </dl>
      <h4>{t('details.classTitle')}</h4>
      <ClassBar households={h.classHouseholds} />
      <HamletLensDetails h={h} />
      <MeasuredDetails id={h.id} />
      {ranked && (
        <>
          <ScoreBreakdown ranked={ranked} weights={weights} />
          <h4>{t('details.recommendation')}</h4>
          <dl className="vt-kv">
            <dt>{t('details.recommendedTech')}</dt>
            <dd data-testid="recommended-tech">{t(`tech.${ranked.recommendedTech}`)}</dd>
            <dt>{t('details.cost')}</dt>
            <dd>{fmt.vnd(ranked.costVnd)}</dd>
            <dt>{t('details.costPerHousehold')}</dt>
            <dd>{ranked.costPerHouseholdVnd === null ? '—' : fmt.vnd(ranked.costPerHouseholdVnd)}</dd>
            <dt>{t('details.fibreOption')}</dt>
            <dd>{ranked.fibreCostVnd === null ? '—' : fmt.vnd(ranked.fibreCostVnd)}</dd>
            <dt>{t('details.siteOption')}</dt>
            <dd>{fmt.vnd(ranked.siteCostVnd)}</dd>
          </dl>
        </>
      )}
      <h4>{t('details.facilities')}</h4>
      {h.facilitiesInGap.length === 0 ? (
        <p className="vt-muted">{t('details.noFacilities')}</p>
      ) : (
        <ul className="vt-list">
          {h.facilitiesInGap.map((f) => (
            <li key={f.id}>
              {f.name || f.id} — {t(`facilityKind.${f.kind}`, { defaultValue: f.kind })},{' '}
              {t(f.class === 'white' ? 'details.zoneWhite' : 'details.zoneWeak')}
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
