import type { Position } from 'geojson';
import { describe, expect, it, vi } from 'vitest';
import { analyze } from '../../../src/analysis/analyze.ts';
import { ScenarioSession } from '../../../src/analysis/scenarioSession.ts';
import type { ScenarioEdit } from '../../../src/analysis/scenarioTypes.ts';
import { DEFAULT_SETTINGS } from '../../../src/analysis/settings.ts';
import type { InputLayers, Settings } from '../../../src/analysis/types.ts';
import {
  SCENARIO_WORKER_FAILED,
  startScenarioController,
} from '../../../src/store/scenario/scenarioController.ts';
import { createScenarioStore } from '../../../src/store/scenario/scenarioStore.ts';
import { createAppStore } from '../../../src/store/store.ts';
import { WorkerFailed } from '../../../src/worker/lifeline.ts';
import { createScenarioWorkerEngine } from '../../../src/worker/scenarioClient.ts';
import { sampleInput } from '../store/sampleResult.ts';
import { channelWorkers } from './channelWorkers.ts';

/** The scenario worker's calls on the real ScenarioSession, on a MessageChannel in this thread. */
function sessionApi() {
  let session: ScenarioSession | null = null;
  const live = (): ScenarioSession => {
    if (!session) throw new Error('init must be called before sync');
    return session;
  };
  return {
    init(layers: InputLayers, settings: Settings): void {
      session = new ScenarioSession(layers, settings);
    },
    sync(edits: ScenarioEdit[], name: string) {
      return { ...live().sync(edits, name), covered: [] };
    },
    suggest(): never {
      throw new Error('not used here');
    },
  };
}

const workers = (doomed: (index: number) => boolean) => channelWorkers(sessionApi, doomed);

function siteEdit(input: InputLayers): ScenarioEdit {
  const ring = (input.hamlets.features[0]?.geometry.coordinates[0] ?? []) as Position[];
  const at = ring[0] ?? [0, 0];
  return {
    kind: 'add-site',
    site: {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: at },
      properties: { id: 'P-1', tech: '4G', radius_m: 3000, proposed: true },
    },
  };
}

describe('the scenario engine in a worker that dies', () => {
  it('is replaced once: the new worker is built from the same data and the call is repeated', async () => {
    const { made, makeWorker } = workers((i) => i === 0);
    const engine = createScenarioWorkerEngine({}, makeWorker);
    const input = sampleInput();
    await engine.init(input, DEFAULT_SETTINGS);
    const u = await engine.sync([siteEdit(input)], 'a');
    expect(u.result.hamlets).toHaveLength(input.hamlets.features.length);
    expect(made.map((w) => w.terminated)).toEqual([true, false]);
    engine.dispose();
  });

  it('twice fails as WorkerFailed; the panel gets the failure, and a retry on healthy workers clears it', async () => {
    let healthy = false;
    const { makeWorker } = workers(() => !healthy);
    const engine = createScenarioWorkerEngine({}, makeWorker);
    await expect(engine.init(sampleInput(), DEFAULT_SETTINGS)).rejects.toBeInstanceOf(WorkerFailed);
    engine.dispose();

    const app = createAppStore();
    const scenario = createScenarioStore();
    const control = startScenarioController(app, scenario, () => createScenarioWorkerEngine({}, makeWorker));
    const input = sampleInput();
    app.getState().setData(input, { province: null, districts: null, communes: null, units: null }, []);
    app.getState().finishRun(app.getState().startRun(), analyze(input, DEFAULT_SETTINGS), 1);
    scenario.getState().setEdits([siteEdit(input)]);
    await vi.waitFor(() => expect(scenario.getState().error).toBe(SCENARIO_WORKER_FAILED));
    expect(scenario.getState().busy).toBe(false);

    healthy = true;
    control.retry();
    await vi.waitFor(() => expect(scenario.getState().error).toBeNull());
    expect(scenario.getState().delta).not.toBeNull();
    control.stop();
  });
});
