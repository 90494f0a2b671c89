import { scenarioStore } from '../../store/scenario/scenarioStore.ts';
import { useScenarioTranslation } from './i18n.ts';
import { useScenario } from './useScenario.ts';

/**
 * Over the map while a what-if mode is on (add a site, draw fibre, switch a site off): which mode, what a
 * click does, and a way out. On a phone this is the only sign of the mode, since the panel that set it is
 * on another tab.
 */
export function ScenarioModeBanner() {
  const { t } = useScenarioTranslation();
  const mode = useScenario((s) => s.mode);
  const draft = useScenario((s) => s.draft.length);
  if (mode === 'none') return null;
  const st = scenarioStore.getState();
  return (
    <div className="vt-mode-banner" role="status" data-testid="scenario-mode-banner" data-mode={mode}>
      <p>
        <strong>{t('modes.banner', { mode: t(`modes.${mode}`) })}</strong> {t(`modes.hint.${mode}`)}
        {mode === 'draw-fibre' && draft > 0 && <> ({t('modes.points', { count: draft })})</>}
      </p>
      <div className="vt-mode-banner__actions">
        {mode === 'draw-fibre' && (
          <button type="button" className="vt-button" disabled={draft < 2} onClick={() => st.finishFibre()}>
            {t('modes.finish')}
          </button>
        )}
        <button
          type="button"
          className="vt-button vt-button--quiet"
          onClick={() => st.setMode('none')}
          data-testid="scenario-mode-exit"
        >
          {t('modes.exit')}
        </button>
      </div>
    </div>
  );
}
