import { useState } from 'react';
import { ConfirmDialog } from '../import/ConfirmDialog.tsx';
import { scenarioControl } from '../../store/scenario/scenarioController.ts';
import { scenarioStore } from '../../store/scenario/scenarioStore.ts';
import { useFormat } from '../useFormat.ts';
import { useScenarioTranslation } from './i18n.ts';
import { TechRadiusFields, type NewSiteTech } from './TechRadiusFields.tsx';

/** Greedy site suggestions (count or budget, technology, radius), loaded as an editable scenario. */
export function SuggestForm() {
  const { t } = useScenarioTranslation();
  const f = useFormat();
  const [by, setBy] = useState<'count' | 'budget'>('count');
  const [count, setCount] = useState(5);
  const [budget, setBudget] = useState(10);
  const [tech, setTech] = useState<NewSiteTech>('4G');
  const [radius, setRadius] = useState(3000);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  /** Edits the suggestion would replace, while the user is asked whether to. */
  const [asking, setAsking] = useState(0);

  async function run() {
    const control = scenarioControl();
    if (!control) return;
    setBusy(true);
    setStatus(t('suggest.busy'));
    try {
      const reply = await control.suggest({
        tech,
        radiusM: radius,
        ...(by === 'count' ? { count } : { budgetVnd: budget * 1e9 }),
      });
      const sites = reply.scenario.edits.length;
      // Named in the interface's language; the engine's own name is for the command line.
      const name = t('suggest.name', { count: sites, tech, radius: f.distance(radius) });
      scenarioStore.getState().setEdits(reply.scenario.edits, name);
      setStatus(t('suggest.done', { count: sites, duration: f.duration(reply.ms) }));
    } catch (e) {
      setStatus(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="vt-scenario__suggest"
      aria-labelledby="vt-scenario-suggest"
      onSubmit={(e) => {
        e.preventDefault();
        // A suggestion replaces the edits on the map: ask first when there are any.
        const current = scenarioStore.getState().edits.length;
        if (current > 0) setAsking(current);
        else void run();
      }}
    >
      <h3 id="vt-scenario-suggest">{t('suggest.heading')}</h3>
      <label className="vt-field">
        <span>{t('suggest.by')}</span>
        <select value={by} onChange={(e) => setBy(e.target.value as 'count' | 'budget')}>
          <option value="count">{t('suggest.count')}</option>
          <option value="budget">{t('suggest.budget')}</option>
        </select>
      </label>
      {by === 'count' ? (
        <label className="vt-field">
          <span>{t('suggest.count')}</span>
          <input
            type="number"
            min={1}
            max={200}
            value={count}
            onChange={(e) => setCount(Math.max(1, Math.round(Number(e.target.value) || 1)))}
          />
        </label>
      ) : (
        <label className="vt-field">
          <span>{t('suggest.budget')}</span>
          <input
            type="number"
            min={0}
            step={0.1}
            value={budget}
            onChange={(e) => setBudget(Math.max(0, Number(e.target.value) || 0))}
          />
        </label>
      )}
      <TechRadiusFields tech={tech} radiusM={radius} onTech={setTech} onRadius={setRadius} />
      <button type="submit" className="vt-button" disabled={busy} data-testid="scenario-suggest">
        {t('suggest.run')}
      </button>
      <p role="status" aria-live="polite" className="vt-scenario__status">
        {status}
      </p>
      {asking > 0 && (
        <ConfirmDialog
          title={t('suggest.confirmTitle')}
          body={t('suggest.confirmBody', { count: asking })}
          confirmLabel={t('suggest.confirm')}
          cancelLabel={t('suggest.cancel')}
          onConfirm={() => {
            setAsking(0);
            void run();
          }}
          onCancel={() => {
            setAsking(0);
            setStatus(t('suggest.cancelled'));
          }}
        />
      )}
    </form>
  );
}
