import type { HamletStatus } from '../analysis/types.ts';
import type { HamletColourBy } from '../store/viewState.ts';

/**
 * The one palette: the map layers and the legend both read it, so they cannot drift apart.
 * Hues follow Okabe–Ito and ColorBrewer schemes chosen to stay distinct for colour-blind readers
 * (blue / yellow / dark red differ in lightness as well as hue).
 */
export const BACKGROUND = '#e9e7e2';

export const STATUS_COLOURS: Record<HamletStatus | 'pending', string> = {
  served: '#2166ac',
  partial: '#f1c232',
  unserved: '#b2182b',
  pending: '#bdbdbd',
};
export const STATUS_ORDER: readonly HamletStatus[] = ['unserved', 'partial', 'served'];

export type RampFormat = 'percent' | 'integer' | 'score';
export interface Ramp {
  /** [value, colour] ascending; the map interpolates linearly between them. */
  stops: readonly (readonly [number, string])[];
  format: RampFormat;
  /** Colour for hamlets without a value (served hamlets have no score). */
  none: string;
}

export const RAMPS: Record<Exclude<HamletColourBy, 'status'>, Ramp> = {
  // viridis
  broadbandShare: {
    stops: [
      [0, '#440154'],
      [0.25, '#3b528b'],
      [0.5, '#21918c'],
      [0.75, '#5ec962'],
      [1, '#fde725'],
    ],
    format: 'percent',
    none: '#bdbdbd',
  },
  // ColorBrewer YlOrRd
  uncoveredHouseholds: {
    stops: [
      [0, '#ffffb2'],
      [50, '#fecc5c'],
      [100, '#fd8d3c'],
      [200, '#f03b20'],
      [400, '#bd0026'],
    ],
    format: 'integer',
    none: '#bdbdbd',
  },
  // ColorBrewer Purples
  score: {
    stops: [
      [0, '#f2f0f7'],
      [0.25, '#cbc9e2'],
      [0.5, '#9e9ac8'],
      [0.75, '#756bb1'],
      [1, '#54278f'],
    ],
    format: 'score',
    none: '#d9d9d9',
  },
};

export const HAMLET_FILL_OPACITY = 0.6;
export const HAMLET_LINE = '#6b6b6b';
export const SELECTED_LINE = '#000000';
/** Outline of the district or commune whose roll-up is open. */
export const AREA_LINE = '#0b61d8';

/** White zones are literally white with a dark edge; weak zones a light purple, hatched look. */
export const ZONES = {
  white: { fill: '#ffffff', opacity: 0.92, line: '#1a1a1a' },
  // A light wash plus diagonal hatching: the hamlet's own colour still shows through.
  weak: { fill: '#c2a5cf', opacity: 0.35, line: '#762a83', hatch: '#762a83' },
} as const;
export const WEAK_HATCH_IMAGE = 'vt-hatch-weak';
const HATCH_SIZE = 8;

/** RGBA pixels of the weak-zone hatching (a diagonal line per tile), made in code so no sprite is fetched. */
export function hatchPattern(hex: string = ZONES.weak.hatch): {
  width: number;
  height: number;
  data: Uint8Array;
} {
  const n = HATCH_SIZE;
  const data = new Uint8Array(n * n * 4);
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      const d = (x + y) % n;
      const on = d === 0 || d === n - 1;
      const i = (y * n + x) * 4;
      data[i] = r ?? 0;
      data[i + 1] = g ?? 0;
      data[i + 2] = b ?? 0;
      data[i + 3] = on ? 230 : 0;
    }
  }
  return { width: n, height: n, data };
}

export const FIBRE = {
  access: { colour: '#009e73', width: 2 },
  backbone: { colour: '#1a1a1a', width: 3, dash: [2, 1] as [number, number] },
  node: { colour: '#009e73', radius: 3.5 },
} as const;

/** Operator colours by position in the sorted operator list (Okabe–Ito). */
export const OPERATOR_COLOURS = ['#d55e00', '#0072b2', '#cc79a7', '#e69f00', '#56b4e9', '#999999'] as const;
export const SITE_RING = { mbb: '#ffffff', legacy: '#000000' } as const;

export const FACILITY_COLOURS: Record<string, string> = {
  school: '#e69f00',
  health: '#009e73',
  commune_office: '#0072b2',
  other: '#555555',
};

export const BOUNDARY = {
  province: { colour: '#3a3a3a', width: 2.5 },
  district: { colour: '#4d4d4d', width: 1.6 },
  commune: { colour: '#8a8a8a', width: 0.7 },
} as const;

/** Colour per operator, stable for a given set of operators. */
export function operatorColours(operators: Iterable<string>): Map<string, string> {
  const sorted = [...new Set(operators)].sort((a, b) => a.localeCompare(b));
  return new Map(
    sorted.map((op, i) => [op, OPERATOR_COLOURS[Math.min(i, OPERATOR_COLOURS.length - 1)] ?? '#999999']),
  );
}

export function facilityColour(kind: string): string {
  return FACILITY_COLOURS[kind] ?? FACILITY_COLOURS.other ?? '#555555';
}

/** Coverage classes (docs/DATA-MODEL.md §2) in the details bar; white and weak match their zone layers. */
export const CLASS_COLOURS = {
  'fibre+mbb': '#2166ac',
  fibre: '#67a9cf',
  mbb: '#1b9e77',
  weak: ZONES.weak.fill,
  white: ZONES.white.fill,
} as const;
