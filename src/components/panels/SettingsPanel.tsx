import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { PRESETS } from '../../analysis/settings.ts';
import type { RankingPresetName, RankingWeights, Settings } from '../../analysis/types.ts';
import {
  SETTINGS_RULES,
  validateSettings,
  type NumberRule,
  type SettingsProblem,
} from '../../analysis/validateSettings.ts';
import { settingsFieldHint } from '../../i18n/settingsProblem.ts';
import { effectiveSettings, useApp } from '../../store/store.ts';
import { allowOsm } from '../../store/share/basemapConsent.ts';
import { MoneyField } from '../MoneyField.tsx';

const TECHS = ['2G', '3G', '4G', '5G'] as const;
const CRITERIA: (keyof RankingWeights)[] = [
  'uncoveredHouseholds',
  'uncoveredShare',
  'facilities',
  'costPerHousehold',
];

/**
 * A number setting. What the user types is applied only when the settings validator accepts it;
 * otherwise the field is marked invalid and says what it must hold, and the analysis keeps the last
 * valid value. `percent`: the setting is a share, typed as a percentage.
 */
function NumberField({
  label,
  value,
  rule,
  step,
  testId,
  percent = false,
  tryValue,
}: {
  label: string;
  value: number;
  rule: NumberRule;
  step: number;
  testId?: string;
  percent?: boolean;
  /** Applies the value if the validator accepts it; returns its problem otherwise. */
  tryValue: (v: number) => SettingsProblem | null;
}) {
  const { t } = useTranslation();
  const lang = useApp((s) => s.lang);
  const id = useId();
  const [draft, setDraft] = useState<{ text: string; problem: SettingsProblem | null } | null>(null);
  // A change from elsewhere (reset, a link, a project) replaces what was being typed.
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    setSeen(value);
    if (draft && Number(draft.text) !== value) setDraft(null);
  }
  const scale = percent ? 100 : 1;
  const problem = draft?.problem ?? null;
  return (
    <div className="vt-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        value={draft?.text ?? value}
        min={rule.min * scale}
        max={rule.max * scale}
        step={step}
        data-testid={testId}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-problem` : undefined}
        onChange={(e) => {
          const text = e.target.value;
          // Half-typed input ("", "1e") is not a number yet: nothing is applied until it is one.
          if (text.trim() === '') setDraft({ text, problem: null });
          else setDraft({ text, problem: tryValue(e.target.valueAsNumber) });
        }}
        onBlur={() => {
          if (!draft?.problem) setDraft(null);
        }}
      />
      {problem ? (
        <p id={`${id}-problem`} className="vt-field__problem" role="alert">
          {settingsFieldHint(problem, t, lang, percent)}
        </p>
      ) : null}
    </div>
  );
}

/** Analysis settings; every change re-runs the analysis in the worker (the runner debounces). */
export function SettingsPanel() {
  const { t } = useTranslation();
  const { settings, setSettings, resetSettings, basemap, setBasemap } = useApp(
    useShallow((s) => ({
      settings: effectiveSettings(s),
      setSettings: s.setSettings,
      resetSettings: s.resetSettings,
      basemap: s.basemap,
      setBasemap: s.setBasemap,
    })),
  );
  const update = (patch: Partial<Settings>) => setSettings({ ...settings, ...patch });
  /** Applies a change the validator accepts; returns the first problem of one it refuses. */
  const attempt = (patch: Partial<Settings>): SettingsProblem | null => {
    const next = { ...settings, ...patch };
    const problem = validateSettings(next).problems[0] ?? null;
    if (!problem) setSettings(next);
    return problem;
  };
  const setWeight = (key: keyof RankingWeights, v: number) =>
    update({ preset: 'custom', weights: { ...settings.weights, [key]: v } });
  const setPreset = (preset: RankingPresetName) =>
    update({ preset, weights: preset === 'custom' ? settings.weights : PRESETS[preset] });
  return (
    <form className="vt-settings" onSubmit={(e) => e.preventDefault()} aria-labelledby="vt-settings-title">
      <h2 id="vt-settings-title" className="vt-visually-hidden">
        {t('settings.title')}
      </h2>
      <fieldset className="vt-fieldset">
        <legend>{t('settings.coverage')}</legend>
        <NumberField
          label={t('settings.fibreRadius')}
          value={settings.fibreServiceRadiusM}
          rule={SETTINGS_RULES.fibreServiceRadiusM}
          step={50}
          testId="setting-fibre-radius"
          tryValue={(v) => attempt({ fibreServiceRadiusM: v })}
        />
        {TECHS.map((tech) => (
          <NumberField
            key={tech}
            label={t('settings.defaultRadius', { tech })}
            value={settings.defaultRadiusM[tech]}
            rule={SETTINGS_RULES.defaultRadiusM[tech]}
            step={100}
            testId={`setting-radius-${tech}`}
            tryValue={(v) => attempt({ defaultRadiusM: { ...settings.defaultRadiusM, [tech]: v } })}
          />
        ))}
      </fieldset>
      <fieldset className="vt-fieldset">
        <legend>{t('settings.thresholds')}</legend>
        <NumberField
          label={`${t('settings.served')} (%)`}
          value={Math.round(settings.thresholds.served * 100)}
          rule={SETTINGS_RULES.thresholds.served}
          percent
          step={1}
          testId="setting-served"
          tryValue={(v) => attempt({ thresholds: { ...settings.thresholds, served: v / 100 } })}
        />
        <NumberField
          label={`${t('settings.unserved')} (%)`}
          value={Math.round(settings.thresholds.unserved * 100)}
          rule={SETTINGS_RULES.thresholds.unserved}
          percent
          step={1}
          testId="setting-unserved"
          tryValue={(v) => attempt({ thresholds: { ...settings.thresholds, unserved: v / 100 } })}
        />
      </fieldset>
      <fieldset className="vt-fieldset">
        <legend>{t('settings.ranking')}</legend>
        <label className="vt-field">
          <span>{t('settings.preset')}</span>
          <select
            value={settings.preset}
            onChange={(e) => setPreset(e.target.value as RankingPresetName)}
            data-testid="setting-preset"
          >
            {(['equity', 'commercial', 'custom'] as const).map((p) => (
              <option key={p} value={p}>
                {t(`settings.presets.${p}`)}
              </option>
            ))}
          </select>
        </label>
        {CRITERIA.map((c) => (
          <label key={c} className="vt-field vt-field--range">
            <span>{t('settings.weight', { name: t(`criteria.${c}`) })}</span>
            <input
              type="range"
              min={0}
              max={1}
              step={0.05}
              value={settings.weights[c]}
              onChange={(e) => setWeight(c, e.target.valueAsNumber)}
            />
            <output>{settings.weights[c].toFixed(2)}</output>
          </label>
        ))}
      </fieldset>
      <fieldset className="vt-fieldset">
        <legend>{t('settings.cost')}</legend>
        <MoneyField
          label={t('settings.fibrePerKm')}
          value={settings.cost.fibrePerKmVnd}
          min={SETTINGS_RULES.cost.fibrePerKmVnd.min}
          max={SETTINGS_RULES.cost.fibrePerKmVnd.max}
          testId="setting-cost-fibre"
          onChange={(v) => attempt({ cost: { ...settings.cost, fibrePerKmVnd: v } })}
        />
        <MoneyField
          label={t('settings.dropPerHousehold')}
          value={settings.cost.dropPerHouseholdVnd}
          min={SETTINGS_RULES.cost.dropPerHouseholdVnd.min}
          max={SETTINGS_RULES.cost.dropPerHouseholdVnd.max}
          testId="setting-cost-drop"
          onChange={(v) => attempt({ cost: { ...settings.cost, dropPerHouseholdVnd: v } })}
        />
        <MoneyField
          label={t('settings.site')}
          value={settings.cost.siteVnd}
          min={SETTINGS_RULES.cost.siteVnd.min}
          max={SETTINGS_RULES.cost.siteVnd.max}
          testId="setting-cost-site"
          onChange={(v) => attempt({ cost: { ...settings.cost, siteVnd: v } })}
        />
        <NumberField
          label={t('settings.newSiteRadius')}
          value={settings.cost.newSiteRadiusM}
          rule={SETTINGS_RULES.cost.newSiteRadiusM}
          step={100}
          tryValue={(v) => attempt({ cost: { ...settings.cost, newSiteRadiusM: v } })}
        />
      </fieldset>
      <fieldset className="vt-fieldset" data-testid="setting-targets">
        <legend>{t('settings.targets')}</legend>
        <p className="vt-muted">{t('settings.targetsNote')}</p>
        <NumberField
          label={t('settings.targetFibre')}
          value={Math.round(settings.targets.fibreHamlets * 100)}
          rule={SETTINGS_RULES.targets.fibreHamlets}
          percent
          step={1}
          testId="setting-target-fibre"
          tryValue={(v) => attempt({ targets: { ...settings.targets, fibreHamlets: v / 100 } })}
        />
        <NumberField
          label={t('settings.targetFibreYear')}
          value={settings.targets.fibreYear}
          rule={SETTINGS_RULES.targets.fibreYear}
          step={1}
          testId="setting-target-fibre-year"
          tryValue={(v) => attempt({ targets: { ...settings.targets, fibreYear: v } })}
        />
        <NumberField
          label={t('settings.targetMbb')}
          value={Math.round(settings.targets.mbbHamlets * 100)}
          rule={SETTINGS_RULES.targets.mbbHamlets}
          percent
          step={1}
          testId="setting-target-mbb"
          tryValue={(v) => attempt({ targets: { ...settings.targets, mbbHamlets: v / 100 } })}
        />
        <NumberField
          label={t('settings.targetMbbYear')}
          value={settings.targets.mbbYear}
          rule={SETTINGS_RULES.targets.mbbYear}
          step={1}
          testId="setting-target-mbb-year"
          tryValue={(v) => attempt({ targets: { ...settings.targets, mbbYear: v } })}
        />
      </fieldset>
      <label className="vt-check">
        <input
          type="checkbox"
          checked={basemap === 'osm'}
          onChange={(e) => {
            // Ticking the box is the user's consent to the outside tiles, remembered in this browser.
            if (e.target.checked) allowOsm();
            setBasemap(e.target.checked ? 'osm' : 'none');
          }}
        />
        {t('settings.basemap')}
      </label>
      <button type="button" className="vt-button" onClick={resetSettings}>
        {t('settings.reset')}
      </button>
    </form>
  );
}
