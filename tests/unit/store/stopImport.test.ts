import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analysis/analyze.ts';
import type { AnalysisResult, InputLayers, Settings } from '../../../src/analysis/types.ts';
import { applyBatch } from '../../../src/components/import/applyImport.ts';
import { DATA_KEY, restorePersisted, startPersistence } from '../../../src/store/persist/persist.ts';
import { withResultCache, type ResultStore } from '../../../src/store/persist/resultCache.ts';
import { startAnalysisRunner, type Analyser } from '../../../src/store/runner.ts';
import { createAppStore } from '../../../src/store/store.ts';
import { RunCancelled } from '../../../src/worker/analysisClient.ts';
import { memoryStore as memoryKv } from './memoryStore.ts';
import { SPECS, sampleInput } from './sampleResult.ts';

/**
 * The real engine in this thread: the first run (the sample's) at once, later ones held until released;
 * `cancel` rejects the held run as the analysis client does when it replaces its worker.
 */
function heldEngine() {
  const held: { layers: InputLayers; release: () => void; cancel: () => void }[] = [];
  let cancels = 0;
  let calls = 0;
  const analyser: Analyser = {
    run: (layers: InputLayers, settings: Settings) => {
      calls++;
      if (calls === 1) return Promise.resolve(analyze(layers, settings));
      return new Promise<AnalysisResult>((resolve, reject) => {
        held.push({
          layers,
          release: () => resolve(analyze(layers, settings)),
          cancel: () => reject(new RunCancelled()),
        });
      });
    },
    cancel: () => {
      cancels++;
      held.shift()?.cancel();
    },
  };
  return { analyser, held, cancels: () => cancels, calls: () => calls };
}

function memoryStore(): ResultStore {
  const entries = new Map<string, AnalysisResult>();
  return {
    get: async (k) => entries.get(k),
    replace: async (k, r) => {
      entries.clear();
      entries.set(k, r);
    },
  };
}

const settle = async () => {
  for (let i = 0; i < 4; i++) await new Promise((r) => setTimeout(r, 0));
};
const noAdmin = { province: null, units: null, districts: null, communes: null };

describe('stopping an import while it is analysed', () => {
  it('puts back the data and view from before it, stops its run and shows the saved result', async () => {
    const store = createAppStore();
    const engine = heldEngine();
    const analyser = withResultCache(
      engine.analyser,
      memoryStore(),
      (layers) => (store.getState().dataSource === 'sample' && layers ? 'sample-v1' : null),
      (write) => write(),
    );
    startAnalysisRunner(store, analyser, 0);
    const sample = sampleInput();
    store.getState().setData(sample, noAdmin, ['sites']);
    await settle();
    const sampleResult = store.getState().result;
    expect(sampleResult?.hamlets).toHaveLength(3);
    store.getState().setCamera([106.2, 20.2], 9.5, 'app');

    // Two hamlets of the user's, imported through the dialog: the map moves onto them, the run is held.
    const mine = sampleInput(SPECS.slice(0, 2)).hamlets;
    applyBatch(store, [{ role: 'hamlets', collection: mine, fileName: 'thon.geojson' }], {
      width: 1000,
      height: 800,
    });
    expect(store.getState().dataSource).toBe('imported');
    expect(store.getState().running).toBe(true);
    expect(store.getState().importUndo?.input).toBe(sample);
    expect(store.getState().center).not.toEqual([106.2, 20.2]);
    expect(engine.held.map((h) => h.layers.hamlets)).toEqual([mine]);

    store.getState().stopImport();
    const s = store.getState();
    expect(s.input).toBe(sample);
    expect(s.dataSource).toBe('sample');
    expect(s.illustrativeLayers).toEqual(['sites']);
    expect(s.importedFiles).toEqual([]);
    expect([s.center, s.zoom]).toEqual([[106.2, 20.2], 9.5]);
    expect(s.importUndo).toBeNull();
    expect(s.importStoppedAtRun).toBe(2);
    await settle();
    // The sample's saved result came back, and the import's run was stopped, not left to finish.
    expect(engine.cancels()).toBe(1);
    expect(engine.held).toHaveLength(0);
    expect(engine.calls()).toBe(2);
    expect(store.getState().running).toBe(false);
    expect(store.getState().result).toBe(sampleResult);
    expect(store.getState().analysisError).toBeNull();
  });

  it('has nothing to stop once the import’s result is in, nor after a project or a reload brings data', async () => {
    const store = createAppStore();
    const engine = heldEngine();
    startAnalysisRunner(store, engine.analyser, 0);
    store.getState().setData(sampleInput(), noAdmin, []);
    await settle();
    applyBatch(
      store,
      [{ role: 'hamlets', collection: sampleInput(SPECS.slice(0, 2)).hamlets, fileName: 'a.geojson' }],
      { width: 1000, height: 800 },
    );
    expect(store.getState().importUndo).not.toBeNull();
    engine.held[0]?.release();
    await settle();
    expect(store.getState().result?.hamlets).toHaveLength(2);
    expect(store.getState().importUndo).toBeNull();
    const before = store.getState().input;
    store.getState().stopImport();
    expect(store.getState().input).toBe(before);
    expect(store.getState().importStoppedAtRun).toBeNull();

    // A project file (not undoable) replaces the data: no Stop for it.
    store.getState().setImportedData(sampleInput(), noAdmin, [], ['project.vungtrang.json']);
    expect(store.getState().importUndo).toBeNull();
  });

  it('saves what comes back: the sample forgets the saved import, earlier imported data is saved again', async () => {
    const kv = memoryKv();
    const store = createAppStore();
    const handle = startPersistence(store, kv);
    const viewport = { width: 1000, height: 800 };
    const layer = (n: number, fileName: string) => ({
      role: 'hamlets' as const,
      collection: sampleInput(SPECS.slice(0, n)).hamlets,
      fileName,
    });
    store.getState().setData(sampleInput(), noAdmin, []);
    applyBatch(store, [layer(2, 'a.geojson')], viewport);
    await handle.flush();
    expect(kv.data.has(DATA_KEY)).toBe(true);
    store.getState().stopImport();
    await handle.flush();
    expect(kv.data.has(DATA_KEY)).toBe(false);

    applyBatch(store, [layer(2, 'a.geojson')], viewport);
    store.getState().setDataLoading();
    // Data still being read or replaced leaves nothing to go back to.
    applyBatch(store, [layer(1, 'b.geojson')], viewport);
    expect(store.getState().importUndo).toBeNull();
    applyBatch(store, [layer(3, 'c.geojson')], viewport);
    expect(store.getState().importUndo?.importedFiles).toEqual(['a.geojson', 'b.geojson']);
    store.getState().stopImport();
    await handle.flush();
    const back = createAppStore();
    await restorePersisted(back, kv);
    expect(back.getState().importedFiles).toEqual(['a.geojson', 'b.geojson']);
    expect(back.getState().input?.hamlets.features).toHaveLength(1);
  });
});
