import { planName } from '../../store/scenario/plan.ts';
import { usePlan, usePlanTranslation } from './usePlan.ts';
import './plan.css';

/** A small tag naming the plan the numbers beside it describe (the list's title, the summary). */
export function PlanTag({ testId }: { testId?: string }) {
  const { t } = usePlanTranslation();
  const { shown, pending } = usePlan();
  return (
    <span
      className={`vt-plan-tag vt-plan-tag--${shown.kind}`}
      data-testid={testId}
      data-plan={shown.kind}
      aria-busy={pending}
    >
      {planName(shown, t)}
    </span>
  );
}
