/**
 * `npm run bench`: the engine on the shipped (or synthetic) province at 1×/4×/16×, the CLI's whole process
 * on the sample, what-if edits, and the naive Turf way side by side. It is built by Vite for Node (`--ssr`,
 * the bundling the app's worker gets) and run with plain `node`, so it times the engine as the app ships
 * it, not tsx's on-the-fly transform. Each section lives in its own `*.bench.ts` module and returns table
 * rows, so other sections (e.g. a browser load benchmark) can be added by importing them here.
 * BENCH_QUICK=1 runs fewer repetitions and skips the naive baseline; `--only a,b` runs the sections named.
 */
import { existsSync } from 'node:fs';
import { benchBrowserLoad } from './browser-load.bench.ts';
import { CHROMIUM } from '../e2e/browser.ts';
import { loadProvince } from './data.ts';
import { benchCli } from './cli.bench.ts';
import { benchResultCache } from './cache.bench.ts';
import { benchClipper } from './clipper.bench.ts';
import { benchEngine } from './engine.bench.ts';
import { benchIncremental } from './incremental.bench.ts';
import { benchMeasured } from './measured.bench.ts';
import { benchNational } from './national.bench.ts';
import { benchNaive } from './naive.bench.ts';
import { benchNationalBrowser } from './national-browser.bench.ts';
import { benchOperators } from './operators.bench.ts';
import { benchScenario } from './scenario.bench.ts';
import { fmtMs, peakRssMb, printTable } from './stats.ts';
import type { Row } from './stats.ts';

const quick = process.env.BENCH_QUICK === '1';
// `npm run bench -- --only national,cli`: only the sections named (engine, cli, operators, measured,
// what-if, scenario, clipping, naive, cache, browser, national, national-browser).
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt >= 0 ? new Set((process.argv[onlyAt + 1] ?? '').split(',')) : null;
const want = (section: string): boolean => !only || only.has(section);
const { layers, source } = loadProvince();
console.log(`Vùng Trắng bench — ${source}; Node ${process.version}; single thread\n`);
const rows: Row[] = [];
const engine = want('engine') || want('cli') || want('naive') ? benchEngine(layers, quick ? 3 : 5) : null;
if (engine && want('engine')) rows.push(...engine.rows);
if (engine && want('cli')) rows.push(...benchCli(quick ? 3 : 7, engine.coldMs));
if (want('operators')) rows.push(...benchOperators(layers, quick ? 3 : 7));
if (want('measured')) rows.push(...benchMeasured(layers, quick ? 3 : 7));
if (want('what-if')) rows.push(...benchIncremental(layers, quick ? 5 : 15));
if (want('scenario')) rows.push(...benchScenario(layers, quick ? 5 : 15));
if (want('clipping')) rows.push(...(await benchClipper(layers)));
if (engine && !quick && want('naive')) {
  const naive = benchNaive(layers);
  rows.push(...naive.rows);
  rows.push({
    section: 'ratio',
    measure: 'naive / engine (1×)',
    value: `${(naive.estimateMs / engine.medianMs).toFixed(0)}×`,
    note: `${fmtMs(naive.estimateMs)} vs ${fmtMs(engine.medianMs)}; target ≥ 200×`,
  });
}
if (want('cache')) rows.push(...(await benchResultCache(layers, quick ? 3 : 5)));
// The page-load section drives the built app (npm run bench builds it first) in headless Chromium.
if (want('browser')) {
  if (existsSync(CHROMIUM) && existsSync('dist/index.html')) rows.push(...(await benchBrowserLoad()).rows);
  else console.log(`(browser load skipped: needs ${CHROMIUM} and a built dist/)`);
}
// The CLI at national size (32×), on 1 thread and on every core, beside the province (1×).
if (want('national')) rows.push(...benchNational(layers, quick ? 1 : 3));
// The national set imported through the app's dialog in headless Chromium (BENCH_NATIONAL_SCALE, default 32).
if (want('national') || want('national-browser')) {
  if (existsSync(CHROMIUM) && existsSync('dist/index.html')) {
    const scale = Number(process.env.BENCH_NATIONAL_SCALE ?? 32);
    rows.push(...(await benchNationalBrowser(layers, scale)));
  } else console.log(`(national browser pass skipped: needs ${CHROMIUM} and a built dist/)`);
}
rows.push({
  section: 'memory',
  measure: 'peak RSS of the whole run',
  value: `${peakRssMb().toFixed(0)} MB`,
  note: 'includes the 4× and 16× runs; the ≤ 500 MB target is for the province: see the 1× row',
});
printTable(rows);
