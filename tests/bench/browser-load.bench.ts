import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import type { Browser } from 'playwright-core';
import { launch, open, waitForSavedResult } from '../e2e/browser.ts';
import type { Row } from './stats.ts';

export interface BrowserLoadReport {
  /** Navigation start → the first row of the ranked list on screen: the median of `LOADS` first visits. */
  firstListMs: number;
  /** Every first visit's time, in order. */
  firstListAllMs: number[];
  /** Navigation start → the map's first `idle` with hamlets drawn: the median of the same visits. */
  mapIdleMs: number;
  /** Where the first visits' result came from (`lastRunFrom`: 'shipped' when the build computed it). */
  firstFrom: string;
  /** First visits of a link with one other setting, which the browser analyses: median first list. */
  analysedListMs: number;
  /** The first of those visits: navigation start → map idle. */
  analysedMapIdleMs: number;
  /** The analysis run in the worker, as the app measured it (the first analysed visit). */
  analysisMs: number;
  /** The analysed visit reloaded: the last result comes from IndexedDB instead of a new analysis. */
  revisitListMs: number;
  /** Longest main-thread task seen (PerformanceObserver 'longtask'), and how many were over 200 ms. */
  longestTaskMs: number;
  /** Longest main-thread task overlapping the analysis run (from the page's marks), worst of the loads. */
  longestDuringRunMs: number;
  tasksOver200Ms: number;
  /** A traced visit (after the others): its longest task by the clock and by the main thread's own CPU. */
  traced: TracedLoad;
  rows: Row[];
}

export interface TracedLoad {
  longestWallMs: number;
  /** The main thread's CPU time within the task longest by the clock. */
  longestWallCpuMs: number;
  /** The most CPU the main thread spent in any one task. */
  longestCpuMs: number;
  overBlockingByClock: number;
  overBlockingByCpu: number;
}

const TARGET_LIST_MS = 2000;
const TARGET_MAP_IDLE_MS = 4000;
const TARGET_REVISIT_MS = 3000;
const BLOCKING_MS = 200;
/**
 * First visits measured (each in a fresh browser context: empty cache and IndexedDB). Seven, not three:
 * on this two-core VM single visits of one build spread over ±0.35 s within minutes, and a median of three
 * moved by as much from run to run.
 */
const LOADS = 7;
/** First visits of a link with other settings, analysed in the browser. */
const ANALYSED_LOADS = 3;
/** How long a fresh browser is left to start up before the first visit (see `settle`). */
const SETTLE_MS = 4000;

/** Records, inside the page, when the first ranked row appears and every long task. */
export const INSTRUMENT = `
  window.__bench = { longtasks: [], firstRow: null };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__bench.longtasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
  new MutationObserver((_, obs) => {
    if (document.querySelector('[data-hamlet-id]')) {
      window.__bench.firstRow = performance.now();
      obs.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
`;

export interface BenchWindow {
  /** [start, duration] of every long task, ms since navigation. */
  __bench: { longtasks: [number, number][]; firstRow: number | null };
}

/**
 * Page load → first ranked list, and the longest main-thread task, in headless Chromium against the
 * built app: the median of `LOADS` first visits, each in a fresh context. Give it a served URL, or it serves
 * the existing dist/ with `vite preview` in a child process, as `npm start` does (it never builds): served
 * from this process, the files would wait on the same event loop as the browser driver.
 * Targets: list ≤ 3 s; no task blocking the main thread > 200 ms.
 *
 * @example const report = await benchBrowserLoad(); printTable(report.rows);
 */
export async function benchBrowserLoad(url?: string): Promise<BrowserLoadReport> {
  let server: ChildProcess | undefined;
  if (!url) ({ url, server } = await servePreview());
  const browser = await launch();
  try {
    await settle(browser);
    const loads: Load[] = [];
    for (let i = 0; i < LOADS; i++) loads.push(await firstVisit(browser, url, true));
    const idles = loads.map((l) => l.mapIdleMs);
    const mapIdleMs = median(idles);
    const lists = loads.map((l) => l.firstListMs);
    const firstListMs = median(lists);
    const longestTaskMs = Math.max(...loads.map((l) => l.longestTaskMs));
    const tasksOver200Ms = Math.max(...loads.map((l) => l.tasksOver200Ms));
    const froms = [...new Set(loads.map((l) => l.from))].join(', ');
    // A shared link with one other setting: the browser analyses the sample, as every first visit did
    // before the build shipped the sample's result.
    const link = await otherSettingsLink(browser, url);
    const analysed: Load[] = [];
    for (let i = 0; i < ANALYSED_LOADS; i++) analysed.push(await firstVisit(browser, link, i === 0, true));
    const firstAnalysed = analysed[0] as Load;
    const analysedLists = analysed.map((l) => l.firstListMs);
    const analysedListMs = median(analysedLists);
    const longestDuringRunMs = Math.max(...[...loads, ...analysed].map((l) => l.longestDuringRunMs));
    const runs = [...loads, ...analysed].reduce((n, l) => n + l.runs, 0);
    const traced = await tracedVisit(browser, url);
    const rows: Row[] = [
      {
        section: 'browser',
        measure: `page load → first ranked list (median of ${LOADS})`,
        value: `${(firstListMs / 1000).toFixed(2)} s`,
        note: `target ≤ ${TARGET_LIST_MS / 1000} s${firstListMs <= TARGET_LIST_MS ? '' : ' — MISSED'}; result: ${froms}; each: ${lists
          .map((v) => (v / 1000).toFixed(2))
          .join(', ')} s`,
      },
      {
        section: 'browser',
        measure: `page load → map idle (median of ${LOADS})`,
        value: `${(mapIdleMs / 1000).toFixed(2)} s`,
        note: `target ≤ ${TARGET_MAP_IDLE_MS / 1000} s${mapIdleMs <= TARGET_MAP_IDLE_MS ? '' : ' — MISSED'}; each: ${idles
          .map((v) => (v / 1000).toFixed(2))
          .join(', ')} s`,
      },
      {
        section: 'browser',
        measure: `a link with other settings (analysed here): page load → first ranked list (median of ${ANALYSED_LOADS})`,
        value: `${(analysedListMs / 1000).toFixed(2)} s`,
        note: `each: ${analysedLists.map((v) => (v / 1000).toFixed(2)).join(', ')} s; analysis in the worker ${(
          firstAnalysed.analysisMs / 1000
        ).toFixed(2)} s`,
      },
      {
        section: 'browser',
        measure: 'a link with other settings: page load → map idle',
        value: `${(firstAnalysed.mapIdleMs / 1000).toFixed(2)} s`,
        note: '',
      },
      {
        section: 'browser',
        measure: 'revisit of that link → first ranked list (cached result)',
        value: `${(firstAnalysed.revisitListMs / 1000).toFixed(2)} s`,
        note: `target ≤ ${TARGET_REVISIT_MS / 1000} s${firstAnalysed.revisitListMs <= TARGET_REVISIT_MS ? '' : ' — MISSED'}`,
      },
      {
        section: 'browser',
        measure: 'longest main-thread task while the analysis runs',
        value: `${longestDuringRunMs.toFixed(0)} ms`,
        note: `worst of ${runs} run(s); target: none > ${BLOCKING_MS} ms${longestDuringRunMs > BLOCKING_MS ? ' — MISSED' : ''}`,
      },
      {
        section: 'browser',
        measure: 'longest main-thread task, whole load',
        value: `${longestTaskMs.toFixed(0)} ms`,
        note: `${tasksOver200Ms} task(s) > ${BLOCKING_MS} ms${tasksOver200Ms === 0 ? '' : ' — blocking'}`,
      },
      {
        section: 'browser',
        measure: 'longest main-thread task by its own CPU (traced visit)',
        value: `${traced.longestCpuMs.toFixed(0)} ms`,
        note:
          `longest by the clock ${traced.longestWallMs.toFixed(0)} ms (CPU ${traced.longestWallCpuMs.toFixed(0)} ms); ` +
          `tasks > ${BLOCKING_MS} ms: ${traced.overBlockingByClock} by the clock, ${traced.overBlockingByCpu} by CPU ` +
          '(the rest wait for a core or on the GPU process)',
      },
    ];
    return {
      firstListMs,
      firstListAllMs: lists,
      mapIdleMs,
      firstFrom: froms,
      analysedListMs,
      analysedMapIdleMs: firstAnalysed.mapIdleMs,
      analysisMs: firstAnalysed.analysisMs,
      revisitListMs: firstAnalysed.revisitListMs,
      longestTaskMs,
      longestDuringRunMs,
      tasksOver200Ms,
      traced,
      rows,
    };
  } finally {
    await browser.close();
    server?.kill();
  }
}

/** Serves the existing dist/ with `vite preview` in a child process, as `npm start` does (it never builds). */
export async function servePreview(): Promise<{ url: string; server: ChildProcess }> {
  if (!existsSync('dist/index.html'))
    throw new Error('dist/ is missing: run `npm run build` before the browser bench');
  const port = await freePort();
  const server = spawn(
    process.execPath,
    [
      'node_modules/vite/bin/vite.js',
      'preview',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--strictPort',
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const url = `http://127.0.0.1:${port}/`;
  await waitForServer(url, server);
  return { url, server };
}

/**
 * Lets a freshly launched Chromium finish starting up before the first visit: with its first window it
 * loads its own omnibox and search-box pages (~300 chrome:// modules in WebUI renderers, seen in a trace
 * from 0 to ~2.4 s), which took the two cores from the first measured visit only (always the slowest of
 * the visits). A user's browser is past that when they open the app; each visit still starts cold, in a
 * context of its own (empty cache and IndexedDB).
 */
export async function settle(browser: Browser): Promise<void> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('about:blank');
  await page.waitForTimeout(SETTLE_MS);
  await context.close();
}

/**
 * One visit's figures (map idle and revisit are NaN unless measured); `runs`: analysis runs it saw; `from`:
 * where its result came from.
 */
interface Load {
  firstListMs: number;
  mapIdleMs: number;
  analysisMs: number;
  revisitListMs: number;
  longestTaskMs: number;
  longestDuringRunMs: number;
  tasksOver200Ms: number;
  runs: number;
  from: string;
}

/** The sample's link with one setting other than the default (the fibre radius at 800 m), from the app. */
async function otherSettingsLink(browser: Browser, url: string): Promise<string> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'vi-VN' });
  try {
    const { page } = await open(browser, url, { context });
    await page.waitForSelector('[data-hamlet-id]', { timeout: 300_000 });
    await page.click('[data-tab="settings"]');
    await page.fill('[data-testid="setting-fibre-radius"]', '800');
    await page.waitForFunction(() => new URLSearchParams(location.search).has('s'), undefined, {
      timeout: 60_000,
    });
    return page.url();
  } finally {
    await context.close();
  }
}

/**
 * One first visit in a fresh context; `full` also waits for the map, and with `revisit` measures a reload
 * once the result is saved.
 */
async function firstVisit(browser: Browser, url: string, full: boolean, revisit = false): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'vi-VN' });
  try {
    await context.addInitScript(INSTRUMENT);
    const { page } = await open(browser, url, { context });
    await page.waitForFunction(
      () => (window as unknown as BenchWindow).__bench.firstRow !== null,
      undefined,
      {
        timeout: 300_000,
        polling: 50,
      },
    );
    // The map (and MapLibre's code) starts after the first list: wait for it to exist.
    await page.waitForFunction(() => window.__vt !== undefined, undefined, { timeout: 300_000, polling: 50 });
    const mapIdleMs = full
      ? await page.evaluate(
          () =>
            new Promise<number>((resolve) => {
              const map = window.__vt!.map;
              if (map.loaded() && !map.isMoving()) resolve(performance.now());
              else map.once('idle', () => resolve(performance.now()));
            }),
        )
      : NaN;
    const m = await page.evaluate(() => ({
      ...(window as unknown as BenchWindow).__bench,
      analysisMs: window.__vt!.store.getState().lastRunMs ?? NaN,
      from: String(window.__vt!.store.getState().lastRunFrom),
      // The runner marks each run's start and end on the page (src/store/runner.ts).
      runs: performance
        .getEntriesByType('mark')
        .filter((e) => e.name.startsWith('vt:run-'))
        .map((e) => [e.name, e.startTime] as [string, number]),
    }));
    const firstListMs = m.firstRow ?? NaN;
    let revisitListMs = NaN;
    if (full && revisit) {
      // The revisit measures the saved result: reload once it and its list are written (after the map's
      // first idle, then when the page is idle).
      await waitForSavedResult(page, 'sample', 60_000, 250);
      await page.reload();
      await page.waitForFunction(
        () => (window as unknown as BenchWindow).__bench.firstRow !== null,
        undefined,
        {
          timeout: 300_000,
          polling: 50,
        },
      );
      revisitListMs = await page.evaluate(() => (window as unknown as BenchWindow).__bench.firstRow ?? NaN);
    }
    const longestTaskMs = Math.max(0, ...m.longtasks.map(([, d]) => d));
    const tasksOver200Ms = m.longtasks.filter(([, d]) => d > BLOCKING_MS).length;
    // "Never blocked by the analysis": long tasks that overlap a run, from its start mark to its end mark.
    const windows = m.runs
      .filter(([n]) => n.startsWith('vt:run-start:'))
      .map(([n, start]) => {
        const end = m.runs.find(([e]) => e === n.replace('start', 'end'))?.[1] ?? Infinity;
        return [start, end] as const;
      });
    const duringRun = m.longtasks.filter(([s, d]) => windows.some(([a, b]) => s < b && s + d > a));
    const longestDuringRunMs = Math.max(0, ...duringRun.map(([, d]) => d));
    return {
      firstListMs,
      mapIdleMs,
      analysisMs: m.analysisMs,
      revisitListMs,
      longestTaskMs,
      longestDuringRunMs,
      tasksOver200Ms,
      runs: windows.length,
      from: m.from,
    };
  } finally {
    await context.close();
  }
}

/** Chrome trace events of the kind the visit's tasks are read from. */
interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

const wall = (e: TraceEvent): number => (e.dur ?? 0) / 1000;
const cpu = (e: TraceEvent): number => (e.tdur ?? 0) / 1000;

/** The renderers' main-thread tasks of a Chrome trace (`devtools.timeline`), each with its wall and CPU time. */
function mainThreadTasks(buffer: Buffer): TraceEvent[] {
  const parsed = JSON.parse(buffer.toString('utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
  const mainThreads = new Set(
    events
      .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  return events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && mainThreads.has(`${e.pid}:${e.tid}`));
}

/** The longest main-thread task by its own CPU time in a Chrome trace, and how many took over 200 ms of it. */
export function longestByCpu(buffer: Buffer): { longestCpuMs: number; overBlockingByCpu: number } {
  const tasks = mainThreadTasks(buffer);
  return {
    longestCpuMs: Math.max(0, ...tasks.map(cpu)),
    overBlockingByCpu: tasks.filter((e) => cpu(e) > BLOCKING_MS).length,
  };
}

/** Trace categories for a task's wall and CPU time. */
export const TASK_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline'];

/**
 * One more first visit, traced (`devtools.timeline`), up to map idle: each main-thread task's wall time and
 * the thread's own CPU time in it. The 'longtask' entries above count wall time, which on a busy two-core
 * machine with software WebGL includes waiting for a core and for the GPU process.
 */
async function tracedVisit(browser: Browser, url: string): Promise<TracedLoad> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'vi-VN' });
  try {
    const page = await context.newPage();
    await browser.startTracing(page, { categories: TASK_CATEGORIES });
    await page.goto(url);
    await page.waitForFunction(
      () => {
        const m = window.__vt?.map;
        return !!m && m.loaded() && !m.isMoving() && document.querySelector('[data-hamlet-id]') !== null;
      },
      undefined,
      { timeout: 300_000, polling: 100 },
    );
    const tasks = mainThreadTasks(await browser.stopTracing());
    const longest = tasks.reduce<TraceEvent | null>((a, e) => (!a || wall(e) > wall(a) ? e : a), null);
    return {
      longestWallMs: longest ? wall(longest) : 0,
      longestWallCpuMs: longest ? cpu(longest) : 0,
      longestCpuMs: Math.max(0, ...tasks.map(cpu)),
      overBlockingByClock: tasks.filter((e) => wall(e) > BLOCKING_MS).length,
      overBlockingByCpu: tasks.filter((e) => cpu(e) > BLOCKING_MS).length,
    };
  } finally {
    await context.close();
  }
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

/** A port nothing listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** Polls the URL until the server answers (or exits). */
async function waitForServer(url: string, child: ChildProcess): Promise<void> {
  const until = Date.now() + 30_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`vite preview exited with code ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`vite preview did not answer at ${url} within 30 s`);
}
