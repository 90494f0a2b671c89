import type { Feature } from 'geojson';
import type { HamletStatus } from '../../analysis/types.ts';
import {
  ALL_LAYERS,
  EMPTY_FILTERS,
  type Filters,
  type HamletColourBy,
  type LayerId,
  type SelectedArea,
  type TechGap,
  type UnitSystem,
  type ViewState,
} from '../viewState.ts';
import { fromBase64Url, toBase64Url } from './base64url.ts';
import { migrateV0 } from './migrate.ts';
import { decodeScenario, encodeScenario } from './scenarioCodec.ts';
import { decodeSettings, encodeSettings, isRecord } from './settingsCodec.ts';
import type { SettingsProblem } from '../../analysis/validateSettings.ts';

/**
 * A view as shared: the view plus the live scenario (its edits as GeoJSON features, its name) and which plan
 * the numbers show, so a link reopens the same mode.
 */
export interface SharedView extends ViewState {
  scenario?: Feature[];
  scenarioName?: string;
  /** 'baseline' when the baseline is shown while the scenario has edits; the scenario is shown otherwise. */
  scenarioShown?: 'baseline' | 'scenario';
}

export const LINK_VERSION = 1;

/** What a link could not restore: a sentence, or a refused setting (worded in the UI's language). */
export type LinkProblem = string | SettingsProblem;

/** A link problem as an English sentence (tests, logs). */
export function linkProblemText(p: LinkProblem): string {
  return typeof p === 'string' ? p : p.message;
}

/**
 * v1 orders: a layer's bit and a colour measure's index are part of the format. Append only, so that
 * adding a layer to the app never changes what an old link means.
 */
const LAYER_BITS: readonly LayerId[] = ALL_LAYERS;
const COLOUR_BY: readonly HamletColourBy[] = ['status', 'broadbandShare', 'uncoveredHouseholds', 'score'];
const STATUSES: readonly HamletStatus[] = ['served', 'partial', 'unserved'];
const GAPS: readonly TechGap[] = ['any', 'noFibre', 'noMbb', 'both'];
const AREA_LEVELS: Record<string, SelectedArea['level']> = {
  p: 'province',
  d: 'district',
  c: 'commune',
  u: 'unit',
};
const UNIT_SYSTEMS: Record<string, UnitSystem> = { u: 'units', d: 'districts' };
const KNOWN_KEYS = new Set(['l', 'c', 'f', 'a', 'h', 'st', 'g', 'b', 'sc', 'sn', 'sm', 'u']);

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
  return `?s=v${LINK_VERSION}.${toBase64Url(JSON.stringify(payload))}#${mapHash(v.center, v.zoom)}`;
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
  const url = new URL(link, 'http://link.invalid/');
  const problems: LinkProblem[] = [];
  const view: Partial<SharedView> = {};
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
        'The link is not a Vùng Trắng view link (no version); only the map position, if any, was restored.',
      );
    else if (version > LINK_VERSION) {
      problems.push(
        `The link was made by a newer version of Vùng Trắng (v${version}); this version reads up to ` +
          `v${LINK_VERSION}, so only the map position was restored.`,
      );
    } else if (raw === undefined) {
      problems.push(
        'The link is damaged (its view data cannot be read); only the map position, if any, was restored.',
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
        'The link is damaged (its view data is not an object); only the map position was restored.',
      );
    } else payload = raw;
  }
  const position =
    mapText !== null ? parseMapHash(mapText) : payloadMap ? checkPosition(payloadMap) : undefined;
  if (position === 'invalid')
    problems.push('The map position in the link is not valid; the map was not moved.');
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
        problems.push('Some layers in the link are unknown to this version and stay hidden.');
    } else problems.push('The visible layers could not be read from the link; the current layers are kept.');
  }
  if ('c' in p) {
    const colour = typeof p.c === 'number' ? COLOUR_BY[p.c] : undefined;
    if (colour) view.colourBy = colour;
    else problems.push('The hamlet colouring in the link is unknown; the current colouring is kept.');
  }
  view.filters = decodeFilters(p.f, problems);
  if ('a' in p) {
    const level = typeof p.a === 'string' ? AREA_LEVELS[p.a.charAt(0)] : undefined;
    const code = typeof p.a === 'string' ? p.a.slice(1) : '';
    // The province may have an empty code: a single-province data set need not carry one.
    if (level && (code.length > 0 || level === 'province') && code.length <= 40) view.area = { level, code };
    else problems.push('The selected area in the link could not be read; the whole province is shown.');
  }
  if ('u' in p) {
    const system = typeof p.u === 'string' ? UNIT_SYSTEMS[p.u] : undefined;
    if (system) view.unitSystem = system;
    else
      problems.push(
        'The unit system in the link is unknown; the current units (since 1 July 2025) are used.',
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
    else problems.push('The selected hamlet in the link could not be read; no hamlet is selected.');
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
        `The language ${JSON.stringify(p.g)} in the link is unknown; the current language is kept.`,
      );
  }
  view.basemap = p.b === 1 ? 'osm' : 'none';
  if ('sc' in p) {
    const { scenario, problems: sp } = decodeScenario(p.sc);
    view.scenario = scenario;
    problems.push(...sp);
    if ('sn' in p) {
      if (isShortText(p.sn, 120)) view.scenarioName = p.sn;
      else problems.push('The scenario name in the link could not be read; the scenario is shown unnamed.');
    }
    view.scenarioShown = p.sm === 0 ? 'baseline' : 'scenario';
  }
  const unknown = Object.keys(p).filter((k) => !KNOWN_KEYS.has(k));
  if (unknown.length > 0)
    problems.push(
      `The link holds fields this version does not know (${unknown.join(', ')}); they were ignored.`,
    );
}

function decodeFilters(raw: unknown, problems: LinkProblem[]): Filters {
  const filters: Filters = { ...EMPTY_FILTERS };
  if (raw === undefined) return filters;
  if (!isRecord(raw)) {
    problems.push('The filters in the link could not be read; no filter is applied.');
    return filters;
  }
  const bad = (name: string) =>
    problems.push(`The ${name} filter in the link could not be read and is not applied.`);
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
    else bad('technology gap');
  }
  if ('q' in raw) {
    if (isShortText(raw.q, 200)) filters.search = raw.q;
    else bad('search');
  }
  return filters;
}
