import type {
  Feature,
  FeatureCollection,
  LineString,
  MultiLineString,
  MultiPolygon,
  Point,
  Polygon,
} from 'geojson';

/** Properties of a hamlet (thôn, xóm, tổ dân phố), the unit of analysis (docs/DATA-MODEL.md §1). */
export interface HamletProps {
  id: string;
  name: string;
  commune?: string;
  commune_code?: string;
  district?: string;
  district_code?: string;
  households?: number;
  population?: number;
  synthetic?: boolean;
  [key: string]: unknown;
}
export type HamletFeature = Feature<Polygon | MultiPolygon, HamletProps>;

export interface FibreProps {
  id?: string;
  operator?: string;
  kind?: 'access' | 'backbone';
  [key: string]: unknown;
}
export type FibreFeature = Feature<LineString | MultiLineString | Point, FibreProps>;

export interface SiteProps {
  id?: string;
  operator?: string;
  /** "4G" or a comma list such as "2G,3G,4G". */
  tech: string;
  radius_m?: number;
  /** Sector azimuths in degrees clockwise from north, e.g. [0, 120, 240] or "0,120,240". */
  azimuths?: number[] | string;
  /** Sector beam width in degrees (default 120 when azimuths are given). */
  beamwidth?: number;
  /** "off" switches an existing site off (scenario edits). */
  status?: string;
  [key: string]: unknown;
}
export type SiteFeature = Feature<Point, SiteProps>;

export interface CoverageProps {
  tech: string;
  operator?: string;
  level?: 'good' | 'weak';
  [key: string]: unknown;
}
export type CoverageFeature = Feature<Polygon | MultiPolygon, CoverageProps>;

export interface FacilityProps {
  kind: string;
  name?: string;
  id?: string;
  [key: string]: unknown;
}

export interface HouseholdPointProps {
  count?: number;
  [key: string]: unknown;
}

export interface AdminProps {
  code: string;
  name: string;
  type?: string;
  [key: string]: unknown;
}

/**
 * One speed-test tile (the open-data layout of the large speed-test company): the mean of the tests made
 * in it during a period (docs/DATA-MODEL.md §17).
 */
export interface SpeedTileProps {
  quadkey?: string;
  /** Mean download and upload, kbit/s. */
  avg_d_kbps: number;
  avg_u_kbps: number;
  /** Mean latency, ms. */
  avg_lat_ms: number;
  /** Completed tests (> 0). */
  tests: number;
  devices?: number;
  [key: string]: unknown;
}

/** One speed test at a place; speeds and latency are absent when `result` is `no_service`. */
export interface SpeedPointProps {
  download_mbps?: number;
  upload_mbps?: number;
  latency_ms?: number;
  operator?: string;
  /** '4G', '5G', … or 'fixed' for a fixed-line test. */
  tech?: string;
  /** ISO 8601. */
  time?: string;
  result: 'ok' | 'no_service';
  [key: string]: unknown;
}

/** A report recorded in the field (in the app, or imported as GeoJSON). */
export interface FieldReportProps {
  id: string;
  /** ISO 8601. */
  time: string;
  result: 'no_signal' | 'weak' | 'ok';
  operator?: string;
  tech?: '2G' | '3G' | '4G' | '5G' | 'fixed';
  download_mbps?: number;
  upload_mbps?: number;
  note?: string;
  [key: string]: unknown;
}

/** Everything the engine reads. Only `hamlets` is required. */
export interface InputLayers {
  hamlets: FeatureCollection<Polygon | MultiPolygon, HamletProps>;
  fibre?: FeatureCollection<LineString | MultiLineString | Point, FibreProps>;
  sites?: FeatureCollection<Point, SiteProps>;
  coverage?: FeatureCollection<Polygon | MultiPolygon, CoverageProps>;
  facilities?: FeatureCollection<Point, FacilityProps>;
  households?: FeatureCollection<Point, HouseholdPointProps>;
  /** Speed-test tiles of mobile tests, and of fixed-line tests. */
  mobileTests?: FeatureCollection<Polygon | MultiPolygon, SpeedTileProps>;
  fixedTests?: FeatureCollection<Polygon | MultiPolygon, SpeedTileProps>;
  speedPoints?: FeatureCollection<Point, SpeedPointProps>;
  fieldReports?: FeatureCollection<Point, FieldReportProps>;
}

/** The five exclusive coverage classes, by priority (docs/DATA-MODEL.md §2). */
export type CoverageClass = 'fibre+mbb' | 'fibre' | 'mbb' | 'weak' | 'white';
export const COVERAGE_CLASSES: readonly CoverageClass[] = ['fibre+mbb', 'fibre', 'mbb', 'weak', 'white'];

export type HamletStatus = 'served' | 'partial' | 'unserved';

/**
 * Market class of a point by the number of distinct operators giving MBB there (the EU State-aid broadband
 * guidelines' terms): 0 = white, 1 = grey, 2 or more = black (DATA-MODEL "Operators").
 */
export type MarketClass = 'white' | 'grey' | 'black';

/** Figures by market class, in the order white, grey, black: [no operator, one operator, two or more]. */
export type ByMarketClass = [number, number, number];

/** A hamlet's MBB market: what share of it 0, 1 and ≥ 2 operators give MBB to. */
export interface HamletMarket {
  /** The class holding the most households (area for a hamlet without households); ties go to fewer operators. */
  class: MarketClass;
  /** On the basis of `mbbShare` (households, else area); they add up to 1 and `shares[0]` = 1 − `mbbShare`. */
  shares: ByMarketClass;
  /** Households; they add up to `households`, and `households[0]` = households without MBB. */
  households: ByMarketClass;
  /** Ellipsoidal area, m²; they add up to `areaM2`. */
  areaM2: ByMarketClass;
}

/**
 * Each operator's MBB (its own 4G/5G sites and good-level 4G/5G coverage polygons) and fibre (its access
 * routes and nodes) in a hamlet, column by column (compact to keep and to send between threads): entry i of
 * every column belongs to `names[i]`. Operators with MBB or fibre area in the hamlet, sorted by name
 * (code-unit order). Shares are on the basis of the pooled shares (households, else area) and never exceed
 * them. `operatorCoverage(h, name)` and `operatorRows(h)` (operatorLens.ts) read it as rows.
 */
export interface HamletOperators {
  names: string[];
  mbbShare: number[];
  fibreShare: number[];
  mbbHouseholds: number[];
  fibreHouseholds: number[];
}

/** One operator's figures in one hamlet, as a row. */
export interface OperatorCoverage {
  /** As in the data (trimmed); features without one count as ANONYMOUS_OPERATOR. */
  operator: string;
  mbbShare: number;
  fibreShare: number;
  mbbHouseholds: number;
  fibreHouseholds: number;
}
export type RecommendedTech = 'fibre' | '4G site' | 'none';

/** Per-hamlet result of the coverage analysis (before ranking). */
export interface HamletCoverage {
  id: string;
  name: string;
  commune: string;
  commune_code: string;
  district: string;
  district_code: string;
  /** Ellipsoidal area, m². */
  areaM2: number;
  /** Area per class, m²; the five add up to areaM2. */
  classAreaM2: Record<CoverageClass, number>;
  /** Households per class; the five add up to `households`. Fractional when spread by area. */
  classHouseholds: Record<CoverageClass, number>;
  households: number;
  /** 'points' when counted from the households layer, 'area' when spread uniformly. */
  householdMethod: 'points' | 'area';
  /** Shares of households, 0–1. broadband = fibre or MBB. */
  broadbandShare: number;
  fibreShare: number;
  mbbShare: number;
  /** Households in white + weak. */
  uncoveredHouseholds: number;
  uncoveredShare: number;
  status: HamletStatus;
  flags: { noFibre: boolean; noMbb: boolean };
  /**
   * Metres from the hamlet polygon to the nearest fibre of any kind, backbone included (0 if it touches);
   * null if no fibre. The cost model extends fibre from here (DATA-MODEL §8).
   */
  distanceToFibreM: number | null;
  /** Metres from the hamlet polygon to the nearest MBB site (on, with 4G or 5G); null if none. */
  distanceToMbbSiteM: number | null;
  nearestFibreId: string | null;
  nearestMbbSiteId: string | null;
  /** Metres to the nearest access fibre (a route or node that serves households); null if none. */
  distanceToAccessFibreM: number | null;
  nearestAccessFibreId: string | null;
  /** Metres to the nearest backbone fibre, which serves no household directly; null if none. */
  distanceToBackboneM: number | null;
  nearestBackboneId: string | null;
  /** Ids (or names) of facilities inside the hamlet's white or weak area. */
  facilitiesInGap: { id: string; kind: string; name: string; class: 'white' | 'weak' }[];
  /** White (vùng trắng) and weak (vùng lõm) polygons of this hamlet, WGS84. */
  whiteZone: Polygon | MultiPolygon | null;
  weakZone: Polygon | MultiPolygon | null;
  /** How many operators give MBB across the hamlet (white / grey / black). */
  market: HamletMarket;
  /** Per-operator MBB and fibre (DATA-MODEL §14). */
  operators: HamletOperators;
}

/** Ranking model settings (docs/DATA-MODEL.md §7). */
export interface RankingWeights {
  uncoveredHouseholds: number;
  uncoveredShare: number;
  facilities: number;
  costPerHousehold: number;
}
export type RankingPresetName = 'equity' | 'commercial' | 'custom';

export interface CostSettings {
  /** VND per km of fibre extension. */
  fibrePerKmVnd: number;
  /** VND per household drop. */
  dropPerHouseholdVnd: number;
  /** VND for one new 4G site (tower, equipment, power, backhaul). */
  siteVnd: number;
  /** Reach of one new site used to count how many a white area needs, m. */
  newSiteRadiusM: number;
  /** VND for an operator's 4G put on another operator's existing site (tower sharing, co-location). */
  colocationVnd: number;
  /** VND for adding 4G to an operator's own 2G/3G-only site. */
  upgradeVnd: number;
}

/**
 * Coverage targets (DATA-MODEL §16): the share of hamlets with fixed broadband (fibre) and with 4G/5G, each
 * to be reached by the end of its year. The defaults are the national ones (QĐ 36/QĐ-TTg); a province sets
 * its own. They do not change the analysis, only the progress view.
 */
export interface TargetSettings {
  fibreHamlets: number;
  fibreYear: number;
  mbbHamlets: number;
  mbbYear: number;
}

/**
 * Speed targets and the limits of the challenge list (docs/DATA-MODEL.md §17). Defaults from the national
 * digital-infrastructure strategy (QĐ 36/QĐ-TTg, 2024).
 */
export interface MeasuredSettings {
  /** Download targets, Mb/s: fixed broadband, 4G and 5G. */
  fixedTargetMbps: number;
  mobile4gTargetMbps: number;
  mobile5gTargetMbps: number;
  /** Below either of these a test is failing, Mb/s. */
  failingDownMbps: number;
  failingUpMbps: number;
  /** Weighted tests a hamlet needs before its measured mean can contradict the model. */
  minTests: number;
}

export interface Settings {
  fibreServiceRadiusM: number;
  /** Default radius by technology when a site has no radius_m. */
  defaultRadiusM: Record<'2G' | '3G' | '4G' | '5G', number>;
  thresholds: { served: number; unserved: number; noFibre: number; noMbb: number };
  preset: RankingPresetName;
  weights: RankingWeights;
  cost: CostSettings;
  /** Segments used to turn a full circle into a polygon. */
  circleSegments: number;
  targets: TargetSettings;
  measured: MeasuredSettings;
}

export interface ScoreBreakdown {
  uncoveredHouseholds: number;
  uncoveredShare: number;
  facilities: number;
  costPerHousehold: number;
}

export interface RankedHamlet {
  id: string;
  rank: number;
  tier: 1 | 2 | 3;
  score: number;
  /** Weighted normalised contributions; they add up to score. */
  breakdown: ScoreBreakdown;
  recommendedTech: RecommendedTech;
  costVnd: number;
  costPerHouseholdVnd: number | null;
  fibreCostVnd: number | null;
  siteCostVnd: number;
}

export interface Rollup {
  /** `unit`: a unit of a one-level system (province → commune/ward since 1 July 2025, or imported). */
  level: 'province' | 'district' | 'commune' | 'unit';
  code: string;
  name: string;
  /** Code of the enclosing unit: the district for a commune, the province for a district or a unit. */
  parentCode?: string;
  hamlets: number;
  households: number;
  householdsByClass: Record<CoverageClass, number>;
  /** householdsByClass ÷ households (0 when there are none). */
  shareByClass?: Record<CoverageClass, number>;
  fibreHouseholds: number;
  mbbHouseholds: number;
  broadbandHouseholds: number;
  fibreShare: number;
  mbbShare: number;
  broadbandShare: number;
  whiteAreaM2: number;
  weakAreaM2: number;
  hamletsByStatus: Record<HamletStatus, number>;
  hamletsNoFibre: number;
  hamletsNoMbb: number;
  /** Progress against the 100 % targets: share of hamlets that have fibre / MBB (flag not set). */
  targetFibreProgress: number;
  targetMbbProgress: number;
  /** Households where 0, 1 and ≥ 2 operators give MBB (white, grey, black). */
  marketHouseholds: ByMarketClass;
  /** Hamlets by their market class. */
  hamletsByMarketClass: Record<MarketClass, number>;
  /** Per operator found in the unit's hamlets, sorted by name. */
  operators: OperatorRollup[];
}

/** One operator's households in a roll-up unit; shares are of the unit's households (0 when none). */
export interface OperatorRollup {
  operator: string;
  mbbHouseholds: number;
  fibreHouseholds: number;
  mbbShare: number;
  fibreShare: number;
  /** Hamlets where the operator's MBB share is above the `noMbb` threshold. */
  hamletsWithMbb: number;
}

export interface Summary {
  province: Rollup;
  districts: Rollup[];
  communes: Rollup[];
  /** The units of a one-level system (`computeUnitSummary`); absent from the by-district summary. */
  units?: Rollup[];
  settings: Settings;
  householdMethod: 'points' | 'area' | 'mixed';
}

/** How a hamlet's measured download compares with the target (docs/DATA-MODEL.md §17). */
export type MeasuredQuality = 'meets_target' | 'below_target' | 'failing' | 'no_data';

/** One kind of measurement (mobile or fixed) in one hamlet; speeds are null without tests, never 0. */
export interface MeasuredFigures {
  /** Σ w over the tiles: each tile's tests times the share of its area inside the hamlet. */
  tests: number;
  /** Means weighted by w, Mb/s and ms. */
  downMbps: number | null;
  upMbps: number | null;
  latencyMs: number | null;
  /** Speed-test points inside the hamlet, and of those the ones with no service. */
  points: number;
  noService: number;
  /** Medians of the points with a result. */
  pointDownMbps: number | null;
  pointUpMbps: number | null;
  pointLatencyMs: number | null;
  /** Points with a result at or above their technology's target. */
  pointsMeetingTarget: number;
  quality: MeasuredQuality;
}

export interface HamletMeasured {
  id: string;
  mobile: MeasuredFigures;
  fixed: MeasuredFigures;
  /** Distinct field reports inside the hamlet, by result. */
  reports: { noSignal: number; weak: number; ok: number };
}

/** Why a hamlet is on the challenge list; figures are those the rule compared. */
export type ChallengeReason =
  | { kind: 'failingTests'; mbbShare: number; tests: number; downMbps: number; upMbps: number }
  | { kind: 'noSignalReports'; mbbShare: number; reports: number }
  | { kind: 'goodTests'; mbbShare: number; tests: number; downMbps: number; upMbps: number };

/** A hamlet where the model and the measurements disagree. */
export interface Challenge {
  id: string;
  name: string;
  commune: string;
  district: string;
  /** 'over': the model says served, measurements say not; 'under': the reverse. */
  direction: 'over' | 'under';
  reasons: ChallengeReason[];
}

/** The measured layers' figures: present when any measured layer was given. */
export interface MeasuredResult {
  /** Which measured layers the run had. */
  layers: { mobileTests: boolean; fixedTests: boolean; speedPoints: boolean; fieldReports: boolean };
  /** One per hamlet, in the order of `AnalysisResult.hamlets`. */
  hamlets: HamletMeasured[];
  /** Model served with failing measurements first, then the reverse; by hamlet id within each. */
  challenges: Challenge[];
  /** Tiles, points and reports that meet no hamlet (not counted). */
  outside: { tiles: number; points: number; reports: number };
}

export interface AnalysisResult {
  hamlets: HamletCoverage[];
  ranking: RankedHamlet[];
  summary: Summary;
  /** Speed tests and field reports against the model; absent when no measured layer was given. */
  measured?: MeasuredResult;
  /** Problems that did not stop the run (a site without coordinates, a clipping failure repaired…). */
  warnings: string[];
  timingsMs: Record<string, number>;
}

/**
 * A run's progress: `'preparing'` (hamlets, coverage shapes and tiles made ready; done 0 of the hamlets)
 * while the engine is prepared, then `'hamlets'` as they are computed.
 */
export type ProgressCallback = (done: number, total: number, phase: string) => void;
