import type { Feature, Geometry, Position } from 'geojson';
import { linkIssue, quoted, type LinkIssue } from './linkIssue.ts';
import { isRecord } from './settingsCodec.ts';

/** Geometry types a scenario edit may carry, and their one/two-letter codes in the link. */
const TYPE_CODES = {
  Point: 'P',
  MultiPoint: 'MP',
  LineString: 'L',
  MultiLineString: 'ML',
  Polygon: 'A',
  MultiPolygon: 'MA',
} as const;
type SupportedType = keyof typeof TYPE_CODES;

/** Nesting depth of each type's coordinates: 0 = one position. */
const DEPTH: Record<SupportedType, number> = {
  Point: 0,
  MultiPoint: 1,
  LineString: 1,
  MultiLineString: 2,
  Polygon: 2,
  MultiPolygon: 3,
};

/** [type code, coordinates, properties?, id?] — a feature without GeoJSON's repeated keys. */
export type CompactFeature = [string, unknown, Record<string, unknown>?, (string | number)?];

/** 1e-6 degrees is about 0.1 m: finer than any edit a planner places by hand, and shorter to write. */
function roundCoords(c: unknown): unknown {
  if (typeof c === 'number') return Math.round(c * 1e6) / 1e6;
  return Array.isArray(c) ? c.map(roundCoords) : c;
}

/** Compacts scenario edits (GeoJSON features) for the link. Geometry collections are not supported. */
export function encodeScenario(features: readonly Feature[]): CompactFeature[] {
  return features.map((f) => {
    const g = f.geometry as Geometry | null;
    if (!g || g.type === 'GeometryCollection') {
      throw new Error(`Scenario edit ${String(f.id ?? '')} has no simple geometry; it cannot go in a link.`);
    }
    const out: CompactFeature = [TYPE_CODES[g.type], roundCoords(g.coordinates)];
    const hasProps = f.properties !== null && Object.keys(f.properties).length > 0;
    if (hasProps || f.id !== undefined) out.push(f.properties ?? {});
    if (f.id !== undefined) out.push(f.id);
    return out;
  });
}

function isPosition(p: unknown): p is Position {
  return (
    Array.isArray(p) &&
    (p.length === 2 || p.length === 3) &&
    p.every((n) => typeof n === 'number' && Number.isFinite(n)) &&
    Math.abs(p[0] as number) <= 180 &&
    Math.abs(p[1] as number) <= 90
  );
}

function validCoords(c: unknown, depth: number): boolean {
  if (depth === 0) return isPosition(c);
  return Array.isArray(c) && c.length > 0 && c.every((x) => validCoords(x, depth - 1));
}

/**
 * Rebuilds scenario edits; each invalid edit is dropped with a message naming it by position,
 * the valid ones are kept.
 */
export function decodeScenario(raw: unknown): { scenario: Feature[]; problems: LinkIssue[] } {
  if (!Array.isArray(raw)) {
    return {
      scenario: [],
      problems: [linkIssue('scenarioNotList', 'Scenario edits were not restored: they are not a list.')],
    };
  }
  const problems: LinkIssue[] = [];
  const dropped = (index: number, reason: string, message: string): void => {
    problems.push(
      linkIssue('editDropped', `Scenario edit ${index} was dropped: ${message}.`, { index, reason }),
    );
  };
  const scenario: Feature[] = [];
  raw.forEach((item, i) => {
    const n = i + 1;
    if (!Array.isArray(item) || item.length < 2) {
      dropped(n, 'notFeature', 'it is not a feature');
      return;
    }
    const [code, coords, props, id] = item as unknown[];
    const type = (Object.keys(TYPE_CODES) as SupportedType[]).find((t) => TYPE_CODES[t] === code);
    if (!type) {
      dropped(n, 'type', `geometry type ${quoted(code)} is unknown`);
      return;
    }
    if (!validCoords(coords, DEPTH[type])) {
      dropped(n, 'coordinates', `its ${type} coordinates are not valid longitude/latitude`);
      return;
    }
    if (props !== undefined && !isRecord(props)) {
      dropped(n, 'properties', 'its properties are not an object');
      return;
    }
    if (id !== undefined && typeof id !== 'string' && typeof id !== 'number') {
      dropped(n, 'id', 'its id is neither text nor a number');
      return;
    }
    const feature = {
      type: 'Feature',
      geometry: { type, coordinates: coords },
      properties: props ?? {},
      ...(id === undefined ? {} : { id }),
    } as Feature;
    scenario.push(feature);
  });
  return { scenario, problems };
}
