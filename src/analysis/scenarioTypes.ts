import type { Position } from 'geojson';
import type { FibreFeature, HamletStatus, SiteFeature } from './types.ts';

/**
 * One what-if edit. Proposed sites carry `properties.proposed = true`; a switched-off site is named by the
 * id it has in the sites layer (and its position, kept only to draw and export it).
 */
export type ScenarioEdit =
  | { kind: 'add-site'; site: SiteFeature }
  | { kind: 'add-fibre'; fibre: FibreFeature }
  | { kind: 'site-off'; siteId: string; at?: Position };

/** A named list of edits, applied in order on top of the loaded layers. */
export interface Scenario {
  id: string;
  name: string;
  edits: ScenarioEdit[];
}

/** A hamlet whose status differs between the baseline and the scenario. */
export interface StatusChange {
  id: string;
  name: string;
  from: HamletStatus;
  to: HamletStatus;
  /** Broadband households gained (negative when a switched-off site loses them). */
  broadbandHouseholdsDelta: number;
}

/** What a scenario changes, against the analysis of the layers without it (docs/DATA-MODEL.md §9). */
export interface ScenarioDelta {
  /** Households that gain fibre / MBB / any broadband, summed over hamlets (gains only). */
  newFibreHouseholds: number;
  newMbbHouseholds: number;
  newBroadbandHouseholds: number;
  /** Households that lose broadband (switched-off sites), as a positive number. */
  lostBroadbandHouseholds: number;
  /** newBroadband − lostBroadband. */
  netBroadbandHouseholds: number;
  /** Hamlets per status before and after. */
  statusBefore: Record<HamletStatus, number>;
  statusAfter: Record<HamletStatus, number>;
  statusChanges: StatusChange[];
  /** Proposed sites: new towers, and of them `sharedSites` on another operator's site and `upgradedSites` on own 2G/3G sites. */
  proposedSites: number;
  sharedSites: number;
  upgradedSites: number;
  proposedFibreKm: number;
  sitesOff: number;
  /**
   * Sites (siteVnd a new tower, colocationVnd a shared one, upgradeVnd an upgrade) + fibre km × fibrePerKmVnd
   * + new fibre households × dropPerHouseholdVnd.
   */
  costVnd: number;
  costBreakdown: { sitesVnd: number; fibreVnd: number; dropsVnd: number };
  /** costVnd ÷ newBroadbandHouseholds; null when nobody gains broadband. */
  costPerNewHouseholdVnd: number | null;
  /** Per operator whose figures change: households gaining (losing) its MBB and fibre, summed per hamlet. */
  operators: OperatorDelta[];
}

/** What a scenario changes for one operator (gains and losses summed per hamlet, as for the pooled figures). */
export interface OperatorDelta {
  operator: string;
  newMbbHouseholds: number;
  lostMbbHouseholds: number;
  newFibreHouseholds: number;
  lostFibreHouseholds: number;
}
