import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analysis/analyze.ts';
import { DEFAULT_SETTINGS } from '../../../src/analysis/settings.ts';
import type { SuggestOptions } from '../../../src/analysis/suggestSites.ts';
import { centroid } from '@turf/centroid';
import { ScenarioSession } from '../../../src/analysis/scenarioSession.ts';
import { planPending, shownPlan } from '../../../src/store/scenario/plan.ts';
import { startScenarioController } from '../../../src/store/scenario/scenarioController.ts';
import { createScenarioStore } from '../../../src/store/scenario/scenarioStore.ts';
import { createAppStore } from '../../../src/store/store.ts';
import type { ScenarioEngine } from '../../../src/worker/scenarioClient.ts';
import { EngineDisposed, type SuggestReply } from '../../../src/worker/scenarioProtocol.ts';
import { sampleInput, SPECS } from './sampleResult.ts';

const noAdmin = { province: null, units: null, districts: null, communes: null };
const flush = () => new Promise((r) => setTimeout(r, 0));

/** Engines whose start the test holds, and which refuse to start once disposed (as the worker one does). */
function heldEngines() {
  const engines: { start: () => void; disposed: boolean; suggested: number }[] = [];
  const make = (): ScenarioEngine => {
    let start!: () => void;
    const gate = new Promise<void>((resolve) => (start = resolve));
    const rec = { start, disposed: false, suggested: 0 };
    engines.push(rec);
    return {
      init: async () => {
        await gate;
        if (rec.disposed) throw new EngineDisposed();
      },
      sync: () => Promise.reject(new Error('not used here')),
      colocation: () => Promise.reject(new Error('not used here')),
      suggest: async () => {
        rec.suggested++;
        return { households: engines.indexOf(rec) } as unknown as SuggestReply;
      },
      dispose: () => {
        rec.disposed = true;
      },
    };
  };
  return { engines, make };
}

describe('scenario controller', () => {
  it('a request waiting for an engine that new data replaced goes to the new engine, not to an error', async () => {
    const app = createAppStore();
    const scenario = createScenarioStore();
    const { engines, make } = heldEngines();
    const control = startScenarioController(app, scenario, make);
    const input = sampleInput();
    app.getState().setData(input, noAdmin, []);
    app.getState().finishRun(app.getState().startRun(), analyze(input, DEFAULT_SETTINGS), 1);
    expect(engines).toHaveLength(1);
    const reply = control.suggest({ count: 1 } as SuggestOptions);
    // A new baseline (e.g. other settings) while the first engine is still starting: it is replaced.
    const settings = { ...DEFAULT_SETTINGS, fibreServiceRadiusM: 700 };
    app.getState().setSettings(settings);
    app.getState().finishRun(app.getState().startRun(), analyze(input, settings), 1);
    expect(engines).toHaveLength(2);
    expect(engines[0]?.disposed).toBe(true);
    engines[0]?.start();
    await flush();
    engines[1]?.start();
    await expect(reply).resolves.toMatchObject({ households: 1 });
    expect(engines.map((e) => e.suggested)).toEqual([0, 1]);
    control.stop();
  });
});

describe('when the scenario engine is built', () => {
  it('after each analysis run for a province; from a saved result or above the limit only when a what-if is asked for', async () => {
    const input = sampleInput();
    const hamlets = input.hamlets.features.length;
    const started = (limit: number, from: 'run' | 'cache' = 'run') => {
      const app = createAppStore();
      const scenario = createScenarioStore();
      const held = heldEngines();
      const control = startScenarioController(app, scenario, held.make, limit);
      app.getState().setData(input, noAdmin, []);
      const result = analyze(input, DEFAULT_SETTINGS);
      app.getState().finishRun(app.getState().startRun(), result, 1, undefined, from);
      return { control, engines: held.engines };
    };
    const saved = started(hamlets, 'cache');
    expect(saved.engines).toHaveLength(0);
    saved.control.stop();

    const small = started(hamlets);
    expect(small.engines).toHaveLength(1);
    small.control.stop();

    const big = started(hamlets - 1);
    expect(big.engines).toHaveLength(0);
    const reply = big.control.suggest({ count: 1 } as SuggestOptions);
    await flush();
    expect(big.engines).toHaveLength(1);
    big.engines[0]?.start();
    await expect(reply).resolves.toMatchObject({ households: 0 });
    big.control.stop();
  });
});

/** The scenario engine in this thread: the same ScenarioSession the worker runs. */
function inThreadEngine(): ScenarioEngine {
  let session: ScenarioSession | null = null;
  return {
    init: async (layers, settings) => {
      session = new ScenarioSession(layers, settings);
    },
    sync: async (edits, name) => ({
      ...session!.sync(edits, name),
      covered: { type: 'FeatureCollection', features: [] },
    }),
    suggest: () => Promise.reject(new Error('not used here')),
    colocation: async (operator, opts) => session!.colocation(operator, opts),
    dispose: () => {
      session = null;
    },
  };
}

describe('baseline or scenario', () => {
  it('the app shows exactly the chosen plan’s result; switching keeps the edits; a new baseline is kept aside', async () => {
    const app = createAppStore();
    const scenario = createScenarioStore();
    const control = startScenarioController(app, scenario, inThreadEngine);
    const input = sampleInput();
    app.getState().setData(input, noAdmin, []);
    const baseline = analyze(input, DEFAULT_SETTINGS);
    app.getState().finishRun(app.getState().startRun(), baseline, 1);
    const target = SPECS[0]!.id;
    const centre = centroid(input.hamlets.features[0]!).geometry.coordinates;
    const status = () => app.getState().coverageById.get(target)?.status;
    const plan = () => shownPlan(app.getState(), scenario.getState()).kind;
    const settled = async () => {
      for (
        let i = 0;
        i < 200 && (scenario.getState().busy || planPending(app.getState(), scenario.getState()));
        i++
      )
        await new Promise((r) => setTimeout(r, 5));
    };
    expect(status()).toBe('unserved');
    expect(plan()).toBe('baseline');

    scenario.getState().setMode('add-site');
    scenario.getState().addSiteAt(centre);
    await settled();
    expect(plan()).toBe('scenario');
    expect(app.getState().result).toBe(scenario.getState().scenarioResult);
    expect(status()).not.toBe('unserved');
    const scenarioResult = app.getState().result;

    scenario.getState().setShown('baseline');
    expect(app.getState().result).toBe(baseline);
    expect(plan()).toBe('baseline');
    expect(status()).toBe('unserved');
    expect(scenario.getState().edits).toHaveLength(1);
    expect(scenario.getState().delta?.newBroadbandHouseholds).toBeGreaterThan(0);

    scenario.getState().setShown('scenario');
    expect(app.getState().result).toBe(scenarioResult);
    expect(plan()).toBe('scenario');

    // New settings while the baseline is shown: the runner's result is shown, the scenario re-measured aside.
    scenario.getState().setShown('baseline');
    const settings = { ...DEFAULT_SETTINGS, fibreServiceRadiusM: 700 };
    app.getState().setSettings(settings);
    const baseline2 = analyze(input, settings);
    app.getState().finishRun(app.getState().startRun(), baseline2, 1);
    await settled();
    expect(app.getState().result).toBe(baseline2);
    expect(scenario.getState().scenarioResult).not.toBe(scenarioResult);
    expect(scenario.getState().scenarioResult).not.toBeNull();
    scenario.getState().setShown('scenario');
    expect(app.getState().result).toBe(scenario.getState().scenarioResult);

    // Undoing every edit leaves only the baseline.
    scenario.getState().undo();
    await settled();
    expect(app.getState().result).toBe(baseline2);
    expect(plan()).toBe('baseline');
    control.stop();
  });
});

describe('a result shown before its layers', () => {
  it('a scenario from a link is measured once the layers arrive, against the same result', async () => {
    const app = createAppStore();
    const scenario = createScenarioStore();
    const control = startScenarioController(app, scenario, inThreadEngine);
    const input = sampleInput();
    const baseline = analyze(input, DEFAULT_SETTINGS);
    // A link's edit, then the shipped (or saved) result, with no layers yet.
    const centre = centroid(input.hamlets.features[0]!).geometry.coordinates;
    scenario.getState().setMode('add-site');
    scenario.getState().addSiteAt(centre);
    app.getState().setDataLoading();
    app.getState().finishRun(app.getState().startRun(), baseline, 0, undefined, 'shipped');
    await flush();
    expect(scenario.getState().scenarioResult).toBeNull();
    // The layers come; the runner finds the same result object.
    app.getState().setData(input, noAdmin, []);
    app.getState().finishRun(app.getState().startRun(), baseline, 0, undefined, 'shipped');
    for (let i = 0; i < 200 && !scenario.getState().scenarioResult; i++)
      await new Promise((r) => setTimeout(r, 5));
    expect(scenario.getState().scenarioResult).not.toBeNull();
    expect(scenario.getState().delta?.newBroadbandHouseholds).toBeGreaterThan(0);
    control.stop();
  });
});
