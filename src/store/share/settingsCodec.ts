import type { RankingPresetName, Settings } from '../../analysis/types.ts';
import { validateSettings, type CheckedSettings } from '../../analysis/validateSettings.ts';

/**
 * One numeric setting in a link: where it lives in `Settings` and its short key. Keys are part of the v1
 * link format: never reuse or rename one, only add. What a value may be is the validator's to say.
 */
interface Leaf {
  key: string;
  path: readonly [keyof Settings] | readonly [keyof Settings, string];
  /** Fractions from sliders (0.30000000000000004) are rounded so links stay short and stable. */
  decimals?: number;
}

const LEAVES: readonly Leaf[] = [
  { key: 'fr', path: ['fibreServiceRadiusM'] },
  { key: 'r2', path: ['defaultRadiusM', '2G'] },
  { key: 'r3', path: ['defaultRadiusM', '3G'] },
  { key: 'r4', path: ['defaultRadiusM', '4G'] },
  { key: 'r5', path: ['defaultRadiusM', '5G'] },
  { key: 'ts', path: ['thresholds', 'served'], decimals: 4 },
  { key: 'tu', path: ['thresholds', 'unserved'], decimals: 4 },
  { key: 'tf', path: ['thresholds', 'noFibre'], decimals: 4 },
  { key: 'tm', path: ['thresholds', 'noMbb'], decimals: 4 },
  { key: 'wh', path: ['weights', 'uncoveredHouseholds'], decimals: 4 },
  { key: 'ws', path: ['weights', 'uncoveredShare'], decimals: 4 },
  { key: 'wf', path: ['weights', 'facilities'], decimals: 4 },
  { key: 'wc', path: ['weights', 'costPerHousehold'], decimals: 4 },
  { key: 'cf', path: ['cost', 'fibrePerKmVnd'] },
  { key: 'cd', path: ['cost', 'dropPerHouseholdVnd'] },
  { key: 'cs', path: ['cost', 'siteVnd'] },
  { key: 'cr', path: ['cost', 'newSiteRadiusM'] },
  { key: 'cc', path: ['cost', 'colocationVnd'] },
  { key: 'cu', path: ['cost', 'upgradeVnd'] },
  { key: 'sg', path: ['circleSegments'] },
  { key: 'gf', path: ['targets', 'fibreHamlets'], decimals: 4 },
  { key: 'gfy', path: ['targets', 'fibreYear'] },
  { key: 'gm', path: ['targets', 'mbbHamlets'], decimals: 4 },
  { key: 'gmy', path: ['targets', 'mbbYear'] },
];
const LEAF_BY_KEY = new Map(LEAVES.map((l) => [l.key, l]));

const PRESET_CODES: Record<RankingPresetName, string> = { equity: 'e', commercial: 'c', custom: 'x' };

/** Compact form of `Partial<Settings>`: a flat object of short keys, only the values that were set. */
export type CompactSettings = Record<string, number | string>;

function round(value: number, decimals: number | undefined): number {
  if (decimals === undefined) return value;
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

/** Flattens the settings that differ from the defaults into short keys. Unknown fields are ignored. */
export function encodeSettings(settings: Partial<Settings>): CompactSettings {
  const out: CompactSettings = {};
  const bag = settings as Record<string, unknown>;
  for (const leaf of LEAVES) {
    const [outer, inner] = leaf.path;
    const top = bag[outer];
    const value = inner === undefined ? top : isRecord(top) ? top[inner] : undefined;
    if (typeof value === 'number' && Number.isFinite(value)) out[leaf.key] = round(value, leaf.decimals);
  }
  if (settings.preset !== undefined) out.p = PRESET_CODES[settings.preset];
  return out;
}

/**
 * Rebuilds `Partial<Settings>` from the compact form and checks it with the settings validator: a value
 * it refuses is left out (the default is used) with a problem saying which and why; the others are kept.
 * Unknown short keys are named `st.<key>`.
 */
export function decodeSettings(raw: unknown): CheckedSettings {
  if (!isRecord(raw)) return validateSettings(raw);
  const nested: Record<string, unknown> = {};
  for (const key of Object.keys(raw)) {
    const value = raw[key];
    const leaf = LEAF_BY_KEY.get(key);
    if (leaf) {
      const [outer, inner] = leaf.path;
      if (inner === undefined) nested[outer] = value;
      else {
        const group = (nested[outer] ?? {}) as Record<string, unknown>;
        group[inner] = value;
        nested[outer] = group;
      }
    } else if (key === 'p') {
      const preset = (Object.keys(PRESET_CODES) as RankingPresetName[]).find(
        (k) => PRESET_CODES[k] === value,
      );
      nested.preset = preset ?? value;
    } else nested[`st.${key}`] = value;
  }
  return validateSettings(nested);
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
