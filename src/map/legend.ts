import type { FeatureCollection, Position } from 'geojson';
import type { ScenarioDelta, ScenarioEdit } from '../analysis/scenarioTypes.ts';
import { withDefaults } from '../analysis/settings.ts';
import type { Settings } from '../analysis/types.ts';
import { REPORT_RESULTS, type ReportResult } from '../data/fieldReports.ts';
import type { Formatters } from '../i18n/format.ts';
import type { AppState } from '../store/appState.ts';
import { activeLens } from '../store/lens.ts';
import type { PlanView } from '../store/scenario/plan.ts';
import { activeUnitSystem } from '../store/units.ts';
import type { HamletColourBy, LayerId, UnitSystem } from '../store/viewState.ts';
import { aggregateAreas, showsAggregate, type AggregateAreas } from './aggregate.ts';
import { facilityKindsOf, measuredKind, operatorsOf } from './mapData.ts';
import {
  AGGREGATE,
  BACKGROUND,
  BOUNDARY,
  COLOCATION,
  CHANGES,
  FIBRE,
  FIELD_REPORT,
  HAMLET_FILL_OPACITY,
  LEGEND_INK,
  LENS_COLOURS,
  LENS_ORDER,
  LENS_OTHER_SITE_OPACITY,
  MARKET_COLOURS,
  MARKET_ORDER,
  MEASURED_COLOURS,
  MEASURED_ORDER,
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
  /** What the map shows at its zoom: the units as an aggregate or each hamlet; null without hamlets shown. */
  shows: LegendLabel | null;
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

/** Two compared versions on the map: which kinds of change it shows, and the two dates (as shown). */
export interface LegendChanges {
  gained: boolean;
  lost: boolean;
  before: string;
  after: string;
}

export interface LegendInput {
  visible: readonly LayerId[];
  colourBy: HamletColourBy;
  settings: Pick<Settings, 'thresholds' | 'fibreServiceRadiusM'> & Partial<Pick<Settings, 'measured'>>;
  /** What the measured colouring shows (`measuredKind`): mobile or fixed tests; null without any. */
  measured?: 'mobile' | 'fixed' | null;
  /** Operators of the loaded sites, and kinds of the loaded facilities. */
  operators: readonly string[];
  facilityKinds: readonly string[];
  /** Results of the field reports on the map (none: no entries). */
  reportResults?: readonly ReportResult[];
  scenario?: LegendScenario;
  /** The operator of the lens (its view colours `market`, its sites stand out); null for all operators. */
  lensOperator?: string | null;
  /** A tower-sharing candidate is on the map. */
  colocation?: boolean;
  plan?: LegendLabel;
  /** `units`: the boundaries drawn are the province's and its communes and wards (no districts). */
  unitSystem?: UnitSystem;
  changes?: LegendChanges | null;
  /** The map's zoom: below `AGGREGATE_BELOW_ZOOM` the units stand for the hamlets. Absent: hamlets. */
  zoom?: number;
  /** What the aggregate is drawn by (`aggregateAreas`); absent: the units of `unitSystem`. */
  aggregateAreas?: AggregateAreas;
}

/**
 * The legend input for the app's state, the scenario being edited, the plan shown, whether a tower-sharing
 * candidate shows and the versions compared on the map.
 */
export function legendInputOf(
  app: Pick<AppState, 'layers' | 'colourBy' | 'input' | 'settings' | 'lens' | 'result'> &
    Partial<Pick<AppState, 'unitSystem' | 'admin' | 'fieldReports' | 'zoom'>>,
  scenario?: LegendScenario,
  plan?: PlanView,
  colocation = false,
  changes?: LegendChanges | null,
): LegendInput {
  const unitSystem =
    app.unitSystem && app.admin ? activeUnitSystem({ unitSystem: app.unitSystem, admin: app.admin }) : null;
  return {
    ...(unitSystem && app.admin ? { unitSystem, aggregateAreas: aggregateAreas(app.admin, unitSystem) } : {}),
    visible: app.layers,
    colourBy: app.colourBy,
    settings: withDefaults(app.settings),
    measured: measuredKind(app.result ?? null),
    operators: operatorsOf(app.input?.sites),
    facilityKinds: facilityKindsOf(app.input?.facilities),
    reportResults: REPORT_RESULTS.filter((r) =>
      (app.fieldReports ?? []).some((f) => f.properties.result === r),
    ),
    scenario,
    lensOperator: activeLens(app).operator,
    colocation,
    changes,
    ...(app.zoom === undefined ? {} : { zoom: app.zoom }),
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
  const lensOp = input.lensOperator ?? null;
  const aggregate = input.zoom !== undefined && showsAggregate(input.zoom);
  const areas = {
    key: `legend.aggregate.areas.${input.aggregateAreas ?? (input.unitSystem === 'units' ? 'units' : 'communes')}`,
    fallback: '',
  };
  let shows: LegendLabel | null = null;
  if (on('hamlets') && aggregate) {
    shows = { key: 'legend.shows.aggregate', params: { areas } };
    ramp = {
      title: { key: 'legend.aggregate.title', params: { areas } },
      stops: AGGREGATE.stops.map(([value, colour]) => ({
        value,
        colour: seen(colour),
        text: fmt.percent(value),
      })),
      none: entry(
        'aggregate-none',
        { kind: 'fill', colour: seen(AGGREGATE.none) },
        { key: 'legend.aggregate.none' },
      ),
    };
  } else if (on('hamlets')) {
    shows = { key: 'legend.shows.hamlets' };
    if (input.colourBy === 'market' && lensOp !== null) {
      for (const c of LENS_ORDER)
        entries.push(
          entry(
            `lens-${c}`,
            { kind: 'fill', colour: seen(LENS_COLOURS[c]) },
            { key: `legend.lens.${c}`, params: { operator: lensOp } },
          ),
        );
    } else if (input.colourBy === 'market') {
      for (const c of MARKET_ORDER)
        entries.push(
          entry(
            `market-${c}`,
            { kind: 'fill', colour: seen(MARKET_COLOURS[c]) },
            { key: `legend.market.${c}` },
          ),
        );
    } else if (input.colourBy === 'status') {
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
    } else if (input.colourBy === 'measured') {
      entries.push(...measuredEntries(input, fmt));
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
    // Zones are drawn from the switch zoom up, with the hamlets.
    if (on(layer) && !aggregate)
      entries.push(
        entry(
          zone,
          { kind: 'hatch', zone, base: BACKGROUND, outline: ZONES[zone].line },
          { key: `legend.${layer}` },
        ),
      );
  }
  // Access fibre and sites are drawn from the switch zoom up, like the hamlets they serve.
  if (on('fibre') && !aggregate)
    entries.push(
      entry(
        'fibre-access',
        { kind: 'line', colour: FIBRE.access.colour },
        { key: 'legend.fibreAccess', params: { radius: fmt.integer(input.settings.fibreServiceRadiusM) } },
      ),
    );
  if (on('fibre'))
    entries.push(
      entry(
        'fibre-backbone',
        { kind: 'line', colour: FIBRE.backbone.colour, dash: true },
        { key: 'legend.fibreBackbone' },
      ),
    );
  if (on('sites') && !aggregate) {
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
    if (lensOp !== null)
      entries.push(
        entry(
          'lens-other-sites',
          {
            kind: 'point',
            colour: seenColour(NEUTRAL, LENS_OTHER_SITE_OPACITY),
            outline: LEGEND_INK.discLine,
          },
          { key: 'legend.lens.otherSites', params: { operator: lensOp } },
        ),
      );
  }
  if (on('siteDiscs'))
    entries.push(
      entry(
        'discs',
        { kind: 'point', colour: LEGEND_INK.discFill, outline: LEGEND_INK.discLine },
        lensOp === null
          ? { key: 'legend.siteDiscs' }
          : { key: 'legend.lens.siteDiscs', params: { operator: lensOp } },
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
  for (const kind of ['gained', 'lost'] as const) {
    const c = input.changes;
    if (c?.[kind])
      entries.push(
        entry(
          `changes-${kind}`,
          { kind: 'fill', colour: seenColour(CHANGES[kind], CHANGES.opacity), outline: CHANGES.line[kind] },
          { key: `legend.changes.${kind}`, params: { before: c.before, after: c.after } },
        ),
      );
  }
  entries.push(...scenarioEntries(input.scenario));
  if (input.colocation)
    entries.push(
      entry(
        'colocation-host',
        { kind: 'point', colour: COLOCATION.colour, outline: COLOCATION.host.stroke },
        { key: 'legend.colocation.host' },
      ),
      entry(
        'colocation-reach',
        { kind: 'line', colour: COLOCATION.colour, dash: true },
        { key: 'legend.colocation.reach', params: { operator: lensOp ?? '' } },
      ),
      entry(
        'colocation-gained',
        { kind: 'fill', colour: BACKGROUND, outline: COLOCATION.colour },
        { key: 'legend.colocation.gained' },
        COLOCATION.colour,
      ),
    );
  for (const result of input.reportResults ?? []) {
    entries.push(
      entry(
        `report-${result}`,
        { kind: 'point', colour: FIELD_REPORT[result], outline: FIELD_REPORT.ring },
        { key: `legend.fieldReport.${result}` },
      ),
    );
  }
  return { title: { key: 'legend.title' }, plan: input.plan ?? null, shows, ramp, entries };
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

/**
 * One entry per measured quality, with the targets they compare against (mobile: the 4G target; fixed:
 * the fixed target) and the failing limits.
 */
function measuredEntries(input: LegendInput, fmt: Formatters): LegendEntry[] {
  const m = withDefaults({ measured: input.settings.measured }).measured;
  const kind = input.measured ?? 'mobile';
  const params = {
    kind: { key: `legend.measured.${kind}`, fallback: kind },
    target: fmt.number(kind === 'fixed' ? m.fixedTargetMbps : m.mobile4gTargetMbps, 0),
    down: fmt.number(m.failingDownMbps, 0),
    up: fmt.number(m.failingUpMbps, 0),
  };
  return MEASURED_ORDER.map((q) =>
    entry(
      `measured-${q}`,
      { kind: 'fill', colour: seen(MEASURED_COLOURS[q]) },
      { key: `legend.measured.${q}`, params },
    ),
  );
}
