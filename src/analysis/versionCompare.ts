import type { AreaGroup, AreaHamlet, AreasOf } from './areas.ts';
import { csvText } from './csv.ts';
import type { HamletReach, NetworkReach } from './networkReach.ts';
import { gain } from './scenarioDelta.ts';
import type { HamletCoverage, HamletStatus, Settings } from './types.ts';

/** What a comparison of two versions reads of one hamlet in one version. */
export interface HamletState extends AreaHamlet {
  name: string;
  status: HamletStatus;
  households: number;
  broadbandHouseholds: number;
  fibreHouseholds: number;
  mbbHouseholds: number;
  /** White + weak area, m². */
  gapAreaM2: number;
  /** The `noFibre` (`noMbb`) flag is not set: the hamlet counts towards the fibre (4G/5G) target. */
  hasFibre: boolean;
  hasMbb: boolean;
  /** The features that reach it; null when the version did not record them (an older analysis output). */
  reach: HamletReach | null;
}

/** Each analysed hamlet as a comparison reads it, with the features that reach it. */
export function hamletStates(hamlets: readonly HamletCoverage[], reach: NetworkReach | null): HamletState[] {
  return hamlets.map((h) => {
    const c = h.classHouseholds;
    return {
      id: h.id,
      name: h.name,
      commune: h.commune,
      commune_code: h.commune_code,
      district: h.district,
      district_code: h.district_code,
      status: h.status,
      households: h.households,
      broadbandHouseholds: c['fibre+mbb'] + c.fibre + c.mbb,
      fibreHouseholds: c['fibre+mbb'] + c.fibre,
      mbbHouseholds: c['fibre+mbb'] + c.mbb,
      gapAreaM2: h.classAreaM2.white + h.classAreaM2.weak,
      hasFibre: !h.flags.noFibre,
      hasMbb: !h.flags.noMbb,
      reach: reach?.get(h.id) ?? null,
    };
  });
}

/**
 * Why a hamlet changed, read from the features that reach it in each version: a site giving 4G/5G that did
 * not reach it before (`new-site`; `site-upgraded` when it reached it with 2G/3G only), new fibre or a new
 * coverage polygon; for a loss, a site (fibre, polygon) that no longer gives it coverage (removed, switched
 * off, or its 4G/5G taken away). `other`: no reaching feature came or went (a feature changed in place, or
 * the settings or the hamlet's households differ); `unknown`: a version did not record what reaches it.
 */
export type ChangeCause =
  | 'new-site'
  | 'site-upgraded'
  | 'new-fibre'
  | 'new-coverage'
  | 'site-gone'
  | 'fibre-gone'
  | 'coverage-gone'
  | 'other'
  | 'unknown';

export interface CauseEntry {
  cause: ChangeCause;
  /** The features behind it, sorted. */
  ids: string[];
}

/** A hamlet whose status or broadband households changed between two versions. */
export interface HamletChange extends AreaHamlet {
  name: string;
  statusBefore: HamletStatus;
  statusAfter: HamletStatus;
  /** `gained`: a better status, or households newly covered; `lost`: the reverse. */
  change: 'gained' | 'lost';
  households: number;
  newlyCoveredHouseholds: number;
  lostHouseholds: number;
  broadbandShareBefore: number;
  broadbandShareAfter: number;
  /** White + weak area before less after, m² (negative when the gap grew). */
  gapAreaClosedM2: number;
  causes: CauseEntry[];
}

/** One area's change between the two versions. */
export interface AreaChange {
  level: AreaGroup['level'];
  code: string;
  name: string;
  parentCode?: string;
  hamlets: number;
  /** Hamlets whose status got better (unserved → partial → served) or worse. */
  hamletsImproved: number;
  hamletsWorsened: number;
  newlyCoveredHouseholds: number;
  lostHouseholds: number;
  gapAreaBeforeM2: number;
  gapAreaAfterM2: number;
  /** Before less after; negative when the white and weak area grew. */
  gapAreaClosedM2: number;
}

export type VersionComparison =
  | {
      ok: true;
      /** The changed hamlets, most households changed first. */
      hamlets: HamletChange[];
      /** Every area of the after version (the whole first), changed or not. */
      areas: AreaChange[];
      /** False when a version did not record the features that reach its hamlets: causes are `unknown`. */
      causesKnown: boolean;
    }
  | {
      ok: false;
      /** Hamlet ids in one version only, sorted: versions of different hamlets do not compare. */
      onlyBefore: string[];
      onlyAfter: string[];
    };

const STATUS_RANK: Record<HamletStatus, number> = { unserved: 0, partial: 1, served: 2 };

/**
 * What changed between two dated versions of the same hamlets (DATA-MODEL §16): the hamlets whose status or
 * broadband households changed, with the cause, and per area (`areasOf`, e.g. `adminAreas()`) the households
 * newly covered and those that lost cover (per hamlet, below the re-clipping noise of the what-if delta: none),
 * hamlets better and worse, and the white and weak area closed. Versions of different hamlet ids do not
 * compare: the result lists the ids found in one only. Pure.
 *
 * @example
 * const c = compareVersions(hamletStates(a.hamlets, reachA), hamletStates(b.hamlets, reachB), adminAreas());
 * if (c.ok) c.areas[0]?.newlyCoveredHouseholds;
 */
export function compareVersions(
  before: readonly HamletState[],
  after: readonly HamletState[],
  areasOf: AreasOf,
): VersionComparison {
  const old = new Map(before.map((h) => [h.id, h]));
  const now = new Set(after.map((h) => h.id));
  const onlyBefore = before.filter((h) => !now.has(h.id)).map((h) => h.id);
  const onlyAfter = after.filter((h) => !old.has(h.id)).map((h) => h.id);
  if (onlyBefore.length > 0 || onlyAfter.length > 0) {
    return { ok: false, onlyBefore: onlyBefore.sort(byText), onlyAfter: onlyAfter.sort(byText) };
  }
  const changes = new Map<string, HamletChange>();
  const pairs = new Map<string, [HamletState, HamletState]>();
  let causesKnown = true;
  for (const a of after) {
    const b = old.get(a.id) as HamletState;
    pairs.set(a.id, [b, a]);
    if (!a.reach || !b.reach) causesKnown = false;
    const n = a.households;
    const newly = gain(a.broadbandHouseholds, b.broadbandHouseholds, n);
    const lost = gain(b.broadbandHouseholds, a.broadbandHouseholds, n);
    const up = STATUS_RANK[a.status] - STATUS_RANK[b.status];
    if (up === 0 && newly === 0 && lost === 0) continue;
    const change = up > 0 || (up === 0 && newly > 0) ? 'gained' : 'lost';
    changes.set(a.id, {
      id: a.id,
      name: a.name,
      commune: a.commune,
      commune_code: a.commune_code,
      district: a.district,
      district_code: a.district_code,
      statusBefore: b.status,
      statusAfter: a.status,
      change,
      households: n,
      newlyCoveredHouseholds: newly,
      lostHouseholds: lost,
      broadbandShareBefore: share(b),
      broadbandShareAfter: share(a),
      gapAreaClosedM2: b.gapAreaM2 - a.gapAreaM2,
      causes: causesOf(b, a, change),
    });
  }
  const areas = areasOf(after).map((g): AreaChange => {
    const out: AreaChange = {
      level: g.level,
      code: g.code,
      name: g.name,
      hamlets: g.hamletIds.length,
      hamletsImproved: 0,
      hamletsWorsened: 0,
      newlyCoveredHouseholds: 0,
      lostHouseholds: 0,
      gapAreaBeforeM2: 0,
      gapAreaAfterM2: 0,
      gapAreaClosedM2: 0,
    };
    if (g.parentCode !== undefined) out.parentCode = g.parentCode;
    for (const id of g.hamletIds) {
      const [b, a] = pairs.get(id) as [HamletState, HamletState];
      out.gapAreaBeforeM2 += b.gapAreaM2;
      out.gapAreaAfterM2 += a.gapAreaM2;
      const c = changes.get(id);
      if (!c) continue;
      out.newlyCoveredHouseholds += c.newlyCoveredHouseholds;
      out.lostHouseholds += c.lostHouseholds;
      const up = STATUS_RANK[c.statusAfter] - STATUS_RANK[c.statusBefore];
      if (up > 0) out.hamletsImproved++;
      else if (up < 0) out.hamletsWorsened++;
    }
    out.gapAreaClosedM2 = out.gapAreaBeforeM2 - out.gapAreaAfterM2;
    return out;
  });
  const hamlets = [...changes.values()].sort(
    (x, y) =>
      y.newlyCoveredHouseholds + y.lostHouseholds - (x.newlyCoveredHouseholds + x.lostHouseholds) ||
      byText(x.id, y.id),
  );
  return { ok: true, hamlets, areas, causesKnown };
}

function causesOf(b: HamletState, a: HamletState, change: HamletChange['change']): CauseEntry[] {
  if (!b.reach || !a.reach) return [{ cause: 'unknown', ids: [] }];
  const out: CauseEntry[] = [];
  const push = (cause: ChangeCause, ids: string[]): void => {
    if (ids.length > 0) out.push({ cause, ids });
  };
  if (change === 'gained') {
    const legacy = new Set(b.reach.legacySites);
    const arrived = minus(a.reach.sites, b.reach.sites);
    push(
      'new-site',
      arrived.filter((id) => !legacy.has(id)),
    );
    push(
      'site-upgraded',
      arrived.filter((id) => legacy.has(id)),
    );
    push('new-fibre', minus(a.reach.fibre, b.reach.fibre));
    push('new-coverage', minus(a.reach.coverage, b.reach.coverage));
  } else {
    push('site-gone', minus(b.reach.sites, a.reach.sites));
    push('fibre-gone', minus(b.reach.fibre, a.reach.fibre));
    push('coverage-gone', minus(b.reach.coverage, a.reach.coverage));
  }
  return out.length > 0 ? out : [{ cause: 'other', ids: [] }];
}

function minus(a: readonly string[], b: readonly string[]): string[] {
  const drop = new Set(b);
  return a.filter((id) => !drop.has(id));
}

function share(h: HamletState): number {
  return h.households > 0 ? h.broadbandHouseholds / h.households : h.status === 'served' ? 1 : 0;
}

function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The settings two versions were analysed with that differ, as dotted keys (`fibreServiceRadiusM`,
 * `cost.siteVnd`); targets do not count (they change no result). A comparison across different settings
 * mixes the network's change with the settings': callers warn.
 *
 * @example settingsDifferences(a, { ...a, fibreServiceRadiusM: 800 }) // ['fibreServiceRadiusM']
 */
export function settingsDifferences(a: Settings, b: Settings): string[] {
  const out: string[] = [];
  const walk = (x: unknown, y: unknown, path: string): void => {
    if (isRecord(x) && isRecord(y)) {
      for (const k of [...new Set([...Object.keys(x), ...Object.keys(y)])].sort())
        walk(x[k], y[k], path ? `${path}.${k}` : k);
    } else if (JSON.stringify(x) !== JSON.stringify(y)) out.push(path);
  };
  const { targets: _a, ...restA } = a;
  const { targets: _b, ...restB } = b;
  walk(restA, restB, '');
  return out;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export const CHANGES_CSV_HEADER = [
  'hamlet_id',
  'name',
  'commune',
  'commune_code',
  'district',
  'district_code',
  'status_before',
  'status_after',
  'change',
  'households',
  'households_newly_covered',
  'households_lost',
  'broadband_share_before',
  'broadband_share_after',
  'white_weak_area_closed_m2',
  'cause',
  'cause_ids',
] as const;

/**
 * The changed hamlets as CSV (the project's CSV writer: BOM, CRLF, quoting, formula guard), one row each:
 * `cause` lists the causes (`new-site;new-fibre`), `cause_ids` their features in the same order
 * (`site-12;ac-3-4`). The app's table export and the CLI's `changes.csv` (DATA-MODEL §16).
 *
 * @example await writeFile('changes.csv', changesCsv(comparison.hamlets));
 */
export function changesCsv(changes: readonly HamletChange[]): string {
  const r = (n: number, d: number): number => Math.round(n * 10 ** d) / 10 ** d || 0;
  return csvText(
    CHANGES_CSV_HEADER,
    changes.map((c) => [
      c.id,
      c.name,
      c.commune,
      c.commune_code,
      c.district,
      c.district_code,
      c.statusBefore,
      c.statusAfter,
      c.change,
      r(c.households, 1),
      r(c.newlyCoveredHouseholds, 1),
      r(c.lostHouseholds, 1),
      r(c.broadbandShareBefore, 4),
      r(c.broadbandShareAfter, 4),
      r(c.gapAreaClosedM2, 1),
      c.causes.map((x) => x.cause).join(';'),
      c.causes.flatMap((x) => x.ids).join(';'),
    ]),
  );
}
