import type { FeatureCollection } from 'geojson';
import type { AnalysisResult, InputLayers, Settings } from '../../analysis/types.ts';
import { validateSettings, type SettingsProblem } from '../../analysis/validateSettings.ts';
import type { AdminLayers, AppState } from '../appState.ts';
import type { AppStore } from '../store.ts';
import { inputDigest, rememberDigest } from './inputDigest.ts';
import { knownBoxes, rememberBoxes } from '../../data/featureBoxes.ts';
import { noResultViews, resultViews } from '../slices/analysisSlice.ts';
import type { SavedList } from './listRecord.ts';
import {
  DATA_RECORD,
  decodeResult,
  encodeResult,
  pageSlices,
  ResultCodecError,
  type Pause,
} from '../../data/resultCodec.ts';
import { DATA_KEY, idbStore, SETTINGS_KEY, type KeyValueStore } from './kvStore.ts';
import { isQuotaError, type SaveFailure } from './saveProblem.ts';
import { savedDataDigest, setSavedDataHint } from './savedDataHint.ts';
import { isSavedSet, readSavedSet, writeSavedSet, type LayerBytes } from './savedSet.ts';
import { rememberLayerBytes, takeSavingCopy } from '../../worker/layersBytes.ts';

export { DATA_KEY };

export interface SavedData {
  version: 1 | 2;
  savedAt: string;
  input: InputLayers;
  admin: AdminLayers;
  illustrativeLayers: string[];
  importedFiles: string[];
  /** SHA-256 of `input` (`inputDigest`): the saved result's key, so a reload need not hash the data again. */
  digest?: string;
  /**
   * The features' boxes of the input layers whose boxes were known when saved (`featureBoxes`: four numbers
   * per feature), by layer name: the map needs them at once after a reload, and working them out walks
   * every coordinate (~0.4 s of one task at 32× the sample).
   */
  boxes?: Record<string, number[] | Float64Array>;
}

export interface SavedSettings {
  version: 1;
  settings: Partial<Settings>;
}

export interface RestoreOutcome {
  /** True when imported data came back; the caller then skips loading the sample. */
  data: boolean;
  settings: boolean;
  /** Set when something was stored but could not be read back (it is then left out, not fatal). */
  problem?: string;
  /** Saved settings the validator refused: they were dropped (and deleted), never applied. */
  settingsProblems?: SettingsProblem[];
  /** The data came back from a record of an older form: write it again in today's. */
  rewrite?: boolean;
}

export interface RestoreOptions {
  /**
   * The result saved for data of this digest under the current settings, if there is one: it is shown
   * before the data is read (the list needs no geometry), while the data loads (`dataStatus` 'loading').
   */
  openResult?: (digest: string) => Promise<AnalysisResult | undefined>;
  /** The list saved beside that result (`ResultStore.list`): shown first, while the result is read. */
  openList?: (digest: string) => Promise<SavedList | undefined>;
  /** How decoding the data lets the page run between slices (tests pass `noPause`). */
  pause?: () => Pause;
  /** Called once the saved settings are in the store (or found absent or refused), before the data is read. */
  settingsRead?: () => void;
}

/**
 * Puts imported data and settings saved by an earlier visit back into the store.
 * Call before loading the sample and before a shared link is applied (the link's settings win).
 *
 * @example if (!(await restorePersisted(appStore)).data) await loadSample(appStore);
 */
export async function restorePersisted(
  store: AppStore,
  kv: KeyValueStore = idbStore,
  { openResult, openList, pause = pageSlices, settingsRead }: RestoreOptions = {},
): Promise<RestoreOutcome> {
  const out: RestoreOutcome = { data: false, settings: false };
  let early = false;
  let abandoned = false;
  let stale = (): void => undefined;
  try {
    const saved = await kv.get(SETTINGS_KEY).catch((e: unknown) => {
      settingsRead?.();
      throw e;
    });
    if (saved !== undefined) {
      // Saved state is checked like any other door: what fails is dropped whole and deleted, so a
      // poisoned value (e.g. 20 000 000 circle segments) can never stick the app on later visits.
      // Anything but `{ version: 1, settings: {…} }` is refused as a whole (the validator names the value).
      const checked = validateSettings(isSavedSettings(saved) ? saved.settings : [saved]);
      if (checked.problems.length > 0) {
        out.settingsProblems = checked.problems;
        await kv.del(SETTINGS_KEY).catch(() => undefined);
      } else if (isSavedSettings(saved) && Object.keys(store.getState().settings).length === 0) {
        // A shared link opened before this read finished has set its own settings: the link wins.
        store.setState({ settings: checked.settings });
        out.settings = true;
      }
    }
    settingsRead?.();
    const digest = savedDataDigest();
    if (digest !== null && openResult) {
      // The list first: the saved list (rows and roll-ups), then the saved result (details, roll-ups by
      // area), need no geometry; the data (for the map, exports, what-if, import) follows, and what needs
      // it waits for `dataStatus` to leave 'loading'.
      early = true;
      store.getState().setDataRestoring();
      const asked = store.getState();
      const list = await openList?.(digest).catch(() => undefined);
      if (list && store.getState().settings === asked.settings) {
        store.getState().showSavedList(list.rows, list.summary);
        performance.mark('vt:restore:list-shown');
        // Other settings (a link, the settings panel) make it another list: it goes, the list waits.
        stale = store.subscribe((s) => {
          if (s.listAhead !== null && s.settings !== asked.settings) store.setState(noResultViews());
        });
      }
      const shown = openResult(digest)
        .catch(() => undefined)
        .then((result) => {
          const s = store.getState();
          // Not once the data is back (the runner finds the same result then), nor under other settings.
          if (!result || s.result !== null || s.runId !== asked.runId || s.settings !== asked.settings)
            return;
          if (abandoned || s.input !== null || s.dataSource !== 'imported') return;
          const rows = list && s.listAhead !== null && s.unitOf.size === 0 ? s.rows : undefined;
          s.finishRun(s.startRun(), result, 0, resultViews(result, s.unitOf, rows), 'cache');
          performance.mark('vt:restore:result-shown');
        });
      // Without a list, the result is shown before the data is read, as the list.
      if (!list) await shown;
    }
    performance.mark('vt:restore:read-start');
    const stored = await kv.get(DATA_KEY);
    performance.mark('vt:restore:read-end');
    if (stored !== undefined) {
      const data = await readSavedData(stored, pause());
      performance.mark('vt:restore:decode-end');
      if (data === null) {
        out.problem =
          'The data saved in this browser is not in a form this version reads; showing the sample.';
      } else {
        if (typeof data.digest === 'string') rememberDigest(data.input, data.digest);
        rememberLayerBoxes(data);
        store.getState().setImportedData(data.input, data.admin, data.illustrativeLayers, data.importedFiles);
        performance.mark('vt:restore:data-set');
        setSavedDataHint(data.digest ?? true);
        out.data = true;
        if (!(stored instanceof ArrayBuffer)) out.rewrite = true;
      }
    }
    if (!out.data) setSavedDataHint(false);
  } catch (e) {
    // Private windows and blocked storage throw here; the app still works, only without memory.
    out.problem = `Saved data could not be read from this browser (${e instanceof Error ? e.message : String(e)}).`;
  }
  // A result shown ahead of data that did not come back goes with it: the sample follows.
  stale();
  if (early && !out.data) {
    abandoned = true;
    store.getState().setDataAbandoned();
  }
  return out;
}

/**
 * The boxes of the layers that have them already (`knownBoxes`), as they are: the codec writes a
 * Float64Array as a list of numbers (copying them into an array held the import's click ~120 ms at 32×).
 */
function knownLayerBoxes(input: InputLayers): Record<string, Float64Array> {
  const out: Record<string, Float64Array> = {};
  for (const [name, layer] of Object.entries(input) as [string, FeatureCollection | undefined][]) {
    const known = layer ? knownBoxes(layer.features) : undefined;
    if (known && known.length > 0) out[name] = known;
  }
  return out;
}

/** Gives the restored layers the boxes saved with them (a list of another length is ignored). */
function rememberLayerBoxes(data: SavedData): void {
  if (!isObject(data.boxes)) return;
  for (const [name, list] of Object.entries(data.boxes)) {
    const layer = (data.input as unknown as Record<string, FeatureCollection | undefined>)[name];
    if (!layer) continue;
    // The structured clone (data the codec refused) keeps the Float64Array; the bytes give a list.
    if (list instanceof Float64Array) rememberBoxes(layer.features, list);
    else if (Array.isArray(list) && list.every((v) => typeof v === 'number'))
      rememberBoxes(layer.features, Float64Array.from(list));
  }
}

/** The saved data from its stored form (bytes, or an earlier structured clone); null if it is neither. */
async function readSavedData(given: unknown, pause: Pause): Promise<SavedData | null> {
  // A store that hands Blobs back as they are (`blobKv` reads them as bytes).
  const stored = given instanceof Blob ? await given.arrayBuffer() : given;
  if (!(stored instanceof ArrayBuffer)) return isSavedData(stored) ? stored : null;
  try {
    if (!isSavedSet(stored)) {
      const data = await decodeResult(stored, pause, DATA_RECORD);
      return isSavedData(data) ? data : null;
    }
    const set = await readSavedSet(stored, pause);
    const data = await decodeResult(set.data, pause, DATA_RECORD);
    if (!isObject(data) || !isObject(data.input)) return null;
    for (const { name, layer, bytes } of set.layers) {
      data.input[name] = layer;
      // The analysis worker is given the layer as these bytes, as after its import.
      if (isObject(layer)) rememberLayerBytes(layer, bytes);
    }
    return isSavedData(data) ? data : null;
  } catch (e) {
    if (!(e instanceof ResultCodecError)) throw e;
    console.warn(`Saved data not readable: ${e.message}`);
    return null;
  }
}

/**
 * The saved data as bytes, encoded in slices of the page's time, with the layers of `records` as the bytes
 * they were imported as (`writeSavedSet`, a Blob) instead of encoded again; the structured-cloned object
 * if the encoder refuses a value (a string with a lone surrogate), so the data is saved either way.
 */
async function storedForm(saved: SavedData, records: readonly LayerBytes[], pause: Pause): Promise<unknown> {
  try {
    if (records.length > 0) {
      const input = { ...saved.input } as Record<string, unknown>;
      for (const r of records) delete input[r.name];
      const rest = await encodeResult({ ...saved, input, version: 2 }, pause, DATA_RECORD);
      return await writeSavedSet(records, rest, pause);
    }
    return await encodeResult({ ...saved, version: 2 }, pause, DATA_RECORD);
  } catch (e) {
    if (!(e instanceof ResultCodecError)) throw e;
    return saved;
  }
}

export interface PersistenceHandle {
  stop(): void;
  /** Resolves when every write started so far has finished (tests, and before a reload). */
  flush(): Promise<void>;
  /** Writes the current data and settings again (after a failed save, once space was freed). */
  retry(): void;
}

/**
 * Saves imported data whenever it changes, and settings whenever they change, to IndexedDB.
 * Switching back to the sample deletes the saved data, so a reload shows the sample again.
 * A failed write (storage full, blocked) is passed to `onProblem`, and `null` after the next write that
 * works; the data stays in the store for the session either way.
 */
export function startPersistence(
  store: AppStore,
  kv: KeyValueStore = idbStore,
  onProblem: (failed: SaveFailure | null) => void = () => undefined,
  pause: () => Pause = pageSlices,
): PersistenceHandle {
  let pending: Promise<void> = Promise.resolve();
  let failing = false;
  const queue = (what: SaveFailure['what'], work: () => Promise<void>): void => {
    // Writes run one after another so an older write can never land after a newer one.
    pending = pending.then(work).then(
      () => {
        if (!failing) return;
        failing = false;
        onProblem(null);
      },
      (e: unknown) => {
        failing = true;
        onProblem({ what, full: isQuotaError(e), detail: e instanceof Error ? e.message : String(e) });
      },
    );
  };
  const saveData = (s: AppState): void => {
    if (s.dataSource === 'imported' && s.input) {
      const saved: SavedData = {
        version: 1,
        savedAt: new Date().toISOString(),
        input: s.input,
        admin: s.admin,
        illustrativeLayers: s.illustrativeLayers,
        importedFiles: s.importedFiles,
        boxes: knownLayerBoxes(s.input),
      };
      const input = s.input;
      // The import worker's copies of the layers' bytes, taken now (the layers' own go to the analysis worker).
      const records: LayerBytes[] = [];
      for (const [name, layer] of Object.entries(input) as [string, object | undefined][]) {
        const copy = layer ? takeSavingCopy(layer) : undefined;
        if (copy) records.push({ name, bytes: copy });
      }
      queue('data', async () => {
        const digest = await inputDigest(input);
        const value = await storedForm(digest === null ? saved : { ...saved, digest }, records, pause());
        await kv.set(DATA_KEY, value);
        setSavedDataHint(digest ?? true);
      });
    } else if (s.dataSource === 'sample') {
      queue('data', async () => {
        setSavedDataHint(false);
        await kv.del(DATA_KEY);
      });
    }
  };
  const saveSettings = (s: AppState): void => {
    const saved: SavedSettings = { version: 1, settings: s.settings };
    queue('settings', () => kv.set(SETTINGS_KEY, saved));
  };
  let lastInput = store.getState().input;
  let lastSource = store.getState().dataSource;
  let lastSettings = store.getState().settings;
  const unsubscribe = store.subscribe((s: AppState) => {
    if (s.input !== lastInput || s.dataSource !== lastSource) {
      lastInput = s.input;
      lastSource = s.dataSource;
      saveData(s);
    }
    if (s.settings !== lastSettings) {
      lastSettings = s.settings;
      saveSettings(s);
    }
  });
  const retry = (): void => {
    saveData(store.getState());
    saveSettings(store.getState());
  };
  return { stop: unsubscribe, flush: () => pending, retry };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isCollection(v: unknown): boolean {
  return isObject(v) && v.type === 'FeatureCollection' && Array.isArray(v.features);
}

function isSavedData(v: unknown): v is SavedData {
  if (!isObject(v) || (v.version !== 1 && v.version !== 2) || !isObject(v.input) || !isObject(v.admin))
    return false;
  if (!isCollection(v.input.hamlets)) return false;
  return Array.isArray(v.illustrativeLayers) && Array.isArray(v.importedFiles);
}

function isSavedSettings(v: unknown): v is SavedSettings {
  return isObject(v) && v.version === 1 && isObject(v.settings);
}
