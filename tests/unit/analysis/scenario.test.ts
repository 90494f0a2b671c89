import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analysis/analyze.ts';
import { applyScenario, ScenarioError } from '../../../src/analysis/scenario.ts';
import { scenarioDelta } from '../../../src/analysis/scenarioDelta.ts';
import { ScenarioSession } from '../../../src/analysis/scenarioSession.ts';
import type { Scenario, ScenarioEdit } from '../../../src/analysis/scenarioTypes.ts';
import { withDefaults } from '../../../src/analysis/settings.ts';
import type { AnalysisResult, InputLayers } from '../../../src/analysis/types.ts';
import { syntheticProvince } from '../../bench/synthetic.ts';
import { rankingSettingsArb } from './rankingSettings.ts';

// A small province (the bench's generator in a 0.4° square): 60 hamlets, 25 sites, 60 fibre routes.
const layers: InputLayers = syntheticProvince(60, 25, 11);
const settings = withDefaults({});

function site(id: string, lon: number, lat: number, tech = '4G', radius = 2500): ScenarioEdit {
  return {
    kind: 'add-site',
    site: {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [lon, lat] },
      properties: { id, tech, radius_m: radius, proposed: true },
    },
  };
}
function fibre(id: string, a: [number, number], b: [number, number]): ScenarioEdit {
  return {
    kind: 'add-fibre',
    fibre: { type: 'Feature', geometry: { type: 'LineString', coordinates: [a, b] }, properties: { id } },
  };
}

function expectSameResult(a: AnalysisResult, b: AnalysisResult): void {
  expect(a.hamlets.length).toBe(b.hamlets.length);
  a.hamlets.forEach((h, i) => {
    const o = b.hamlets[i];
    expect(o?.id).toBe(h.id);
    expect(o?.status).toBe(h.status);
    for (const c of ['fibre+mbb', 'fibre', 'mbb', 'weak', 'white'] as const) {
      expect(Math.abs((o?.classAreaM2[c] ?? NaN) - h.classAreaM2[c])).toBeLessThan(1e-6 * h.areaM2 + 1e-3);
    }
    expect(o?.nearestMbbSiteId).toBe(h.nearestMbbSiteId);
    expect(o?.nearestFibreId).toBe(h.nearestFibreId);
    expect(o?.nearestAccessFibreId).toBe(h.nearestAccessFibreId);
    expect(o?.nearestBackboneId).toBe(h.nearestBackboneId);
  });
  expect(b.ranking.map((r) => r.id)).toEqual(a.ranking.map((r) => r.id));
}

const lon = fc.double({ min: 106.0, max: 106.4, noNaN: true });
const lat = fc.double({ min: 20.0, max: 20.4, noNaN: true });
const editArb: fc.Arbitrary<(n: number) => ScenarioEdit> = fc.oneof(
  fc.tuple(lon, lat, fc.constantFrom('4G', '2G,3G,4G', '5G', '3G'), fc.integer({ min: 300, max: 4000 })).map(
    ([x, y, t, r]) =>
      (n: number) =>
        site(`P${n}`, x, y, t, r),
  ),
  fc.tuple(lon, lat, lon, lat).map(
    ([x1, y1, x2, y2]) =>
      (n: number) =>
        fibre(`PF${n}`, [x1, y1], [x2, y2]),
  ),
  fc.integer({ min: 0, max: 24 }).map((k) => (): ScenarioEdit => ({ kind: 'site-off', siteId: `S${k}` })),
);

describe('ScenarioSession', () => {
  it('equals a full analysis of the edited layers after random sequences of edits, undos and redos', () => {
    const session = new ScenarioSession(layers, settings);
    fc.assert(
      fc.property(fc.array(fc.tuple(editArb, fc.nat(3)), { minLength: 1, maxLength: 5 }), (steps) => {
        const edits: ScenarioEdit[] = [];
        const offs = new Set<string>();
        steps.forEach(([make, undo], n) => {
          const e = make(n);
          if (e.kind === 'site-off') {
            if (offs.has(e.siteId)) return;
            offs.add(e.siteId);
          }
          edits.push(e);
          // Undo some edits now and then: the session must revert exactly.
          if (undo === 0) {
            const gone = edits.pop();
            if (gone?.kind === 'site-off') offs.delete(gone.siteId);
          }
        });
        const scenario: Scenario = { id: 't', name: 't', edits };
        const { result, delta } = session.sync(edits);
        const full = analyze(applyScenario(layers, scenario), settings);
        expectSameResult(full, result);
        // A switched-off site is never anyone's nearest 4G/5G site.
        for (const h of result.hamlets) expect(offs.has(h.nearestMbbSiteId ?? '')).toBe(false);
        expect(delta).toEqual(scenarioDelta(session.baseline, full, scenario, settings));
      }),
      { numRuns: 8, seed: 20261126 },
    );
    // Back to no edits: the baseline again.
    expectSameResult(session.baseline, session.sync([]).result);
  });

  it('re-ranked under new ranking settings equals a full analysis with them, its edits undone', () => {
    fc.assert(
      fc.property(fc.array(editArb, { maxLength: 3 }), rankingSettingsArb, (makes, next) => {
        const session = new ScenarioSession(layers, settings);
        const edits = makes.map((make, n) => make(n)).filter((e) => e.kind !== 'site-off');
        session.sync(edits);
        const reranked = session.reranked(layers, next);
        const full = analyze(layers, next);
        expectSameResult(full, reranked.baseline);
        expect(reranked.baseline.ranking.map((x) => [x.id, x.tier, x.costVnd])).toEqual(
          full.ranking.map((x) => [x.id, x.tier, x.costVnd]),
        );
        reranked.baseline.ranking.forEach((x, i) =>
          expect(x.score).toBeCloseTo(full.ranking[i]?.score ?? NaN, 9),
        );
        expect(reranked.baseline.summary).toEqual(full.summary);
        expect(reranked.settingsUsed()).toEqual(next);
        // The edits again, on the re-ranked session: as a full analysis of the edited layers.
        const scenario: Scenario = { id: 't', name: 't', edits };
        expectSameResult(analyze(applyScenario(layers, scenario), next), reranked.sync(edits).result);
      }),
      { numRuns: 6, seed: 20261203 },
    );
  });

  it('is re-ranked only for settings that change the ranking or the costs alone', () => {
    const session = new ScenarioSession(layers, settings);
    expect(() => session.reranked(layers, withDefaults({ fibreServiceRadiusM: 900 }))).toThrow(
      /change the ranking or the costs alone/,
    );
  });

  it('refuses to switch off a site that does not exist, naming the edit', () => {
    const session = new ScenarioSession(layers, settings);
    expect(() => session.sync([{ kind: 'site-off', siteId: 'nope' }], 'Plan A')).toThrow(
      /Plan A.*edit 1.*no site with id "nope"/,
    );
    expect(session.edits()).toEqual([]);
  });
});

describe('applyScenario', () => {
  it('appends proposals, switches sites off and leaves the input untouched', () => {
    const frozen = JSON.stringify(layers);
    const out = applyScenario(layers, {
      id: 'a',
      name: 'a',
      edits: [
        site('P1', 106.2, 20.2),
        fibre('PF1', [106.1, 20.1], [106.12, 20.1]),
        { kind: 'site-off', siteId: 'S3' },
      ],
    });
    expect(JSON.stringify(layers)).toBe(frozen);
    expect(out.sites?.features.length).toBe((layers.sites?.features.length ?? 0) + 1);
    expect(out.fibre?.features.at(-1)?.properties?.id).toBe('PF1');
    expect(out.sites?.features.find((s) => s.properties.id === 'S3')?.properties.status).toBe('off');
  });

  it('rejects a proposal whose id is taken', () => {
    expect(() => applyScenario(layers, { id: 'a', name: 'Dup', edits: [site('S1', 106.2, 20.2)] })).toThrow(
      ScenarioError,
    );
  });
});

describe('scenarioDelta', () => {
  it('counts newly covered households, status changes and cost for a site in a white hamlet', () => {
    const before = analyze(layers, settings);
    const white = before.hamlets
      .filter((h) => h.status === 'unserved' && h.households > 0)
      .sort((a, b) => b.classHouseholds.white - a.classHouseholds.white)[0];
    expect(white).toBeDefined();
    const f = layers.hamlets.features.find((h) => h.properties.id === white?.id);
    const ring = (f?.geometry.type === 'Polygon' ? f.geometry.coordinates[0] : []) ?? [];
    const cx = ring.reduce((s, p) => s + (p[0] as number), 0) / ring.length;
    const cy = ring.reduce((s, p) => s + (p[1] as number), 0) / ring.length;
    // A 20 km disc covers the whole hamlet: its white households all become MBB.
    const scenario: Scenario = { id: 'x', name: 'x', edits: [site('P1', cx, cy, '4G', 20_000)] };
    const after = analyze(applyScenario(layers, scenario), settings);
    const d = scenarioDelta(before, after, scenario, settings);
    const change = d.statusChanges.find((c) => c.id === white?.id);
    expect(change).toMatchObject({ from: 'unserved', to: 'served' });
    expect(d.newMbbHouseholds).toBeGreaterThanOrEqual((white?.uncoveredHouseholds ?? 0) - 1e-6);
    expect(d.lostBroadbandHouseholds).toBe(0);
    expect(d.costVnd).toBe(settings.cost.siteVnd);
    expect(d.costPerNewHouseholdVnd).toBeCloseTo(settings.cost.siteVnd / d.newBroadbandHouseholds, 6);
  });

  it('prices fibre by its ellipsoidal length plus a drop per household that gains fibre', () => {
    const before = analyze(layers, settings);
    // 0.01° of latitude at 20.1° N is 1,106.6 m on the WGS84 ellipsoid.
    const scenario: Scenario = { id: 'f', name: 'f', edits: [fibre('PF1', [106.05, 20.1], [106.05, 20.11])] };
    const after = analyze(applyScenario(layers, scenario), settings);
    const d = scenarioDelta(before, after, scenario, settings);
    expect(d.proposedFibreKm).toBeCloseTo(1.1066, 3);
    expect(d.costBreakdown.dropsVnd).toBeCloseTo(d.newFibreHouseholds * settings.cost.dropPerHouseholdVnd, 3);
    expect(d.costVnd).toBeCloseTo(d.costBreakdown.fibreVnd + d.costBreakdown.dropsVnd, 3);
  });
});
