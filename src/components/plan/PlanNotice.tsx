import { planName } from '../../store/scenario/plan.ts';
import { scenarioStore } from '../../store/scenario/scenarioStore.ts';
import { useScenario } from '../scenario/useScenario.ts';
import { usePlanTranslation } from './usePlan.ts';
import './plan.css';

/**
 * Says, once, which plan a reload or an opened link reopened: the scenario (its numbers are the ones on
 * screen) or the baseline with the scenario kept aside; with a button to switch to the other.
 */
export function PlanNotice() {
  const { t } = usePlanTranslation();
  const reopened = useScenario((s) => s.reopened);
  if (!reopened) return null;
  const st = scenarioStore.getState();
  const scenario = { kind: 'scenario', name: reopened.name, edits: reopened.edits, unsaved: true } as const;
  const edits = t('edits', { count: reopened.edits });
  const other = reopened.shown === 'scenario' ? 'baseline' : 'scenario';
  return (
    <div className="vt-plan-notice" role="status" data-testid="plan-notice" data-plan={reopened.shown}>
      <p>
        {reopened.shown === 'scenario'
          ? t('reopened.scenario', { plan: planName(scenario, t), edits })
          : t('reopened.baseline', { name: reopened.name || t('untitled'), edits })}
      </p>
      <div className="vt-plan-notice__buttons">
        <button
          type="button"
          onClick={() => {
            st.setShown(other);
            st.setReopened(null);
          }}
          data-testid="plan-notice-switch"
        >
          {other === 'baseline' ? t('reopened.showBaseline') : t('reopened.showScenario')}
        </button>
        <button type="button" onClick={() => st.setReopened(null)} data-testid="plan-notice-dismiss">
          {t('reopened.dismiss')}
        </button>
      </div>
    </div>
  );
}
