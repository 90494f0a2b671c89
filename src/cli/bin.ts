#!/usr/bin/env node
// The `vungtrang` executable: the entry of the CLI bundle (vite.cli.config.ts), and of its analysis
// threads (src/cli/threads.ts), which start the same file as a worker.
import { isMainThread } from 'node:worker_threads';
import { main } from './main.ts';
import { cleanUpOnSignals } from './output.ts';
import { runAnalysisThread } from './threads.ts';

if (isMainThread) {
  cleanUpOnSignals();
  process.exitCode = await main(process.argv.slice(2));
} else {
  await runAnalysisThread();
}
