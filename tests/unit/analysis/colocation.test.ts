import { describe, expect, it } from 'vitest';
import { AnalysisSession } from '../../../src/analysis/incremental.ts';
import { ScenarioSession } from '../../../src/analysis/scenarioSession.ts';
import { DEFAULT_SETTINGS } from '../../../src/analysis/settings.ts';
import { hamlet, layersOf, point, site } from './helpers.ts';

const X = 'Vietnamobile';
const LENS_1000 = 2e6 * Math.acos(0.5) - 500 * Math.sqrt(3e6);

/**
 * Three 2 km hamlets 10 km apart, households spread by area:
 * A (400 households): a Viettel 3 km disc over all of it, X has nothing: sharing it gains all 400.
 * B (100): X's own 2G site on the east edge, 1 km: upgrading it gains the half disc, 100·(π/2)/4.
 * C (200): X's 1 km disc on the west edge; a MobiFone 1 km site at the centre: sharing it gains the
 *   MobiFone disc less its lens with X's disc (the lens lies inside the hamlet): 200·(π·10⁶ − lens)/4·10⁶.
 * A MobiFone site far from every hamlet gains nothing and is left out; X's own 4G site is no candidate.
 */
function layers() {
  return layersOf({
    hamlets: [
      hamlet('A', 0, 0, 1000, 400),
      hamlet('B', 10_000, 0, 1000, 100),
      hamlet('C', 20_000, 0, 1000, 200),
    ],
    sites: [
      site('vt-a', 0, 0, { tech: '2G,3G,4G', radius_m: 3000, operator: 'Viettel' }),
      site('x-b', 11_000, 0, { tech: '2G', radius_m: 1000, operator: X }),
      site('x-c', 19_000, 0, { tech: '4G', radius_m: 1000, operator: X }),
      site('mf-c', 20_000, 0, { tech: '4G', radius_m: 1000, operator: 'MobiFone' }),
      site('mf-far', 40_000, 0, { tech: '4G', radius_m: 1000, operator: 'MobiFone' }),
    ],
  });
}

describe('co-location candidates', () => {
  it('are ranked by exact households gained, with the sharing or upgrade cost', () => {
    const { candidates, sitesConsidered } = new AnalysisSession(layers()).colocation(X);
    expect(sitesConsidered).toBe(4);
    expect(candidates.map((c) => [c.siteId, c.ownerOperator, c.kind])).toEqual([
      ['vt-a', 'Viettel', 'share'],
      ['mf-c', 'MobiFone', 'share'],
      ['x-b', X, 'upgrade'],
    ]);
    const [a, c, b] = candidates;
    expect(a?.householdsGained).toBeCloseTo(400, 6);
    expect(Math.abs((c?.householdsGained ?? 0) - (200 * (Math.PI * 1e6 - LENS_1000)) / 4e6)).toBeLessThan(
      0.2,
    );
    expect(Math.abs((b?.householdsGained ?? 0) - (100 * Math.PI) / 8)).toBeLessThan(0.04);
    expect(a?.costVnd).toBe(DEFAULT_SETTINGS.cost.colocationVnd);
    expect(b?.costVnd).toBe(DEFAULT_SETTINGS.cost.upgradeVnd);
    expect(b?.costPerHouseholdVnd).toBeCloseTo((b?.costVnd ?? 0) / (b?.householdsGained ?? 1), 6);
    expect(a?.hamlets).toEqual([{ id: 'A', households: a?.householdsGained }]);
    expect(a?.radiusM).toBe(3000);
    expect(a?.site.properties).toMatchObject({
      operator: X,
      tech: '4G',
      radius_m: 3000,
      colocation: 'share',
    });
    expect(DEFAULT_SETTINGS.cost.colocationVnd).toBeLessThan(DEFAULT_SETTINGS.cost.siteVnd);
    expect(DEFAULT_SETTINGS.cost.upgradeVnd).toBeLessThan(DEFAULT_SETTINGS.cost.siteVnd);
  });

  it('gain what the what-if engine then finds, at the co-location price', () => {
    const session = new ScenarioSession(layers());
    const { candidates } = session.colocation(X);
    for (const cand of candidates) {
      const { delta } = session.sync([{ kind: 'add-site', site: cand.site }]);
      const mine = delta.operators.find((o) => o.operator === X);
      expect(Math.abs((mine?.newMbbHouseholds ?? 0) - cand.householdsGained)).toBeLessThan(
        1e-4 * cand.householdsGained,
      );
      expect(delta.costVnd).toBe(cand.costVnd);
      expect(delta.sharedSites + delta.upgradedSites).toBe(1);
      // Against the scenario it is now in, the candidate gains nothing more.
      expect(session.colocation(X).candidates.some((c) => c.siteId === cand.siteId)).toBe(false);
      session.sync([]);
    }
  });

  it('count household points where they lie: inside the host disc and outside the operator today', () => {
    const l = layersOf({
      hamlets: [hamlet('P', 0, 0, 1000, 0)],
      sites: [
        site('x', -1000, 0, { tech: '4G', radius_m: 600, operator: X }),
        site('host', 0, 0, { tech: '4G', radius_m: 700, operator: 'VNPT' }),
      ],
      households: [
        point(-600, 0, { count: 4 }), // in both: X has it already
        point(200, 0, { count: 6 }), // in the host disc only: gained
        point(0, 900, { count: 9 }), // outside the host disc
      ],
    });
    const [cand] = new AnalysisSession(l).colocation(X).candidates;
    expect(cand?.householdsGained).toBe(6);
  });

  it('reach the 4G default radius from a 2G/3G-only host, whose own radius is a 2G/3G reach', () => {
    const l = layersOf({
      hamlets: [
        hamlet('A', 0, 0, 1000, 400),
        hamlet('B', 20_000, 0, 1000, 100),
        hamlet('C', 40_000, 0, 1000, 50),
      ],
      sites: [
        site('x-2g', 0, 0, { tech: '2G', radius_m: 6000, operator: X }),
        site('vt-3g', 20_000, 0, { tech: '2G,3G', radius_m: 5000, operator: 'Viettel' }),
        site('vt-4g', 40_000, 0, { tech: '3G,4G', radius_m: 5000, operator: 'Viettel' }),
        site('vt-2g-default', 60_000, 0, { tech: '2G', operator: 'Viettel' }),
      ],
    });
    const radius = Object.fromEntries(
      new AnalysisSession(l)
        .colocation(X, { minGainHouseholds: 0 })
        .candidates.map((c) => [c.siteId, c.radiusM]),
    );
    const r4 = DEFAULT_SETTINGS.defaultRadiusM['4G'];
    expect(radius['x-2g']).toBe(r4);
    expect(radius['vt-3g']).toBe(r4);
    // A host with 4G: the operator's 4G there reaches as far as the host's.
    expect(radius['vt-4g']).toBe(5000);
    // Far from every hamlet: no gain, no candidate.
    expect(radius['vt-2g-default']).toBeUndefined();
  });

  it('leave out what gains less than asked, and keep the best few', () => {
    const session = new AnalysisSession(layers());
    expect(session.colocation(X, { minGainHouseholds: 50 }).candidates.map((c) => c.siteId)).toEqual([
      'vt-a',
      'mf-c',
    ]);
    expect(session.colocation(X, { limit: 1 }).candidates).toHaveLength(1);
    // Viettel's own view: X's 4G site is a host, and so is MobiFone's at C.
    const vt = session.colocation('Viettel').candidates.map((c) => c.siteId);
    expect(vt).toContain('x-c');
    expect(vt).not.toContain('vt-a');
  });
});
