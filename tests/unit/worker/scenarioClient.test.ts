import type { Position } from 'geojson';
import { describe, expect, it, vi } from 'vitest';
import { analyze } from '../../../src/analysis/analyze.ts';
import type { ScenarioEdit } from '../../../src/analysis/scenarioTypes.ts';
import { DEFAULT_SETTINGS } from '../../../src/analysis/settings.ts';
import type { InputLayers } from '../../../src/analysis/types.ts';
import {
  SCENARIO_WORKER_FAILED,
  startScenarioController,
} from '../../../src/store/scenario/scenarioController.ts';
import { createScenarioStore } from '../../../src/store/scenario/scenarioStore.ts';
import { createAppStore } from '../../../src/store/store.ts';
import { AnalysisClient, RunCancelled } from '../../../src/worker/analysisClient.ts';
import { createAnalysisWorkerApi } from '../../../src/worker/analysisWorkerApi.ts';
import { WorkerFailed } from '../../../src/worker/lifeline.ts';
import { createScenarioEngine } from '../../../src/worker/scenarioClient.ts';
import { sampleInput } from '../store/sampleResult.ts';
import { channelWorkers } from './channelWorkers.ts';

/** The real analysis worker code on MessageChannels in this thread. */
const workers = (doomed: (index: number) => boolean = () => false) =>
  channelWorkers(createAnalysisWorkerApi, doomed);
const noProgress = () => undefined;
const OTHER = { ...DEFAULT_SETTINGS, fibreServiceRadiusM: 700 };

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

describe('what-if edits on the analysis worker’s last run', () => {
  it('after a run the session is the run’s (no second analysis); other settings build one', async () => {
    const client = new AnalysisClient(workers().makeWorker);
    const input = sampleInput();
    const baseline = await client.run(input, DEFAULT_SETTINGS, noProgress);
    const init = (s: typeof DEFAULT_SETTINGS) => client.scenario(input, (api) => api.scenarioInit(s));
    expect(await init(DEFAULT_SETTINGS)).toBe('kept');
    expect(await init(OTHER)).toBe('built');
    expect(await init(OTHER)).toBe('kept');

    const engine = createScenarioEngine(client);
    await engine.init(input, DEFAULT_SETTINGS);
    const u = await engine.sync([siteEdit(input)], 'a');
    // The edit is measured against the run's baseline, and equals a fresh analysis of the edited layers.
    expect(u.delta.newBroadbandHouseholds).toBeGreaterThan(0);
    const add = siteEdit(input);
    if (add.kind !== 'add-site') throw new Error('an add-site edit');
    const edited = {
      ...input,
      sites: { type: 'FeatureCollection' as const, features: [...(input.sites?.features ?? []), add.site] },
    };
    const figures = (r: { hamlets: { id: string; status: string; uncoveredHouseholds: number }[] }) =>
      r.hamlets.map((h) => [h.id, h.status, Math.round(h.uncoveredHouseholds * 1000)]);
    expect(figures(u.result)).toEqual(figures(analyze(edited, DEFAULT_SETTINGS)));
    expect(figures((await engine.sync([], 'a')).result)).toEqual(figures(baseline));
    engine.dispose();
    client.dispose();
  });

  it('a newer run that replaces the worker under an edit: the edit is asked again of the new worker', async () => {
    const { made, makeWorker } = workers();
    const client = new AnalysisClient(makeWorker);
    const input = sampleInput();
    const engine = createScenarioEngine(client);
    await engine.init(input, DEFAULT_SETTINGS);
    const first = client.run(input, DEFAULT_SETTINGS, noProgress);
    const edit = engine.sync([siteEdit(input)], 'a');
    const second = client.run(input, OTHER, noProgress);
    await expect(first).rejects.toBeInstanceOf(RunCancelled);
    await second;
    expect((await edit).delta.newBroadbandHouseholds).toBeGreaterThan(0);
    expect(made.map((w) => w.terminated)).toEqual([true, false]);
    engine.dispose();
    client.dispose();
  });
});

describe('the analysis worker dying under the scenario engine', () => {
  it('is replaced once: the new worker is built from the same data and the call is repeated', async () => {
    const { made, makeWorker } = workers((i) => i === 0);
    const client = new AnalysisClient(makeWorker);
    const engine = createScenarioEngine(client);
    const input = sampleInput();
    await engine.init(input, DEFAULT_SETTINGS);
    const u = await engine.sync([siteEdit(input)], 'a');
    expect(u.result.hamlets).toHaveLength(input.hamlets.features.length);
    expect(made.map((w) => w.terminated)).toEqual([true, false]);
    engine.dispose();
    client.dispose();
  });

  it('twice fails as WorkerFailed; the panel gets the failure, and a retry on healthy workers clears it', async () => {
    let healthy = false;
    const { makeWorker } = workers(() => !healthy);
    const client = new AnalysisClient(makeWorker);
    const engine = createScenarioEngine(client);
    await expect(engine.init(sampleInput(), DEFAULT_SETTINGS)).rejects.toBeInstanceOf(WorkerFailed);
    engine.dispose();

    const app = createAppStore();
    const scenario = createScenarioStore();
    const control = startScenarioController(app, scenario, () => createScenarioEngine(client));
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
    client.dispose();
  });
});
