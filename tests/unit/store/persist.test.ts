import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { withDefaults } from '../../../src/analysis/settings.ts';
import type { AnalysisResult, InputLayers } from '../../../src/analysis/types.ts';
import { loadLayer, parseProject, readFileKind } from '../../../src/data/index.ts';
import { SETTINGS_KEY, type KeyValueStore } from '../../../src/store/persist/kvStore.ts';
import { DATA_KEY, restorePersisted, startPersistence } from '../../../src/store/persist/persist.ts';
import { memoryStore } from './memoryStore.ts';
import { featureBoxes, knownBoxes } from '../../../src/data/featureBoxes.ts';
import { bootData } from '../../../src/store/persist/boot.ts';
import { applyProject, projectText, registerProjectExtras } from '../../../src/store/persist/projectFile.ts';
import { createAppStore } from '../../../src/store/store.ts';
import { createStore } from 'zustand/vanilla';
import type { RestoreNotice } from '../../../src/store/persist/restoreNotice.ts';
import { savedDataDigest, savedDataHint } from '../../../src/store/persist/savedDataHint.ts';
import { inputDigest } from '../../../src/store/persist/inputDigest.ts';
import { dataSettled } from '../../../src/store/slices/dataSlice.ts';
import { decodeList, encodeList } from '../../../src/store/persist/listRecord.ts';
import { sampleRun } from '../../fixtures/sampleRun.ts';
import { COLLECTION_RECORD, decodeResult, encodeResult, noPause } from '../../../src/data/resultCodec.ts';
import { keptLayerBytes, rememberLayerBytes, takeSavingCopy } from '../../../src/worker/layersBytes.ts';
import { isSavedSet, readSavedSet, writeSavedSet } from '../../../src/store/persist/savedSet.ts';

const flushAll = () => new Promise((r) => setTimeout(r, 0));

/** `kv` with the data record's read held until `gate` resolves. */
function holdingData(kv: KeyValueStore, gate: Promise<unknown>): KeyValueStore {
  return {
    ...kv,
    get: async (k) => {
      if (k === DATA_KEY) await gate;
      return kv.get(k);
    },
  };
}

/** A promise and its resolve (Node 20 has no `Promise.withResolvers`). */
function deferred<T>(): { promise: Promise<T>; resolve: (v: T) => void } {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** A localStorage of this test's own (Node has none); undone by `vi.unstubAllGlobals`. */
function fakeLocalStorage(): Map<string, string> {
  const items = new Map<string, string>();
  vi.stubGlobal('localStorage', {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => items.set(k, v),
    removeItem: (k: string) => items.delete(k),
  });
  return items;
}

async function importedHamlets(): Promise<InputLayers> {
  const bytes = readFileSync('tests/fixtures/import/hamlets.geojson');
  const { collection } = await loadLayer({ name: 'hamlets.geojson', data: bytes }, 'hamlets');
  return { hamlets: collection as InputLayers['hamlets'] };
}

describe('persistence of imported data and settings', () => {
  it('imported data and changed settings come back in a fresh store (a reload)', async () => {
    const kv = memoryStore();
    const before = createAppStore();
    const handle = startPersistence(before, kv);
    const input = await importedHamlets();
    const empty = { province: null, units: null, districts: null, communes: null };
    before.getState().setImportedData(input, empty, [], ['hamlets.geojson']);
    before.getState().setSettings(withDefaults({ fibreServiceRadiusM: 800 }));
    await handle.flush();
    handle.stop();

    const after = createAppStore();
    const outcome = await restorePersisted(after, kv);
    expect(outcome).toEqual({ data: true, settings: true });
    const s = after.getState();
    expect(s.dataSource).toBe('imported');
    expect(s.importedFiles).toEqual(['hamlets.geojson']);
    expect(s.input?.hamlets.features.map((f) => f.properties.name)).toEqual(
      input.hamlets.features.map((f) => f.properties.name),
    );
    expect(s.input?.hamlets.features[0]?.properties.name).toBe('Thôn Đông Hải');
    expect(s.settings).toEqual({ fibreServiceRadiusM: 800 });
  });

  it('the features’ boxes known when saved come back with the data, and none is worked out to save them', async () => {
    const kv = memoryStore();
    const before = createAppStore();
    const handle = startPersistence(before, kv);
    const empty = { province: null, units: null, districts: null, communes: null };
    const input = await importedHamlets();
    const sites: NonNullable<InputLayers['sites']> = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [106.2, 20.1] },
          properties: { id: 's1', tech: '4G' },
        },
      ],
    };
    // The hamlets' boxes came with them (the import worker's); the sites' were never asked for.
    const boxes = featureBoxes(input.hamlets.features);
    before.getState().setImportedData({ ...input, sites }, empty, [], ['hamlets.geojson', 'sites.csv']);
    await handle.flush();
    expect(knownBoxes(sites.features)).toBeUndefined();

    const after = createAppStore();
    await restorePersisted(after, kv);
    const back = after.getState().input!;
    expect(back.hamlets.features).not.toBe(input.hamlets.features);
    expect(knownBoxes(back.hamlets.features)).toEqual(boxes);
    expect(knownBoxes(back.sites!.features)).toBeUndefined();
    // Worked out again when asked, they are the same.
    expect(featureBoxes(back.sites!.features)).toEqual(new Float64Array([106.2, 20.1, 106.2, 20.1]));
  });

  it('going back to the sample forgets the saved data but keeps the settings', async () => {
    const kv = memoryStore();
    const store = createAppStore();
    const handle = startPersistence(store, kv);
    const empty = { province: null, units: null, districts: null, communes: null };
    store.getState().setImportedData(await importedHamlets(), empty, [], ['hamlets.geojson']);
    store.getState().setSettings(withDefaults({ fibreServiceRadiusM: 700 }));
    await handle.flush();
    expect(kv.data.has(DATA_KEY)).toBe(true);
    store.getState().setData(await importedHamlets(), empty, ['hamlets']);
    await handle.flush();
    expect(kv.data.has(DATA_KEY)).toBe(false);
    expect(kv.data.has(SETTINGS_KEY)).toBe(true);
    const outcome = await restorePersisted(createAppStore(), kv);
    expect(outcome.data).toBe(false);
  });

  it('settings already set by a shared link are not overwritten by saved ones', async () => {
    const kv = memoryStore();
    await kv.set(SETTINGS_KEY, { version: 1, settings: { fibreServiceRadiusM: 900 } });
    const store = createAppStore();
    store.getState().setSettings(withDefaults({ fibreServiceRadiusM: 300 }));
    const outcome = await restorePersisted(store, kv);
    expect(outcome.settings).toBe(false);
    expect(store.getState().settings).toEqual({ fibreServiceRadiusM: 300 });
  });

  it('start-up loads the sample only when nothing was saved', async () => {
    const kv = memoryStore();
    let samples = 0;
    const sample = (): Promise<void> => {
      samples++;
      return Promise.resolve();
    };
    const first = await bootData(createAppStore(), kv, sample);
    expect(first.data).toBe('sample');
    expect(samples).toBe(1);
    const store = createAppStore();
    const empty = { province: null, units: null, districts: null, communes: null };
    const boot = await bootData(store, kv, sample);
    store.getState().setImportedData(await importedHamlets(), empty, [], ['hamlets.geojson']);
    await boot.persistence.flush();
    boot.persistence.stop();
    const again = await bootData(createAppStore(), kv, sample);
    expect(again.data).toBe('restored');
    expect(samples).toBe(2);
  });

  it('a stored value from another version is ignored with a message, not a crash', async () => {
    const kv = memoryStore();
    await kv.set(DATA_KEY, { version: 99, input: 'nonsense' });
    const store = createAppStore();
    const outcome = await restorePersisted(store, kv);
    expect(outcome.data).toBe(false);
    expect(outcome.problem).toMatch(/not in a form this version reads/);
    expect(store.getState().input).toBeNull();
  });

  it('saved settings the validator refuses are dropped, deleted and reported, never applied', async () => {
    const poisoned = [
      { circleSegments: 20_000_000 },
      { preset: '__proto__' },
      { defaultRadiusM: { '4G': -3000 } },
      { fibreServiceRadiusM: 'abc' },
      { fibreServiceRadiusM: NaN },
      { cost: { siteVnd: Infinity } },
      { thresholds: 'high' },
      { zoom: 9 },
    ];
    for (const settings of poisoned) {
      const kv = memoryStore();
      await kv.set(SETTINGS_KEY, { version: 1, settings });
      const store = createAppStore();
      const outcome = await restorePersisted(store, kv);
      expect(outcome.settings).toBe(false);
      expect(outcome.settingsProblems).toHaveLength(1);
      expect(store.getState().settings).toEqual({});
      expect(kv.data.has(SETTINGS_KEY)).toBe(false);
    }
  });

  it('saved settings of another shape are refused whole; valid ones come back as they were', async () => {
    const kv = memoryStore();
    await kv.set(SETTINGS_KEY, { version: 2, settings: { fibreServiceRadiusM: 800 } });
    const refused = await restorePersisted(createAppStore(), kv);
    expect(refused.settingsProblems?.[0]).toMatchObject({ kind: 'object', key: 'settings' });
    await kv.set(SETTINGS_KEY, { version: 1, settings: { fibreServiceRadiusM: 800, circleSegments: 32 } });
    const store = createAppStore();
    expect(await restorePersisted(store, kv)).toEqual({ data: false, settings: true });
    expect(store.getState().settings).toEqual({ fibreServiceRadiusM: 800, circleSegments: 32 });
  });

  it('start-up shows a notice for dropped settings, still restores the data, and the next visit is clean', async () => {
    const kv = memoryStore();
    const before = createAppStore();
    const handle = startPersistence(before, kv);
    const empty = { province: null, units: null, districts: null, communes: null };
    before.getState().setImportedData(await importedHamlets(), empty, [], ['hamlets.geojson']);
    await handle.flush();
    handle.stop();
    await kv.set(SETTINGS_KEY, { version: 1, settings: { circleSegments: 20_000_000 } });
    const notice = createStore<RestoreNotice>()((set) => ({
      problem: null,
      settings: [],
      show: (problem, settings) => set({ problem, settings }),
      dismiss: () => set({ problem: null, settings: [] }),
    }));
    const sample = () => Promise.resolve();
    const store = createAppStore();
    const boot = await bootData(store, kv, sample, notice);
    expect(boot.data).toBe('restored');
    expect(store.getState().settings).toEqual({});
    expect(notice.getState().settings.map((p) => p.message)).toEqual([
      '"circleSegments" is 20000000; it must be a whole number from 8 to 256.',
    ]);
    boot.persistence.stop();
    const quiet = createStore<RestoreNotice>()(() => ({
      problem: null,
      settings: [],
      show: () => {
        throw new Error('nothing to report on the next visit');
      },
      dismiss: () => undefined,
    }));
    const next = await bootData(createAppStore(), kv, sample, quiet);
    expect(next.data).toBe('restored');
  });

  it('blocked storage is reported, and the store is left alone', async () => {
    const failing: KeyValueStore = {
      get: () => Promise.reject(new Error('The user denied permission to access the database.')),
      set: () => Promise.reject(new Error('denied')),
      del: () => Promise.reject(new Error('denied')),
    };
    const outcome = await restorePersisted(createAppStore(), failing);
    expect(outcome.problem).toMatch(/could not be read from this browser.*denied permission/);
  });
});

describe('project file', () => {
  it('round-trips data, settings, view and scenarios', async () => {
    let scenarios: unknown[] = [{ id: 's1', name: 'Hai trạm mới', edits: [] }];
    registerProjectExtras({ getScenarios: () => scenarios, setScenarios: (s) => (scenarios = s) });
    try {
      const a = createAppStore();
      // The user's own units (e.g. the boundaries of April 2026) travel in the project with the system.
      const units = {
        type: 'FeatureCollection' as const,
        features: [
          {
            type: 'Feature' as const,
            properties: { code: 'X1', name: 'Xã Giao Thủy' },
            geometry: {
              type: 'Polygon' as const,
              coordinates: [
                [
                  [106.4, 20.2],
                  [106.5, 20.2],
                  [106.5, 20.3],
                  [106.4, 20.2],
                ],
              ],
            },
          },
        ],
      };
      const admin = { province: null, units, districts: null, communes: null };
      a.getState().setImportedData(await importedHamlets(), admin, [], ['hamlets.geojson']);
      a.getState().setSettings(withDefaults({ fibreServiceRadiusM: 650, preset: 'commercial' }));
      a.getState().applyView(
        { center: [106.43, 20.29], zoom: 13.5, colourBy: 'score', unitSystem: 'districts' },
        'app',
      );
      const text = projectText(a.getState(), 'Giao Thủy');
      expect(JSON.parse(text)).toMatchObject({ version: 2, name: 'Giao Thủy' });
      expect(readFileKind('giao-thuy.json', text)).toBe('project');

      scenarios = [];
      const b = createAppStore();
      applyProject(b, parseProject(text, 'giao-thuy.json'), 'giao-thuy.json');
      const s = b.getState();
      expect(s.input?.hamlets).toEqual(a.getState().input?.hamlets);
      expect(s.settings).toEqual({
        fibreServiceRadiusM: 650,
        preset: 'commercial',
        weights: expect.any(Object),
      });
      expect(s.center).toEqual([106.43, 20.29]);
      expect(s.zoom).toBe(13.5);
      expect(s.colourBy).toBe('score');
      expect(s.unitSystem).toBe('districts');
      expect(s.admin.units).toEqual(units);
      expect(s.fitOnLoad).toBe(false);
      expect(s.dataSource).toBe('imported');
      expect(s.importedFiles).toEqual(['giao-thuy.json', 'hamlets.geojson']);
      expect(scenarios).toEqual([{ id: 's1', name: 'Hai trạm mới', edits: [] }]);
    } finally {
      registerProjectExtras(null);
    }
  });

  it('a project with no usable hamlets is refused and changes nothing', () => {
    const store = createAppStore();
    const text = JSON.stringify({ version: 1, layers: {}, settings: {}, scenarios: [], view: null });
    expect(() => applyProject(store, parseProject(text, 'empty.json'), 'empty.json')).toThrow(
      /empty\.json: the project has no hamlets layer/,
    );
    expect(store.getState().input).toBeNull();
    expect(store.getState().dataSource).toBe('sample');
  });

  it('marks layers of the shipped sample as illustrative when a saved sample project is reopened', async () => {
    const input = await importedHamlets();
    for (const f of input.hamlets.features) f.properties.synthetic = true;
    const a = createAppStore();
    a.getState().setData(input, { province: null, units: null, districts: null, communes: null }, [
      'hamlets',
    ]);
    const b = createAppStore();
    applyProject(b, parseProject(projectText(a.getState()), 'p.json'), 'p.json');
    expect(b.getState().illustrativeLayers).toEqual(['hamlets']);
  });
});

describe('the hint that this browser holds imported data (read before IndexedDB opens)', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('is set once imported data is saved, and cleared when the sample is back or nothing is saved', async () => {
    fakeLocalStorage();
    const kv = memoryStore();
    const store = createAppStore();
    const handle = startPersistence(store, kv);
    const empty = { province: null, units: null, districts: null, communes: null };
    expect(savedDataHint()).toBe(false);
    store.getState().setImportedData(await importedHamlets(), empty, [], ['hamlets.geojson']);
    await handle.flush();
    expect(savedDataHint()).toBe(true);
    expect((await restorePersisted(createAppStore(), kv)).data).toBe(true);
    expect(savedDataHint()).toBe(true);
    store.getState().setData(await importedHamlets(), empty, ['hamlets']);
    await handle.flush();
    expect(savedDataHint()).toBe(false);
    handle.stop();
  });

  it('a stale hint (the saved data was cleared) is dropped at the next start', async () => {
    const items = fakeLocalStorage();
    items.set('vungtrang:has-imported-data', '1');
    expect(savedDataHint()).toBe(true);
    await restorePersisted(createAppStore(), memoryStore());
    expect(savedDataHint()).toBe(false);
  });

  it('without localStorage (Node, blocked storage) says no and never throws', () => {
    vi.stubGlobal('localStorage', undefined);
    expect(savedDataHint()).toBe(false);
  });
});

describe('saved data as bytes, and the saved result opened before it', () => {
  afterEach(() => vi.unstubAllGlobals());

  const empty = { province: null, units: null, districts: null, communes: null };
  const noNotice = () =>
    createStore<RestoreNotice>()(() => ({ problem: null, settings: [], show() {}, dismiss() {} }));

  /** Saves `input` as an import would, and returns the store it was saved from. */
  async function saveImported(kv: KeyValueStore, input: InputLayers): Promise<void> {
    const store = createAppStore();
    const handle = startPersistence(store, kv);
    store.getState().setImportedData(input, empty, [], ['hamlets.geojson']);
    await handle.flush();
    handle.stop();
  }

  const fakeResult = (id: string): AnalysisResult =>
    ({ hamlets: [], ranking: [], summary: {}, warnings: [id], timingsMs: {} }) as unknown as AnalysisResult;

  it('is one record of bytes that comes back equal, and its digest becomes the hint', async () => {
    const items = fakeLocalStorage();
    const kv = memoryStore();
    const input = await importedHamlets();
    await saveImported(kv, input);
    expect(kv.data.get(DATA_KEY)).toBeInstanceOf(ArrayBuffer);
    const digest = await inputDigest(input);
    expect(items.get('vungtrang:has-imported-data')).toBe(digest);
    expect(savedDataDigest()).toBe(digest);
    const after = createAppStore();
    expect((await restorePersisted(after, kv)).data).toBe(true);
    expect(after.getState().input).toEqual(input);
  });

  /**
   * `importedHamlets` as the page holds a layer from the import worker: decoded from bytes it keeps, with
   * the worker's copy of them for saving unless `withCopy` is false.
   */
  async function fromImportWorker(withCopy = true): Promise<{ input: InputLayers; bytes: ArrayBuffer }> {
    const { hamlets } = await importedHamlets();
    const bytes = await encodeResult(hamlets, noPause, COLLECTION_RECORD);
    const collection = (await decodeResult(bytes, noPause, COLLECTION_RECORD)) as InputLayers['hamlets'];
    rememberLayerBytes(collection, bytes, withCopy ? bytes.slice(0) : undefined);
    return { input: { hamlets: collection }, bytes };
  }

  it('keeps an imported layer as the bytes it came as, copied, and it comes back equal and as those bytes', async () => {
    fakeLocalStorage();
    const kv = memoryStore();
    const { input, bytes } = await fromImportWorker();
    await saveImported(kv, input);
    // The page's bytes are still there for the analysis worker: the saved data took the worker's copy.
    expect(keptLayerBytes(input.hamlets)).toBe(bytes);
    expect(takeSavingCopy(input.hamlets)).toBeUndefined();
    // A Blob made from the parts: no buffer of the whole saved set on the page.
    expect(kv.data.get(DATA_KEY)).toBeInstanceOf(Blob);
    const stored = await (kv.data.get(DATA_KEY) as Blob).arrayBuffer();
    expect(isSavedSet(stored)).toBe(true);
    const set = await readSavedSet(stored, noPause);
    expect(set.layers.map((l) => l.name)).toEqual(['hamlets']);
    expect(new Uint8Array(set.layers[0]!.bytes)).toEqual(new Uint8Array(bytes));
    const after = createAppStore();
    expect((await restorePersisted(after, kv)).data).toBe(true);
    const restored = after.getState().input!;
    expect(restored).toEqual(input);
    expect(savedDataDigest()).toBe(await inputDigest(input));
    // After a reload too the analysis worker is given the layer as its bytes, not encoded again.
    expect(new Uint8Array(keptLayerBytes(restored.hamlets)!)).toEqual(new Uint8Array(bytes));
  });

  it('encodes a layer without a copy of its bytes (saved before, or restored), as before', async () => {
    const kv = memoryStore();
    const { input } = await fromImportWorker(false);
    await saveImported(kv, input);
    const stored = kv.data.get(DATA_KEY) as ArrayBuffer;
    expect(stored).toBeInstanceOf(ArrayBuffer);
    expect(isSavedSet(stored)).toBe(false);
    const after = createAppStore();
    expect((await restorePersisted(after, kv)).data).toBe(true);
    expect(after.getState().input).toEqual(input);
  });

  it('builds a big saved set as a Blob a few MB at a time, pausing between the pieces', async () => {
    const layer = new Uint8Array(9 * 1024 * 1024 + 5).map((_, i) => i % 253);
    const data = new Uint8Array(5 * 1024 * 1024).map((_, i) => i % 241);
    let pauses = 0;
    const blob = await writeSavedSet([{ name: 'hamlets', bytes: layer.buffer }], data.buffer, () => {
      pauses++;
      return undefined;
    });
    // 3 pieces of the layer and 2 of the data.
    expect(pauses).toBe(5);
    const bytes = new Uint8Array(await blob.arrayBuffer());
    const head = bytes.length - layer.length - data.length;
    expect(new DataView(bytes.buffer).getUint32(8, true)).toBe(bytes.length);
    expect(Buffer.from(bytes.subarray(head, head + layer.length)).equals(Buffer.from(layer))).toBe(true);
    expect(Buffer.from(bytes.subarray(head + layer.length)).equals(Buffer.from(data))).toBe(true);
  });

  it('a saved set cut short, of another form or with lengths that do not add up is said, never half read', async () => {
    const layer = await encodeResult({ type: 'FeatureCollection', features: [] }, noPause, COLLECTION_RECORD);
    const data = new Uint8Array([1, 2, 3, 4]).buffer;
    const good = await (await writeSavedSet([{ name: 'thôn', bytes: layer }], data, noPause)).arrayBuffer();
    const back = await readSavedSet(good, noPause);
    expect(back.layers.map((l) => [l.name, l.layer])).toEqual([
      ['thôn', { type: 'FeatureCollection', features: [] }],
    ]);
    expect(new Uint8Array(back.data)).toEqual(new Uint8Array(data));
    const broken = (change: (v: DataView) => void, length = good.byteLength): ArrayBuffer => {
      const copy = good.slice(0, length);
      change(new DataView(copy));
      return copy;
    };
    await expect(
      readSavedSet(
        broken(() => undefined, good.byteLength - 1),
        noPause,
      ),
    ).rejects.toThrow(/cut short/);
    await expect(
      readSavedSet(
        broken((v) => v.setUint32(4, 2, true)),
        noPause,
      ),
    ).rejects.toThrow(/form 2/);
    // A record length one byte longer than written, with the whole length still matching.
    await expect(
      readSavedSet(
        broken((v) => v.setUint32(20, layer.byteLength + 1, true)),
        noPause,
      ),
    ).rejects.toThrow(/do not add up/);
  });

  it('data saved in the earlier form (a structured clone) is still read, and written again as bytes', async () => {
    const kv = memoryStore();
    const input = await importedHamlets();
    const old = {
      version: 1,
      savedAt: 'x',
      input,
      admin: empty,
      illustrativeLayers: [],
      importedFiles: ['h.geojson'],
    };
    await kv.set(DATA_KEY, old);
    const store = createAppStore();
    const boot = await bootData(store, kv, () => Promise.resolve(), noNotice());
    expect(boot.data).toBe('restored');
    await boot.persistence.flush();
    boot.persistence.stop();
    expect(kv.data.get(DATA_KEY)).toBeInstanceOf(ArrayBuffer);
    const again = createAppStore();
    expect((await restorePersisted(again, kv)).data).toBe(true);
    expect(again.getState().input).toEqual(input);
    expect(again.getState().importedFiles).toEqual(['h.geojson']);
  });

  it('bytes that do not decode are said, the sample is shown, and the hint is cleared', async () => {
    const items = fakeLocalStorage();
    items.set('vungtrang:has-imported-data', '1');
    const kv = memoryStore();
    await saveImported(kv, await importedHamlets());
    const bytes = kv.data.get(DATA_KEY) as ArrayBuffer;
    new DataView(bytes).setUint32(4, 99, true);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const notice = createStore<RestoreNotice>()((set) => ({
      problem: null,
      settings: [],
      show: (problem, settings) => set({ problem, settings }),
      dismiss: () => undefined,
    }));
    let samples = 0;
    const boot = await bootData(createAppStore(), kv, () => Promise.resolve(void samples++), notice);
    expect(boot.data).toBe('sample');
    expect(samples).toBe(1);
    expect(notice.getState().problem).toMatch(/not in a form this version reads/);
    expect(savedDataHint()).toBe(false);
    boot.persistence.stop();
  });

  it('a string the bytes cannot carry (a lone surrogate) is saved all the same', async () => {
    const kv = memoryStore();
    const input = await importedHamlets();
    const odd = structuredClone(input);
    odd.hamlets.features[0]!.properties.name = 'Thôn \uD800';
    await saveImported(kv, odd);
    expect(kv.data.get(DATA_KEY)).not.toBeInstanceOf(ArrayBuffer);
    const after = createAppStore();
    expect((await restorePersisted(after, kv)).data).toBe(true);
    expect(after.getState().input?.hamlets.features[0]?.properties.name).toBe('Thôn \uD800');
  });

  it('the saved result is shown first, while the data loads; the data follows', async () => {
    fakeLocalStorage();
    const kv = memoryStore();
    const input = await importedHamlets();
    await saveImported(kv, input);
    const digest = (await inputDigest(input))!;
    // The data record is held back until the result has been seen in the store.
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slow = holdingData(kv, gate);
    const store = createAppStore();
    const asked: string[] = [];
    const result = fakeResult('saved');
    const restoring = restorePersisted(store, slow, {
      openResult: (d) => {
        asked.push(d);
        return Promise.resolve(result);
      },
    });
    await vi.waitFor(() => expect(store.getState().result).toBe(result));
    expect(asked).toEqual([digest]);
    expect(store.getState()).toMatchObject({
      input: null,
      dataStatus: 'loading',
      dataSource: 'imported',
      lastRunFrom: 'cache',
    });
    release();
    expect((await restoring).data).toBe(true);
    expect(store.getState()).toMatchObject({ dataStatus: 'ready', dataSource: 'imported', result });
    expect(store.getState().input).toEqual(input);
  });

  it('the saved list is shown first, then its result with the same rows, then the data', async () => {
    fakeLocalStorage();
    const kv = memoryStore();
    const input = await importedHamlets();
    await saveImported(kv, input);
    const digest = (await inputDigest(input))!;
    const { result } = sampleRun();
    const list = await decodeList(await encodeList('k', result));
    const gates = { data: deferred<void>(), result: deferred<AnalysisResult>() };
    const slow = holdingData(kv, gates.data.promise);
    const store = createAppStore();
    const restoring = restorePersisted(store, slow, {
      openList: (d) => Promise.resolve(d === digest ? list : undefined),
      openResult: () => gates.result.promise,
    });
    // The list's rows and roll-ups, no result yet: details and the lookups wait for it.
    await vi.waitFor(() => expect(store.getState().rows).toBe(list.rows));
    expect(store.getState()).toMatchObject({
      result: null,
      listAhead: list.summary,
      lastRunFrom: 'cache',
      dataStatus: 'loading',
      input: null,
    });
    expect(store.getState().coverageById.size).toBe(0);
    gates.result.resolve(result);
    await vi.waitFor(() => expect(store.getState().result).toBe(result));
    // The same rows (built from the same result), no second build; the lookups of the result.
    expect(store.getState().rows).toBe(list.rows);
    expect(store.getState()).toMatchObject({ listAhead: null, lastRunFrom: 'cache' });
    expect(store.getState().coverageById.get(result.hamlets[0]!.id)).toBe(result.hamlets[0]);
    gates.data.resolve();
    expect((await restoring).data).toBe(true);
    expect(store.getState()).toMatchObject({ dataStatus: 'ready', result, rows: list.rows });
  });

  it('a list shown ahead goes when the settings change before its result is in, and its result is not shown', async () => {
    fakeLocalStorage();
    const kv = memoryStore();
    const input = await importedHamlets();
    await saveImported(kv, input);
    const { result } = sampleRun();
    const list = await decodeList(await encodeList('k', result));
    const gate = deferred<AnalysisResult>();
    const data = deferred<void>();
    const slow = holdingData(kv, data.promise);
    const store = createAppStore();
    const restoring = restorePersisted(store, slow, {
      openList: () => Promise.resolve(list),
      openResult: () => gate.promise,
    });
    await vi.waitFor(() => expect(store.getState().listAhead).not.toBeNull());
    store.setState({ settings: { fibreServiceRadiusM: 901 } });
    expect(store.getState()).toMatchObject({ rows: [], listAhead: null, result: null });
    gate.resolve(result);
    await flushAll();
    data.resolve();
    expect((await restoring).data).toBe(true);
    await flushAll();
    expect(store.getState().result).toBeNull();
  });

  it('when the data does not come back, the result shown ahead goes with it', async () => {
    const items = fakeLocalStorage();
    items.set('vungtrang:has-imported-data', 'a'.repeat(64));
    const store = createAppStore();
    const outcome = await restorePersisted(store, memoryStore(), {
      openResult: () => Promise.resolve(fakeResult('orphan')),
    });
    expect(outcome.data).toBe(false);
    expect(store.getState()).toMatchObject({ result: null, rows: [], dataSource: 'sample' });
    expect(savedDataHint()).toBe(false);
  });

  it('what replaces the data waits while it is read back', async () => {
    const store = createAppStore();
    store.getState().setDataRestoring();
    let settled = false;
    const waiting = dataSettled(store).then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    store.getState().setImportedData(await importedHamlets(), empty, [], ['hamlets.geojson']);
    await waiting;
    expect(settled).toBe(true);
  });
});
