import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as engine from '../../../src/analysis/analyze.ts';
import * as sessions from '../../../src/analysis/scenarioSession.ts';
import { DEFAULT_SETTINGS, withDefaults } from '../../../src/analysis/settings.ts';
import type { AnalysisResult, InputLayers, Settings } from '../../../src/analysis/types.ts';
import { SampleFileError, sampleLayersOf } from '../../../src/data/sampleLayers.ts';
import { loadSample } from '../../../src/store/loadSample.ts';
import { startAnalysisRunner } from '../../../src/store/runner.ts';
import { createAppStore } from '../../../src/store/store.ts';
import { AnalysisClient, RunCancelled, WorkerReplaced } from '../../../src/worker/analysisClient.ts';
import { WorkerFailed } from '../../../src/worker/lifeline.ts';
import { createAnalysisWorkerApi } from '../../../src/worker/analysisWorkerApi.ts';
import { channelWorkers } from './channelWorkers.ts';
import { fromWire, toWire } from '../../../src/worker/importWire.ts';
import type { LayersBytes } from '../../../src/worker/layersBytes.ts';
import { decodeResult, noPause, RESULT_RECORD } from '../../../src/data/resultCodec.ts';
import { resultBytesSource } from '../../../src/data/resultBytes.ts';

// The worker's analyses are sessions (kept for what-if edits): the class wrapped in a spy that constructs
// the real one, so a test can see which analyses really ran.
vi.mock('../../../src/analysis/scenarioSession.ts', async (load) => {
  const real = await load<typeof import('../../../src/analysis/scenarioSession.ts')>();
  const ScenarioSession = vi.fn(function (...args: ConstructorParameters<typeof real.ScenarioSession>) {
    return new real.ScenarioSession(...args);
  });
  return { ...real, ScenarioSession };
});
const analyze = vi.mocked(sessions.ScenarioSession);

/** The tiny CLI fixture served as the "sample": four hamlets, fibre, sites and one facility. */
const NAMES = ['hamlets', 'fibre', 'sites', 'facilities'];
const URLS = Object.fromEntries(NAMES.map((n) => [n, `http://sample.test/${n}.geojson`]));
const text = (name: string) => readFileSync(`tests/fixtures/cli/tiny/${name}.geojson`, 'utf8');
const OTHER: Settings = withDefaults({ fibreServiceRadiusM: 2000 });

let fetched: string[];
let missing: Set<string>;
beforeEach(() => {
  fetched = [];
  missing = new Set();
  vi.stubGlobal('fetch', (url: string) => {
    fetched.push(url);
    const name = /([^/]+)\.geojson$/.exec(url)?.[1] ?? '';
    if (missing.has(name) || !NAMES.includes(name)) return Promise.resolve(new Response('', { status: 404 }));
    return Promise.resolve(new Response(text(name)));
  });
  analyze.mockClear();
});
afterEach(() => vi.unstubAllGlobals());

/** The real worker code (`createAnalysisWorkerApi`) on MessageChannels, standing in for the Web Worker. */
const fakeWorkers = (doomed?: (index: number) => boolean) => channelWorkers(createAnalysisWorkerApi, doomed);

/** The sample as the page gets it through the client, adopted so the worker need not be sent it. */
async function pageSample(client: AnalysisClient): Promise<InputLayers> {
  const loaded = await client.loadSample(URLS);
  const { input } = sampleLayersOf(loaded.byName);
  loaded.adopt(input);
  return input;
}

/** The tiny fixture as the page's own data (not the sample): the worker must be sent it. */
function tinyInput(): InputLayers {
  return Object.fromEntries(NAMES.map((n) => [n, JSON.parse(text(n))])) as unknown as InputLayers;
}

const settingsOfRuns = () => analyze.mock.calls.map((c) => c[1]);
const noProgress = () => undefined;

describe('AnalysisClient (first visit)', () => {
  it('a load of the same URLs takes over the prefetch: one worker, each file fetched once', async () => {
    const { made, makeWorker } = fakeWorkers();
    const client = new AnalysisClient(makeWorker);
    client.prefetchSample(URLS);
    const loaded = await client.loadSample({ ...URLS });
    expect([...loaded.byName.keys()]).toEqual(NAMES);
    expect(loaded.byName.get('hamlets')?.features).toHaveLength(4);
    expect(made).toHaveLength(1);
    expect(fetched.sort()).toEqual(Object.values(URLS).sort());
    client.dispose();
  });

  it('the first run with the default settings takes the run made ahead instead of analysing again', async () => {
    const { makeWorker } = fakeWorkers();
    const client = new AnalysisClient(makeWorker);
    client.prefetchSample(URLS, true);
    const input = await pageSample(client);
    const progress: [number, number, string][] = [];
    const result = await client.run(input, withDefaults({}), (d, t, p) => progress.push([d, t, p]));
    expect(settingsOfRuns()).toEqual([DEFAULT_SETTINGS]);
    expect(progress.at(-1)).toEqual([1, 1, 'hamlets']);
    expect(result.hamlets.map((h) => h.id).sort()).toEqual(
      engine
        .analyze(input, DEFAULT_SETTINGS)
        .hamlets.map((h) => h.id)
        .sort(),
    );
    // The layers were adopted: the worker fetched nothing again for the run.
    expect(fetched).toHaveLength(NAMES.length);
    client.dispose();
  });

  it('the run ahead is also the what-if session: the first edit needs no analysis of its own', async () => {
    const { makeWorker } = fakeWorkers();
    const client = new AnalysisClient(makeWorker);
    client.prefetchSample(URLS, true);
    const input = await pageSample(client);
    await vi.waitFor(() => expect(settingsOfRuns()).toEqual([DEFAULT_SETTINGS]));
    // A result opened from storage: no run is asked for, and the what-if takes the run ahead's session.
    expect(await client.scenario(input, (api) => api.scenarioInit(DEFAULT_SETTINGS))).toBe('kept');
    expect(await client.scenario(input, (api) => api.scenarioInit(OTHER))).toBe('built');
    expect(settingsOfRuns()).toEqual([DEFAULT_SETTINGS, OTHER]);
    client.dispose();
  });

  it('a first run with other settings is analysed for them, after the run ahead', async () => {
    const { makeWorker } = fakeWorkers();
    const client = new AnalysisClient(makeWorker);
    client.prefetchSample(URLS, true);
    const input = await pageSample(client);
    const result = await client.run(input, OTHER, noProgress);
    expect(settingsOfRuns()).toEqual([DEFAULT_SETTINGS, OTHER]);
    expect(result.summary).toEqual(engine.analyze(input, OTHER).summary);
    client.dispose();
  });

  it('data of the page’s own drops the prefetched sample and is sent to the worker', async () => {
    const { made, makeWorker } = fakeWorkers();
    const client = new AnalysisClient(makeWorker);
    client.prefetchSample(URLS, true);
    const own = sampleLayersOf(new Map([['hamlets', JSON.parse(text('hamlets'))]])).input;
    const result = await client.run(own, withDefaults({}), noProgress);
    expect(result.hamlets).toHaveLength(4);
    expect(result.summary).toEqual(engine.analyze(own, DEFAULT_SETTINGS).summary);
    expect(made).toHaveLength(1);
    client.dispose();
  });

  it('a run replaced while the early run is in flight is cancelled; the newer settings win', async () => {
    const { made, makeWorker } = fakeWorkers();
    const client = new AnalysisClient(makeWorker);
    client.prefetchSample(URLS, true);
    const input = await pageSample(client);
    const first = client.run(input, withDefaults({}), noProgress);
    const second = client.run(input, OTHER, noProgress);
    await expect(first).rejects.toBeInstanceOf(RunCancelled);
    const result = await second;
    expect(result.summary).toEqual(engine.analyze(input, OTHER).summary);
    // The busy worker was terminated; the fresh one fetched the sample itself (HTTP cache), not a copy.
    expect(made.map((w) => w.terminated)).toEqual([true, false]);
    expect(fetched).toHaveLength(2 * NAMES.length);
    client.dispose();
  });

  it('a sample load whose worker a run replaces rejects with WorkerReplaced; the store then loads it on the page', async () => {
    const { makeWorker } = fakeWorkers();
    const client = new AnalysisClient(makeWorker);
    const own = sampleLayersOf(new Map([['hamlets', JSON.parse(text('hamlets'))]])).input;
    const pending = client.run(own, DEFAULT_SETTINGS, noProgress);
    const load = client.loadSample(URLS);
    const replacing = client.run(own, OTHER, noProgress);
    await expect(load).rejects.toBeInstanceOf(WorkerReplaced);
    await expect(pending).rejects.toBeInstanceOf(RunCancelled);
    await replacing;

    const store = createAppStore();
    const flaky = { loadSample: () => Promise.reject(new WorkerReplaced()) };
    await loadSample(store, URLS, flaky);
    expect(store.getState().dataStatus).toBe('ready');
    expect(store.getState().input?.hamlets.features).toHaveLength(4);
    client.dispose();
  });

  it('a stale run is cancelled by dispose, and the client starts a fresh worker for the next', async () => {
    const { made, makeWorker } = fakeWorkers();
    const client = new AnalysisClient(makeWorker);
    const input = await pageSample(client);
    const stale = client.run(input, OTHER, noProgress);
    client.dispose();
    await expect(stale).rejects.toBeInstanceOf(RunCancelled);
    const result = await client.run(input, DEFAULT_SETTINGS, noProgress);
    expect(result.hamlets).toHaveLength(4);
    expect(made.map((w) => w.terminated)).toEqual([true, false]);
    client.dispose();
  });

  it('an error in the worker rejects that run with its message, and the next run works', async () => {
    const { made, makeWorker } = fakeWorkers();
    const client = new AnalysisClient(makeWorker);
    const input = await pageSample(client);
    const broken = {
      ...DEFAULT_SETTINGS,
      preset: 'custom' as const,
      weights: { ...DEFAULT_SETTINGS.weights, facilities: NaN },
    };
    await expect(client.run(input, broken, noProgress)).rejects.toThrow(/Ranking weight "facilities" is NaN/);
    expect((await client.run(input, OTHER, noProgress)).summary).toEqual(
      engine.analyze(input, OTHER).summary,
    );
    expect(made).toHaveLength(1);
    client.dispose();
  });

  it('a worker that dies during a run is replaced once and the run is done on the new one', async () => {
    const { made, makeWorker } = fakeWorkers((i) => i === 0);
    const client = new AnalysisClient(makeWorker);
    const input = tinyInput();
    const result = await client.run(input, OTHER, noProgress);
    expect(result.summary).toEqual(engine.analyze(input, OTHER).summary);
    expect(made.map((w) => w.terminated)).toEqual([true, false]);
    client.dispose();
  });

  it('a worker that dies twice fails as WorkerFailed; the store says so, and Retry runs again', async () => {
    let healthy = false;
    const { made, makeWorker } = fakeWorkers(() => !healthy);
    const client = new AnalysisClient(makeWorker);
    const store = createAppStore();
    const stop = startAnalysisRunner(store, client, 0);
    store
      .getState()
      .setData(tinyInput(), { province: null, districts: null, communes: null, units: null }, []);
    await vi.waitFor(() => expect(store.getState().analysisError).not.toBeNull());
    expect(store.getState().analysisErrorKind).toBe('worker');
    expect(store.getState().running).toBe(false);
    expect(made).toHaveLength(2);
    await expect(client.run(tinyInput(), OTHER, noProgress)).rejects.toBeInstanceOf(WorkerFailed);

    healthy = true;
    store.getState().retryRun();
    await vi.waitFor(() => expect(store.getState().result).not.toBeNull());
    expect(store.getState().analysisError).toBeNull();
    stop();
    client.dispose();
  });

  it('a missing sample file fails as a SampleFileError across the worker, which the store does not retry', async () => {
    const { makeWorker } = fakeWorkers();
    const client = new AnalysisClient(makeWorker);
    missing.add('sites');
    const err = await client.loadSample(URLS).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SampleFileError);
    expect((err as Error).message).toBe('geodata/sites.geojson: HTTP 404');
    const store = createAppStore();
    const before = fetched.length;
    await loadSample(store, URLS, client);
    expect(store.getState().dataError).toBe('geodata/sites.geojson: HTTP 404');
    // Only the worker fetched: a file that is missing is not fetched again on the page.
    expect(fetched.length - before).toBe(NAMES.length);
    client.dispose();
  });

  it('with the store’s runner: settings changed during a run end with the newest result, no error', async () => {
    const { makeWorker } = fakeWorkers();
    const client = new AnalysisClient(makeWorker);
    client.prefetchSample(URLS, true);
    const store = createAppStore();
    await loadSample(store, URLS, client);
    const stop = startAnalysisRunner(store, client, 0);
    store.getState().setSettings(withDefaults({ fibreServiceRadiusM: 800 }));
    await new Promise((r) => setTimeout(r, 0));
    store.getState().setSettings(OTHER);
    await vi.waitFor(() => expect(store.getState().running).toBe(false), { timeout: 5000 });
    const s = store.getState();
    expect(s.analysisError).toBeNull();
    expect(s.result?.summary).toEqual(engine.analyze(s.input!, OTHER).summary);
    stop();
    client.dispose();
  });
});

describe('AnalysisClient (the page’s own layers)', () => {
  /** Workers that record how they were given layers: as bytes (`setLayersEncoded`) or cloned. */
  function recordingWorkers() {
    const given: string[] = [];
    const workers = channelWorkers(() => {
      const api = createAnalysisWorkerApi();
      return {
        ...api,
        setLayers: (input: InputLayers) => {
          given.push('clone');
          api.setLayers(input);
        },
        setLayersEncoded: (bytes: LayersBytes) => {
          given.push(`bytes:${Object.keys(bytes.parts).join(',')}${bytes.rest ? '+rest' : ''}`);
          return api.setLayersEncoded(bytes);
        },
      };
    });
    return { given, ...workers };
  }

  const untimed = ({ timingsMs: _t, ...rest }: AnalysisResult) => rest;

  it('reach the worker as bytes, and are analysed exactly as the objects', async () => {
    const { given, makeWorker } = recordingWorkers();
    const client = new AnalysisClient(makeWorker);
    const input = tinyInput();
    const result = await client.run(input, OTHER, noProgress);
    expect(given).toEqual(['bytes:+rest']);
    expect(untimed(result)).toEqual(untimed(engine.analyze(input, OTHER)));
    // Sent once: another run on the same layers needs none.
    await client.run(input, DEFAULT_SETTINGS, noProgress);
    expect(given).toEqual(['bytes:+rest']);
    client.dispose();
  });

  it('imported through the dialog go on as the bytes the import worker sent, once; the others encoded', async () => {
    const { given, makeWorker } = recordingWorkers();
    const input = tinyInput();
    // The hamlets and sites as the page gets them from the import worker.
    for (const role of ['hamlets', 'sites'] as const) {
      const layer = input[role]!;
      const wire = await toWire({ ok: true, result: { collection: layer, report: [] } } as never);
      const back = await fromWire(wire, noPause);
      if (!back.ok) throw new Error('not decoded');
      (input as unknown as Record<string, unknown>)[role] = back.result.collection;
    }
    const client = new AnalysisClient(makeWorker);
    const result = await client.run(input, OTHER, noProgress);
    expect(given).toEqual(['bytes:hamlets,sites+rest']);
    expect(untimed(result)).toEqual(untimed(engine.analyze(input, OTHER)));
    // The bytes went with the transfer: a new worker (a run replaced) gets them encoded.
    client.dispose();
    const again = new AnalysisClient(makeWorker);
    await again.run(input, OTHER, noProgress);
    expect(given).toEqual(['bytes:hamlets,sites+rest', 'bytes:+rest']);
    again.dispose();
  });

  it('re-ranked for a new preset keep the hamlets the page holds; after a what-if they come again', async () => {
    const { makeWorker } = recordingWorkers();
    const client = new AnalysisClient(makeWorker);
    const input = tinyInput();
    const first = await client.run(input, DEFAULT_SETTINGS, noProgress);
    const commercial = withDefaults({ preset: 'commercial' });
    const second = await client.run(input, commercial, noProgress);
    // The same array: not taken from the worker again.
    expect(second.hamlets).toBe(first.hamlets);
    expect(untimed(second)).toEqual(untimed(engine.analyze(input, commercial)));
    // Saved from the worker's bytes, as any run's result.
    const bytes = await resultBytesSource(second)?.();
    if (!bytes) throw new Error('no bytes from the worker');
    expect(await decodeResult(bytes, noPause, RESULT_RECORD)).toEqual(second);
    // A what-if edit and its undo make the hamlets it reached anew in the worker: they are taken again.
    const off = { kind: 'site-off', siteId: String(input.sites?.features[0]?.properties.id) } as const;
    await client.scenario(input, (api) => api.scenarioSync(commercial, [off], 'edit'));
    const third = await client.run(input, DEFAULT_SETTINGS, noProgress);
    expect(third.hamlets).not.toBe(second.hamlets);
    expect(untimed(third)).toEqual(untimed(engine.analyze(input, DEFAULT_SETTINGS)));
    // A worker replaced: its first result is taken whole, whatever it says.
    client.dispose();
    const fourth = await client.run(input, commercial, noProgress);
    expect(fourth.hamlets).not.toBe(third.hamlets);
    expect(untimed(fourth)).toEqual(untimed(second));
    client.dispose();
  });

  it('rank a result read back again on the page when the worker has no session to re-rank', async () => {
    const { given, makeWorker } = recordingWorkers();
    const input = tinyInput();
    // A result of these layers the page holds, as one read back from the cache: no worker has a session.
    const saved = engine.analyze(input, DEFAULT_SETTINGS);
    const client = new AnalysisClient(makeWorker);
    const commercial = withDefaults({ preset: 'commercial' });
    const phases: string[] = [];
    const reranked = await client.run(input, commercial, (_d, _t, p) => phases.push(p), saved);
    expect(untimed(reranked)).toEqual(untimed(engine.analyze(input, commercial)));
    expect(reranked.hamlets).toBe(saved.hamlets);
    expect(phases).toEqual(['hamlets']);
    // Nothing asked of a worker: no layers sent, no run.
    expect(given).toEqual([]);
    expect(client.runs).toBe(0);
    // Settings a hamlet's coverage depends on: analysed, though a result is offered.
    const analysed = await client.run(input, OTHER, noProgress, reranked);
    expect(untimed(analysed)).toEqual(untimed(engine.analyze(input, OTHER)));
    expect(client.runs).toBe(1);
    // Now the worker holds a session: it re-ranks, and the page keeps the hamlets it took.
    const otherCommercial = { ...OTHER, preset: 'commercial' as const, weights: commercial.weights };
    const again = await client.run(input, otherCommercial, noProgress, analysed);
    expect(client.runs).toBe(2);
    expect(again.hamlets).toBe(analysed.hamlets);
    expect(untimed(again)).toEqual(untimed(engine.analyze(input, otherCommercial)));
    client.dispose();
  });

  it('that the bytes cannot carry (a lone surrogate in a name) are cloned instead', async () => {
    const { given, makeWorker } = recordingWorkers();
    const client = new AnalysisClient(makeWorker);
    const input = tinyInput();
    const first = input.hamlets.features[0]!;
    input.hamlets.features[0] = { ...first, properties: { ...first.properties, name: 'Xóm \ud800' } };
    const result = await client.run(input, OTHER, noProgress);
    expect(given).toEqual(['clone']);
    expect(untimed(result)).toEqual(untimed(engine.analyze(input, OTHER)));
    client.dispose();
  });
});

describe('a result saved from the worker’s bytes', () => {
  it('is encoded by the worker that computed it, until a newer run, a what-if edit or the worker’s end', async () => {
    const { makeWorker } = fakeWorkers();
    const client = new AnalysisClient(makeWorker);
    const input = await pageSample(client);
    const first = await client.run(input, DEFAULT_SETTINGS, noProgress);
    const bytes = await resultBytesSource(first)?.();
    if (!bytes) throw new Error('no bytes from the worker');
    expect(await decodeResult(bytes, noPause, RESULT_RECORD)).toEqual(first);
    // A newer run: the first result is then the page's alone to encode.
    const second = await client.run(input, OTHER, noProgress);
    expect(await resultBytesSource(first)?.()).toBeNull();
    expect(await resultBytesSource(second)?.()).toBeInstanceOf(ArrayBuffer);
    await client.scenario(input, (api) => api.scenarioSync(OTHER, [], 'edit'));
    expect(await resultBytesSource(second)?.()).toBeNull();
    const third = await client.run(input, DEFAULT_SETTINGS, noProgress);
    client.dispose();
    expect(await resultBytesSource(third)?.()).toBeNull();
  });
});

describe('the analysis worker’s state', () => {
  it('refuses to run before it has layers, and to hand out hamlets before a run', async () => {
    const api = createAnalysisWorkerApi();
    await expect(api.run(DEFAULT_SETTINGS, noProgress)).rejects.toThrow(
      /setLayers must be called before run/,
    );
    expect(() => api.takeHamlets(0)).toThrow(/no result to take hamlets from/);
  });

  it('keeps layers set while a sample load was under way: the load is superseded, not applied', async () => {
    const api = createAnalysisWorkerApi();
    const own = sampleLayersOf(new Map([['hamlets', JSON.parse(text('hamlets'))]])).input;
    const loading = api.loadSample(URLS);
    api.setLayers(own);
    await expect(loading).rejects.toThrow(/superseded by newer layers/);
    const head = await api.run(DEFAULT_SETTINGS, noProgress);
    expect(head.hamletChunks).toBe(1);
    expect(api.takeHamlets(0)).toHaveLength(4);
    // Only hamlets: the sample's sites and fibre never replaced the layers that were set.
    expect(head.summary).toEqual(engine.analyze(own, DEFAULT_SETTINGS).summary);
  });

  it('re-ranks the last session for settings that change only the ranking or the costs: no new analysis', async () => {
    const api = createAnalysisWorkerApi();
    const own = sampleLayersOf(new Map(NAMES.map((n) => [n, JSON.parse(text(n))]))).input;
    api.setLayers(own);
    await api.run(DEFAULT_SETTINGS, noProgress);
    // A what-if edit on it first: the re-ranked session starts from the data as it is.
    const off = { kind: 'site-off', siteId: String(own.sites?.features[0]?.properties.id) } as const;
    await api.scenarioSync(DEFAULT_SETTINGS, [off], 'edit');
    const commercial = withDefaults({
      preset: 'commercial',
      cost: { ...DEFAULT_SETTINGS.cost, siteVnd: 900_000_000 },
    });
    const phases: string[] = [];
    const head = await api.run(commercial, (_d, _t, phase) => phases.push(phase));
    const full = engine.analyze(own, commercial);
    expect(settingsOfRuns()).toEqual([DEFAULT_SETTINGS]);
    expect(phases).toEqual(['hamlets']);
    expect(head.ranking).toEqual(full.ranking);
    expect(head.summary).toEqual(full.summary);
    expect(api.takeHamlets(0)).toEqual(full.hamlets);
    // The re-ranked session is the what-if session for the new settings.
    expect(await api.scenarioInit(commercial)).toBe('kept');
    // Settings a hamlet's coverage depends on: a new analysis.
    await api.run(OTHER, noProgress);
    expect(settingsOfRuns()).toEqual([DEFAULT_SETTINGS, OTHER]);
  });

  it('runs nothing ahead once the page asked for a run on these layers', async () => {
    const api = createAnalysisWorkerApi();
    await api.loadSample(URLS, undefined, true);
    api.run(OTHER, noProgress);
    await new Promise((r) => setTimeout(r, 10));
    expect(settingsOfRuns()).toEqual([OTHER]);
  });

  it('hands the run ahead only to a run on the same layers with the same settings', async () => {
    const api = createAnalysisWorkerApi();
    await api.loadSample(URLS, undefined, true);
    await new Promise((r) => setTimeout(r, 10));
    expect(settingsOfRuns()).toEqual([DEFAULT_SETTINGS]);
    api.setLayers(sampleLayersOf(new Map([['hamlets', JSON.parse(text('hamlets'))]])).input);
    api.run(DEFAULT_SETTINGS, noProgress);
    expect(settingsOfRuns()).toEqual([DEFAULT_SETTINGS, DEFAULT_SETTINGS]);
  });

  it('reports the run ahead on its progress port and closes it with null', async () => {
    const api = createAnalysisWorkerApi();
    const { port1, port2 } = new MessageChannel();
    const messages: unknown[] = [];
    const ended = new Promise<void>((resolve) => {
      port1.onmessage = (e: MessageEvent) => {
        messages.push(e.data);
        if (e.data === null) resolve();
      };
    });
    await api.loadSample(URLS, undefined, true, port2);
    await ended;
    port1.close();
    expect(messages.at(-1)).toBeNull();
    expect(messages.slice(0, -1).every((m) => Array.isArray(m) && m.length === 3)).toBe(true);
    expect(settingsOfRuns()).toEqual([DEFAULT_SETTINGS]);
  });
});
