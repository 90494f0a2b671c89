import type { TFunction } from 'i18next';
import type { SettingsProblem } from '../analysis/validateSettings.ts';
import type { Lang } from '../store/viewState.ts';
import { formatters } from './format.ts';

/** Where a setting's words live: `cost.siteVnd` → `settingsProblem.labels.cost_siteVnd`. */
function label(t: TFunction, key: string): string {
  return t(`settingsProblem.labels.${key.replace(/\./g, '_')}`, { defaultValue: key });
}

function lowerFirst(text: string, lang: Lang): string {
  return text.charAt(0).toLocaleLowerCase(lang) + text.slice(1);
}

/** The allowed range in words; `percent` for a share the user types as a percentage. */
function range(p: SettingsProblem, t: TFunction, lang: Lang, percent: boolean): string {
  const rule = p.rule;
  if (rule?.kind !== 'number') return '';
  const f = formatters(lang);
  if (percent && rule.unit === 'share') {
    return t('settingsProblem.range.percent', {
      min: f.number(rule.min * 100),
      max: f.number(rule.max * 100),
    });
  }
  // Years are written without a thousands separator (2025, not 2.025).
  if (rule.unit === 'year') return t('settingsProblem.range.year', { min: rule.min, max: rule.max });
  return t(`settingsProblem.range.${rule.unit}`, { min: f.number(rule.min, 2), max: f.number(rule.max, 2) });
}

function other(p: SettingsProblem, lang: Lang, percent: boolean): string {
  const v = p.other?.value ?? 0;
  return percent ? formatters(lang).percent(v, 1) : formatters(lang).number(v, 4);
}

/**
 * A refused setting in the UI's language, naming the setting, its key, the value and what is allowed,
 * e.g. "Số cạnh của đường tròn vùng phủ (circleSegments) là 20000000; phải là số nguyên từ 8 đến 256."
 */
export function settingsProblemText(p: SettingsProblem, t: TFunction, lang: Lang): string {
  const base = { label: label(t, p.key), key: p.key, value: p.value };
  switch (p.kind) {
    case 'unknown':
      return t('settingsProblem.unknown', { key: p.key });
    case 'moreUnknown':
      return t('settingsProblem.moreUnknown', { count: p.count ?? 0 });
    case 'object':
      return t('settingsProblem.object', base);
    case 'choice':
      return t('settingsProblem.choice', {
        ...base,
        options: p.rule?.kind === 'choice' ? p.rule.options.map((o) => `"${o}"`).join(', ') : '',
      });
    case 'order':
      return t(p.key === 'thresholds.unserved' ? 'settingsProblem.below' : 'settingsProblem.above', {
        ...base,
        otherLabel: lowerFirst(label(t, p.other?.key ?? ''), lang),
        other: other(p, lang, false),
      });
    case 'number':
      return t('settingsProblem.number', { ...base, range: range(p, t, lang, false) });
  }
}

/** What a settings field must hold, for the message under the field (shares typed as percentages). */
export function settingsFieldHint(p: SettingsProblem, t: TFunction, lang: Lang, percent = false): string {
  if (p.kind === 'order') {
    return t(
      p.key === 'thresholds.unserved' ? 'settingsProblem.mustBeBelow' : 'settingsProblem.mustBeAbove',
      {
        otherLabel: lowerFirst(label(t, p.other?.key ?? ''), lang),
        other: other(p, lang, percent),
      },
    );
  }
  if (p.kind === 'number') return t('settingsProblem.mustBe', { range: range(p, t, lang, percent) });
  return settingsProblemText(p, t, lang);
}
