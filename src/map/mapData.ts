import { circle } from '@turf/circle';
import { pointOnFeature } from '@turf/point-on-feature';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Point, Polygon, Position } from 'geojson';
import type { ColocationCandidate } from '../analysis/colocation.ts';
import { hamletLens, lensClass } from '../analysis/operatorLens.ts';
import { operatorOf } from '../analysis/operatorNames.ts';
import type { ScenarioEdit } from '../analysis/scenarioTypes.ts';
import type { AnalysisResult, InputLayers, MeasuredQuality, Settings, SiteProps } from '../analysis/types.ts';
import type { FieldReport } from '../data/fieldReports.ts';
import type { AdminCollection } from '../store/appState.ts';
import type { ActiveLens } from '../store/lens.ts';
import { shortAdminName } from '../i18n/adminName.ts';
import { memoLast } from './memo.ts';

export type FC = FeatureCollection<Geometry, Record<string, unknown>>;
const EMPTY: FC = { type: 'FeatureCollection', features: [] };

/**
 * Hamlet polygons carrying the analysis measures the map colours by: `market` (white / grey / black), and
 * under an operator's lens `lens` (own / competitor / none) and the lens ranking's score and rank;
 * `measured`, the measured quality.
 */
export const hamletsForMap = memoLast(
  (hamlets: InputLayers['hamlets'] | null, result: AnalysisResult | null, lens?: ActiveLens): FC => {
    if (!hamlets) return EMPTY;
    const coverage = coverageOf(result);
    const ranking: ReadonlyMap<string, { score: number; rank: number }> =
      lens?.ranking?.byId ?? rankingOf(result);
    const op = lens?.operator ?? null;
    const measured = measuredQualities(result);
    return {
      type: 'FeatureCollection',
      features: hamlets.features.map((f) => {
        const c = coverage.get(f.properties.id);
        const r = ranking.get(f.properties.id);
        return {
          type: 'Feature',
          geometry: f.geometry,
          properties: {
            id: f.properties.id,
            name: f.properties.name,
            status: c?.status ?? 'pending',
            broadbandShare: c?.broadbandShare ?? -1,
            uncoveredHouseholds: c?.uncoveredHouseholds ?? -1,
            // -1 marks "no value" (served hamlets are not ranked); the style paints it grey.
            score: r?.score ?? -1,
            rank: r?.rank ?? -1,
            market: c?.market.class ?? 'pending',
            lens: c && op !== null ? lensClass(c, hamletLens(c, op)) : 'pending',
            measured: measured?.get(f.properties.id) ?? 'no_data',
          },
        };
      }),
    };
  },
);

// Kept per result: a window's hamlets (and the grid aggregate) are built again, the lookups are not.
export const coverageOf = memoLast(
  (result: AnalysisResult | null) => new Map(result?.hamlets.map((h) => [h.id, h])),
);
const rankingOf = memoLast((result: AnalysisResult | null) => new Map(result?.ranking.map((r) => [r.id, r])));

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

/** White or weak polygons, one feature per hamlet, tagged with the hamlet id for the selection outline. */
function zonesForMap(result: AnalysisResult | null, kind: 'white' | 'weak'): FC {
  if (!result) return EMPTY;
  const features: Feature<Polygon | MultiPolygon, Record<string, unknown>>[] = [];
  for (const h of result.hamlets) {
    const geometry = kind === 'white' ? h.whiteZone : h.weakZone;
    if (geometry) features.push({ type: 'Feature', geometry, properties: { hamletId: h.id, kind } });
  }
  return { type: 'FeatureCollection', features };
}
// One memo per kind: a shared one would recompute on every alternating call.
export const whiteZonesForMap = memoLast((result: AnalysisResult | null) => zonesForMap(result, 'white'));
export const weakZonesForMap = memoLast((result: AnalysisResult | null) => zonesForMap(result, 'weak'));

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
 * disc matches the analysis radius without building polygons.
 */
export const sitesForMap = memoLast((sites: InputLayers['sites'], radii: Settings['defaultRadiusM']): FC => {
  if (!sites) return EMPTY;
  return {
    type: 'FeatureCollection',
    features: sites.features
      .filter((f) => f.geometry?.type === 'Point')
      .map((f: Feature<Point, SiteProps>) => {
        const list = techs(String(f.properties.tech ?? ''));
        const mbb = MBB.test(list.join(' '));
        const relevant = list.filter((t) => MBB.test(t) === mbb);
        const fallback = Math.max(0, ...relevant.map((t) => radii[t as keyof typeof radii] ?? 0));
        const radius = typeof f.properties.radius_m === 'number' ? f.properties.radius_m : fallback;
        const lat = f.geometry.coordinates[1] ?? 0;
        const metresPerPixelZ0 = (EARTH_CIRCUMFERENCE_M * Math.cos((lat * Math.PI) / 180)) / 512;
        return {
          type: 'Feature',
          geometry: f.geometry,
          properties: {
            id: f.properties.id ?? '',
            operator: f.properties.operator ?? '?',
            // As the analysis names it, for an operator's lens.
            lensOperator: operatorOf(f.properties),
            tech: list.join(', '),
            mbb,
            radius,
            r0: radius / metresPerPixelZ0,
            off: f.properties.status === 'off',
          },
        };
      }),
  };
});

export interface MapLabel {
  id: string;
  text: string;
  lngLat: [number, number];
  level: 'district' | 'commune' | 'hamlet';
}

/** Label anchors by feature: a window's labels are rebuilt on every move, the anchors once. */
const anchors = new WeakMap<object, Position>();

function anchorOf(f: Feature): Position {
  let p = anchors.get(f);
  if (!p) {
    p = pointOnFeature(f as Feature<Polygon | MultiPolygon>).geometry.coordinates;
    anchors.set(f, p);
  }
  return p;
}

function labelsOf(fc: FeatureCollection | null, level: MapLabel['level'], idKey: string): MapLabel[] {
  if (!fc) return [];
  const out: MapLabel[] = [];
  for (const f of fc.features) {
    if (!f.geometry) continue;
    const props = (f.properties ?? {}) as Record<string, unknown>;
    const p = anchorOf(f);
    out.push({
      id: `${level}:${String(props[idKey])}`,
      text: level === 'hamlet' ? String(props.name ?? '') : shortAdminName(String(props.name ?? '')),
      lngLat: [p[0] ?? 0, p[1] ?? 0],
      level,
    });
  }
  return out;
}

/** Label anchors inside each area (not the centroid, which can fall outside a crescent-shaped commune). */
export const labelsForMap = memoLast(
  (
    districts: AdminCollection | null,
    communes: AdminCollection | null,
    hamlets: InputLayers['hamlets'] | null,
  ): MapLabel[] => [
    ...labelsOf(districts, 'district', 'code'),
    ...labelsOf(communes, 'commune', 'code'),
    ...labelsOf(hamlets, 'hamlet', 'id'),
  ],
);

/** The field reports as one collection for the map; the same object while the list is unchanged. */
export const fieldReportsForMap = memoLast(
  (reports: readonly FieldReport[] | undefined): FC =>
    ({ type: 'FeatureCollection', features: [...(reports ?? [])] }) as FC,
);

export function operatorsOf(sites: InputLayers['sites']): string[] {
  if (!sites) return [];
  return [...new Set(sites.features.map((f) => f.properties.operator ?? '?'))].sort((a, b) =>
    a.localeCompare(b),
  );
}

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
