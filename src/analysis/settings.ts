import type { RankingPresetName, RankingWeights, Settings, TargetSettings } from './types.ts';

/** Ranking presets (docs/DATA-MODEL.md §7): Equity for planners, Commercial for operators. */
export const PRESETS: Record<Exclude<RankingPresetName, 'custom'>, RankingWeights> = {
  equity: { uncoveredHouseholds: 0.4, uncoveredShare: 0.2, facilities: 0.3, costPerHousehold: 0.1 },
  commercial: { uncoveredHouseholds: 0.3, uncoveredShare: 0.1, facilities: 0.05, costPerHousehold: 0.55 },
};

/**
 * Defaults for flat rural delta terrain. Costs are illustrative (VND), of the order of
 * Vietnamese rural build costs; users set their own.
 */
export const DEFAULT_SETTINGS: Settings = {
  fibreServiceRadiusM: 500,
  defaultRadiusM: { '2G': 6000, '3G': 4000, '4G': 3000, '5G': 600 },
  thresholds: { served: 0.95, unserved: 0.05, noFibre: 0.05, noMbb: 0.05 },
  preset: 'equity',
  weights: PRESETS.equity,
  cost: {
    fibrePerKmVnd: 120_000_000,
    dropPerHouseholdVnd: 1_500_000,
    siteVnd: 1_800_000_000,
    newSiteRadiusM: 3000,
    // Radio equipment, antennas and rent on a tower that stands, powered and connected.
    colocationVnd: 500_000_000,
    // 4G equipment on the operator's own 2G/3G site.
    upgradeVnd: 350_000_000,
  },
  circleSegments: 64,
  targets: {
    fibreHamlets: 1,
    fibreYear: 2025,
    mbbHamlets: 1,
    mbbYear: 2025,
  },
  // QĐ 36/QĐ-TTg (2024): fixed ≥ 200 Mb/s, 4G ≥ 40, 5G ≥ 100; below 5 down or 1 up a test fails.
  measured: {
    fixedTargetMbps: 200,
    mobile4gTargetMbps: 40,
    mobile5gTargetMbps: 100,
    failingDownMbps: 5,
    failingUpMbps: 1,
    minTests: 5,
  },
};

/**
 * The national targets (QĐ 36/QĐ-TTg, 2024): fixed broadband in every hamlet by 2025; 4G/5G in every
 * hamlet, dated 2025 here too. The progress view marks a province's own targets when they differ.
 */
export const NATIONAL_TARGETS: TargetSettings = DEFAULT_SETTINGS.targets;

/** The settings without the targets: what the engine's results depend on (targets only mark progress). */
export function engineSettingsKey(settings: Settings): string {
  const { targets: _targets, ...rest } = settings;
  return JSON.stringify(rest);
}

/**
 * Settings that only order the ranking and price the builds (read by `rankHamlets`, the cost estimates and
 * the tower-sharing prices, never by a hamlet's coverage or the roll-ups), and the targets.
 */
const RANKING_ONLY: ReadonlySet<string> = new Set(['preset', 'weights', 'cost', 'targets']);

/**
 * Whether `a` and `b` differ at most in the ranking's weights and preset, the costs and the targets: then
 * every hamlet's coverage and every roll-up under `b` is the one under `a`, and only the ranking changes.
 *
 * @example onlyRankingDiffers(DEFAULT_SETTINGS, withDefaults({ preset: 'commercial' })) // true
 * @example onlyRankingDiffers(DEFAULT_SETTINGS, withDefaults({ fibreServiceRadiusM: 800 })) // false
 */
export function onlyRankingDiffers(a: Settings, b: Settings): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) {
    if (RANKING_ONLY.has(k)) continue;
    const key = k as keyof Settings;
    if (JSON.stringify(a[key]) !== JSON.stringify(b[key])) return false;
  }
  return true;
}

/** Fill missing fields from the defaults, so partial settings from a link or a file are safe. */
export function withDefaults(partial: Partial<Settings> | undefined): Settings {
  const p = partial ?? {};
  const preset = p.preset ?? DEFAULT_SETTINGS.preset;
  const presetWeights = preset === 'custom' ? DEFAULT_SETTINGS.weights : PRESETS[preset];
  return {
    fibreServiceRadiusM: p.fibreServiceRadiusM ?? DEFAULT_SETTINGS.fibreServiceRadiusM,
    defaultRadiusM: { ...DEFAULT_SETTINGS.defaultRadiusM, ...p.defaultRadiusM },
    thresholds: { ...DEFAULT_SETTINGS.thresholds, ...p.thresholds },
    preset,
    weights: { ...presetWeights, ...(preset === 'custom' ? p.weights : {}) },
    cost: { ...DEFAULT_SETTINGS.cost, ...p.cost },
    circleSegments: p.circleSegments ?? DEFAULT_SETTINGS.circleSegments,
    targets: { ...DEFAULT_SETTINGS.targets, ...p.targets },
    measured: { ...DEFAULT_SETTINGS.measured, ...p.measured },
  };
}
