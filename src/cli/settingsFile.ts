import { readFile } from 'node:fs/promises';
import { withDefaults } from '../analysis/settings.ts';
import type { RankingPresetName, Settings } from '../analysis/types.ts';
import { SETTINGS_RULES, validateSettings } from '../analysis/validateSettings.ts';
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
 * The file and the flags pass the settings validator: anything it refuses stops the run with its words.
 */
export async function resolveSettings(flags: SettingsFlags): Promise<Settings> {
  let partial: Partial<Settings> = {};
  if (flags.settingsPath) {
    const checked = validateSettings(await readSettingsFile(flags.settingsPath));
    if (checked.problems.length > 0) {
      throw new CliError(
        `${flags.settingsPath}: ${checked.problems.map((p) => p.message).join(' ')} ` +
          'Fix the file (or delete the setting to use its default).',
      );
    }
    partial = checked.settings;
  }
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
    const r = flags.fibreRadius.trim() === '' ? NaN : Number(flags.fibreRadius);
    const { min, max } = SETTINGS_RULES.fibreServiceRadiusM;
    if (validateSettings({ fibreServiceRadiusM: r }).problems.length > 0) {
      throw new CliError(
        `--fibre-radius ${flags.fibreRadius} is out of range: give a distance in metres from ${min} to ${max}, e.g. 500.`,
        EXIT_USAGE,
      );
    }
    partial = { ...partial, fibreServiceRadiusM: r };
  }
  return withDefaults(partial);
}

async function readSettingsFile(path: string): Promise<Record<string, unknown>> {
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
  return doc as Record<string, unknown>;
}
