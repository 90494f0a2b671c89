import { DEFAULT_SETTINGS } from './settings.ts';
import type { Settings } from './types.ts';

/** A number setting: its range, whether it must be whole, and what it measures (for messages). */
export interface NumberRule {
  kind: 'number';
  min: number;
  max: number;
  integer?: true;
  unit: 'metres' | 'share' | 'weight' | 'VND' | 'count' | 'year' | 'mbps';
}

/** A setting that takes one of a few words. */
export interface ChoiceRule {
  kind: 'choice';
  options: readonly string[];
}

type RulesOf<T> = {
  [K in keyof T]-?: T[K] extends number ? NumberRule : T[K] extends string ? ChoiceRule : RulesOf<T[K]>;
};

/** Radii: 1 m to 50 km. A site or fibre reach beyond that is a unit mistake (km typed as m). */
const RADIUS: NumberRule = { kind: 'number', min: 1, max: 50_000, unit: 'metres' };
/** Shares of households, 0 to 1. */
const SHARE: NumberRule = { kind: 'number', min: 0, max: 1, unit: 'share' };
/** Ranking weights: ≥ 0 (the engine scales them to sum 1), bounded so sums stay exact. */
const WEIGHT: NumberRule = { kind: 'number', min: 0, max: 1000, unit: 'weight' };
/** Costs in VND: ≥ 0 and finite; 10 000 billion VND is above any single build. */
const COST: NumberRule = { kind: 'number', min: 0, max: 1e13, unit: 'VND' };
/** Speeds: 0.01 Mb/s (10 kbit/s) to 100 Gb/s; above that the value was typed in kbit/s. */
const SPEED: NumberRule = { kind: 'number', min: 0.01, max: 100_000, unit: 'mbps' };

/** A target's year (reached by the end of it): 2000 to 2100. */
const YEAR: NumberRule = { kind: 'number', min: 2000, max: 2100, integer: true, unit: 'year' };

/**
 * Every setting and what it may hold. Besides these, the unserved threshold must stay below the served
 * one. `circleSegments`: 8 to 256 vertices per full circle (64 by default; the analysis time grows with
 * it). A new field of `Settings` fails to compile until it has its rule here.
 */
export const SETTINGS_RULES = {
  fibreServiceRadiusM: RADIUS,
  defaultRadiusM: { '2G': RADIUS, '3G': RADIUS, '4G': RADIUS, '5G': RADIUS },
  thresholds: { served: SHARE, unserved: SHARE, noFibre: SHARE, noMbb: SHARE },
  preset: { kind: 'choice', options: ['equity', 'commercial', 'custom'] },
  weights: {
    uncoveredHouseholds: WEIGHT,
    uncoveredShare: WEIGHT,
    facilities: WEIGHT,
    costPerHousehold: WEIGHT,
  },
  cost: {
    fibrePerKmVnd: COST,
    dropPerHouseholdVnd: COST,
    siteVnd: COST,
    newSiteRadiusM: RADIUS,
    colocationVnd: COST,
    upgradeVnd: COST,
  },
  circleSegments: { kind: 'number', min: 8, max: 256, integer: true, unit: 'count' },
  targets: { fibreHamlets: SHARE, fibreYear: YEAR, mbbHamlets: SHARE, mbbYear: YEAR },
  measured: {
    fixedTargetMbps: SPEED,
    mobile4gTargetMbps: SPEED,
    mobile5gTargetMbps: SPEED,
    failingDownMbps: SPEED,
    failingUpMbps: SPEED,
    minTests: { kind: 'number', min: 1, max: 10_000, integer: true, unit: 'count' },
  },
} as const satisfies RulesOf<Settings>;

/** Why a value was refused. */
export type SettingsProblemKind = 'unknown' | 'moreUnknown' | 'object' | 'number' | 'choice' | 'order';

/** One value that was refused, in terms a user can act on. */
export interface SettingsProblem {
  kind: SettingsProblemKind;
  /** Where the value is: `circleSegments`, `cost.siteVnd`, or an unknown key as given (cut to 60 characters). */
  key: string;
  /** The value as given, as short text (`"abc"`, `-5`, `NaN`), at most 40 characters. */
  value: string;
  /** What is allowed: the range (`number`) or the words (`choice`). */
  rule?: NumberRule | ChoiceRule;
  /** For `order`: the other threshold (unserved stays below served), and its value. */
  other?: { key: string; value: number };
  /** For `moreUnknown`: how many unknown keys were not listed one by one. */
  count?: number;
  /** The problem in English, e.g. `"circleSegments" is 20000000; it must be a whole number from 8 to 256.` */
  message: string;
}

export interface CheckedSettings {
  /** The valid values only: a partial settings object that `withDefaults` completes. */
  settings: Partial<Settings>;
  /** One entry per refused value; empty when everything given was valid. */
  problems: SettingsProblem[];
}

/** Unknown keys listed one by one; more are counted in one problem, so a hostile input cannot flood. */
const MAX_UNKNOWN = 5;

/**
 * Checks (partial) settings from any door: the settings panel, a share link, a project file, saved
 * state, the CLI. Checks types, bounds and known keys; returns the valid values and a problem for each
 * value refused. Never throws, never reads inherited properties (`__proto__` is an unknown key).
 *
 * @example validateSettings({ circleSegments: 20_000_000 }).problems[0]?.message
 * // '"circleSegments" is 20000000; it must be a whole number from 8 to 256.'
 */
export function validateSettings(raw: unknown): CheckedSettings {
  const problems: SettingsProblem[] = [];
  if (!isPlainObject(raw)) {
    problems.push(objectProblem('settings', raw));
    return { settings: {}, problems };
  }
  const settings = checkGroup(raw, SETTINGS_RULES, '', problems) as Partial<Settings>;
  checkOrder(settings, problems);
  return { settings, problems };
}

type Rules = { readonly [key: string]: NumberRule | ChoiceRule | Rules };

function checkGroup(
  raw: Record<string, unknown>,
  rules: Rules,
  prefix: string,
  problems: SettingsProblem[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const unknown: string[] = [];
  for (const key of Object.keys(raw)) {
    const path = `${prefix}${key}`;
    const rule = Object.hasOwn(rules, key) ? rules[key] : undefined;
    const value = raw[key];
    if (!rule) unknown.push(path);
    else if (isRule(rule)) {
      const problem = checkValue(path, value, rule);
      if (problem) problems.push(problem);
      else out[key] = value;
    } else if (!isPlainObject(value)) problems.push(objectProblem(path, value));
    else {
      const group = checkGroup(value, rule, `${path}.`, problems);
      if (Object.keys(group).length > 0) out[key] = group;
    }
  }
  for (const path of unknown.slice(0, MAX_UNKNOWN)) {
    const key = cut(path, 60);
    problems.push({
      kind: 'unknown',
      key,
      value: short(raw[path.slice(prefix.length)]),
      message: `"${key}" is not a setting this version knows; remove it (known here: ${Object.keys(rules).join(', ')}).`,
    });
  }
  if (unknown.length > MAX_UNKNOWN) {
    const count = unknown.length - MAX_UNKNOWN;
    problems.push({
      kind: 'moreUnknown',
      key: prefix ? prefix.slice(0, -1) : 'settings',
      value: '',
      count,
      message: `${count} more settings are not known to this version; remove them.`,
    });
  }
  return out;
}

function checkValue(key: string, value: unknown, rule: NumberRule | ChoiceRule): SettingsProblem | null {
  if (rule.kind === 'choice') {
    if (typeof value === 'string' && rule.options.includes(value)) return null;
    return {
      kind: 'choice',
      key,
      value: short(value),
      rule,
      message: `"${key}" is ${short(value)}; it must be one of ${rule.options.map((o) => `"${o}"`).join(', ')}.`,
    };
  }
  if (
    typeof value === 'number' &&
    Number.isFinite(value) &&
    value >= rule.min &&
    value <= rule.max &&
    (!rule.integer || Number.isInteger(value))
  ) {
    return null;
  }
  return {
    kind: 'number',
    key,
    value: short(value),
    rule,
    message: `"${key}" is ${short(value)}; it must be ${describeNumber(rule)}.`,
  };
}

/** The unserved threshold must stay below the served one, given or default. */
function checkOrder(settings: Partial<Settings>, problems: SettingsProblem[]): void {
  const t = settings.thresholds as Partial<Settings['thresholds']> | undefined;
  const served = t?.served ?? DEFAULT_SETTINGS.thresholds.served;
  const unserved = t?.unserved ?? DEFAULT_SETTINGS.thresholds.unserved;
  if (!t || unserved < served) return;
  const key = t.unserved !== undefined ? 'thresholds.unserved' : 'thresholds.served';
  const value = t.unserved !== undefined ? unserved : served;
  const other = key === 'thresholds.unserved' ? served : unserved;
  problems.push(
    key === 'thresholds.unserved'
      ? {
          kind: 'order',
          key,
          value: short(value),
          other: { key: 'thresholds.served', value: other },
          message: `"thresholds.unserved" is ${value}; it must be below "thresholds.served" (${other}).`,
        }
      : {
          kind: 'order',
          key,
          value: short(value),
          other: { key: 'thresholds.unserved', value: other },
          message: `"thresholds.served" is ${value}; it must be above "thresholds.unserved" (${other}).`,
        },
  );
  delete t.served;
  delete t.unserved;
  if (Object.keys(t).length === 0) delete (settings as { thresholds?: unknown }).thresholds;
}

function describeNumber(rule: NumberRule): string {
  const range = `from ${rule.min} to ${rule.max}`;
  switch (rule.unit) {
    case 'metres':
      return `a distance ${range} metres`;
    case 'share':
      return `a share ${range} (e.g. 0.95 for 95 %)`;
    case 'weight':
      return `a weight ${range}`;
    case 'VND':
      return `an amount in VND ${range}`;
    case 'count':
      return `a whole number ${range}`;
    case 'year':
      return `a year ${range}`;
    case 'mbps':
      return `a speed ${range} Mb/s`;
  }
}

function objectProblem(key: string, value: unknown): SettingsProblem {
  return {
    kind: 'object',
    key,
    value: short(value),
    message: `"${key}" is ${short(value)}; it must be an object of settings, such as {"fibreServiceRadiusM": 500}.`,
  };
}

function isRule(r: NumberRule | ChoiceRule | Rules): r is NumberRule | ChoiceRule {
  return (r as { kind?: unknown }).kind === 'number' || (r as { kind?: unknown }).kind === 'choice';
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A value as short text: JSON where it has one, else its JavaScript name (NaN, Infinity, undefined). */
function short(v: unknown): string {
  let text: string;
  if (typeof v === 'number' || v === undefined || typeof v === 'bigint') text = String(v);
  else {
    try {
      text = JSON.stringify(v) ?? String(v);
    } catch {
      text = Object.prototype.toString.call(v);
    }
  }
  return cut(text, 40);
}

function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
