import type { CoverageClass, HamletCoverage, Settings } from './types.ts';
import { COVERAGE_CLASSES } from './types.ts';
import { SCALE, pointInPaths } from './geometry/clip.ts';
import { pathsToGeoJSON } from './geometry/convert.ts';
import type { LocalProjection } from './geometry/projection.ts';
import type { HamletGeometry, Reach } from './hamletClasses.ts';
import type { OperatorGeometry } from './operatorClasses.ts';
import { operatorFigures } from './operatorFigures.ts';
import type { ClassifiedPoint } from './operatorFigures.ts';
import type { PlacedPoint } from './points.ts';
import type { PreparedHamlet } from './prepareHamlets.ts';
import type { Tile } from './tiles.ts';

export interface FacilityInfo {
  id: string;
  kind: string;
  name: string;
}

export interface HamletInputs {
  h: PreparedHamlet;
  g: HamletGeometry;
  ops: OperatorGeometry;
  tile: Tile;
  households: PlacedPoint<number>[] | null;
  facilities: PlacedPoint<FacilityInfo>[];
  nearestAccess: Nearest;
  nearestBackbone: Nearest;
  nearestSite: Nearest;
}

type Nearest = { id: string; distance: number } | null;

/** The nearer of two, ties to the smaller id: what one index over both would have found. */
function nearer(a: Nearest, b: Nearest): Nearest {
  if (!a || !b) return a ?? b;
  return b.distance < a.distance || (b.distance === a.distance && b.id < a.id) ? b : a;
}

/** White and weak parts smaller than this (m²) are slivers of coincident edges: not drawn, still counted. */
const MIN_PART_M2 = 1;

/**
 * Turn one hamlet's exact geometry into its public result: areas in m², households per class (from points
 * when the hamlet has any, else spread by area), shares, status, flags, distances and facilities in gaps.
 * Shares are of households, or of area for a hamlet without households, so every hamlet gets a status.
 *
 * @example
 * const coverage = assembleHamlet(inputs, proj, settings);
 */
export function assembleHamlet(x: HamletInputs, proj: LocalProjection, settings: Settings): HamletCoverage {
  const { h, g } = x;
  const toM2 = 1 / (SCALE * SCALE * h.scale * h.scale);
  const classAreaM2: Record<CoverageClass, number> = {
    'fibre+mbb': g.fibreMbb * toM2,
    fibre: g.fibre * toM2,
    mbb: g.mbb * toM2,
    weak: g.weak * toM2,
    white: g.white * toM2,
  };
  const props = h.feature.properties ?? ({} as Record<string, unknown>);
  const usePoints = x.households !== null && x.households.length > 0;
  const classHouseholds = zeroClasses();
  let households: number;
  let classified: ClassifiedPoint[] | null = null;
  if (usePoints) {
    households = 0;
    classified = [];
    for (const p of x.households as PlacedPoint<number>[]) {
      const cls = classOfPoint(p.x, p.y, g);
      classHouseholds[cls] += p.data;
      households += p.data;
      classified.push({ x: p.x, y: p.y, count: p.data, cls });
    }
  } else {
    const declared = Number(props.households);
    households = Number.isFinite(declared) && declared > 0 ? declared : 0;
    for (const c of COVERAGE_CLASSES) {
      classHouseholds[c] =
        h.areaM2 > 0 ? (households * classAreaM2[c]) / h.areaM2 : c === 'white' ? households : 0;
    }
  }
  const basis = households > 0 ? classHouseholds : classAreaM2;
  const total = households > 0 ? households : h.areaM2;
  const share = (...cs: CoverageClass[]): number =>
    total > 0 ? cs.reduce((s, c) => s + basis[c], 0) / total : 0;
  const broadbandShare = share('fibre+mbb', 'fibre', 'mbb');
  const fibreShare = share('fibre+mbb', 'fibre');
  const mbbShare = share('fibre+mbb', 'mbb');
  const uncoveredShare = share('weak', 'white');
  const t = settings.thresholds;
  const metres = (n: { distance: number } | null): number | null => (n ? n.distance / SCALE / h.scale : null);
  const minUnits = MIN_PART_M2 / toM2;
  const anyFibre = nearer(x.nearestAccess, x.nearestBackbone);
  const { market, operators } = operatorFigures(
    g,
    x.ops,
    { households, classHouseholds, classAreaM2, mbbShare, fibreShare },
    classified,
  );
  return {
    id: h.id,
    name: String(props.name ?? h.id),
    commune: String(props.commune ?? ''),
    commune_code: String(props.commune_code ?? ''),
    district: String(props.district ?? ''),
    district_code: String(props.district_code ?? ''),
    areaM2: h.areaM2,
    classAreaM2,
    classHouseholds,
    households,
    householdMethod: usePoints ? 'points' : 'area',
    broadbandShare,
    fibreShare,
    mbbShare,
    uncoveredHouseholds: classHouseholds.weak + classHouseholds.white,
    uncoveredShare,
    status: broadbandShare >= t.served ? 'served' : broadbandShare <= t.unserved ? 'unserved' : 'partial',
    flags: { noFibre: fibreShare <= t.noFibre, noMbb: mbbShare <= t.noMbb },
    distanceToFibreM: metres(anyFibre),
    distanceToMbbSiteM: metres(x.nearestSite),
    nearestFibreId: anyFibre?.id ?? null,
    nearestMbbSiteId: x.nearestSite?.id ?? null,
    distanceToAccessFibreM: metres(x.nearestAccess),
    nearestAccessFibreId: x.nearestAccess?.id ?? null,
    distanceToBackboneM: metres(x.nearestBackbone),
    nearestBackboneId: x.nearestBackbone?.id ?? null,
    facilitiesInGap: x.facilities.flatMap((f) => {
      const cls = pointInPaths(f.x, f.y, g.whitePaths)
        ? 'white'
        : pointInPaths(f.x, f.y, g.weakPaths)
          ? 'weak'
          : null;
      return cls ? [{ ...f.data, class: cls }] : [];
    }),
    whiteZone: pathsToGeoJSON(g.whitePaths, proj, minUnits),
    weakZone: pathsToGeoJSON(g.weakPaths, proj, minUnits),
    market,
    operators,
  };
}

function zeroClasses(): Record<CoverageClass, number> {
  return { 'fibre+mbb': 0, fibre: 0, mbb: 0, weak: 0, white: 0 };
}

function inside(reach: Reach, x: number, y: number, paths: Parameters<typeof pointInPaths>[2]): boolean {
  return reach === 'full' || (reach === 'partial' && pointInPaths(x, y, paths));
}

function classOfPoint(x: number, y: number, g: HamletGeometry): CoverageClass {
  if (pointInPaths(x, y, g.whitePaths)) return 'white';
  if (pointInPaths(x, y, g.weakPaths)) return 'weak';
  const f = inside(g.reach.fibre, x, y, g.local.fibre ?? []);
  const m = inside(g.reach.mbb, x, y, g.local.mbb ?? []);
  if (f && m) return 'fibre+mbb';
  if (f) return 'fibre';
  if (m) return 'mbb';
  // On a coverage edge the tests above can disagree by a centimetre; side with what reaches the hamlet.
  if (g.reach.fibre !== 'none') return 'fibre';
  if (g.reach.mbb !== 'none') return 'mbb';
  return g.reach.legacy !== 'none' ? 'weak' : 'white';
}

/**
 * A hamlet's result with new operator figures and its pooled figures as they were: for an edit that changes
 * only which operators cover it (households spread by area; points need `assembleHamlet`).
 */
export function withOperatorFigures(
  before: HamletCoverage,
  g: HamletGeometry,
  ops: OperatorGeometry,
): HamletCoverage {
  const { market, operators } = operatorFigures(g, ops, before, null);
  return { ...before, market, operators };
}
