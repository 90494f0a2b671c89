import { circle } from '@turf/circle';
import { pointOnFeature } from '@turf/point-on-feature';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Point, Polygon, Position } from 'geojson';
import type { ColocationCandidate } from '../analysis/colocation.ts';
import { hamletLens, lensClass } from '../analysis/operatorLens.ts';
import { operatorOf } from '../analysis/operatorNames.ts';
import type { ScenarioEdit } from '../analysis/scenarioTypes.ts';
import type {
  AnalysisResult,
  HamletCoverage,
  InputLayers,
  MeasuredQuality,
  Settings,
  SiteProps,
} from '../analysis/types.ts';
import type { FieldReport } from '../data/fieldReports.ts';
import type { AdminCollection } from '../store/appState.ts';
import type { ActiveLens } from '../store/lens.ts';
import { shortAdminName } from '../i18n/adminName.ts';
import { featureBoxes } from '../data/featureBoxes.ts';
import { memoLast } from './memo.ts';

export type FC = FeatureCollection<Geometry, Record<string, unknown>>;
const EMPTY: FC = { type: 'FeatureCollection', features: [] };

/** The store's lookups of the result by hamlet id (`coverageById`, `rankingById`), which the map reads. */
export interface ResultLookups {
  coverageById: ReadonlyMap<string, HamletCoverage>;
  rankingById: ReadonlyMap<string, { score: number; rank: number }>;
}

/**
 * Features the map is given a window at a time: `length` of them, `get(i)` the i-th (the same object on
 * every call, carrying `id: i`, or null for one the map does not draw) and their bounding boxes.
 */
export interface FeatureSource {
  readonly length: number;
  get(i: number): FC['features'][number] | null;
  boxes(): Float64Array;
}

/**
 * The map's hamlet polygons (`id`: the hamlet's index in `hamlets`), each built on first need and kept
 * while the hamlets, the result and the lens are the same: a window's hamlets are then the same objects
 * in every window, and only those a window holds are built. Each carries its hamlet `id` (selection,
 * clicks) and the analysis measures the map colours by: `status`, the ramps' measures, `market` (white /
 * grey / black), and under an operator's lens `lens` (own / competitor / none) and the lens ranking's
 * score; `measured`, the measured quality. Nothing else: no layer reads the name or the rank.
 */
export const hamletFeatures = memoLast(
  (
    hamlets: InputLayers['hamlets'] | null,
    lookups: ResultLookups,
    result: AnalysisResult | null,
    lens?: ActiveLens,
  ): FeatureSource => {
    const features = hamlets?.features ?? [];
    const coverage = lookups.coverageById;
    const ranking = lens?.ranking?.byId ?? lookups.rankingById;
    const op = lens?.operator ?? null;
    const measured = measuredQualities(result);
    return lazySource(features, (f, i) => {
      const c = coverage.get(f.properties.id);
      const r = ranking.get(f.properties.id);
      return {
        type: 'Feature',
        id: i,
        geometry: f.geometry,
        // What the layers read, no more: every property is copied to MapLibre's worker and
        // written into each tile the hamlet meets. The name is looked up by index for labels.
        properties: {
          id: f.properties.id,
          status: c?.status ?? 'pending',
          broadbandShare: c?.broadbandShare ?? -1,
          uncoveredHouseholds: c?.uncoveredHouseholds ?? -1,
          // -1 marks "no value" (served hamlets are not ranked); the style paints it grey.
          score: r?.score ?? -1,
          market: c?.market.class ?? 'pending',
          lens: c && op !== null ? lensClass(c, hamletLens(c, op)) : 'pending',
          measured: measured?.get(f.properties.id) ?? 'no_data',
        },
      };
    });
  },
);

/**
 * The map's features made from `features` on first need (`make`: null for one the map does not draw) and
 * kept, so a window's features are the same objects in every window and only those a window holds are made.
 */
function lazySource<F extends Feature<Geometry | null, unknown>>(
  features: readonly F[],
  make: (f: F, i: number) => FC['features'][number] | null,
): FeatureSource {
  const made: (FC['features'][number] | null | undefined)[] = new Array(features.length);
  return {
    length: features.length,
    boxes: () => featureBoxes(features),
    get: (i) => {
      const done = made[i];
      if (done !== undefined) return done;
      const f = features[i];
      if (!f) return null;
      return (made[i] = make(f, i));
    },
  };
}

/** All of the map's hamlet polygons (`hamletFeatures`) as one collection. */
export function hamletsForMap(
  hamlets: InputLayers['hamlets'] | null,
  lookups: ResultLookups,
  result: AnalysisResult | null,
  lens?: ActiveLens,
): FC {
  return allOf(hamletFeatures(hamlets, lookups, result, lens));
}

/**
 * A collection as a `FeatureSource`, each feature given `id`, its index (a copy made on first need), so
 * that a window's features are the same objects in every window. With `keep`, the copy carries only
 * those properties (what the layers read), not every column of the file.
 */
export function sourceOf(
  fc: FeatureCollection<Geometry | null, unknown>,
  keep?: readonly string[],
): FeatureSource {
  return lazySource(fc.features as FC['features'], (f, i) => {
    if (!keep) return { ...f, id: i };
    const properties: Record<string, unknown> = {};
    for (const k of keep) if (f.properties && k in f.properties) properties[k] = f.properties[k];
    return { type: 'Feature', id: i, geometry: f.geometry, properties };
  });
}

const allFeatures = new WeakMap<FeatureSource, FC>();

/** Every feature of a source as one collection (the same object for the same source). */
export function allOf(source: FeatureSource): FC {
  let fc = allFeatures.get(source);
  if (!fc) {
    const features: FC['features'] = [];
    for (let i = 0; i < source.length; i++) {
      const f = source.get(i);
      if (f) features.push(f);
    }
    fc = { type: 'FeatureCollection', features };
    allFeatures.set(source, fc);
  }
  return fc;
}

/**
 * Which measurements the "measured" colouring shows: mobile when the run had mobile tiles or points, fixed
 * when it had fixed tiles only; null without measured layers.
 */
export function measuredKind(result: AnalysisResult | null): 'mobile' | 'fixed' | null {
  const l = result?.measured?.layers;
  if (!l) return null;
  return !l.mobileTests && !l.speedPoints && l.fixedTests ? 'fixed' : 'mobile';
}

const measuredQualities = memoLast((result: AnalysisResult | null): Map<string, MeasuredQuality> | null => {
  const kind = measuredKind(result);
  if (!kind || !result?.measured) return null;
  return new Map(result.measured.hamlets.map((h) => [h.id, h[kind].quality]));
});

/**
 * White or weak polygons, one feature per hamlet, tagged with the hamlet id for the selection outline;
 * `id` is the feature's index.
 */
function zonesForMap(result: AnalysisResult | null, kind: 'white' | 'weak'): FC {
  if (!result) return EMPTY;
  const features: Feature<Polygon | MultiPolygon, Record<string, unknown>>[] = [];
  for (const h of result.hamlets) {
    const geometry = kind === 'white' ? h.whiteZone : h.weakZone;
    if (geometry) {
      features.push({ type: 'Feature', id: features.length, geometry, properties: { hamletId: h.id, kind } });
    }
  }
  return { type: 'FeatureCollection', features };
}

/** A collection whose features carry their index as `id` already, as a `FeatureSource`. */
function indexedSource(fc: FC): FeatureSource {
  return lazySource(fc.features, (f) => f);
}

// One memo per kind: a shared one would recompute on every alternating call.
export const whiteZonesForMap = memoLast((result: AnalysisResult | null) =>
  indexedSource(zonesForMap(result, 'white')),
);
export const weakZonesForMap = memoLast((result: AnalysisResult | null) =>
  indexedSource(zonesForMap(result, 'weak')),
);

const MBB = /\b[45]G\b/i;
const EARTH_CIRCUMFERENCE_M = 40_075_016.686;

function techs(tech: string): string[] {
  return tech
    .split(/[,;/ ]+/)
    .map((t) => t.trim().toUpperCase())
    .filter(Boolean);
}

/**
 * Sites with what the style needs: operator, whether they carry 4G/5G, and `r0`, the coverage radius in
 * screen pixels at zoom 0 at the site's own latitude (the style doubles it per zoom level), so the
 * disc matches the analysis radius without building polygons. Each built on first need (`id`: its index
 * in `sites`; a site that is not a point is not drawn), so a window builds only the sites it holds.
 */
export const sitesForMap = memoLast(
  (sites: InputLayers['sites'], radii: Settings['defaultRadiusM']): FeatureSource => {
    if (!sites) return indexedSource(EMPTY);
    return lazySource(sites.features as Feature<Point | null, SiteProps>[], (f, i) =>
      f.geometry?.type === 'Point' ? siteForMap(f as Feature<Point, SiteProps>, i, radii) : null,
    );
  },
);

function siteForMap(
  f: Feature<Point, SiteProps>,
  i: number,
  radii: Settings['defaultRadiusM'],
): FC['features'][number] {
  const list = techs(String(f.properties.tech ?? ''));
  const mbb = MBB.test(list.join(' '));
  const relevant = list.filter((t) => MBB.test(t) === mbb);
  const fallback = Math.max(0, ...relevant.map((t) => radii[t as keyof typeof radii] ?? 0));
  const radius = typeof f.properties.radius_m === 'number' ? f.properties.radius_m : fallback;
  const lat = f.geometry.coordinates[1] ?? 0;
  const metresPerPixelZ0 = (EARTH_CIRCUMFERENCE_M * Math.cos((lat * Math.PI) / 180)) / 512;
  return {
    type: 'Feature',
    id: i,
    geometry: f.geometry,
    properties: {
      id: f.properties.id ?? '',
      operator: f.properties.operator ?? '?',
      // As the analysis names it, for an operator's lens.
      lensOperator: operatorOf(f.properties),
      mbb,
      radius,
      r0: radius / metresPerPixelZ0,
      off: f.properties.status === 'off',
    },
  };
}

export interface MapLabel {
  id: string;
  text: string;
  lngLat: [number, number];
  level: 'district' | 'commune' | 'hamlet';
}

/**
 * Label anchors by geometry (which the map's features share with the layers'): a window's labels are
 * rebuilt on every move and every result, the anchors once.
 */
const anchors = new WeakMap<object, Position>();

function anchorOf(f: Feature): Position {
  const key = f.geometry ?? f;
  let p = anchors.get(key);
  if (!p) {
    p = pointOnFeature(f as Feature<Polygon | MultiPolygon>).geometry.coordinates;
    anchors.set(key, p);
  }
  return p;
}

function labelsOf(
  fc: FeatureCollection | null,
  level: MapLabel['level'],
  idKey: string,
  nameOf: (f: Feature) => unknown = (f) => f.properties?.name,
): MapLabel[] {
  if (!fc) return [];
  const out: MapLabel[] = [];
  for (const f of fc.features) {
    if (!f.geometry) continue;
    const props = (f.properties ?? {}) as Record<string, unknown>;
    const p = anchorOf(f);
    const name = String(nameOf(f) ?? '');
    out.push({
      id: `${level}:${String(props[idKey])}`,
      text: level === 'hamlet' ? name : shortAdminName(name),
      lngLat: [p[0] ?? 0, p[1] ?? 0],
      level,
    });
  }
  return out;
}

/**
 * Label anchors inside each area (not the centroid, which can fall outside a crescent-shaped commune).
 * `hamlets` are the map's hamlet features (`hamletFeatures`: `id` their index in `names`, the input
 * hamlets, which give the names).
 */
export const labelsForMap = memoLast(
  (
    districts: AdminCollection | null,
    communes: AdminCollection | null,
    hamlets: FeatureCollection | null,
    names: InputLayers['hamlets'] | null = null,
  ): MapLabel[] => [
    ...labelsOf(districts, 'district', 'code'),
    ...labelsOf(communes, 'commune', 'code'),
    ...labelsOf(hamlets, 'hamlet', 'id', (f) =>
      typeof f.id === 'number' ? names?.features[f.id]?.properties.name : undefined,
    ),
  ],
);

/** The field reports as one collection for the map; the same object while the list is unchanged. */
export const fieldReportsForMap = memoLast(
  (reports: readonly FieldReport[] | undefined): FC =>
    ({ type: 'FeatureCollection', features: [...(reports ?? [])] }) as FC,
);

/** The sites' operators, sorted (the same array while the sites are the same: every plan reads them). */
export const operatorsOf = memoLast((sites: InputLayers['sites']): string[] => {
  if (!sites) return [];
  return [...new Set(sites.features.map((f) => f.properties.operator ?? '?'))].sort((a, b) =>
    a.localeCompare(b),
  );
});

export function facilityKindsOf(facilities: InputLayers['facilities']): string[] {
  if (!facilities) return [];
  return [...new Set(facilities.features.map((f) => f.properties.kind))].sort();
}

/** What a scenario's edits and the route being drawn look like on the map; `role` picks the layer. */
export type ScenarioRole = 'site' | 'reach' | 'fibre' | 'draft' | 'vertex' | 'off';

/**
 * Proposed sites (a point and the circle of their radius), proposed fibre, switched-off sites and the
 * fibre route being drawn (its line and vertices), one feature each, tagged with its `role`.
 */
export const scenarioProposalsForMap = memoLast(
  (edits: readonly ScenarioEdit[], draft: readonly Position[]): FC => {
    const features: FC['features'] = [];
    const tag = (geometry: Geometry, role: ScenarioRole, id?: string): void => {
      features.push({ type: 'Feature', geometry, properties: { role, ...(id ? { id } : {}) } });
    };
    for (const e of edits) {
      if (e.kind === 'add-site') {
        const r = Number(e.site.properties.radius_m ?? 3000);
        tag(circle(e.site.geometry.coordinates, r / 1000, { steps: 64 }).geometry, 'reach');
        tag(e.site.geometry, 'site', String(e.site.properties.id ?? ''));
      } else if (e.kind === 'add-fibre') {
        tag(e.fibre.geometry, 'fibre');
      } else if (e.at) {
        tag({ type: 'Point', coordinates: e.at }, 'off', e.siteId);
      }
    }
    if (draft.length > 1) tag({ type: 'LineString', coordinates: [...draft] }, 'draft');
    for (const p of draft) tag({ type: 'Point', coordinates: p }, 'vertex');
    return { type: 'FeatureCollection', features };
  },
);

/** A tower-sharing candidate: the reach of the operator's 4G at the host, and the host. */
export const colocationForMap = memoLast((c: ColocationCandidate | null): FC => {
  if (!c) return EMPTY;
  const at = c.site.geometry.coordinates;
  return {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        geometry: circle(at, c.radiusM / 1000, { steps: 64 }).geometry,
        properties: { role: 'reach' },
      },
      {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: at },
        properties: { role: 'host', id: c.siteId },
      },
    ],
  };
});

/** Areas a scenario newly covers (`kind: 'gained'`) or loses (`'lost'`); empty without a scenario. */
export function scenarioCoveredForMap(covered: FeatureCollection | null): FC {
  return (covered ?? EMPTY) as FC;
}
