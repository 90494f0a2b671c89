#!/usr/bin/env node
// The `vungtrang` executable: the entry of the CLI bundle (vite.cli.config.ts). The main thread keeps the
// signals and runs the command line in a worker thread with a larger young generation
// (src/cli/commandThread.ts); the analysis threads (src/cli/threads.ts) start the same file too.
import { isMainThread } from 'node:worker_threads';
import { mainInThread, runCommandThread } from './commandThread.ts';
import { runAnalysisThread } from './threads.ts';

if (isMainThread) process.exitCode = await mainInThread(process.argv.slice(2));
else if (!(await runCommandThread())) await runAnalysisThread();
