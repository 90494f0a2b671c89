import type { RankingPresetName, Settings } from '../../analysis/types.ts';

/**
 * One numeric setting in a link: where it lives in `Settings`, its short key, and the range a sane value
 * falls in. Keys are part of the v1 link format: never reuse or rename one, only add.
 */
interface Leaf {
  key: string;
  path: readonly [keyof Settings] | readonly [keyof Settings, string];
  label: string;
  min: number;
  max: number;
  integer?: boolean;
  /** Fractions from sliders (0.30000000000000004) are rounded so links stay short and stable. */
  decimals?: number;
}

const LEAVES: readonly Leaf[] = [
  { key: 'fr', path: ['fibreServiceRadiusM'], label: 'fibre service radius', min: 0, max: 50_000 },
  { key: 'r2', path: ['defaultRadiusM', '2G'], label: '2G default radius', min: 0, max: 100_000 },
  { key: 'r3', path: ['defaultRadiusM', '3G'], label: '3G default radius', min: 0, max: 100_000 },
  { key: 'r4', path: ['defaultRadiusM', '4G'], label: '4G default radius', min: 0, max: 100_000 },
  { key: 'r5', path: ['defaultRadiusM', '5G'], label: '5G default radius', min: 0, max: 100_000 },
  { key: 'ts', path: ['thresholds', 'served'], label: 'served threshold', min: 0, max: 1, decimals: 4 },
  { key: 'tu', path: ['thresholds', 'unserved'], label: 'unserved threshold', min: 0, max: 1, decimals: 4 },
  { key: 'tf', path: ['thresholds', 'noFibre'], label: 'no-fibre threshold', min: 0, max: 1, decimals: 4 },
  { key: 'tm', path: ['thresholds', 'noMbb'], label: 'no-MBB threshold', min: 0, max: 1, decimals: 4 },
  { key: 'wh', path: ['weights', 'uncoveredHouseholds'], label: 'weight', min: 0, max: 100, decimals: 4 },
  { key: 'ws', path: ['weights', 'uncoveredShare'], label: 'weight', min: 0, max: 100, decimals: 4 },
  { key: 'wf', path: ['weights', 'facilities'], label: 'weight', min: 0, max: 100, decimals: 4 },
  { key: 'wc', path: ['weights', 'costPerHousehold'], label: 'weight', min: 0, max: 100, decimals: 4 },
  { key: 'cf', path: ['cost', 'fibrePerKmVnd'], label: 'fibre cost per km', min: 0, max: 1e13 },
  { key: 'cd', path: ['cost', 'dropPerHouseholdVnd'], label: 'drop cost', min: 0, max: 1e13 },
  { key: 'cs', path: ['cost', 'siteVnd'], label: 'site cost', min: 0, max: 1e13 },
  { key: 'cr', path: ['cost', 'newSiteRadiusM'], label: 'new site radius', min: 1, max: 100_000 },
  { key: 'cc', path: ['cost', 'colocationVnd'], label: 'co-location cost', min: 0, max: 1e13 },
  { key: 'cu', path: ['cost', 'upgradeVnd'], label: 'upgrade cost', min: 0, max: 1e13 },
  { key: 'sg', path: ['circleSegments'], label: 'circle segments', min: 8, max: 4096, integer: true },
];

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
 * Rebuilds `Partial<Settings>` from the compact form, value by value: a value out of range or of the
 * wrong type is dropped with a problem message and the others are kept.
 */
export function decodeSettings(raw: unknown): { settings: Partial<Settings>; problems: string[] } {
  const problems: string[] = [];
  if (!isRecord(raw)) {
    return { settings: {}, problems: ['Settings were not restored: the link holds no readable settings.'] };
  }
  const out: Record<string, unknown> = {};
  const known = new Set(['p', ...LEAVES.map((l) => l.key)]);
  for (const leaf of LEAVES) {
    if (!(leaf.key in raw)) continue;
    const value = raw[leaf.key];
    const [outer, inner] = leaf.path;
    const name = inner === undefined ? outer : `${outer}.${inner}`;
    if (
      typeof value !== 'number' ||
      !Number.isFinite(value) ||
      value < leaf.min ||
      value > leaf.max ||
      (leaf.integer === true && !Number.isInteger(value))
    ) {
      problems.push(
        `Setting "${name}" (${leaf.label}) was not restored: ${JSON.stringify(value)} is not a number ` +
          `between ${leaf.min} and ${leaf.max}; the default is used.`,
      );
      continue;
    }
    if (inner === undefined) out[outer] = value;
    else {
      const group = (out[outer] ?? {}) as Record<string, number>;
      group[inner] = value;
      out[outer] = group;
    }
  }
  if ('p' in raw) {
    const preset = (Object.keys(PRESET_CODES) as RankingPresetName[]).find((k) => PRESET_CODES[k] === raw.p);
    if (preset) out.preset = preset;
    else problems.push(`Ranking preset ${JSON.stringify(raw.p)} is unknown; the default preset is used.`);
  }
  for (const key of Object.keys(raw)) {
    if (!known.has(key)) problems.push(`Setting "${key}" is not known to this version and was ignored.`);
  }
  return { settings: out as Partial<Settings>, problems };
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
