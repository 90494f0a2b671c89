#!/usr/bin/env node
// The `vungtrang` executable: the entry of the CLI bundle (vite.cli.config.ts).
import { main } from './main.ts';
import { cleanUpOnSignals } from './output.ts';

cleanUpOnSignals();
process.exitCode = await main(process.argv.slice(2));
