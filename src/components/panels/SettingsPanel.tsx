import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { PRESETS } from '../../analysis/settings.ts';
import type { RankingPresetName, RankingWeights, Settings } from '../../analysis/types.ts';
import { effectiveSettings, useApp } from '../../store/store.ts';
import { MoneyField } from '../MoneyField.tsx';

const TECHS = ['2G', '3G', '4G', '5G'] as const;
const CRITERIA: (keyof RankingWeights)[] = [
  'uncoveredHouseholds',
  'uncoveredShare',
  'facilities',
  'costPerHousehold',
];

function NumberField({
  label,
  value,
  onChange,
  min,
  max,
  step,
  testId,
}: {
  label: string;
  value: number;
  onChange: (v: number) => void;
  min: number;
  max: number;
  step: number;
  testId?: string;
}) {
  return (
    <label className="vt-field">
      <span>{label}</span>
      <input
        type="number"
        value={value}
        min={min}
        max={max}
        step={step}
        data-testid={testId}
        onChange={(e) => {
          const v = e.target.valueAsNumber;
          // Half-typed input ("", "1e") is not a number yet: wait for the next keystroke.
          if (Number.isFinite(v) && v >= min && v <= max) onChange(v);
        }}
      />
    </label>
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
          min={50}
          max={5000}
          step={50}
          testId="setting-fibre-radius"
          onChange={(v) => update({ fibreServiceRadiusM: v })}
        />
        {TECHS.map((tech) => (
          <NumberField
            key={tech}
            label={t('settings.defaultRadius', { tech })}
            value={settings.defaultRadiusM[tech]}
            min={100}
            max={30000}
            step={100}
            testId={`setting-radius-${tech}`}
            onChange={(v) => update({ defaultRadiusM: { ...settings.defaultRadiusM, [tech]: v } })}
          />
        ))}
      </fieldset>
      <fieldset className="vt-fieldset">
        <legend>{t('settings.thresholds')}</legend>
        <NumberField
          label={`${t('settings.served')} (%)`}
          value={Math.round(settings.thresholds.served * 100)}
          min={50}
          max={100}
          step={1}
          onChange={(v) => update({ thresholds: { ...settings.thresholds, served: v / 100 } })}
        />
        <NumberField
          label={`${t('settings.unserved')} (%)`}
          value={Math.round(settings.thresholds.unserved * 100)}
          min={0}
          max={49}
          step={1}
          onChange={(v) => update({ thresholds: { ...settings.thresholds, unserved: v / 100 } })}
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
          max={1e10}
          testId="setting-cost-fibre"
          onChange={(v) => update({ cost: { ...settings.cost, fibrePerKmVnd: v } })}
        />
        <MoneyField
          label={t('settings.dropPerHousehold')}
          value={settings.cost.dropPerHouseholdVnd}
          max={1e9}
          testId="setting-cost-drop"
          onChange={(v) => update({ cost: { ...settings.cost, dropPerHouseholdVnd: v } })}
        />
        <MoneyField
          label={t('settings.site')}
          value={settings.cost.siteVnd}
          max={1e11}
          testId="setting-cost-site"
          onChange={(v) => update({ cost: { ...settings.cost, siteVnd: v } })}
        />
        <NumberField
          label={t('settings.newSiteRadius')}
          value={settings.cost.newSiteRadiusM}
          min={100}
          max={30000}
          step={100}
          onChange={(v) => update({ cost: { ...settings.cost, newSiteRadiusM: v } })}
        />
      </fieldset>
      <label className="vt-check">
        <input
          type="checkbox"
          checked={basemap === 'osm'}
          onChange={(e) => setBasemap(e.target.checked ? 'osm' : 'none')}
        />
        {t('settings.basemap')}
      </label>
      <button type="button" className="vt-button" onClick={resetSettings}>
        {t('settings.reset')}
      </button>
    </form>
  );
}
