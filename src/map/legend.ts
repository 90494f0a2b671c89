import type { FeatureCollection, Position } from 'geojson';
import type { ScenarioDelta, ScenarioEdit } from '../analysis/scenarioTypes.ts';
import { withDefaults } from '../analysis/settings.ts';
import type { Settings } from '../analysis/types.ts';
import type { Formatters } from '../i18n/format.ts';
import type { AppState } from '../store/appState.ts';
import type { PlanView } from '../store/scenario/plan.ts';
import { activeUnitSystem } from '../store/units.ts';
import type { HamletColourBy, LayerId, UnitSystem } from '../store/viewState.ts';
import { facilityKindsOf, operatorsOf } from './mapData.ts';
import {
  BACKGROUND,
  BOUNDARY,
  FIBRE,
  HAMLET_FILL_OPACITY,
  LEGEND_INK,
  NEUTRAL,
  RAMPS,
  SCENARIO,
  SITE_RING,
  STATUS_COLOURS,
  STATUS_ORDER,
  ZONES,
  facilityColour,
  operatorColours,
  seenColour,
  type ZoneKind,
} from './palette.ts';

/**
 * How an entry is drawn. Fill colours are the colours a reader sees on the map (the layer's colour at its
 * opacity over the map background), not the layer's raw colour. `hatch` draws the map's own hatch tile
 * (palette `hatchCell`) over the map background.
 */
export type LegendSymbol =
  | { kind: 'fill'; colour: string; outline?: string }
  | { kind: 'hatch'; zone: ZoneKind; base: string; outline: string }
  | { kind: 'line'; colour: string; dash?: boolean }
  | { kind: 'point'; colour: string; outline?: string };

/** A translation key and its values; a value given as `{ key }` is translated too (with `fallback`). */
export interface LegendLabel {
  key: string;
  params?: Record<string, string | { key: string; fallback: string }>;
}

export interface LegendEntry {
  id: string;
  symbol: LegendSymbol;
  /** The colour that identifies the entry on the map (a fill's seen colour, a ring's colour, a hatch's). */
  colour: string;
  label: LegendLabel;
}

export interface LegendRamp {
  title: LegendLabel;
  /** Seen colours at the ramp's stops, with the values already formatted. */
  stops: { value: number; colour: string; text: string }[];
  /** Hamlets the ramp gives no colour (served ones, when they are not ranked). */
  none: LegendEntry | null;
}

export interface Legend {
  title: LegendLabel;
  /** The plan the map's numbers describe: "Hiện trạng" or "Phương án: …" (null when not given). */
  plan: LegendLabel | null;
  ramp: LegendRamp | null;
  entries: LegendEntry[];
}

/** What the scenario puts on the map. */
export interface LegendScenario {
  edits: readonly ScenarioEdit[];
  draft: readonly Position[];
  covered: FeatureCollection | null;
  /** The scenario's measured change: an area kind is only listed when households gain or lose by it. */
  delta?: Pick<ScenarioDelta, 'newBroadbandHouseholds' | 'lostBroadbandHouseholds'> | null;
}

export interface LegendInput {
  visible: readonly LayerId[];
  colourBy: HamletColourBy;
  settings: Pick<Settings, 'thresholds' | 'fibreServiceRadiusM'>;
  /** Operators of the loaded sites, and kinds of the loaded facilities. */
  operators: readonly string[];
  facilityKinds: readonly string[];
  scenario?: LegendScenario;
  plan?: LegendLabel;
  /** `units`: the boundaries drawn are the province's and its communes and wards (no districts). */
  unitSystem?: UnitSystem;
}

/** The legend input for the app's state, the scenario being edited and the plan shown. */
export function legendInputOf(
  app: Pick<AppState, 'layers' | 'colourBy' | 'input' | 'settings'> &
    Partial<Pick<AppState, 'unitSystem' | 'admin'>>,
  scenario?: LegendScenario,
  plan?: PlanView,
): LegendInput {
  return {
    ...(app.unitSystem && app.admin
      ? { unitSystem: activeUnitSystem({ unitSystem: app.unitSystem, admin: app.admin }) }
      : {}),
    visible: app.layers,
    colourBy: app.colourBy,
    settings: withDefaults(app.settings),
    operators: operatorsOf(app.input?.sites),
    facilityKinds: facilityKindsOf(app.input?.facilities),
    scenario,
    ...(plan ? { plan: planLegendLabel(plan) } : {}),
  };
}

/** The plan as a legend label (strings of the `plan` namespace). */
export function planLegendLabel(plan: PlanView): LegendLabel {
  if (plan.kind === 'baseline') return { key: 'plan:baseline' };
  return {
    key: 'plan:scenario',
    params: { name: plan.name || { key: 'plan:untitled', fallback: '—' } },
  };
}

const seen = (hex: string): string => seenColour(hex, HAMLET_FILL_OPACITY);

function entry(id: string, symbol: LegendSymbol, label: LegendLabel, colour?: string): LegendEntry {
  return {
    id,
    symbol,
    colour: colour ?? (symbol.kind === 'hatch' ? ZONES[symbol.zone].hatch : symbol.colour),
    label,
  };
}

/**
 * The legend for what the map shows: one entry per visible layer's symbol, in drawing meaning order, from
 * the same palette and opacities as the layer plan. Pure; the screen legend, the PNG and the print sheet
 * all draw this, and translate its labels with `legendText`.
 * @example buildLegend({ visible: ['hamlets'], colourBy: 'status', ... }, formatters('vi')).entries[0].id // 'status-unserved'
 */
export function buildLegend(input: LegendInput, fmt: Formatters): Legend {
  const on = (id: LayerId): boolean => input.visible.includes(id);
  const entries: LegendEntry[] = [];
  let ramp: LegendRamp | null = null;
  if (on('hamlets')) {
    if (input.colourBy === 'status') {
      const params = {
        served: fmt.percent(input.settings.thresholds.served),
        unserved: fmt.percent(input.settings.thresholds.unserved),
      };
      for (const status of STATUS_ORDER) {
        entries.push(
          entry(
            `status-${status}`,
            { kind: 'fill', colour: seen(STATUS_COLOURS[status]) },
            {
              key: `legend.status.${status}`,
              params,
            },
          ),
        );
      }
    } else {
      const r = RAMPS[input.colourBy];
      const text = (v: number): string =>
        r.format === 'percent' ? fmt.percent(v) : r.format === 'score' ? fmt.number(v, 2) : fmt.integer(v);
      ramp = {
        title: { key: `colourBy.${input.colourBy}` },
        stops: r.stops.map(([value, colour]) => ({ value, colour: seen(colour), text: text(value) })),
        none: r.servedAsNone
          ? entry('ramp-none', { kind: 'fill', colour: seen(r.none) }, { key: 'legend.notCandidate' })
          : null,
      };
    }
  }
  for (const [zone, layer] of [
    ['white', 'whiteZones'],
    ['weak', 'weakZones'],
  ] as const) {
    if (on(layer))
      entries.push(
        entry(
          zone,
          { kind: 'hatch', zone, base: BACKGROUND, outline: ZONES[zone].line },
          { key: `legend.${layer}` },
        ),
      );
  }
  if (on('fibre'))
    entries.push(
      entry(
        'fibre-access',
        { kind: 'line', colour: FIBRE.access.colour },
        { key: 'legend.fibreAccess', params: { radius: fmt.integer(input.settings.fibreServiceRadiusM) } },
      ),
      entry(
        'fibre-backbone',
        { kind: 'line', colour: FIBRE.backbone.colour, dash: true },
        { key: 'legend.fibreBackbone' },
      ),
    );
  if (on('sites')) {
    for (const [op, colour] of operatorColours(input.operators)) {
      entries.push(
        entry(
          `op-${op}`,
          { kind: 'point', colour, outline: LEGEND_INK.dotOutline },
          { key: 'legend.sitesOperator', params: { operator: op } },
        ),
      );
    }
    entries.push(
      // The ring is what these two entries explain: a neutral dot inside it.
      entry(
        'ring-mbb',
        { kind: 'point', colour: NEUTRAL, outline: SITE_RING.mbb },
        { key: 'legend.sitesMbb' },
        SITE_RING.mbb,
      ),
      entry(
        'ring-legacy',
        { kind: 'point', colour: NEUTRAL, outline: SITE_RING.legacy },
        { key: 'legend.sitesLegacy' },
        SITE_RING.legacy,
      ),
    );
  }
  if (on('siteDiscs'))
    entries.push(
      entry(
        'discs',
        { kind: 'point', colour: LEGEND_INK.discFill, outline: LEGEND_INK.discLine },
        { key: 'legend.siteDiscs' },
      ),
    );
  if (on('facilities')) {
    for (const kind of input.facilityKinds) {
      entries.push(
        entry(
          `fac-${kind}`,
          { kind: 'point', colour: facilityColour(kind), outline: '#ffffff' },
          { key: 'legend.facilities', params: { kind: { key: `facilityKind.${kind}`, fallback: kind } } },
        ),
      );
    }
  }
  if (on('boundaries'))
    entries.push(
      entry(
        'bounds',
        { kind: 'line', colour: BOUNDARY.district.colour },
        { key: input.unitSystem === 'units' ? 'units:legendBoundaries' : 'legend.boundaries' },
      ),
    );
  entries.push(...scenarioEntries(input.scenario));
  return { title: { key: 'legend.title' }, plan: input.plan ?? null, ramp, entries };
}

/** Entries for the scenario's layers, only for what the scenario has. */
function scenarioEntries(s: LegendScenario | undefined): LegendEntry[] {
  if (!s) return [];
  const has = (kind: ScenarioEdit['kind']): boolean => s.edits.some((e) => e.kind === kind);
  // Slivers along the edge of a changed zone can come out as tiny "lost" areas where nobody loses anything.
  const households = { gained: s.delta?.newBroadbandHouseholds, lost: s.delta?.lostBroadbandHouseholds };
  const covered = (kind: 'gained' | 'lost'): boolean =>
    (households[kind] ?? 1) > 0 && (s.covered?.features ?? []).some((f) => f.properties?.kind === kind);
  const out: LegendEntry[] = [];
  if (has('add-site'))
    out.push(
      entry(
        'scenario-site',
        { kind: 'point', colour: SCENARIO.proposed, outline: SCENARIO.site.stroke },
        { key: 'legend.scenario.site' },
      ),
      entry(
        'scenario-reach',
        { kind: 'line', colour: SCENARIO.proposed, dash: true },
        { key: 'legend.scenario.reach' },
      ),
    );
  if (has('add-fibre') || s.draft.length > 0)
    out.push(
      entry(
        'scenario-fibre',
        { kind: 'line', colour: SCENARIO.proposed, dash: true },
        { key: 'legend.scenario.fibre' },
      ),
    );
  if (has('site-off'))
    out.push(
      entry(
        'scenario-off',
        { kind: 'point', colour: SCENARIO.off.fill, outline: SCENARIO.off.stroke },
        { key: 'legend.scenario.off' },
      ),
    );
  for (const kind of ['gained', 'lost'] as const) {
    if (covered(kind))
      out.push(
        entry(
          `scenario-${kind}`,
          {
            kind: 'fill',
            colour: seenColour(SCENARIO[kind], SCENARIO.coveredOpacity),
            outline: SCENARIO[kind],
          },
          { key: `legend.scenario.${kind}` },
        ),
      );
  }
  return out;
}

/** A translator as i18next's `t` is called: key and values to text. */
export type Translate = (key: string, params?: Record<string, string>) => string;

/** The text of a legend label in the current language. */
export function legendText(label: LegendLabel, t: Translate): string {
  const params: Record<string, string> = {};
  for (const [k, v] of Object.entries(label.params ?? {})) {
    params[k] = typeof v === 'string' ? v : t(v.key, { defaultValue: v.fallback });
  }
  return t(label.key, params);
}

/** One row of a legend drawn as a list (the PNG): text and symbol. */
export interface LegendRow {
  text: string;
  symbol: LegendSymbol;
}

/**
 * The legend as a flat list for an image: the ramp's stops as swatches ("Priority score: 0,5"), its
 * "not ranked" swatch, then every entry.
 */
export function legendRows(legend: Legend, t: Translate): LegendRow[] {
  const rows: LegendRow[] = [];
  if (legend.ramp) {
    const caption = legendText(legend.ramp.title, t);
    for (const stop of legend.ramp.stops)
      rows.push({ text: `${caption}: ${stop.text}`, symbol: { kind: 'fill', colour: stop.colour } });
    if (legend.ramp.none)
      rows.push({ text: legendText(legend.ramp.none.label, t), symbol: legend.ramp.none.symbol });
  }
  for (const e of legend.entries) rows.push({ text: legendText(e.label, t), symbol: e.symbol });
  return rows;
}
