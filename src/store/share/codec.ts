import type { Feature } from 'geojson';
import type { HamletStatus, MarketClass } from '../../analysis/types.ts';
import {
  ALL_COLOUR_BY,
  ALL_LAYERS,
  EMPTY_FILTERS,
  type Filters,
  type HamletColourBy,
  type LayerId,
  type LensRanking,
  type LensView,
  type SelectedArea,
  type TechGap,
  type UnitSystem,
  type ViewState,
} from '../viewState.ts';
import { fromBase64Url, toBase64Url } from './base64url.ts';
import { migrateV0 } from './migrate.ts';
import { decodeScenario, encodeScenario } from './scenarioCodec.ts';
import { decodeSettings, encodeSettings, isRecord } from './settingsCodec.ts';
import { decodeComparison, encodeComparison, type SharedComparison } from './versionsCodec.ts';
import type { SettingsProblem } from '../../analysis/validateSettings.ts';
import { linkIssue, quoted, type LinkIssue } from './linkIssue.ts';

export type { LinkIssue } from './linkIssue.ts';

/**
 * A view as shared: the view plus the live scenario (its edits as GeoJSON features, its name) and which plan
 * the numbers show, so a link reopens the same mode.
 */
export interface SharedView extends ViewState {
  scenario?: Feature[];
  /** Two dated versions compared (null: none). */
  comparison?: SharedComparison | null;
  scenarioName?: string;
  /** 'baseline' when the baseline is shown while the scenario has edits; the scenario is shown otherwise. */
  scenarioShown?: 'baseline' | 'scenario';
}

export const LINK_VERSION = 1;

/** What a link could not restore: a link issue, or a refused setting (both worded in the UI's language). */
export type LinkProblem = LinkIssue | SettingsProblem;

/** A link problem as an English sentence (tests, logs). */
export function linkProblemText(p: LinkProblem): string {
  return p.message;
}

/**
 * Links longer than this are refused when opened and never written to the address bar: servers answer
 * longer request lines with "431 Request Header Fields Too Large" (Node's limit is 16 KB of headers).
 */
export const MAX_LINK_CHARS = 16_000;

/**
 * v1 orders: a layer's bit and a colour measure's index are part of the format. Append only, so that
 * adding a layer to the app never changes what an old link means.
 */
const LAYER_BITS: readonly LayerId[] = ALL_LAYERS;
const COLOUR_BY: readonly HamletColourBy[] = ALL_COLOUR_BY;
const STATUSES: readonly HamletStatus[] = ['served', 'partial', 'unserved'];
const GAPS: readonly TechGap[] = ['any', 'noFibre', 'noMbb', 'both'];
const MARKETS: readonly MarketClass[] = ['white', 'grey', 'black'];
const LENS_RANKINGS: readonly LensRanking[] = ['pooled', 'operator-commercial', 'public-fund'];
const AREA_LEVELS: Record<string, SelectedArea['level']> = {
  p: 'province',
  d: 'district',
  c: 'commune',
  u: 'unit',
};
const UNIT_SYSTEMS: Record<string, UnitSystem> = { u: 'units', d: 'districts' };
const KNOWN_KEYS = new Set([
  ...['l', 'c', 'f', 'a', 'h', 'st', 'g', 'b', 'sc', 'sn', 'sm'],
  ...['u', 'o', 'lr', 'vc', 'vm'],
]);

/**
 * Encodes a view as the query and hash of a share link: `?s=v1.<base64url compact JSON>#map=z/lat/lon`.
 * Short keys, empty filters and default settings left out, coordinates to ~1 m.
 *
 * @example
 * location.search + location.hash === encodeView(view) // after history.replaceState(null, '', encodeView(view))
 */
export function encodeView(v: SharedView): string {
  const payload: Record<string, unknown> = {};
  let mask = 0;
  for (const id of v.layers) {
    const bit = LAYER_BITS.indexOf(id);
    if (bit >= 0) mask |= 1 << bit;
  }
  payload.l = mask;
  payload.c = Math.max(0, COLOUR_BY.indexOf(v.colourBy));
  const f = encodeFilters(v.filters);
  if (Object.keys(f).length > 0) payload.f = f;
  payload.a = `${v.area.level[0]}${v.area.code}`;
  payload.u = v.unitSystem === 'districts' ? 'd' : 'u';
  if (v.selectedHamletId !== null) payload.h = v.selectedHamletId;
  const st = encodeSettings(v.settings);
  if (Object.keys(st).length > 0) payload.st = st;
  payload.g = v.lang;
  if (v.basemap === 'osm') payload.b = 1;
  if (v.scenario && v.scenario.length > 0) {
    payload.sc = encodeScenario(v.scenario);
    if (v.scenarioName) payload.sn = v.scenarioName;
    if (v.scenarioShown === 'baseline') payload.sm = 0;
  }
  if (v.lens.operator !== null) payload.o = v.lens.operator;
  if (v.lens.ranking !== 'pooled') payload.lr = LENS_RANKINGS.indexOf(v.lens.ranking);
  Object.assign(payload, encodeComparison(v.comparison));
  return `?s=v${LINK_VERSION}.${toBase64Url(JSON.stringify(payload))}#${mapHash(v.center, v.zoom)}`;
}

/**
 * `encodeView`, kept under `MAX_LINK_CHARS`: a view whose what-if edits make the link too long is linked
 * without them (`withoutEdits`: how long the whole link would have been), for the page to say so.
 */
export function encodeViewWithin(v: SharedView): { link: string; withoutEdits?: number } {
  const link = encodeView(v);
  if (link.length <= MAX_LINK_CHARS || !v.scenario?.length) return { link };
  return { link: encodeView({ ...v, scenario: [] }), withoutEdits: link.length };
}

/** `map=zoom/lat/lon`, the order OpenStreetMap links use, readable at a glance. */
export function mapHash(center: [number, number], zoom: number): string {
  return `map=${zoom.toFixed(2)}/${center[1].toFixed(5)}/${center[0].toFixed(5)}`;
}

/**
 * Decodes a share link (a full URL, or its `?…#…` part) field by field. A damaged field is left out of
 * `view` with a message in `problems` saying what was not restored; the other fields are restored.
 * Fields the link does not hold are absent from `view`, so the caller keeps its current values.
 *
 * @example
 * const { view, problems } = decodeView(location.href);
 */
export function decodeView(link: string): { view: Partial<SharedView>; problems: LinkProblem[] } {
  const problems: LinkProblem[] = [];
  const view: Partial<SharedView> = {};
  if (link.length > MAX_LINK_CHARS) {
    const kb = Math.ceil(link.length / 1024);
    problems.push(
      linkIssue(
        'tooLong',
        `The link is ${kb} KB long; links over ${MAX_LINK_CHARS / 1000} KB are not opened. Ask for a project file instead.`,
        { kb, limit: MAX_LINK_CHARS / 1000 },
      ),
    );
    return { view, problems };
  }
  const url = new URL(link, 'http://link.invalid/');
  const hash = new URLSearchParams(url.hash.replace(/^#/, ''));
  const mapText = hash.get('map');
  const s = url.searchParams.get('s');
  let payload: Record<string, unknown> | undefined;
  let payloadMap: { zoom: unknown; lat: unknown; lon: unknown } | undefined;
  if (s !== null) {
    const m = /^v(\d+)\.(.*)$/s.exec(s);
    const version = m ? Number(m[1]) : NaN;
    const raw = m ? parsePayload(m[2] ?? '') : undefined;
    if (!m)
      problems.push(
        linkIssue(
          'noVersion',
          'The link is not a Vùng Trắng view link (no version); only the map position, if any, was restored.',
        ),
      );
    else if (version > LINK_VERSION) {
      problems.push(
        linkIssue(
          'newer',
          `The link was made by a newer version of Vùng Trắng (v${version}); this version reads up to ` +
            `v${LINK_VERSION}, so only the map position was restored.`,
          { version, supported: LINK_VERSION },
        ),
      );
    } else if (raw === undefined) {
      problems.push(
        linkIssue(
          'damaged',
          'The link is damaged (its view data cannot be read); only the map position, if any, was restored.',
        ),
      );
    } else if (version === 0) {
      const migrated = migrateV0(raw, (id) => {
        const bit = LAYER_BITS.indexOf(id as LayerId);
        return bit >= 0 ? bit : undefined;
      });
      payload = migrated.payload;
      payloadMap = migrated.map;
      problems.push(...migrated.problems);
    } else if (!isRecord(raw)) {
      problems.push(
        linkIssue(
          'notObject',
          'The link is damaged (its view data is not an object); only the map position was restored.',
        ),
      );
    } else payload = raw;
  }
  const position =
    mapText !== null ? parseMapHash(mapText) : payloadMap ? checkPosition(payloadMap) : undefined;
  if (position === 'invalid')
    problems.push(
      linkIssue('badPosition', 'The map position in the link is not valid; the map was not moved.'),
    );
  else if (position) {
    view.center = position.center;
    view.zoom = position.zoom;
  }
  if (payload) decodePayload(payload, view, problems);
  return { view, problems };
}

function parsePayload(text: string): unknown {
  try {
    return JSON.parse(fromBase64Url(text)) as unknown;
  } catch {
    return undefined;
  }
}

function encodeFilters(f: Filters): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (f.district !== null) out.d = f.district;
  if (f.commune !== null) out.c = f.commune;
  if (f.unit !== null) out.u = f.unit;
  if (f.status !== null) out.s = STATUSES.indexOf(f.status);
  if (f.tier !== null) out.t = f.tier;
  if (f.gap !== 'any') out.g = GAPS.indexOf(f.gap);
  if (f.search !== '') out.q = f.search;
  if (f.market !== null) out.m = MARKETS.indexOf(f.market);
  return out;
}

function parseMapHash(text: string): { center: [number, number]; zoom: number } | 'invalid' {
  const parts = text.split('/');
  if (parts.length !== 3) return 'invalid';
  const [zoom, lat, lon] = parts.map((p) => (p.trim() === '' ? NaN : Number(p)));
  return checkPosition({ zoom, lat, lon });
}

function checkPosition(p: {
  zoom: unknown;
  lat: unknown;
  lon: unknown;
}): { center: [number, number]; zoom: number } | 'invalid' {
  const { zoom, lat, lon } = p;
  if (typeof zoom !== 'number' || typeof lat !== 'number' || typeof lon !== 'number') return 'invalid';
  if (!(zoom >= 0 && zoom <= 24 && Math.abs(lat) <= 85.06 && Math.abs(lon) <= 180)) return 'invalid';
  return { center: [lon, lat], zoom };
}

const isShortText = (v: unknown, max: number): v is string =>
  typeof v === 'string' && v.length > 0 && v.length <= max;

function decodePayload(p: Record<string, unknown>, view: Partial<SharedView>, problems: LinkProblem[]): void {
  if ('l' in p) {
    const mask = p.l;
    if (typeof mask === 'number' && Number.isInteger(mask) && mask >= 0 && mask < 2 ** 30) {
      view.layers = LAYER_BITS.filter((_, bit) => (mask & (1 << bit)) !== 0);
      if (mask >> LAYER_BITS.length !== 0)
        problems.push(
          linkIssue('unknownLayers', 'Some layers in the link are unknown to this version and stay hidden.'),
        );
    } else
      problems.push(
        linkIssue(
          'badLayers',
          'The visible layers could not be read from the link; the current layers are kept.',
        ),
      );
  }
  if ('c' in p) {
    const colour = typeof p.c === 'number' ? COLOUR_BY[p.c] : undefined;
    if (colour) view.colourBy = colour;
    else
      problems.push(
        linkIssue('badColour', 'The hamlet colouring in the link is unknown; the current colouring is kept.'),
      );
  }
  view.filters = decodeFilters(p.f, problems);
  if ('a' in p) {
    const level = typeof p.a === 'string' ? AREA_LEVELS[p.a.charAt(0)] : undefined;
    const code = typeof p.a === 'string' ? p.a.slice(1) : '';
    // The province may have an empty code: a single-province data set need not carry one.
    if (level && (code.length > 0 || level === 'province') && code.length <= 40) view.area = { level, code };
    else
      problems.push(
        linkIssue('badArea', 'The selected area in the link could not be read; the whole province is shown.'),
      );
  }
  if ('u' in p) {
    const system = typeof p.u === 'string' ? UNIT_SYSTEMS[p.u] : undefined;
    if (system) view.unitSystem = system;
    else
      problems.push(
        linkIssue(
          'badUnits',
          'The unit system in the link is unknown; the current units (since 1 July 2025) are used.',
        ),
      );
  }
  // Links made before unit systems name districts and communes of 2020–2024: they keep meaning that.
  view.unitSystem ??=
    view.area?.level === 'district' ||
    view.area?.level === 'commune' ||
    view.filters.district !== null ||
    view.filters.commune !== null
      ? 'districts'
      : 'units';
  if ('h' in p) {
    if (isShortText(p.h, 200)) view.selectedHamletId = p.h;
    else
      problems.push(
        linkIssue('badHamlet', 'The selected hamlet in the link could not be read; no hamlet is selected.'),
      );
  } else view.selectedHamletId = null;
  if ('st' in p) {
    const { settings, problems: sp } = decodeSettings(p.st);
    view.settings = settings;
    problems.push(...sp);
  } else view.settings = {};
  if ('g' in p) {
    if (p.g === 'vi' || p.g === 'en') view.lang = p.g;
    else
      problems.push(
        linkIssue(
          'badLanguage',
          `The language ${quoted(p.g)} in the link is unknown; the current language is kept.`,
          { value: quoted(p.g) },
        ),
      );
  }
  view.basemap = p.b === 1 ? 'osm' : 'none';
  if ('sc' in p) {
    const { scenario, problems: sp } = decodeScenario(p.sc);
    view.scenario = scenario;
    problems.push(...sp);
    if ('sn' in p) {
      if (isShortText(p.sn, 120)) view.scenarioName = p.sn;
      else
        problems.push(
          linkIssue(
            'badScenarioName',
            'The scenario name in the link could not be read; the scenario is shown unnamed.',
          ),
        );
    }
    view.scenarioShown = p.sm === 0 ? 'baseline' : 'scenario';
  }
  view.lens = decodeLens(p, problems);
  if ('vc' in p) {
    view.comparison = decodeComparison(p, problems);
  }
  const unknown = Object.keys(p).filter((k) => !KNOWN_KEYS.has(k));
  if (unknown.length > 0) {
    // Named up to five, each cut short: a crafted link with thousands of keys gets one short line.
    const shown = unknown.slice(0, 5).map((k) => (k.length > 20 ? `${k.slice(0, 19)}…` : k));
    const names = shown.join(', ') + (unknown.length > 5 ? ', …' : '');
    problems.push(
      linkIssue(
        'unknownFields',
        `The link holds ${unknown.length === 1 ? 'a field' : `${unknown.length} fields`} this version does not know (${names}); they were ignored.`,
        { count: unknown.length, names },
      ),
    );
  }
}

/** The operator lens: all operators unless the link names one (whether the data hold it is the app's to see). */
function decodeLens(p: Record<string, unknown>, problems: LinkProblem[]): LensView {
  let operator: string | null = null;
  if ('o' in p) {
    if (isShortText(p.o, 100)) operator = p.o;
    else
      problems.push(
        linkIssue('badOperator', 'The operator in the link could not be read; all operators are shown.'),
      );
  }
  let ranking: LensRanking = 'pooled';
  if ('lr' in p) {
    const r = typeof p.lr === 'number' ? LENS_RANKINGS[p.lr] : undefined;
    if (!r)
      problems.push(
        linkIssue(
          'badLensRanking',
          'The ranking in the link is unknown; the list is ranked by the settings.',
        ),
      );
    else if (r === 'operator-commercial' && operator === null)
      problems.push(
        linkIssue(
          'lensNoOperator',
          "The link ranks by an operator's gap but names no operator; the list is ranked by the settings.",
        ),
      );
    else ranking = r;
  }
  return { operator, ranking };
}

function decodeFilters(raw: unknown, problems: LinkProblem[]): Filters {
  const filters: Filters = { ...EMPTY_FILTERS };
  if (raw === undefined) return filters;
  if (!isRecord(raw)) {
    problems.push(
      linkIssue('badFilters', 'The filters in the link could not be read; no filter is applied.'),
    );
    return filters;
  }
  const bad = (filter: string, label = filter) =>
    problems.push(
      linkIssue('badFilter', `The ${label} filter in the link could not be read and is not applied.`, {
        filter,
      }),
    );
  if ('d' in raw) {
    if (isShortText(raw.d, 40)) filters.district = raw.d;
    else bad('district');
  }
  if ('c' in raw) {
    if (isShortText(raw.c, 40)) filters.commune = raw.c;
    else bad('commune');
  }
  if ('u' in raw) {
    if (isShortText(raw.u, 40)) filters.unit = raw.u;
    else bad('unit');
  }
  if ('s' in raw) {
    const status = typeof raw.s === 'number' ? STATUSES[raw.s] : undefined;
    if (status) filters.status = status;
    else bad('status');
  }
  if ('t' in raw) {
    if (raw.t === 1 || raw.t === 2 || raw.t === 3) filters.tier = raw.t;
    else bad('tier');
  }
  if ('g' in raw) {
    const gap = typeof raw.g === 'number' ? GAPS[raw.g] : undefined;
    if (gap) filters.gap = gap;
    else bad('gap', 'technology gap');
  }
  if ('q' in raw) {
    if (isShortText(raw.q, 200)) filters.search = raw.q;
    else bad('search');
  }
  if ('m' in raw) {
    const market = typeof raw.m === 'number' ? MARKETS[raw.m] : undefined;
    if (market) filters.market = market;
    else bad('market');
  }
  return filters;
}
