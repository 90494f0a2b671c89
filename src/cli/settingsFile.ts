import { readFile } from 'node:fs/promises';
import { withDefaults } from '../analysis/settings.ts';
import type { RankingPresetName, Settings } from '../analysis/types.ts';
import { CliError, EXIT_USAGE } from './errors.ts';

export interface SettingsFlags {
  settingsPath?: string;
  preset?: string;
  fibreRadius?: string;
}

const PRESET_NAMES: RankingPresetName[] = ['equity', 'commercial', 'custom'];

/**
 * Builds the run's settings: defaults, then the JSON file, then the flags (flags win). A file that
 * gives weights without a preset means those weights ('custom'), since a named preset would ignore them.
 */
export async function resolveSettings(flags: SettingsFlags): Promise<Settings> {
  let partial: Partial<Settings> = {};
  if (flags.settingsPath) partial = await readSettingsFile(flags.settingsPath);
  if (partial.weights && partial.preset === undefined) partial = { ...partial, preset: 'custom' };
  if (flags.preset !== undefined) {
    if (!(PRESET_NAMES as string[]).includes(flags.preset) || flags.preset === 'custom') {
      throw new CliError(
        `--preset ${flags.preset}: use "equity" or "commercial" (custom weights go in --settings).`,
      );
    }
    partial = { ...partial, preset: flags.preset as RankingPresetName };
  }
  if (flags.fibreRadius !== undefined) {
    const r = Number(flags.fibreRadius);
    if (!Number.isFinite(r) || r <= 0 || flags.fibreRadius.trim() === '') {
      throw new CliError(
        `--fibre-radius ${flags.fibreRadius} is out of range: give a distance in metres greater than 0, e.g. 500.`,
        EXIT_USAGE,
      );
    }
    partial = { ...partial, fibreServiceRadiusM: r };
  }
  const settings = withDefaults(partial);
  checkSettings(settings, flags.settingsPath ?? 'the settings');
  return settings;
}

async function readSettingsFile(path: string): Promise<Partial<Settings>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new CliError(`${path} (--settings) cannot be read. Check the path.`);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new CliError(`${path} (--settings) is not valid JSON: ${(e as Error).message}. Fix the file.`);
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw new CliError(`${path} (--settings) must hold a JSON object such as {"fibreServiceRadiusM": 800}.`);
  }
  return doc as Partial<Settings>;
}

/** Every number the engine divides by or compares with must be a finite number in range. */
function checkSettings(s: Settings, source: string): void {
  const bad = (field: string, value: unknown, want: string): never => {
    throw new CliError(`${source}: "${field}" is ${JSON.stringify(value)}; it must be ${want}.`);
  };
  const positive = (field: string, v: unknown): void => {
    if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) bad(field, v, 'a number greater than 0');
  };
  const nonNegative = (field: string, v: unknown): void => {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) bad(field, v, 'a number ≥ 0');
  };
  if (!PRESET_NAMES.includes(s.preset)) bad('preset', s.preset, '"equity", "commercial" or "custom"');
  positive('fibreServiceRadiusM', s.fibreServiceRadiusM);
  positive('circleSegments', s.circleSegments);
  for (const [k, v] of Object.entries(s.defaultRadiusM)) positive(`defaultRadiusM.${k}`, v);
  for (const [k, v] of Object.entries(s.thresholds)) {
    if (typeof v !== 'number' || !(v >= 0 && v <= 1)) bad(`thresholds.${k}`, v, 'a share between 0 and 1');
  }
  for (const [k, v] of Object.entries(s.weights)) nonNegative(`weights.${k}`, v);
  for (const [k, v] of Object.entries(s.cost)) {
    if (k === 'newSiteRadiusM') positive(`cost.${k}`, v);
    else nonNegative(`cost.${k}`, v);
  }
}
