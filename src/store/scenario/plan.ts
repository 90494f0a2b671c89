import type { ExportPlan } from '../../analysis/exportTables.ts';
import type { AppState } from '../appState.ts';
import type { ScenarioState } from './scenarioStore.ts';

/** A plan as the screen names it: the baseline, or a scenario with its name and edits. */
export type PlanView =
  { kind: 'baseline' } | { kind: 'scenario'; name: string; edits: number; unsaved: boolean };

type ScenarioPart = Pick<ScenarioState, 'shown' | 'edits' | 'name' | 'saved' | 'scenarioResult'>;

/** The live scenario as a plan, whether or not it is the one shown. */
export function scenarioPlan(s: ScenarioPart): PlanView {
  return {
    kind: 'scenario',
    name: s.name.trim(),
    edits: s.edits.length,
    unsaved: !s.saved.some((x) => x.edits === s.edits),
  };
}

/** The plan the user chose to see (the scenario only while it has edits). */
export function chosenPlan(s: ScenarioPart): PlanView {
  return s.shown === 'scenario' && s.edits.length > 0 ? scenarioPlan(s) : { kind: 'baseline' };
}

/**
 * The plan the app's result describes now: the scenario when the result on screen is the scenario's
 * analysis, else the baseline. The list, the roll-ups and the exports read this, never the choice alone.
 */
export function shownPlan(app: Pick<AppState, 'result'>, s: ScenarioPart): PlanView {
  const isScenario = app.result !== null && s.edits.length > 0 && app.result === s.scenarioResult;
  return isScenario ? scenarioPlan(s) : { kind: 'baseline' };
}

/** True while the result on screen is not yet the chosen plan's (a scenario being measured). */
export function planPending(app: Pick<AppState, 'result'>, s: ScenarioPart): boolean {
  return chosenPlan(s).kind !== shownPlan(app, s).kind;
}

/** The plan as exports write it. */
export function exportPlan(p: PlanView, untitled: string): ExportPlan {
  return p.kind === 'baseline' ? { kind: 'baseline' } : { kind: 'scenario', name: p.name || untitled };
}

/** A translator as i18next's `t` is called. */
type T = (key: string, params?: Record<string, unknown>) => string;

/** "Hiện trạng" or "Phương án: Hai trạm" in the current language (`t` of any namespace). */
export function planName(p: PlanView, t: T): string {
  if (p.kind === 'baseline') return t('plan:baseline');
  return t('plan:scenario', { name: p.name || t('plan:untitled') });
}

/** The plan's name with its edits and whether they are saved: "Phương án: Hai trạm (2 thay đổi, chưa lưu)". */
export function planLabel(p: PlanView, t: T): string {
  if (p.kind === 'baseline') return planName(p, t);
  const details = [t('plan:edits', { count: p.edits }), ...(p.unsaved ? [t('plan:unsaved')] : [])];
  return `${planName(p, t)} (${details.join(', ')})`;
}
