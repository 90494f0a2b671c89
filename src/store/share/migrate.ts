import { linkIssue, quoted, type LinkIssue } from './linkIssue.ts';
import { isRecord } from './settingsCodec.ts';

/**
 * v0 was the prototype's link: `?s=v0.<base64url JSON>` with long keys, the map position inside the
 * payload, older layer ids ('white', 'weak') and the ranking weights at the top level. No hash.
 * Kept so that links pasted into reports during the pilot still open.
 */
const V0_LAYERS: Record<string, string> = {
  hamlets: 'hamlets',
  white: 'whiteZones',
  weak: 'weakZones',
  fibre: 'fibre',
  sites: 'sites',
  discs: 'siteDiscs',
  facilities: 'facilities',
  boundaries: 'boundaries',
};

export interface Migrated {
  /** The payload in the current (v1) compact form. */
  payload: Record<string, unknown>;
  /** Map position carried inside old payloads, in `#map=` terms. */
  map?: { zoom: unknown; lat: unknown; lon: unknown };
  problems: LinkIssue[];
}

/** Turns a v0 payload into v1's compact form; whatever has no v1 meaning is named in `problems`. */
export function migrateV0(raw: unknown, layerBit: (id: string) => number | undefined): Migrated {
  const problems: LinkIssue[] = [];
  if (!isRecord(raw)) {
    return { payload: {}, problems: [linkIssue('v0Empty', 'The old (v0) link holds no readable view.')] };
  }
  const payload: Record<string, unknown> = {};
  let map: Migrated['map'];
  if (Array.isArray(raw.center)) map = { zoom: raw.zoom, lat: raw.center[1], lon: raw.center[0] };
  if (Array.isArray(raw.layers)) {
    let mask = 0;
    for (const old of raw.layers) {
      const bit = typeof old === 'string' ? layerBit(V0_LAYERS[old] ?? '') : undefined;
      if (bit === undefined)
        problems.push(
          linkIssue('v0Layer', `Layer ${quoted(old)} from the old link no longer exists.`, {
            name: quoted(old),
          }),
        );
      else mask |= 1 << bit;
    }
    payload.l = mask;
  }
  const filters: Record<string, unknown> = {};
  if (typeof raw.district === 'string') filters.d = raw.district;
  if (typeof raw.commune === 'string') filters.c = raw.commune;
  if (Object.keys(filters).length > 0) payload.f = filters;
  if (typeof raw.hamlet === 'string') payload.h = raw.hamlet;
  if (isRecord(raw.weights)) {
    const w = raw.weights;
    const st: Record<string, unknown> = {
      p: 'x',
      wh: w.households,
      ws: w.share,
      wf: w.facilities,
      wc: w.cost,
    };
    payload.st = Object.fromEntries(Object.entries(st).filter(([, v]) => v !== undefined));
  }
  if (raw.lang === 'vi' || raw.lang === 'en') payload.g = raw.lang;
  for (const key of Object.keys(raw)) {
    if (!['center', 'zoom', 'layers', 'district', 'commune', 'hamlet', 'weights', 'lang'].includes(key)) {
      problems.push(
        linkIssue('v0Field', `${quoted(key)} from the old link has no equivalent now and was ignored.`, {
          name: quoted(key),
        }),
      );
    }
  }
  return { payload, map, problems };
}
