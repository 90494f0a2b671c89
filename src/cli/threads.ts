import { availableParallelism } from 'node:os';
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { resultOf } from '../analysis/analyze.ts';
import { BlockMerge, blockCount, computeBlock, type BlockResult } from '../analysis/blocks.ts';
import { computeHamlet, forget, hamletOrder, prepareEngine, type EngineState } from '../analysis/engine.ts';
import type { ReachCollector } from '../analysis/networkReach.ts';
import type { AnalysisResult, InputLayers, ProgressCallback, Settings } from '../analysis/types.ts';
import { CliError, EXIT_USAGE } from './errors.ts';
import { loadLayers, type InputBytes, type InputRole } from './readLayers.ts';
import { scenarioRun } from './scenario.ts';

/**
 * The young generation of every thread that analyses (MB): V8's default (48 MB, semi-spaces of 16 MB)
 * is set at start-up and cannot be changed in a running thread. A national run keeps hundreds of
 * thousands of results and coverage paths alive across collections; with semi-spaces of 64 MB most of
 * them are collected or promoted in a quarter of the scavenges (see tests/bench/README.md).
 */
export const YOUNG_GENERATION_MB = 192;
/** `--threads` takes 1 to this many. */
const MAX_THREADS = 64;
/**
 * Without `--threads`, a hamlets file smaller than this (about 30,000 hamlets at the sample's detail) is
 * analysed on one thread: each extra thread reads and prepares every layer again, which costs more
 * than it saves on a province.
 */
const AUTO_THREADS_MIN_BYTES = 16 * 1024 * 1024;
/**
 * Without `--threads`, a machine with fewer cores than this analyses on one thread: on two cores, two
 * threads of the 32× set were no faster than one (each thread's collector and page faults take the other
 * core) and held ~45 % more memory (tests/bench/README.md).
 */
const AUTO_THREADS_MIN_CORES = 3;

/** What every thread needs to load the same layers as the main thread: the files' bytes, never re-read. */
export interface ThreadJob {
  paths: Partial<Record<InputRole, string>>;
  bytes: InputBytes;
  crs?: string;
  settings: Settings;
  /** The proposals file, applied to the layers (analyze --scenario). */
  scenario?: { path: string; text: string };
}

interface WorkerInit {
  role: 'vungtrang-analyze-thread';
  job: ThreadJob;
  /** One Int32: the next block to claim, shared by every thread (Atomics.add). */
  next: SharedArrayBuffer;
}

type FromWorker = BlockResult;

/**
 * `--threads` as given: a whole number from 1 to 64; absent, the machine's cores (`cores`) for a hamlets
 * file of {@link AUTO_THREADS_MIN_BYTES} or more on a machine of {@link AUTO_THREADS_MIN_CORES} cores or
 * more, else 1.
 *
 * @throws CliError (exit 64) naming the value and what to give.
 */
export function threadCount(
  flag: string | undefined,
  hamletsBytes: number,
  cores: number = availableParallelism(),
): number {
  const auto = cores >= AUTO_THREADS_MIN_CORES ? cores : 1;
  if (flag === undefined) return hamletsBytes >= AUTO_THREADS_MIN_BYTES ? auto : 1;
  const n = /^\s*\d+\s*$/.test(flag) ? Number(flag) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > MAX_THREADS) {
    const without =
      auto > 1
        ? `${auto}, the cores of this machine, for a large hamlets file`
        : 'one thread on this machine';
    throw new CliError(
      `--threads ${flag}: give a whole number of threads from 1 to ${MAX_THREADS}, e.g. --threads 2 ` +
        `(without it: ${without}).`,
      EXIT_USAGE,
    );
  }
  return n;
}

/**
 * The analysis on this thread alone: {@link buildEngine}'s result, but each hamlet's clipped geometry is
 * let go as soon as its result is assembled (unless `keepGeometry`: an operator's tower-sharing candidates
 * read it), so a national run's heap holds results, not every hamlet's polygons. With `reach`, what
 * reaches each hamlet is collected right after it is computed, while its shapes' polygons are still built.
 */
export function analyzeHere(
  layers: InputLayers,
  settings: Settings,
  keepGeometry: boolean,
  onProgress?: ProgressCallback,
  reach?: ReachCollector,
): { result: AnalysisResult; state: EngineState } {
  const state = prepareEngine(layers, settings);
  const order = hamletOrder(state);
  order.forEach((hi, done) => {
    computeHamlet(state, hi);
    reach?.add(state, hi);
    if (!keepGeometry) forget(state, hi);
    if (done % 200 === 0) onProgress?.(done, order.length, 'hamlets');
  });
  onProgress?.(order.length, order.length, 'hamlets');
  return { result: resultOf(state), state };
}

/**
 * The analysis split across `threads` threads: the others start at once and load the layers from the
 * job's bytes (with its scenario applied) while this thread loads the same (`load`, which returns the
 * layers to analyse); every thread prepares the engine alike, then
 * they claim blocks of hamlets, in the order one thread computes them, until none is left. Each
 * hamlet's result depends only on the inputs, and the blocks' results and warnings are put back in
 * block order, so the result is the one thread's, exactly.
 *
 * @example
 * const { result } = await analyzeInThreads(job, 2, () => loadLayers(paths, bytes, read), onProgress);
 */
export async function analyzeInThreads(
  job: ThreadJob,
  threads: number,
  load: () => Promise<InputLayers>,
  onProgress?: ProgressCallback,
): Promise<{ result: AnalysisResult; state: EngineState }> {
  const next = new SharedArrayBuffer(4);
  const init: WorkerInit = { role: 'vungtrang-analyze-thread', job, next };
  // The bundle is one file (dist-cli/vungtrang.mjs): its entry (bin.ts) runs the thread's side of the
  // work when it is not the main thread.
  const workers = Array.from(
    { length: threads - 1 },
    () =>
      new Worker(new URL(import.meta.url), {
        workerData: init,
        resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
      }),
  );
  const inbox: FromWorker[] = [];
  let wake: (() => void) | undefined;
  let failed: unknown;
  const finished = new Set<Worker>();
  for (const w of workers) {
    w.on('message', (m: FromWorker) => {
      inbox.push(m);
      wake?.();
    });
    w.on('error', (e) => {
      failed ??= e;
      wake?.();
    });
    w.on('exit', (code) => {
      finished.add(w);
      if (code !== 0) failed ??= new Error(`an analysis thread stopped (exit code ${code})`);
      wake?.();
    });
  }
  try {
    const state = prepareEngine(await load(), job.settings);
    const order = hamletOrder(state);
    const merge = new BlockMerge(state, order);
    const counter = new Int32Array(next);
    for (;;) {
      while (inbox.length > 0) merge.add(inbox.shift() as FromWorker);
      onProgress?.(merge.done, order.length, 'hamlets');
      const b = Atomics.add(counter, 0, 1);
      if (b >= merge.blocks) break;
      merge.computeHere(b, false);
      // Let the other threads' results in between blocks.
      await new Promise((r) => setImmediate(r));
    }
    while (!merge.complete) {
      while (inbox.length > 0) merge.add(inbox.shift() as FromWorker);
      if (merge.complete) break;
      if (failed) throw failed;
      if (finished.size === workers.length && inbox.length === 0)
        throw new Error('an analysis thread ended without its results');
      await new Promise<void>((r) => (wake = r));
      wake = undefined;
      onProgress?.(merge.done, order.length, 'hamlets');
    }
    onProgress?.(order.length, order.length, 'hamlets');
    merge.finish();
    return { result: resultOf(state), state };
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

function scenarioLayers(job: ThreadJob, layers: InputLayers): InputLayers {
  const s = job.scenario as NonNullable<ThreadJob['scenario']>;
  return scenarioRun(s.path, s.text, layers, job.settings).layers;
}

/**
 * The thread's side of {@link analyzeInThreads}, run by the bundle's entry when it starts as a worker:
 * load the layers from the job's bytes (warnings are the main thread's to print), prepare the engine,
 * and compute blocks until none is left, sending each block's results and warnings.
 *
 * @returns false when this thread was not started by {@link analyzeInThreads}.
 */
export async function runAnalysisThread(): Promise<boolean> {
  const init = workerData as WorkerInit | undefined;
  if (init?.role !== 'vungtrang-analyze-thread' || !parentPort) return false;
  const { job } = init;
  const loaded = await loadLayers(job.paths, job.bytes, {
    warn: () => {},
    ...(job.crs ? { crs: job.crs } : {}),
  });
  // The layers are read: their bytes (the size of every input file) need not stay for the analysis.
  job.bytes = {};
  const state = prepareEngine(job.scenario ? scenarioLayers(job, loaded) : loaded, job.settings);
  const order = hamletOrder(state);
  const blocks = blockCount(order);
  const counter = new Int32Array(init.next);
  for (let b = Atomics.add(counter, 0, 1); b < blocks; b = Atomics.add(counter, 0, 1)) {
    const message: FromWorker = computeBlock(state, order, b);
    parentPort.postMessage(message);
  }
  return true;
}
