import * as Comlink from 'comlink';
import type { ColocationOptions, ColocationResult } from '../analysis/colocation.ts';
import { newlyCoveredAreas } from '../analysis/scenarioCovered.ts';
import { ScenarioSession } from '../analysis/scenarioSession.ts';
import { onlyRankingDiffers } from '../analysis/settings.ts';
import type { ScenarioEdit } from '../analysis/scenarioTypes.ts';
import { suggestSites, type SuggestOptions } from '../analysis/suggestSites.ts';
import type { AnalysisResult, InputLayers, ProgressCallback, Settings } from '../analysis/types.ts';
import type { ScenarioWorkerUpdate, SuggestReply } from './scenarioProtocol.ts';
import { aheadSettings } from './aheadProgress.ts';
import { fetchSampleFiles, parseSampleInputs, sampleLayersOf } from '../data/sampleLayers.ts';
import { encodeResult, noPause, RESULT_RECORD, ResultCodecError } from '../data/resultCodec.ts';
import { copyLayersBytes, layersFromBytes, layersToBytes, type LayersBytes } from './layersBytes.ts';
import { WorkerDied } from './lifeline.ts';
import {
  analyzeSplit,
  helpWithBlocks,
  runWorkers,
  startHelper,
  type StartedHelper,
  type WarmHelper,
} from './splitRun.ts';

/** Hamlets per result message: a few hundred keep each message's clone on the page to a few ms. */
const HAMLETS_PER_CHUNK = 400;

/**
 * Progress messages cross threads; at most one every 100 ms keeps the main thread free. A new phase and
 * the end of one always go.
 */
function throttled(onProgress: ProgressCallback, everyMs = 100): ProgressCallback {
  let last = 0;
  let lastPhase = '';
  return (done, total, phase) => {
    const now = performance.now();
    if (phase === lastPhase && now - last < everyMs && done < total) return;
    last = now;
    lastPhase = phase;
    onProgress(done, total, phase);
  };
}

/**
 * A result without its hamlets, which follow in chunks (`takeHamlets`); `hamletChunks` says how many.
 * `hamletsOfRun`: the hamlets are those of that earlier run, the very same objects (a re-ranked session):
 * a page that holds them need not take them again.
 */
export type ResultHead = AnalysisResult & { hamletChunks: number; runSeq: number; hamletsOfRun?: number };

/** Whether two lists hold the same objects in the same order. */
function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** An analysis kept for what-if edits: the session, and the layers (`generation`) and settings it is for. */
interface KeptSession {
  generation: number;
  settings: string;
  session: ScenarioSession;
}

/** How the analysis worker splits a big run; tests give helpers on MessageChannels. */
export interface AnalysisWorkerOptions {
  /** Cores to use (default: the browser's `navigator.hardwareConcurrency`). */
  cores?: number;
  /** Layers of this many hamlets or more are split (default `SPLIT_MIN_HAMLETS`). */
  splitMinHamlets?: number;
  /** Starts a helper worker (default: this worker's own script once more). */
  makeHelper?: () => Worker;
  /**
   * A helper died during a run: by default this worker ends too, so the page sees the death of its
   * analysis worker and replaces it once, as when this worker dies itself.
   */
  onHelperDied?: () => void;
}

const defaultOptions: Required<Omit<AnalysisWorkerOptions, 'splitMinHamlets'>> = {
  get cores() {
    return (
      (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator?.hardwareConcurrency ?? 1
    );
  },
  makeHelper: () => new Worker(self.location.href, { type: 'module' }),
  onHelperDied: () => self.close(),
};

/**
 * What the analysis worker does, with its state (the layers it keeps, the run ahead, the last result's
 * hamlets, the what-if session) in this closure: `analysis.worker.ts` exposes one to the page; tests run
 * one on a MessageChannel in place of the worker.
 *
 * One engine serves the analysis and the what-if: every run is a `ScenarioSession`, kept afterwards, so
 * the first edit needs neither a second copy of the layers nor a second analysis.
 */
export function createAnalysisWorkerApi(options: AnalysisWorkerOptions = {}) {
  const { cores, makeHelper, onHelperDied } = {
    cores: options.cores ?? defaultOptions.cores,
    makeHelper: options.makeHelper ?? defaultOptions.makeHelper,
    onHelperDied: options.onHelperDied ?? defaultOptions.onHelperDied,
  };
  let layers: InputLayers | null = null;
  /** The bytes `layers` came as (`setLayersEncoded`), when its runs split: what their helpers are given. */
  let layersBytes: LayersBytes | null = null;
  /**
   * Helpers of a split run started when the layers of `generation` arrived (`setLayersEncoded`), decoding
   * them while this worker does; the run takes them, and newer layers end them.
   */
  let warm: { generation: number; helpers: WarmHelper[] } | null = null;
  const dropWarm = (): void => {
    for (const h of warm?.helpers ?? []) h.stop();
    warm = null;
  };
  /** In a helper: its layers, decoded from the bytes it was given (`helpLayers`). */
  let helperLayers: Promise<InputLayers> | null = null;
  /** A run split across workers, while it is under way: what-if calls wait for its session. */
  let running: Promise<unknown> | null = null;
  /** Bumped by every change of `layers`, so a slow sample fetch cannot overwrite layers set after it began. */
  let generation = 0;
  /**
   * The last run's result, its hamlets taken in chunks (`takeHamlets`); `seq` numbers the run, and `clean`
   * says no what-if edit came since (then `resultBytes` may still encode it).
   */
  let resultOut: { result: AnalysisResult; seq: number; clean: boolean } | null = null;
  let runSeq = 0;
  /**
   * A run made ahead on the freshly loaded sample with the default settings (`loadSample(..., true)`), for
   * the layers of `generation`: the page's first `run` with the same settings takes it instead of waiting.
   */
  let ahead: (KeptSession & { result: AnalysisResult }) | null = null;
  /** The last run's session, which what-if edits change (`scenarioSync`). */
  let kept: KeptSession | null = null;

  const matches = (k: KeptSession | null, settings: Settings): k is KeptSession =>
    k?.generation === generation && k.settings === JSON.stringify(settings);
  /** Whether a what-if session for the current layers and `settings` is kept (a run's or the run ahead's). */
  const hasSession = (settings: Settings): boolean => matches(kept, settings) || matches(ahead, settings);
  /** The session for the current layers and `settings`: the last run's, the run ahead's, or a new analysis. */
  const sessionFor = (settings: Settings): ScenarioSession => {
    if (!layers) throw new Error('analysis worker: setLayers must be called before a what-if');
    if (!matches(kept, settings))
      kept = matches(ahead, settings)
        ? ahead
        : { generation, settings: JSON.stringify(settings), session: new ScenarioSession(layers, settings) };
    return kept.session;
  };
  /**
   * A session of the current layers whose settings differ from `settings` only in the ranking and the
   * costs (`onlyRankingDiffers`), from the last run's or the run ahead's; null if neither.
   */
  const rerankable = (from: (KeptSession | null)[], settings: Settings): KeptSession | null =>
    from.find(
      (k): k is KeptSession =>
        k?.generation === generation && onlyRankingDiffers(JSON.parse(k.settings) as Settings, settings),
    ) ?? null;
  /** Whether `run` was called for the current layers (then nothing is run ahead any more). */
  let ranFor = -1;

  /** After a what-if edit the last run's result is not encoded for saving here: the page encodes its copy. */
  const sessionTouched = (): void => {
    if (resultOut) resultOut.clean = false;
  };

  const api = {
    /** Layers are sent once per worker and kept, so a settings change does not re-copy megabytes. */
    setLayers(input: InputLayers): void {
      dropWarm();
      layers = input;
      layersBytes = null;
      generation++;
      ahead = null;
    },
    /**
     * The same from their bytes (`LayersBytes`, transferred): the import worker's bytes of each layer
     * imported, the others encoded on the page in slices, and decoded here, where a structured clone
     * would block the page. Without pauses the decoding runs in this one task: no other call sees the
     * layers half set.
     */
    async setLayersEncoded(bytes: LayersBytes, hamlets = 0): Promise<void> {
      dropWarm();
      // Layers a run will split (`hamlets`, as the page counts them): its helpers start now and decode
      // their copies while this worker decodes its own, instead of after, at the run.
      const workers = runWorkers(hamlets, cores, options.splitMinHamlets);
      const early: WarmHelper[] = [];
      for (let i = 1; i < workers; i++) early.push(startHelper(makeHelper, copyLayersBytes(bytes)));
      const input = await layersFromBytes(bytes, noPause);
      layers = input;
      // Kept for the helpers of the runs that will split (33 MB at 32× the sample); others let them go.
      layersBytes = workers > 1 ? bytes : null;
      generation++;
      ahead = null;
      if (early.length > 0) warm = { generation, helpers: early };
    },
    /**
     * Fetches the shipped sample here instead of on the page, parses its analysis inputs (not the admin
     * layers, which only the page reads) and keeps them for `run`. With a `port`, also posts each file's
     * bytes on it (`SampleFile`s, transferred, then `null`), which the page parses one per task. Returns
     * the number of files.
     */
    async loadSample(
      urls: Record<string, string>,
      port?: MessagePort,
      runAhead = false,
      progressPort?: MessagePort,
    ): Promise<number> {
      const mine = ++generation;
      ahead = null;
      dropWarm();
      const files = await fetchSampleFiles(urls);
      if (port) {
        // The page gets a copy of the bytes as they came, before this thread parses them, and parses them
        // itself: a copy of 3 MB costs milliseconds, where a structured clone of the parsed layers held up
        // the run ahead by ~50 ms, and the page's parse no longer waits for this one.
        for (const f of files) {
          const bytes = f.bytes.slice(0);
          port.postMessage({ ...f, bytes }, [bytes]);
        }
        port.postMessage(null);
        port.close();
      }
      const byName = parseSampleInputs(files);
      if (mine !== generation) throw new Error('analysis worker: sample load superseded by newer layers');
      layers = sampleLayersOf(byName).input;
      layersBytes = null;
      // The page needs a few hundred ms (more while the browser paints the first frame) to take the files
      // and ask for a run; most first visits ask for the defaults, so start on them now, in the next task.
      if (runAhead) setTimeout(() => runAheadOn(mine, progressPort), 0);
      else endAhead(progressPort);
      return port ? files.length : 0;
    },
    /**
     * Runs the analysis and returns it without its hamlets (see `ResultHead`). Layers of
     * `SPLIT_MIN_HAMLETS` or more are analysed on several workers (`runWorkers`), with the same result.
     */
    async run(settings: Settings, onProgress: ProgressCallback): Promise<ResultHead> {
      if (!layers) throw new Error('analysis worker: setLayers must be called before run');
      ranFor = generation;
      const early =
        ahead?.generation === generation && ahead.settings === JSON.stringify(settings) ? ahead : null;
      // Settings that change only the ranking or the costs re-rank the last session of these layers.
      const rerank = early ? null : rerankable([kept, ahead], settings);
      ahead = null;
      if (early || rerank) onProgress(1, 1, 'hamlets');
      const workers =
        early || rerank ? 1 : runWorkers(layers.hamlets.features.length, cores, options.splitMinHamlets);
      // Helpers started with the layers serve a split run only.
      if (workers === 1) dropWarm();
      if (early) kept = early;
      else if (rerank)
        kept = {
          generation,
          settings: JSON.stringify(settings),
          session: rerank.session.reranked(layers, settings),
        };
      else if (workers > 1) {
        const input = layers;
        // Settles once `kept` is the run's session: a what-if call waiting for it (`settled`) finds it.
        const split = (async () => {
          kept = await splitSession(input, generation, settings, workers, throttled(onProgress));
          return kept;
        })();
        running = split;
        kept = await split.finally(() => {
          if (running === split) running = null;
        });
      } else
        kept = {
          generation,
          settings: JSON.stringify(settings),
          session: new ScenarioSession(layers, settings, throttled(onProgress)),
        };
      const result = kept.session.baseline;
      const previous = resultOut;
      const seq = ++runSeq;
      resultOut = { result, seq, clean: true };
      const hamletChunks = Math.ceil(result.hamlets.length / HAMLETS_PER_CHUNK);
      const same = rerank && previous && sameItems(previous.result.hamlets, result.hamlets);
      return {
        ...result,
        hamlets: [],
        hamletChunks,
        runSeq: seq,
        ...(same ? { hamletsOfRun: previous.seq } : {}),
      };
    },
    /** Whether a run with `settings` would re-rank a kept session of the current layers (`rerankable`). */
    canRerank(settings: Settings): boolean {
      return rerankable([kept, ahead], settings) !== null;
    },
    /**
     * A helper's part of a split run (`analyzeSplit`), in a worker started for it and given the layers
     * (`helpLayers`): the settings, and the port the blocks go over.
     */
    async helpBlocks(settings: Settings, port: MessagePort): Promise<void> {
      if (!helperLayers) throw new Error('analysis worker: helpLayers must be called before helpBlocks');
      await helpWithBlocks(await helperLayers, settings, port);
    },
    /** A helper's layers (`LayersBytes`, transferred), decoded as soon as they come (`helpBlocks` waits). */
    async helpLayers(bytes: LayersBytes): Promise<void> {
      helperLayers = layersFromBytes(bytes, noPause);
      await helperLayers;
    },
    /**
     * The result of run `seq` as bytes (`RESULT_RECORD`, transferred), encoded here for the page to save;
     * null once a newer run or a what-if edit came, or if the codec cannot carry it.
     */
    async resultBytes(seq: number): Promise<ArrayBuffer | null> {
      if (!resultOut || resultOut.seq !== seq || !resultOut.clean) return null;
      try {
        const bytes = await encodeResult(resultOut.result, noPause, RESULT_RECORD);
        return Comlink.transfer(bytes, [bytes]);
      } catch (e) {
        if (e instanceof ResultCodecError) return null;
        throw e;
      }
    },
    takeHamlets(i: number): AnalysisResult['hamlets'] {
      if (!resultOut) throw new Error('analysis worker: no result to take hamlets from');
      return resultOut.result.hamlets.slice(i * HAMLETS_PER_CHUNK, (i + 1) * HAMLETS_PER_CHUNK);
    },
    /**
     * Makes sure a what-if session exists for the current layers and `settings`: 'kept' when the last run
     * left it, 'built' when it took an analysis.
     */
    async scenarioInit(settings: Settings): Promise<'kept' | 'built'> {
      await settled();
      const had = hasSession(settings);
      sessionFor(settings);
      return had ? 'kept' : 'built';
    },
    /** Brings the session to `edits` (undoing past the common prefix), with the areas to highlight. */
    async scenarioSync(
      settings: Settings,
      edits: ScenarioEdit[],
      name: string,
    ): Promise<ScenarioWorkerUpdate> {
      await settled();
      sessionTouched();
      const s = sessionFor(settings);
      const u = s.sync(edits, name);
      // Highlight what every edit of the scenario changed, not only the last one.
      const touched = u.delta.statusChanges.map((c) => c.id);
      const changed = new Set([...touched, ...changedSinceBaseline(s, u.result)]);
      return { ...u, covered: newlyCoveredAreas(s.baseline, u.result, [...changed]) };
    },
    /** Tower-sharing candidates for an operator against the edits synced last. */
    async scenarioColocation(
      settings: Settings,
      operator: string,
      opts?: ColocationOptions,
    ): Promise<ColocationResult> {
      await settled();
      return sessionFor(settings).colocation(operator, opts);
    },
    async scenarioSuggest(settings: Settings, opts: SuggestOptions): Promise<SuggestReply> {
      await settled();
      const s = sessionFor(settings);
      const r = suggestSites(s.baseline, s.settingsUsed(), opts);
      return { scenario: r.scenario, households: r.households, ms: r.ms, candidates: r.candidates };
    },
  };

  /** Waits for a split run under way (its session may be the one a what-if call wants). */
  async function settled(): Promise<void> {
    while (running) await running.catch(() => undefined);
  }

  /**
   * The analysis of `input` on `workers` workers: this one and helpers started for it, given the layers'
   * bytes, and ended when it is done. A helper's death ends this worker too (`onHelperDied`).
   */
  async function splitSession(
    input: InputLayers,
    forGeneration: number,
    settings: Settings,
    workers: number,
    onProgress: ProgressCallback,
  ): Promise<KeptSession> {
    const bytes = layersBytes ?? (await encodedOrNull(input));
    if (!bytes) {
      const session = new ScenarioSession(input, settings, onProgress);
      return { generation: forGeneration, settings: JSON.stringify(settings), session };
    }
    const helpers: StartedHelper[] = [];
    // Helpers started with these layers, already decoding (or done); more if the run wants more.
    const ready = warm?.generation === forGeneration ? warm.helpers : [];
    warm = null;
    for (const extra of ready.slice(Math.max(0, workers - 1))) extra.stop();
    try {
      for (let i = 1; i < workers; i++)
        helpers.push((ready[i - 1] ?? startHelper(makeHelper, copyLayersBytes(bytes))).run(settings));
      const engine = await analyzeSplit(input, settings, helpers, onProgress);
      const session = new ScenarioSession(input, settings, undefined, engine);
      return { generation: forGeneration, settings: JSON.stringify(settings), session };
    } catch (e) {
      if (!(e instanceof WorkerDied)) throw e;
      // The page hears this worker die (`onHelperDied`), as if it had died itself, and answers nothing.
      onHelperDied();
      return new Promise<never>(() => undefined);
    } finally {
      for (const h of helpers) h.stop();
    }
  }

  /**
   * The run ahead reports its progress on `progressPort` ([done, total, phase] messages, then null): the
   * page's first run, which waits for it, shows it instead of a bar standing at zero.
   */
  function runAheadOn(forGeneration: number, progressPort?: MessagePort): void {
    if (!layers || generation !== forGeneration || ranFor === forGeneration) {
      endAhead(progressPort);
      return;
    }
    const settings = aheadSettings();
    const report = progressPort
      ? // Every 500 ms: each report repaints the page, which shares the cores with this run on a first visit.
        throttled((done, total, phase) => progressPort.postMessage([done, total, phase]), 500)
      : undefined;
    const session = new ScenarioSession(layers, settings, report);
    ahead = {
      generation: forGeneration,
      settings: JSON.stringify(settings),
      session,
      result: session.baseline,
    };
    endAhead(progressPort);
  }

  return api;
}

/** Hamlets whose broadband households differ from the baseline by more than rounding. */
function changedSinceBaseline(s: ScenarioSession, after: AnalysisResult): string[] {
  const was = new Map(s.baseline.hamlets.map((h) => [h.id, h]));
  const out: string[] = [];
  for (const h of after.hamlets) {
    const b = was.get(h.id);
    if (b && Math.abs(b.uncoveredHouseholds - h.uncoveredHouseholds) > 1e-3) out.push(h.id);
  }
  return out;
}

/** Layers given as objects, as bytes for helpers; null if the bytes cannot carry them (a lone surrogate). */
async function encodedOrNull(input: InputLayers): Promise<LayersBytes | null> {
  try {
    return await layersToBytes(input, noPause);
  } catch (e) {
    if (e instanceof ResultCodecError) return null;
    throw e;
  }
}

function endAhead(progressPort?: MessagePort): void {
  progressPort?.postMessage(null);
  progressPort?.close();
}

export type AnalysisWorkerApi = ReturnType<typeof createAnalysisWorkerApi>;
