import { describe, expect, it, vi } from 'vitest';
import * as blocks from '../../../src/analysis/blocks.ts';
import { analyze } from '../../../src/analysis/analyze.ts';
import { ScenarioSession } from '../../../src/analysis/scenarioSession.ts';
import { withDefaults } from '../../../src/analysis/settings.ts';
import type { ScenarioEdit } from '../../../src/analysis/scenarioTypes.ts';
import type { AnalysisResult } from '../../../src/analysis/types.ts';
import { AnalysisClient } from '../../../src/worker/analysisClient.ts';
import {
  createAnalysisWorkerApi,
  type AnalysisWorkerOptions,
} from '../../../src/worker/analysisWorkerApi.ts';
import { WorkerFailed } from '../../../src/worker/lifeline.ts';
import { runWorkers, SPLIT_MIN_HAMLETS } from '../../../src/worker/splitRun.ts';
import { blockGrid as grid } from '../analysis/blockGrid.ts';
import { site } from '../analysis/helpers.ts';
import { route } from '../analysis/randomEdits.ts';
import { channelWorkers } from './channelWorkers.ts';
import { noPause } from '../../../src/data/resultCodec.ts';
import { layersToBytes } from '../../../src/worker/layersBytes.ts';

// Blocks computed by helpers (`computeBlock`), counted: the split must really share the work.
vi.mock('../../../src/analysis/blocks.ts', async (load) => {
  const real = await load<typeof import('../../../src/analysis/blocks.ts')>();
  return { ...real, computeBlock: vi.fn(real.computeBlock) };
});

const settings = withDefaults({});
const untimed = ({ timingsMs: _t, ...rest }: AnalysisResult) => rest;
const noProgress = () => undefined;

/**
 * The page's client on an analysis worker that splits runs of `min` hamlets or more across `cores`
 * workers; helpers are the same worker code on MessageChannels, as the real ones run the same script.
 */
function splitting(min: number, cores: number, more: AnalysisWorkerOptions = {}) {
  const helpers = channelWorkers(() => createAnalysisWorkerApi());
  const workers = channelWorkers(() =>
    createAnalysisWorkerApi({ cores, splitMinHamlets: min, makeHelper: helpers.makeWorker, ...more }),
  );
  return { client: new AnalysisClient(workers.makeWorker), helpers: helpers.made, workers: workers.made };
}

describe('a run split across workers', () => {
  const layers = grid();

  it('splits only from SPLIT_MIN_HAMLETS and three cores, on the cores there are, four workers at most', () => {
    expect(runWorkers(2784, 8)).toBe(1);
    expect(runWorkers(SPLIT_MIN_HAMLETS, 3)).toBe(3);
    expect(runWorkers(89_088, 16)).toBe(4);
    // Two cores: one worker (the browser tests' build splits there: its SPLIT_MIN_CORES is 2).
    expect(runWorkers(89_088, 2)).toBe(1);
    expect(runWorkers(89_088, 2, SPLIT_MIN_HAMLETS, 2)).toBe(2);
    expect(runWorkers(89_088, 1)).toBe(1);
  });

  it('gives the page the result of one worker, and its what-if and tower sharing', async () => {
    const { client, helpers } = splitting(500, 3);
    const progress: number[] = [];
    const phases: string[] = [];
    vi.mocked(blocks.computeBlock).mockClear();
    const result = await client.run(layers, settings, (done, _, phase) => {
      progress.push(done);
      if (phases.at(-1) !== phase) phases.push(phase);
    });
    expect(helpers).toHaveLength(2);
    expect(vi.mocked(blocks.computeBlock).mock.calls.length).toBeGreaterThan(0);
    // Helpers end with the run.
    expect(helpers.every((h) => h.terminated)).toBe(true);
    expect(untimed(result)).toEqual(untimed(analyze(layers, settings)));
    expect(progress.at(-1)).toBe(576);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    // The page can say the engine is being prepared before the first hamlet.
    expect(phases).toEqual(['preparing', 'hamlets']);

    const one = new ScenarioSession(layers, settings);
    const edits: ScenarioEdit[] = [
      {
        kind: 'add-site',
        site: site('n1', 14000, 14000, { tech: '4G', radius_m: 2000, operator: 'Viettel' }),
      },
      { kind: 'site-off', siteId: 's1' },
      {
        kind: 'add-fibre',
        fibre: route(
          'n2',
          [
            [16000, 2000],
            [16000, 12000],
          ],
          'Viettel',
        ),
      },
    ];
    const sync = await client.scenario(layers, (api) => api.scenarioSync(settings, edits, 'x'));
    const want = one.sync(edits, 'x');
    expect(untimed(sync.result)).toEqual(untimed(want.result));
    expect(sync.changedHamletIds).toEqual(want.changedHamletIds);
    expect(sync.delta).toEqual(want.delta);
    const sharing = await client.scenario(layers, (api) => api.scenarioColocation(settings, 'Viettel'));
    expect(sharing).toEqual({ ...one.colocation('Viettel'), ms: expect.any(Number) });
    client.dispose();
  });

  it('a what-if asked during the split run waits for its session instead of analysing again', async () => {
    const { client } = splitting(500, 3);
    const run = client.run(layers, settings, noProgress);
    const init = client.scenario(layers, (api) => api.scenarioInit(settings));
    expect(await init).toBe('kept');
    expect(untimed(await run)).toEqual(untimed(analyze(layers, settings)));
    client.dispose();
  });

  it('starts its helpers with the layers, before the run, and the run takes them', async () => {
    const helpers = channelWorkers(() => createAnalysisWorkerApi());
    const api = createAnalysisWorkerApi({ cores: 3, splitMinHamlets: 500, makeHelper: helpers.makeWorker });
    const count = layers.hamlets.features.length;
    await api.setLayersEncoded(await layersToBytes(layers, noPause), count);
    expect(helpers.made).toHaveLength(2);
    vi.mocked(blocks.computeBlock).mockClear();
    const head = await api.run(settings, noProgress);
    // No helper started at the run; they computed blocks and ended with it.
    expect(helpers.made).toHaveLength(2);
    expect(vi.mocked(blocks.computeBlock).mock.calls.length).toBeGreaterThan(0);
    expect(helpers.made.every((h) => h.terminated)).toBe(true);
    const hamlets = Array.from({ length: head.hamletChunks }, (_, i) => api.takeHamlets(i)).flat();
    expect(untimed({ ...head, hamlets })).toEqual({
      ...untimed(analyze(layers, settings)),
      hamletChunks: head.hamletChunks,
      runSeq: head.runSeq,
    });

    // Newer layers end helpers that were started for older ones; a set below the threshold starts none.
    await api.setLayersEncoded(await layersToBytes(layers, noPause), count);
    expect(helpers.made).toHaveLength(4);
    await api.setLayersEncoded(await layersToBytes(layers, noPause), 499);
    expect(helpers.made).toHaveLength(4);
    expect(helpers.made.every((h) => h.terminated)).toBe(true);
  });

  it('runs a small set on one worker: no helper is started', async () => {
    const { client, helpers } = splitting(577, 4);
    const result = await client.run(layers, settings, noProgress);
    expect(helpers).toHaveLength(0);
    expect(untimed(result)).toEqual(untimed(analyze(layers, settings)));
    client.dispose();
  });

  it('a helper that dies ends its analysis worker: the page replaces it once, then says it failed', async () => {
    let ended = 0;
    const helpers = channelWorkers(
      () => createAnalysisWorkerApi(),
      () => true,
    );
    const workers = channelWorkers(() =>
      createAnalysisWorkerApi({
        cores: 3,
        splitMinHamlets: 500,
        makeHelper: helpers.makeWorker,
        onHelperDied: () => {
          ended++;
          // As `close()` does to a real worker: its page hears it die.
          setTimeout(() => current?.dispatchEvent(new Event('error')), 0);
        },
      }),
    );
    let current: Worker | undefined;
    const client = new AnalysisClient(() => (current = workers.makeWorker()));
    await expect(client.run(layers, settings, noProgress)).rejects.toThrow(WorkerFailed);
    expect(ended).toBe(2);
    expect(workers.made).toHaveLength(2);
    client.dispose();
  });
});
