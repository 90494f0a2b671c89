import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyze } from '../../../src/analysis/analyze.ts';
import { AnalysisSession } from '../../../src/analysis/incremental.ts';
import type { AnalysisResult, InputLayers } from '../../../src/analysis/types.ts';
import { COVERAGE_CLASSES } from '../../../src/analysis/types.ts';
import { deepFreeze, hamlet, layersOf, point, site } from './helpers.ts';
import { applyEdits, editArb, fullRun, route } from './randomEdits.ts';

/** A 8×6 grid of 1 km hamlets with a few sites and one fibre route: small enough for many random runs. */
function smallProvince(): InputLayers {
  const hamlets = [];
  for (let i = 0; i < 8; i++)
    for (let j = 0; j < 6; j++) hamlets.push(hamlet(`h${i}-${j}`, i * 1000, j * 1000, 500, 100 + i + j));
  return layersOf({
    hamlets,
    sites: [
      site('s0', 1000, 1000, { tech: '4G', radius_m: 1200 }),
      site('s1', 5000, 4000, { tech: '2G,3G,4G' }),
      site('s2', 7000, 0, { tech: '4G', radius_m: 900, azimuths: [0, 180] }),
    ],
    fibre: [
      route('f0', [
        [-500, 2500],
        [3000, 2600],
      ]),
      route(
        'b0',
        [
          [4000, -800],
          [8000, 3000],
        ],
        undefined,
        'backbone',
      ),
    ],
    facilities: [point(6500, 5000, { id: 'school', kind: 'school' })],
  });
}

/** Incremental and fresh results agree: areas within 1e-6 relative, same statuses, flags and nearest ids. */
function expectSame(inc: AnalysisResult, fresh: AnalysisResult): void {
  expect(inc.hamlets.length).toBe(fresh.hamlets.length);
  fresh.hamlets.forEach((f, i) => {
    const g = inc.hamlets[i];
    if (!g) throw new Error(`hamlet ${f.id} missing from the incremental result`);
    for (const c of COVERAGE_CLASSES) {
      expect(Math.abs(g.classAreaM2[c] - f.classAreaM2[c])).toBeLessThanOrEqual(1e-6 * f.areaM2);
    }
    const ids = (h: typeof f) => [
      h.id,
      h.status,
      h.flags,
      h.nearestMbbSiteId,
      h.nearestFibreId,
      h.nearestAccessFibreId,
      h.nearestBackboneId,
    ];
    expect(ids(g)).toEqual(ids(f));
    expect(g.distanceToFibreM ?? -1).toBeCloseTo(f.distanceToFibreM ?? -1, 6);
    expect(g.distanceToAccessFibreM ?? -1).toBeCloseTo(f.distanceToAccessFibreM ?? -1, 6);
    expect(g.distanceToBackboneM ?? -1).toBeCloseTo(f.distanceToBackboneM ?? -1, 6);
    expect(g.distanceToMbbSiteM ?? -1).toBeCloseTo(f.distanceToMbbSiteM ?? -1, 6);
    expect(g.facilitiesInGap).toEqual(f.facilitiesInGap);
  });
  expect(inc.ranking.map((r) => r.id)).toEqual(fresh.ranking.map((r) => r.id));
}

const edits = editArb(
  { x: { min: -2000, max: 9000 }, y: { min: -2000, max: 7000 } },
  { x: { min: -1000, max: 8000 }, y: { min: -1000, max: 6000 } },
);

describe('AnalysisSession', () => {
  it('after random edits equals a fresh analyze of the edited layers', () => {
    const base = deepFreeze(smallProvince());
    fc.assert(
      fc.property(fc.array(edits, { minLength: 1, maxLength: 6 }), (list) => {
        const session = new AnalysisSession(base);
        applyEdits(session, list);
        expectSame(session.result(), fullRun(base, session));
      }),
      { numRuns: 25, seed: 20261126 },
    );
  });

  it('reports only the hamlets near an added site as changed', () => {
    const session = new AnalysisSession(smallProvince());
    const { changedHamletIds } = session.addSite(site('n', 7000, 5000, { tech: '4G', radius_m: 400 }));
    expect(changedHamletIds).toContain('h7-5');
    expect(changedHamletIds).not.toContain('h0-0');
    expect(changedHamletIds.length).toBeLessThan(12);
  });

  it('never mutates its input, nor does analyze (frozen layers throw on any write)', () => {
    const layers = smallProvince();
    const before = structuredClone(layers);
    deepFreeze(layers);
    analyze(layers);
    const session = new AnalysisSession(layers);
    session.setSiteStatus('s0', 'off');
    session.removeSite('s1');
    session.removeFibre('f0');
    session.addSite(site('x', 0, 0, { tech: '4G' }));
    expect(layers).toEqual(before);
  });
});
