import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { fibreLengthKm } from '../../analysis/scenarioLength.ts';
import { scenarioToCsv, scenarioToGeoJson } from '../../analysis/scenarioIo.ts';
import type { ScenarioEdit } from '../../analysis/scenarioTypes.ts';
import { scenarioStore, type ScenarioMode } from '../../store/scenario/scenarioStore.ts';
import { effectiveSettings, appStore } from '../../store/store.ts';
import { exportFileName } from '../../store/share/fileName.ts';
import { usePlanTranslation } from '../plan/usePlan.ts';
import { downloadBlob } from '../share/download.ts';
import { areaName } from '../share/snapshotContent.ts';
import { useFormat } from '../useFormat.ts';
import { DeltaView } from './DeltaView.tsx';
import { useScenarioTranslation } from './i18n.ts';
import { SavedScenarios } from './SavedScenarios.tsx';
import { SuggestForm } from './SuggestForm.tsx';
import { TechRadiusFields } from './TechRadiusFields.tsx';
import { useScenario } from './useScenario.ts';
import './scenario.css';

const MODES: ScenarioMode[] = ['none', 'add-site', 'draw-fibre', 'site-off'];
/** The phone layout's breakpoint (app.css). */
const PHONE = '(max-width: 760px)';

/**
 * What-if planning: map edit modes (add a site, draw fibre, switch a site off), the edit list with
 * undo/redo, the instant impact, saved scenarios with a compare table, site suggestions and exports.
 * Ctrl+Z / Ctrl+Shift+Z undo and redo; Enter finishes a fibre route and Esc cancels it.
 */
export function ScenarioPanel() {
  const { t } = useScenarioTranslation();
  const { t: tPlan } = usePlanTranslation();
  const f = useFormat();
  const s = useScenario(
    useShallow((x) => ({
      mode: x.mode,
      form: x.siteForm,
      edits: x.edits,
      redo: x.redoStack.length,
      draft: x.draft.length,
      name: x.name,
    })),
  );
  const st = scenarioStore.getState();

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName)) return;
      const x = scenarioStore.getState();
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'z') {
        e.preventDefault();
        if (e.shiftKey) x.redo();
        else x.undo();
      } else if (x.mode === 'draw-fibre' && e.key === 'Enter') x.finishFibre();
      else if (x.mode !== 'none' && e.key === 'Escape') x.setMode('none');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const label = (e: ScenarioEdit): string => {
    if (e.kind === 'add-site')
      return t('edits.add-site', {
        tech: e.site.properties.tech,
        id: e.site.properties.id,
        radius: f.distance(Number(e.site.properties.radius_m ?? 3000)),
      });
    if (e.kind === 'add-fibre')
      return t('edits.add-fibre', {
        id: e.fibre.properties?.id,
        length: f.distance(fibreLengthKm(e.fibre) * 1000),
      });
    return t('edits.site-off', { id: e.siteId });
  };

  const exportAs = (kind: 'geojson' | 'csv') => {
    const app = appStore.getState();
    const settings = effectiveSettings(app);
    const name = s.name.trim() || tPlan('untitled');
    const scenario = { id: name, name, edits: s.edits };
    const text =
      kind === 'geojson'
        ? JSON.stringify(scenarioToGeoJson(scenario, settings), null, 1)
        : scenarioToCsv(scenario, settings);
    downloadBlob(
      exportFileName('proposals', areaName(app), new Date(), kind, { kind: 'scenario', name }),
      new Blob([text], { type: kind === 'geojson' ? 'application/geo+json' : 'text/csv;charset=utf-8' }),
    );
  };

  return (
    <section className="vt-scenario" aria-labelledby="vt-scenario-title" data-testid="scenario-panel">
      <h2 id="vt-scenario-title">{t('heading')}</h2>
      <p className="vt-note">{t('intro')}</p>
      <div role="group" aria-label={t('modes.label')} className="vt-scenario__modes">
        {MODES.map((m) => (
          <button
            key={m}
            type="button"
            className="vt-button"
            aria-pressed={s.mode === m}
            onClick={() => {
              st.setMode(m);
              // On a phone the map is on another tab: go there, where the mode's banner shows.
              if (m !== 'none' && window.matchMedia?.(PHONE).matches)
                appStore.getState().setMobilePane('map');
            }}
            data-testid={`scenario-mode-${m}`}
          >
            {t(`modes.${m}`)}
          </button>
        ))}
      </div>
      {s.mode !== 'none' && (
        <p className="vt-scenario__hint" role="status">
          {t(`modes.hint.${s.mode}`)}
        </p>
      )}
      {s.mode === 'draw-fibre' && (
        <button type="button" className="vt-button" disabled={s.draft < 2} onClick={() => st.finishFibre()}>
          {t('modes.finish')}
        </button>
      )}
      {s.mode === 'add-site' && (
        <button
          type="button"
          className="vt-button vt-button--quiet"
          onClick={() => st.addSiteAt(appStore.getState().center)}
          data-testid="scenario-add-at-centre"
        >
          {t('modes.atCentre')}
        </button>
      )}
      {s.mode === 'add-site' && (
        <fieldset className="vt-fieldset vt-scenario__site">
          <label className="vt-field">
            <span>{t('site.operator')}</span>
            <input value={s.form.operator} onChange={(e) => st.setSiteForm({ operator: e.target.value })} />
          </label>
          <TechRadiusFields
            tech={s.form.tech}
            radiusM={s.form.radiusM}
            onTech={(tech) => st.setSiteForm({ tech })}
            onRadius={(radiusM) => st.setSiteForm({ radiusM })}
            radiusTestId="scenario-radius"
          />
          <label className="vt-field">
            <span>{t('site.azimuths')}</span>
            <input
              value={s.form.azimuths}
              placeholder="0,120,240"
              onChange={(e) => st.setSiteForm({ azimuths: e.target.value })}
            />
          </label>
        </fieldset>
      )}
      <section aria-labelledby="vt-scenario-edits">
        <h3 id="vt-scenario-edits">{t('edits.heading', { count: s.edits.length })}</h3>
        {s.edits.length === 0 ? (
          <p className="vt-note">{t('edits.empty')}</p>
        ) : (
          <ol className="vt-scenario__edits" data-testid="scenario-edits">
            {s.edits.map((e, i) => (
              <li key={i}>{label(e)}</li>
            ))}
          </ol>
        )}
        <div className="vt-scenario__row">
          <button
            type="button"
            className="vt-button"
            disabled={s.edits.length === 0}
            onClick={() => st.undo()}
            data-testid="scenario-undo"
          >
            {t('edits.undo')}
          </button>
          <button
            type="button"
            className="vt-button"
            disabled={s.redo === 0}
            onClick={() => st.redo()}
            data-testid="scenario-redo"
          >
            {t('edits.redo')}
          </button>
          <button
            type="button"
            className="vt-button vt-button--quiet"
            disabled={s.edits.length === 0}
            onClick={() => st.clear()}
          >
            {t('edits.clear')}
          </button>
        </div>
        <div className="vt-scenario__row">
          <button
            type="button"
            className="vt-button vt-button--quiet"
            disabled={s.edits.length === 0}
            onClick={() => exportAs('geojson')}
          >
            {t('export.geojson')}
          </button>
          <button
            type="button"
            className="vt-button vt-button--quiet"
            disabled={s.edits.length === 0}
            onClick={() => exportAs('csv')}
          >
            {t('export.csv')}
          </button>
        </div>
      </section>
      <DeltaView />
      <SavedScenarios />
      <SuggestForm />
    </section>
  );
}
