import type { HamletCoverage } from '../analysis/types.ts';

/**
 * One string for each text the hamlets' results repeat, as their chunks arrive from the analysis worker. A
 * structured clone makes a new string for every value: 89,000 hamlets carried their own copies of their
 * commune's and district's names and codes, status, household method, market class, operators' names and
 * nearest sites' and routes' ids. Equal strings stay equal; only the copies go.
 *
 * @example const shared = new SharedStrings(); chunk.forEach((h) => shared.hamlet(h));
 */
export class SharedStrings {
  private readonly seen = new Map<string, string>();

  /** The first string seen equal to `s`. */
  of<T extends string>(s: T): T {
    const had = this.seen.get(s);
    if (had !== undefined) return had as T;
    this.seen.set(s, s);
    return s;
  }

  private maybe(s: string | null): string | null {
    return s === null ? null : this.of(s);
  }

  /** Replaces the hamlet's repeated texts by the shared ones, in place. */
  hamlet(h: HamletCoverage): void {
    h.name = this.of(h.name);
    h.commune = this.of(h.commune);
    h.commune_code = this.of(h.commune_code);
    h.district = this.of(h.district);
    h.district_code = this.of(h.district_code);
    h.householdMethod = this.of(h.householdMethod);
    h.status = this.of(h.status);
    h.nearestFibreId = this.maybe(h.nearestFibreId);
    h.nearestMbbSiteId = this.maybe(h.nearestMbbSiteId);
    h.nearestAccessFibreId = this.maybe(h.nearestAccessFibreId);
    h.nearestBackboneId = this.maybe(h.nearestBackboneId);
    h.market.class = this.of(h.market.class);
    const names = h.operators.names;
    for (let i = 0; i < names.length; i++) names[i] = this.of(names[i] as string);
    for (const f of h.facilitiesInGap) {
      f.kind = this.of(f.kind);
      f.class = this.of(f.class);
    }
  }
}
