import type { LensClass } from '../analysis/operatorLens.ts';
import type { HamletStatus, MarketClass, MeasuredQuality } from '../analysis/types.ts';
import type { HamletColourBy } from '../store/viewState.ts';

/**
 * The one palette: the map layers, the legend (screen, PNG, print) and the panels' charts all read it, so
 * they cannot drift apart.
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
  /** Colour for hamlets without a value: not analysed yet, or served when `servedAsNone`. */
  none: string;
  /** Served hamlets are not ranked: they take `none` rather than a colour of the ramp. */
  servedAsNone: boolean;
}

/** The darkest purple of the score ramp, also the score breakdown's bars. */
const SCORE_TOP = '#54278f';

/** The measures coloured along a ramp (status, market and measured are classes). */
export type RampMeasure = Exclude<HamletColourBy, 'status' | 'market' | 'measured'>;

export const RAMPS: Record<RampMeasure, Ramp> = {
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
    servedAsNone: false,
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
    servedAsNone: true,
  },
  // ColorBrewer Purples
  score: {
    stops: [
      [0, '#f2f0f7'],
      [0.25, '#cbc9e2'],
      [0.5, '#9e9ac8'],
      [0.75, '#756bb1'],
      [1, SCORE_TOP],
    ],
    format: 'score',
    none: '#d9d9d9',
    servedAsNone: true,
  },
};

/**
 * Market classes (DATA-MODEL §14) as their names say: white where no operator gives 4G/5G, grey where one
 * does, black where two or more compete; lightness alone tells them apart, in colour or not.
 */
export const MARKET_COLOURS: Record<MarketClass, string> = {
  white: '#ffffff',
  grey: '#969696',
  black: '#252525',
};
export const MARKET_ORDER: readonly MarketClass[] = ['white', 'grey', 'black'];

/**
 * One operator's view of a hamlet (ColorBrewer PuOr ends and the served blue, distinct for colour-blind
 * readers): where it covers, where only competitors do (a commercial target), where no operator does (a
 * public-fund target).
 */
export const LENS_COLOURS: Record<LensClass, string> = {
  own: '#2166ac',
  competitor: '#e66101',
  none: '#5e3c99',
};
export const LENS_ORDER: readonly LensClass[] = ['none', 'competitor', 'own'];
/** Sites of other operators under an operator's lens: still there, but in the background. */
export const LENS_OTHER_SITE_OPACITY = 0.3;

/** A tower-sharing candidate on the map: its host, the reach of the operator's 4G there, the hamlets it gains. */
export const COLOCATION = {
  colour: '#c51b7d',
  reach: { width: 2, dash: [2, 1] as [number, number] },
  gainedLine: 3,
  host: { radius: 8, stroke: '#ffffff' },
} as const;

/**
 * Measured quality (docs/DATA-MODEL.md §17), ColorBrewer BrBG: dark teal meets the target, pale sand is below
 * it, dark brown fails; they differ in lightness too. No data is the grey of hamlets without a value.
 */
export const MEASURED_COLOURS: Record<MeasuredQuality, string> = {
  meets_target: '#01665e',
  below_target: '#f6e8c3',
  failing: '#8c510a',
  no_data: '#bdbdbd',
};
export const MEASURED_ORDER: readonly MeasuredQuality[] = [
  'failing',
  'below_target',
  'meets_target',
  'no_data',
];

/**
 * Units drawn as an aggregate below the switch zoom (`aggregate.ts`), by their gap (0 all served … 1 all
 * unserved): a diverging ramp from the served blue through the partly served yellow to the unserved red
 * (ColorBrewer RdYlBu's light steps between), so a unit reads like its hamlets would.
 */
export const AGGREGATE = {
  stops: [
    [0, STATUS_COLOURS.served],
    [0.25, '#92c5de'],
    [0.5, STATUS_COLOURS.partial],
    [0.75, '#ef8a62'],
    [1, STATUS_COLOURS.unserved],
  ] as readonly (readonly [number, string])[],
  none: STATUS_COLOURS.pending,
  outline: '#ffffff',
} as const;

export const HAMLET_FILL_OPACITY = 0.6;
export const HAMLET_LINE = '#6b6b6b';
export const SELECTED_LINE = '#000000';
/** Outline of the district or commune whose roll-up is open. */
export const AREA_LINE = '#0b61d8';

/**
 * Zones are drawn as hatching over the hamlet's own colour, never as a fill: the hamlet keeps the colour its
 * legend entry shows, and the zone shows as white lines ("\", each with a dark edge so it reads on pale
 * colours too) or violet lines ("/"); the two directions tell them apart in black and white too.
 */
export const ZONES = {
  white: { hatch: '#ffffff', edge: '#1a1a1a', edgeOpacity: 0.55, line: '#1a1a1a' },
  weak: { hatch: '#762a83', line: '#762a83' },
} as const;
export type ZoneKind = keyof typeof ZONES;
export const HATCH_IMAGES: Record<ZoneKind, string> = { white: 'vt-hatch-white', weak: 'vt-hatch-weak' };
/** Tile size of the hatching in CSS pixels: one line per tile, so a fifth (weak) to a third (white) is line. */
export const HATCH_SIZE = 10;

/** Which pixels of a hatch tile are line ('hatch'), its dark edge ('edge') or empty. */
export function hatchCell(
  kind: ZoneKind,
  x: number,
  y: number,
  n: number = HATCH_SIZE,
): 'hatch' | 'edge' | null {
  // Weak: "/" lines (x + y constant); white: "\" lines (x − y constant), 2 px wide.
  const d = kind === 'weak' ? (x + y) % n : (((x - y) % n) + n) % n;
  if (d === 0 || d === n - 1) return 'hatch';
  if (kind === 'white' && d === 1) return 'edge';
  return null;
}

/** RGBA pixels of a zone's hatching, made in code so no sprite is fetched; `scale` for print resolution. */
export function hatchPattern(
  kind: ZoneKind,
  scale = 1,
): { width: number; height: number; data: Uint8Array; pixelRatio: number } {
  const n = HATCH_SIZE * scale;
  const data = new Uint8Array(n * n * 4);
  const zone = ZONES[kind];
  const hatch = rgb(zone.hatch);
  const edge = rgb('edge' in zone ? zone.edge : zone.hatch);
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      const cell = hatchCell(kind, Math.floor(x / scale), Math.floor(y / scale));
      if (!cell) continue;
      const [r, g, b] = cell === 'hatch' ? hatch : edge;
      const i = (y * n + x) * 4;
      data[i] = r;
      data[i + 1] = g;
      data[i + 2] = b;
      data[i + 3] = cell === 'hatch' ? 255 : Math.round(255 * ('edgeOpacity' in zone ? zone.edgeOpacity : 1));
    }
  }
  return { width: n, height: n, data, pixelRatio: scale };
}

/** The pattern image for an id the style asks for, or null when it is not one of ours. */
export function patternImage(id: string, scale = 1): ReturnType<typeof hatchPattern> | null {
  const kind = (Object.keys(HATCH_IMAGES) as ZoneKind[]).find((k) => HATCH_IMAGES[k] === id);
  return kind ? hatchPattern(kind, scale) : null;
}

/** [r, g, b] of a "#rrggbb" colour. */
export function rgb(hex: string): [number, number, number] {
  const v = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return [v[0] ?? 0, v[1] ?? 0, v[2] ?? 0];
}

/**
 * The colour a reader sees where `hex` is drawn at `opacity` over `under` (the map background by default):
 * the legend shows this, so its swatch and the map match.
 * @example seenColour('#b2182b', 0.6) // '#c86b74'
 */
export function seenColour(hex: string, opacity: number, under: string = BACKGROUND): string {
  const a = rgb(hex);
  const b = rgb(under);
  return `#${a
    .map((v, i) => Math.round(v * opacity + (b[i] ?? 0) * (1 - opacity)))
    .map((v) => v.toString(16).padStart(2, '0'))
    .join('')}`;
}

export const FIBRE = {
  access: { colour: '#009e73', width: 2 },
  backbone: { colour: '#1a1a1a', width: 3, dash: [2, 1] as [number, number] },
  node: { colour: '#009e73', radius: 3.5 },
} as const;

/**
 * What-if scenarios: proposals in violet, areas a scenario newly covers in green and those it loses in
 * orange (drawn over the hamlets, with an outline of the same colour), switched-off sites as white dots.
 */
export const SCENARIO = {
  proposed: '#6a3d9a',
  gained: '#1a9850',
  lost: '#f46d43',
  coveredOpacity: 0.6,
  site: { stroke: '#ffffff', radius: 7 },
  off: { fill: '#ffffff', stroke: '#222222' },
  fibre: { width: 3, dash: [2, 1] as [number, number] },
  reach: { width: 1.5, dash: [3, 2] as [number, number] },
} as const;

/**
 * Comparing two dated versions: hamlets that gained cover in the scenario's green, those that lost it in its
 * orange (the same meaning), with a darker outline of the same hue, over the other hamlets veiled in white.
 */
export const CHANGES = {
  gained: SCENARIO.gained,
  lost: SCENARIO.lost,
  opacity: 0.9,
  veil: '#ffffff',
  veilOpacity: 0.7,
  line: { gained: '#0b5e2e', lost: '#a63603' },
} as const;

/** Sites of an unknown operator, and the dot inside the legend's ring entries. */
export const NEUTRAL = '#999999';
/** Legend-only details: the dot outline of operator entries, the site-disc entry's light fill and edge. */
export const LEGEND_INK = { dotOutline: '#444444', discFill: '#eeeeee', discLine: '#777777' } as const;

/** Operator colours by position in the sorted operator list (Okabe–Ito). */
export const OPERATOR_COLOURS = ['#d55e00', '#0072b2', '#cc79a7', '#e69f00', '#56b4e9', '#999999'] as const;
export const SITE_RING = { mbb: '#ffffff', legacy: '#000000' } as const;

export const FACILITY_COLOURS: Record<string, string> = {
  school: '#e69f00',
  health: '#009e73',
  commune_office: '#0072b2',
  other: '#555555',
};

/** Field reports by result: a filled circle in a dark ring (facilities have a white one). */
export const FIELD_REPORT = {
  no_signal: '#d62728',
  weak: '#ffbf00',
  ok: '#2ca02c',
  ring: '#1a1a1a',
  radius: 6,
  ringWidth: 2.5,
} as const;

export const BOUNDARY = {
  province: { colour: '#3a3a3a', width: 2.5 },
  district: { colour: '#4d4d4d', width: 1.6 },
  commune: { colour: '#8a8a8a', width: 0.7 },
} as const;

/** Colour per operator, stable for a given set of operators. */
export function operatorColours(operators: Iterable<string>): Map<string, string> {
  const sorted = [...new Set(operators)].sort((a, b) => a.localeCompare(b));
  return new Map(
    sorted.map((op, i) => [op, OPERATOR_COLOURS[Math.min(i, OPERATOR_COLOURS.length - 1)] ?? NEUTRAL]),
  );
}

export function facilityColour(kind: string): string {
  return FACILITY_COLOURS[kind] ?? FACILITY_COLOURS.other ?? '#555555';
}

/** Coverage classes (docs/DATA-MODEL.md §2) in the details bar: white, and the light violet of weak hatching. */
export const CLASS_COLOURS = {
  'fibre+mbb': '#2166ac',
  fibre: '#67a9cf',
  mbb: '#1b9e77',
  weak: '#c2a5cf',
  white: '#ffffff',
} as const;

/** Charts in the panels: bars on a light track, the 100 % target in the unserved colour. */
export const CHART = {
  ink: '#222222',
  track: '#ececec',
  target: STATUS_COLOURS.unserved,
  targetText: '#7a0f1d',
  outline: '#555555',
} as const;

/** The score breakdown's bars: the top of the score ramp, so they read as the map's score colouring. */
export const SCORE_BAR = {
  track: '#e3e3e3',
  fill: SCORE_TOP,
} as const;
