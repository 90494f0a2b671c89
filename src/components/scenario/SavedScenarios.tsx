import { useState } from 'react';
import { useFormat } from '../useFormat.ts';
import { scenarioStore } from '../../store/scenario/scenarioStore.ts';
import { deltaMeasures } from './DeltaView.tsx';
import { useScenarioTranslation } from './i18n.ts';
import { useScenario } from './useScenario.ts';

/** Name and save the live scenario; open, delete and compare saved ones side by side. */
export function SavedScenarios() {
  const { t } = useScenarioTranslation();
  const f = useFormat();
  const name = useScenario((s) => s.name);
  const saved = useScenario((s) => s.saved);
  const canSave = useScenario((s) => !s.busy && s.edits.length > 0);
  const [compare, setCompare] = useState<string[]>([]);
  const st = scenarioStore.getState();
  const chosen = saved.filter((s) => compare.includes(s.id));
  const toggle = (id: string) => setCompare((c) => (c.includes(id) ? c.filter((x) => x !== id) : [...c, id]));
  const measures = chosen.map((s) => (s.delta ? deltaMeasures(s.delta, f) : []));
  const keys = measures[0]?.map((m) => m.key) ?? [];
  return (
    <section className="vt-scenario__saved" aria-labelledby="vt-scenario-saved">
      <h3 id="vt-scenario-saved">{t('saved.heading')}</h3>
      <form
        className="vt-scenario__row"
        onSubmit={(e) => {
          e.preventDefault();
          st.save();
        }}
      >
        <label className="vt-field">
          <span>{t('saved.name')}</span>
          <input value={name} onChange={(e) => st.setName(e.target.value)} data-testid="scenario-name" />
        </label>
        <button type="submit" className="vt-button" disabled={!canSave} data-testid="scenario-save">
          {t('saved.save')}
        </button>
      </form>
      {saved.length > 0 && <p className="vt-note vt-scenario__compare-hint">{t('saved.compareHint')}</p>}
      {saved.length > 0 && (
        <ul className="vt-scenario__list" data-testid="scenario-saved-list" aria-label={t('saved.heading')}>
          {saved.map((s) => (
            <li key={s.id}>
              <label className="vt-check">
                <input
                  type="checkbox"
                  checked={compare.includes(s.id)}
                  onChange={() => toggle(s.id)}
                  data-testid={`scenario-compare-${s.id}`}
                />
                <span>
                  {t('saved.compare')}: {s.name}
                </span>
              </label>
              <button type="button" className="vt-button vt-button--quiet" onClick={() => st.load(s.id)}>
                {t('saved.load')}
              </button>
              <button
                type="button"
                className="vt-button vt-button--quiet"
                onClick={() => st.removeSaved(s.id)}
              >
                {t('saved.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {chosen.length > 0 && (
        <table className="vt-scenario__compare" data-testid="scenario-compare">
          <caption>{t('saved.compare')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('saved.measure')}</th>
              {chosen.map((s) => (
                <th key={s.id} scope="col">
                  {s.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t('saved.edits')}</th>
              {chosen.map((s) => (
                <td key={s.id}>{s.edits.length}</td>
              ))}
            </tr>
            {keys.map((k) => (
              <tr key={k} data-measure={k}>
                <th scope="row">{t(`delta.${k}`)}</th>
                {measures.map((m, i) => (
                  <td key={chosen[i]?.id}>{m.find((x) => x.key === k)?.value ?? '—'}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
