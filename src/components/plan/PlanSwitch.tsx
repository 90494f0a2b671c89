import { planLabel, planName } from '../../store/scenario/plan.ts';
import { scenarioStore } from '../../store/scenario/scenarioStore.ts';
import { usePlan, usePlanTranslation } from './usePlan.ts';
import './plan.css';

/**
 * The header's switch between the baseline ("Hiện trạng") and the live scenario ("Phương án: …", unsaved
 * edits included). It always says which numbers the page shows; `data-plan` is the plan shown now.
 */
export function PlanSwitch() {
  const { t } = usePlanTranslation();
  const { shown, chosen, pending, scenario } = usePlan();
  const set = scenarioStore.getState().setShown;
  return (
    <>
      {/* On a phone the header's tools wrap under the title: this starts their row (see plan.css). */}
      <span className="vt-plan-break" aria-hidden="true" />
      <div
        className="vt-plan"
        role="group"
        aria-label={t('switchLabel')}
        data-testid="plan-switch"
        data-plan={shown.kind}
        data-pending={pending ? 'true' : undefined}
      >
        <span className="vt-plan__label" aria-hidden="true">
          {t('showing')}
        </span>
        <button
          type="button"
          aria-pressed={chosen.kind === 'baseline'}
          onClick={() => set('baseline')}
          data-testid="plan-baseline"
        >
          {t('baseline')}
        </button>
        <button
          type="button"
          aria-pressed={chosen.kind === 'scenario'}
          disabled={!scenario}
          title={scenario ? planLabel(scenario, t) : t('noEdits')}
          onClick={() => set('scenario')}
          data-testid="plan-scenario"
        >
          <span className="vt-plan__name">{scenario ? planName(scenario, t) : t('scenarioShort')}</span>
          {pending && <span className="vt-plan__pending"> {t('pending')}</span>}
        </button>
        <span className="vt-visually-hidden" role="status" aria-live="polite" data-testid="plan-status">
          {pending ? t('pending') : planLabel(shown, t)}
        </span>
      </div>
    </>
  );
}
