import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analysis/analyze.ts';
import { DEFAULT_SETTINGS } from '../../../src/analysis/settings.ts';
import type { SuggestOptions } from '../../../src/analysis/suggestSites.ts';
import { startScenarioController } from '../../../src/store/scenario/scenarioController.ts';
import { createScenarioStore } from '../../../src/store/scenario/scenarioStore.ts';
import { createAppStore } from '../../../src/store/store.ts';
import type { ScenarioEngine } from '../../../src/worker/scenarioClient.ts';
import { EngineDisposed, type SuggestReply } from '../../../src/worker/scenarioProtocol.ts';
import { sampleInput } from './sampleResult.ts';

const noAdmin = { province: null, districts: null, communes: null };
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
