import type { HamletCoverage, RecommendedTech, Settings } from './types.ts';

/** What closing a hamlet's gap would cost, and with which technology (docs/DATA-MODEL.md §8). */
export interface CostEstimate {
  recommendedTech: RecommendedTech;
  /** Cost of the recommended option, VND (0 for 'none'). */
  costVnd: number;
  /** costVnd / beneficiaryHouseholds; null when nobody benefits (nothing to build). */
  costPerHouseholdVnd: number | null;
  /** The fibre option, VND; null when the data hold no fibre at all, so no extension can be priced. */
  fibreCostVnd: number | null;
  /** The new-site option, VND (at least one site). */
  siteCostVnd: number;
  /** Households the recommended build brings the missing service to. */
  beneficiaryHouseholds: number;
}

/**
 * Estimates the cheapest way to close a hamlet's gap.
 *
 * Three gaps are told apart, because each has a different remedy:
 * - **Households with no broadband at all** (white + weak, `uncoveredHouseholds > 0`): the cheaper of
 *   a fibre extension (km to the nearest fibre × `fibrePerKmVnd` + one drop per uncovered household) and
 *   new 4G site(s) (`siteVnd` × ⌈white area ÷ π·`newSiteRadiusM`²⌉, at least one). Only the white area
 *   drives the site count: weak areas already have a legacy tower that an upgrade would serve, which
 *   this model leaves unpriced. Equal costs go to fibre, the longer-lived asset.
 * - **Only fibre missing** (everyone has mobile broadband but the `noFibre` flag is set): fibre, with a
 *   drop for every household without fibre; a site cannot meet the fibre target. With no fibre
 *   anywhere in the data the extension cannot be priced, so the result is 'none' with a null cost per
 *   household (ranking then gives this hamlet no credit on cost).
 * - **Only mobile broadband missing** (everyone has fibre but `noMbb` is set): site(s) covering the area
 *   without MBB; fibre is never chosen here since more fibre does not bring mobile coverage.
 * Otherwise (served, nothing uncovered): 'none' at 0 VND, both options 0 (fibre null without fibre data).
 *
 * Cost per household divides by the households the build serves: the uncovered households in the
 * first case, the households without fibre (or without MBB) in the other two.
 *
 * @example
 * estimateCost(hamlet, DEFAULT_SETTINGS)
 * // → { recommendedTech: 'fibre', costVnd: 420_000_000, costPerHouseholdVnd: 2_800_000, ... }
 */
export function estimateCost(h: HamletCoverage, settings: Settings): CostEstimate {
  const c = settings.cost;
  const sitesFor = (areaM2: number): number =>
    Math.max(1, Math.ceil(areaM2 / (Math.PI * c.newSiteRadiusM * c.newSiteRadiusM)));
  const fibreFor = (households: number): number | null =>
    h.distanceToFibreM === null
      ? null
      : (h.distanceToFibreM / 1000) * c.fibrePerKmVnd + households * c.dropPerHouseholdVnd;

  const hh = h.classHouseholds;
  const area = h.classAreaM2;
  const uncovered = h.uncoveredHouseholds;

  if (uncovered > 0) {
    const fibreCostVnd = fibreFor(uncovered);
    const siteCostVnd = c.siteVnd * sitesFor(area.white);
    const fibreWins = fibreCostVnd !== null && fibreCostVnd <= siteCostVnd;
    const costVnd = fibreWins ? fibreCostVnd : siteCostVnd;
    return build(fibreWins ? 'fibre' : '4G site', costVnd, uncovered, fibreCostVnd, siteCostVnd);
  }

  if (h.flags.noFibre) {
    const withoutFibre = hh.mbb + hh.weak + hh.white;
    const fibreCostVnd = fibreFor(withoutFibre);
    const siteCostVnd = c.siteVnd * sitesFor(area.white);
    if (fibreCostVnd === null || withoutFibre <= 0) {
      return none(fibreCostVnd, siteCostVnd);
    }
    return build('fibre', fibreCostVnd, withoutFibre, fibreCostVnd, siteCostVnd);
  }

  if (h.flags.noMbb) {
    const withoutMbb = hh.fibre + hh.weak + hh.white;
    const siteCostVnd = c.siteVnd * sitesFor(area.fibre + area.weak + area.white);
    if (withoutMbb <= 0) return none(h.distanceToFibreM === null ? null : 0, 0);
    return build('4G site', siteCostVnd, withoutMbb, fibreFor(withoutMbb), siteCostVnd);
  }

  return none(h.distanceToFibreM === null ? null : 0, 0);
}

/** The build of `recommendedTech` at `costVnd` for `households` (more than 0), beside both options. */
function build(
  recommendedTech: RecommendedTech,
  costVnd: number,
  households: number,
  fibreCostVnd: number | null,
  siteCostVnd: number,
): CostEstimate {
  return {
    recommendedTech,
    costVnd,
    costPerHouseholdVnd: costVnd / households,
    fibreCostVnd,
    siteCostVnd,
    beneficiaryHouseholds: households,
  };
}

function none(fibreCostVnd: number | null, siteCostVnd: number): CostEstimate {
  return {
    recommendedTech: 'none',
    costVnd: 0,
    costPerHouseholdVnd: null,
    fibreCostVnd,
    siteCostVnd,
    beneficiaryHouseholds: 0,
  };
}
