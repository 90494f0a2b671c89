import { useTranslation } from 'react-i18next';
import type { ScenarioDelta } from '../../analysis/scenarioTypes.ts';
import { SCENARIO_WORKER_FAILED, scenarioControl } from '../../store/scenario/scenarioController.ts';
import { useFormat } from '../useFormat.ts';
import { useScenarioTranslation } from './i18n.ts';
import { useScenario } from './useScenario.ts';

/** The measures of a delta, as a definition list; shared by the live panel and the compare table. */
export function deltaMeasures(
  d: ScenarioDelta,
  f: ReturnType<typeof useFormat>,
): { key: string; value: string }[] {
  return [
    { key: 'newBroadband', value: f.integer(d.newBroadbandHouseholds) },
    { key: 'newFibre', value: f.integer(d.newFibreHouseholds) },
    { key: 'newMbb', value: f.integer(d.newMbbHouseholds) },
    { key: 'lost', value: f.integer(d.lostBroadbandHouseholds) },
    { key: 'statusChanges', value: f.integer(d.statusChanges.length) },
    { key: 'cost', value: f.vnd(d.costVnd) },
    {
      key: 'costPerHousehold',
      value: d.costPerNewHouseholdVnd === null ? '—' : f.vnd(d.costPerNewHouseholdVnd),
    },
  ];
}

/** Instant impact of the live scenario: households newly covered, hamlets changing status, cost. */
export function DeltaView() {
  const { t } = useScenarioTranslation();
  const app = useTranslation();
  const f = useFormat();
  const delta = useScenario((s) => s.delta);
  const busy = useScenario((s) => s.busy);
  const ms = useScenario((s) => s.lastMs);
  const error = useScenario((s) => s.error);
  return (
    <section className="vt-scenario__delta" aria-labelledby="vt-scenario-delta" aria-busy={busy}>
      <h3 id="vt-scenario-delta">{t('delta.heading')}</h3>
      {error === SCENARIO_WORKER_FAILED ? (
        <div role="alert" className="vt-scenario__error" data-testid="scenario-failed">
          <p>{app.t('faults.scenarioWorker')}</p>
          <button type="button" className="vt-button" onClick={() => scenarioControl()?.retry()}>
            {app.t('faults.retry')}
          </button>
        </div>
      ) : error ? (
        <p role="alert" className="vt-scenario__error">
          {error}
        </p>
      ) : null}
      <p role="status" aria-live="polite" className="vt-scenario__status">
        {busy ? t('delta.busy') : ms !== null && delta ? t('delta.ms', { duration: f.duration(ms) }) : ''}
      </p>
      {delta && (
        <>
          <dl className="vt-scenario__measures" data-testid="scenario-delta">
            {deltaMeasures(delta, f).map((m) => (
              <div key={m.key} data-measure={m.key}>
                <dt>{t(`delta.${m.key}`)}</dt>
                <dd>{m.value}</dd>
              </div>
            ))}
          </dl>
          {delta.statusChanges.length > 0 && (
            // It scrolls when long: focusable, so the keyboard can scroll it too.
            <ul
              className="vt-scenario__changes"
              data-testid="scenario-status-changes"
              tabIndex={0}
              aria-label={t('delta.statusChanges')}
            >
              {delta.statusChanges.slice(0, 20).map((c) => (
                <li key={c.id} data-hamlet={c.id}>
                  {t('delta.change', { name: c.name, from: t(`status.${c.from}`), to: t(`status.${c.to}`) })}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
