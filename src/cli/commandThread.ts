import { parentPort, Worker, workerData } from 'node:worker_threads';
import { EXIT_BUG, EXIT_SIGNAL } from './errors.ts';
import { main } from './main.ts';
import { cleanUpOnSignals } from './output.ts';
import { YOUNG_GENERATION_MB } from './threads.ts';

interface CommandInit {
  role: 'vungtrang-command';
  argv: string[];
  tty: { stdout: boolean; stderr: boolean };
  /** One Int32, 1 while the command writes its outputs (src/cli/output.ts). */
  writing: SharedArrayBuffer;
}

type FromCommand = { exitCode: number };

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/**
 * Runs the command line in a worker thread with a young generation of {@link YOUNG_GENERATION_MB} and
 * returns its exit code. This thread keeps the signals: during a write (the flag the command thread
 * raises) a SIGINT or SIGTERM is passed on, and the command removes its partial files and stops (exit
 * 130 or 143, as in one thread); otherwise the signal has its default effect.
 *
 * @example
 * process.exitCode = await mainInThread(process.argv.slice(2));
 */
export async function mainInThread(argv: string[]): Promise<number> {
  const writing = new SharedArrayBuffer(4);
  const init: CommandInit = {
    role: 'vungtrang-command',
    argv,
    tty: { stdout: Boolean(process.stdout.isTTY), stderr: Boolean(process.stderr.isTTY) },
    writing,
  };
  // The bundle is one file (dist-cli/vungtrang.mjs): its entry (bin.ts) runs the command when it starts
  // as this worker.
  const worker = new Worker(new URL(import.meta.url), {
    workerData: init,
    resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
  });
  let stoppedBy: NodeJS.Signals | undefined;
  const flag = new Int32Array(writing);
  const onSignal = (signal: NodeJS.Signals): void => {
    if (Atomics.load(flag, 0) === 1 && stoppedBy === undefined) {
      stoppedBy = signal;
      worker.postMessage({ signal });
      return;
    }
    for (const s of SIGNALS) process.off(s, onSignal);
    process.kill(process.pid, signal);
  };
  for (const s of SIGNALS) process.on(s, onSignal);
  try {
    return await new Promise<number>((resolve) => {
      let code: number | undefined;
      worker.on('message', (m: FromCommand) => (code = m.exitCode));
      worker.on('error', (e) => {
        process.stderr.write(
          `error: ${e instanceof Error ? e.message : String(e)}\n` +
            'This looks like a bug in vungtrang; set VUNGTRANG_DEBUG=1 for details and report it.\n',
        );
        if (process.env.VUNGTRANG_DEBUG && e instanceof Error && e.stack)
          process.stderr.write(`${e.stack}\n`);
        code ??= EXIT_BUG;
      });
      worker.on('exit', (exitCode) => {
        if (stoppedBy !== undefined && code === undefined) {
          process.stderr.write(`\nvungtrang: stopped by ${stoppedBy}; the partial results were removed.\n`);
          resolve(EXIT_SIGNAL[stoppedBy as keyof typeof EXIT_SIGNAL]);
          return;
        }
        resolve(code ?? (exitCode === 0 ? EXIT_BUG : exitCode));
      });
    });
  } finally {
    for (const s of SIGNALS) process.off(s, onSignal);
  }
}

/**
 * The worker's side of {@link mainInThread}, run by the bundle's entry: the command line, writing to
 * this process's stdout and stderr (a terminal stays one for the progress line).
 *
 * @returns false when this thread was not started by {@link mainInThread}.
 */
export async function runCommandThread(): Promise<boolean> {
  const init = workerData as CommandInit | undefined;
  if (init?.role !== 'vungtrang-command' || !parentPort) return false;
  cleanUpOnSignals(new Int32Array(init.writing), parentPort);
  const code = await main(init.argv, {
    stdout: { isTTY: init.tty.stdout, write: (c: string) => process.stdout.write(c) },
    stderr: { isTTY: init.tty.stderr, write: (c: string) => process.stderr.write(c) },
  });
  const message: FromCommand = { exitCode: code };
  parentPort.postMessage(message);
  return true;
}
