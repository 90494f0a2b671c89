import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism as cores, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { InputLayers } from '../../src/analysis/types.ts';
import { launch, waitForSavedResult } from '../e2e/browser.ts';
import {
  INSTRUMENT,
  longestByCpu,
  servePreview,
  settle,
  TASK_CATEGORIES,
  type BenchWindow,
} from './browser-load.bench.ts';
import { tileProvince } from './data.ts';
import { writeSet } from './national.bench.ts';
import { progress, type Row } from './stats.ts';

/** The layers a user imports in one go; the rest of the app's roles are not part of the national set. */
const FILES = ['hamlets', 'fibre', 'sites'] as const;
const ZOOMS = [7, 10, 13];
const TIMEOUT = 1_800_000;

interface Pass {
  hamlets: number;
  /** Files picked → each checked (read, reprojected, validated in the import worker) → the summary. */
  checkMs: number;
  /** "Import 3 layers" → the ranked list of the imported data on screen (one analysis). */
  importMs: number;
  /** Longest main-thread task (wall, 'longtask') from the pick to the list. */
  longestTaskMs: number;
  /** Longest main-thread task by its own CPU time (traced) from "Import" to the list, and how many > 200 ms. */
  longestCpuMs: number;
  overBlockingByCpu: number;
  /** The list on screen → the map idle with the imported data drawn (polled every 100 ms). */
  listToMapMs: number;
  /** Map idle after a jump to each of `ZOOMS` (centre of the data), then a pan at the middle zoom. */
  zoomIdleMs: number[];
  panIdleMs: number;
  /** Reload → the first row of the imported data, and whether it came from the saved result. */
  reloadMs: number;
  fromCache: boolean;
  /** Reload → the layers read back and in the store (the map, exports, what-if can start). */
  reloadDataMs: number;
  /** Reload → the map idle with the layers drawn. */
  reloadMapMs: number;
  /** Longest main-thread task from the reload to the first row, and to the map idle. */
  reloadFirstLongestMs: number;
  reloadLongestMs: number;
  /** Resident memory of the browser's renderer processes (page and its workers) after the import. */
  rendererMb: number;
  /** A new ranking preset → the list ranked anew: after the import (the worker's session), after the reload. */
  presetMs: number;
  reloadPresetMs: number;
}

/**
 * The national set in the browser: the province tiled `scale` times (32: 89,088 hamlets) written as
 * GeoJSON, imported through the dialog as a user would (the three files chosen together, one analysis),
 * then the map's idle after zooms and a pan, a reload, and the renderers' memory; beside the same pass on
 * the province itself (1×). Needs the e2e build in dist/ (`npm run bench` builds it) for the store handle.
 */
export async function benchNationalBrowser(layers: InputLayers, scale = 32): Promise<Row[]> {
  const tmp = mkdtempSync(join(tmpdir(), 'vt-bench-national-browser-'));
  let server: ChildProcess | undefined;
  let browser: Browser | undefined;
  try {
    const one = join(tmp, 'x1');
    const big = join(tmp, `x${scale}`);
    writeSet(pick(layers), one);
    const [n, m] = scale === 32 ? [8, 4] : [Math.round(Math.sqrt(scale)), Math.round(Math.sqrt(scale))];
    writeSet(pick(tileProvince(layers, n, m)), big);
    let url: string;
    ({ url, server } = await servePreview());
    browser = await launch();
    await settle(browser);
    const base = await importPass(browser, url, one);
    const pass = await importPass(browser, url, big);
    const from = (p: Pass): string => (p.fromCache ? 'saved result' : 'analysed again');
    const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
    const label = `${scale}× (${pass.hamlets.toLocaleString('en')} hamlets)`;
    return [
      progress({
        section: 'national',
        measure: `browser ${label}: 3 files picked → each checked → summary`,
        value: s(pass.checkMs),
        note: `1×: ${s(base.checkMs)}; with the test driver's clicks (each waits for its button)`,
      }),
      {
        section: 'national',
        measure: `browser ${label}: "Import 3 layers" → ranked list (one analysis)`,
        value: s(pass.importMs),
        note: `1×: ${s(base.importMs)}; whole import ${s(pass.checkMs + pass.importMs)} (1×: ${s(base.checkMs + base.importMs)}); target ≤ 15 s${cores() < 3 ? '; split on two cores, as the browser tests’ build does (the app analyses on one worker there)' : ''}`,
      },
      {
        section: 'national',
        measure: `browser ${label}: ranked list → map idle`,
        value: s(pass.listToMapMs),
        note: `1×: ${s(base.listToMapMs)}; target ≤ 5 s; upper bound (polled every 100 ms)`,
      },
      {
        section: 'national',
        measure: `browser ${label}: longest main-thread task, pick → list`,
        value: `${pass.longestTaskMs.toFixed(0)} ms`,
        note: `1×: ${base.longestTaskMs.toFixed(0)} ms; target ≤ 200 ms (wall time: includes waits for a core)`,
      },
      {
        section: 'national',
        measure: `browser ${label}: longest main-thread task by its own CPU, "Import" → list`,
        value: `${pass.longestCpuMs.toFixed(0)} ms`,
        note: `1×: ${base.longestCpuMs.toFixed(0)} ms; tasks over 200 ms of CPU: ${pass.overBlockingByCpu} (1×: ${base.overBlockingByCpu}); traced`,
      },
      ...ZOOMS.map((z, i) => ({
        section: 'national',
        measure: `browser ${label}: jump to zoom ${z} → map idle`,
        value: s(pass.zoomIdleMs[i] ?? NaN),
        note: `1×: ${s(base.zoomIdleMs[i] ?? NaN)}; target ≤ 1 s`,
      })),
      {
        section: 'national',
        measure: `browser ${label}: pan at zoom ${ZOOMS[1]} → map idle`,
        value: s(pass.panIdleMs),
        note: `1×: ${s(base.panIdleMs)}; target ≤ 1 s`,
      },
      {
        section: 'national',
        measure: `browser ${label}: reload → first row`,
        value: s(pass.reloadMs),
        note: `${from(pass)} (1×: ${s(base.reloadMs)}, ${from(base)}); target ≤ 3 s`,
      },
      {
        section: 'national',
        measure: `browser ${label}: longest main-thread task, reload → first row`,
        value: `${pass.reloadFirstLongestMs.toFixed(0)} ms`,
        note: `1×: ${base.reloadFirstLongestMs.toFixed(0)} ms; target ≤ 200 ms`,
      },
      {
        section: 'national',
        measure: `browser ${label}: reload → layers read back`,
        value: s(pass.reloadDataMs),
        note: `1×: ${s(base.reloadDataMs)}; the map, exports and what-if start from here`,
      },
      {
        section: 'national',
        measure: `browser ${label}: reload → map idle`,
        value: s(pass.reloadMapMs),
        note: `1×: ${s(base.reloadMapMs)}; upper bound (polled every 100 ms)`,
      },
      {
        section: 'national',
        measure: `browser ${label}: longest main-thread task, reload → map idle`,
        value: `${pass.reloadLongestMs.toFixed(0)} ms`,
        note: `1×: ${base.reloadLongestMs.toFixed(0)} ms; target ≤ 200 ms`,
      },
      {
        section: 'national',
        measure: `browser ${label}: new ranking preset → list`,
        value: s(pass.presetMs),
        note: `1×: ${s(base.presetMs)}; ranked again in the worker's session, no analysis (with the 250 ms pause for further changes)`,
      },
      {
        section: 'national',
        measure: `browser ${label}: after the reload, new ranking preset → list`,
        value: s(pass.reloadPresetMs),
        note: `1×: ${s(base.reloadPresetMs)}; the saved result ranked again on the page`,
      },
      {
        section: 'national',
        measure: `browser ${label}: renderer memory after the import`,
        value: `${pass.rendererMb.toFixed(0)} MB`,
        note: `1×: ${base.rendererMb.toFixed(0)} MB; target ≤ 1.5 GB`,
      },
    ];
  } finally {
    await browser?.close();
    server?.kill();
    rmSync(tmp, { recursive: true, force: true });
  }
}

function pick(layers: InputLayers): InputLayers {
  return { hamlets: layers.hamlets, fibre: layers.fibre, sites: layers.sites };
}

/** One fresh context: the sample, then the files of `dir` imported together, zooms, a pan, a reload. */
async function importPass(browser: Browser, url: string, dir: string): Promise<Pass> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'en-GB' });
  try {
    await context.addInitScript(INSTRUMENT);
    const page = await context.newPage();
    await page.goto(url);
    await waitFor(page, () => (window as unknown as BenchWindow).__bench.firstRow !== null);
    await waitFor(page, () => window.__vt !== undefined && !window.__vt.store.getState().running);
    await page.evaluate(() => window.__vt!.store.getState().setLang('en'));
    const before = await page.evaluate(() => ({
      runId: window.__vt!.store.getState().runId,
      t: performance.now(),
    }));
    await page.setInputFiles(
      '[data-testid="import-file-input"]',
      FILES.map((f) => join(dir, `${f}.geojson`)),
    );
    for (let i = 0; i < FILES.length; i++) {
      await page.locator('[role="dialog"] >> text=Check file').click({ timeout: TIMEOUT });
      await page.locator('[role="dialog"] button.vt-primary >> text=/^Add /').click({ timeout: TIMEOUT });
    }
    const importAll = page.locator('[role="dialog"] button.vt-primary >> text=/^Import \\d+ layers$/');
    await importAll.waitFor({ timeout: TIMEOUT });
    const checkedAt = await page.evaluate(() => performance.now());
    // Traced from the click to the list: each task's own CPU time, which on a loaded machine the wall
    // time ('longtask') hides behind waits for a core.
    await browser.startTracing(page, { categories: TASK_CATEGORIES });
    await importAll.click();
    await waitFor(
      page,
      (runId) => {
        const s = window.__vt!.store.getState();
        return s.dataSource === 'imported' && s.runId > runId && !s.running && s.result !== null;
      },
      before.runId,
    );
    await waitFor(page, () => document.querySelector('[data-hamlet-id]') !== null);
    const imported = await page.evaluate(
      ([t0, t1]) => {
        const b = (window as unknown as BenchWindow).__bench;
        return {
          checkMs: t1 - t0,
          ms: performance.now() - t1,
          at: performance.now(),
          longest: Math.max(0, ...b.longtasks.filter(([s]) => s >= t0).map(([, d]) => d)),
          hamlets: window.__vt!.store.getState().result?.hamlets.length ?? 0,
        };
      },
      [before.t, checkedAt] as const,
    );
    const traced = longestByCpu(await browser.stopTracing());
    const listAt = imported.at;
    await idle(page);
    const listToMapMs = (await page.evaluate(() => performance.now())) - listAt;
    const zoomIdleMs: number[] = [];
    for (const zoom of ZOOMS) zoomIdleMs.push(await idleAfter(page, `jump:${zoom}`));
    const panIdleMs = await idleAfter(page, `pan:${ZOOMS[1]}`);
    const rendererMb = await rendererMemoryMb(browser);
    const presetMs = await presetToList(page, 'commercial');
    // The saved result and then its list are written when the page is next idle (encoded in slices:
    // seconds at 32×): wait until both are there, as a user coming back later would find them (the
    // Commercial one, which replaces the first).
    await savedWith(page, '"preset":"commercial"');
    await waitForSavedResult(page, 'imported', TIMEOUT, 1000);
    await page.reload();
    // The layers in the store (seen by a poll every 50 ms, or at the end of the task that set them),
    // polled from the reload on: before or after the first row.
    const [dataAt] = await Promise.all([
      page.waitForFunction(
        () => (window.__vt?.store.getState().input ? performance.now() : false),
        undefined,
        { timeout: TIMEOUT, polling: 50 },
      ),
      waitFor(page, () => (window as unknown as BenchWindow).__bench.firstRow !== null),
    ]);
    const dataMs = (await dataAt.jsonValue()) as number;
    await idle(page);
    const reloaded = await page.evaluate(() => {
      const b = (window as unknown as BenchWindow).__bench;
      return {
        ms: b.firstRow ?? NaN,
        fromCache: window.__vt?.store.getState().lastRunFrom === 'cache',
        mapMs: performance.now(),
        longest: Math.max(0, ...b.longtasks.map(([, d]) => d)),
        // Tasks that began before the first row was seen (the one that drew it included).
        firstLongest: Math.max(0, ...b.longtasks.filter(([t]) => t < (b.firstRow ?? 0)).map(([, d]) => d)),
      };
    });
    // The worker holds no session after the reload: the page ranks the saved result again.
    const reloadPresetMs = await presetToList(page, 'equity');
    return {
      hamlets: imported.hamlets,
      checkMs: imported.checkMs,
      importMs: imported.ms,
      longestTaskMs: imported.longest,
      longestCpuMs: traced.longestCpuMs,
      overBlockingByCpu: traced.overBlockingByCpu,
      listToMapMs,
      zoomIdleMs,
      panIdleMs,
      reloadMs: reloaded.ms,
      fromCache: reloaded.fromCache,
      reloadDataMs: dataMs,
      reloadMapMs: reloaded.mapMs,
      reloadFirstLongestMs: reloaded.firstLongest,
      reloadLongestMs: reloaded.longest,
      rendererMb,
      presetMs,
      reloadPresetMs,
    };
  } finally {
    await context.close();
  }
}

/** The ranking preset chosen in the settings panel → the list ranked anew (no analysis). */
async function presetToList(page: Page, preset: 'equity' | 'commercial'): Promise<number> {
  await page.click('[data-tab="settings"]');
  const before = await page.evaluate(() => ({
    runId: window.__vt!.store.getState().runId,
    t: performance.now(),
  }));
  await page.selectOption('[data-testid="setting-preset"]', preset);
  await waitFor(
    page,
    (runId) => {
      const s = window.__vt!.store.getState();
      return s.runId > runId && !s.running && s.result !== null && s.rows.length > 0;
    },
    before.runId,
  );
  const ms = (await page.evaluate(() => performance.now())) - before.t;
  await page.click('[data-tab="layers"]');
  return ms;
}

/** Waits until the result saved in this browser is one whose key holds `fragment` (its settings). */
async function savedWith(page: Page, fragment: string): Promise<void> {
  const has = (): Promise<boolean> =>
    page.evaluate(
      (f) =>
        new Promise<boolean>((resolve) => {
          const req = indexedDB.open('vungtrang-results');
          req.onerror = () => resolve(false);
          req.onsuccess = () => {
            const keys = req.result.transaction('results').objectStore('results').getAllKeys();
            keys.onsuccess = () => resolve(keys.result.map(String).some((k) => k.includes(f)));
            keys.onerror = () => resolve(false);
          };
        }),
      fragment,
    );
  const until = Date.now() + TIMEOUT;
  while (!(await has())) {
    if (Date.now() > until) throw new Error(`no saved result with ${fragment}`);
    await page.waitForTimeout(500);
  }
}

async function waitFor(page: Page, fn: (arg: number) => boolean, arg = 0): Promise<void> {
  await page.waitForFunction(fn, arg, { timeout: TIMEOUT, polling: 100 });
}

async function idle(page: Page): Promise<void> {
  await waitFor(page, () => {
    const m = window.__vt?.map;
    return !!m && m.loaded() && !m.isMoving() && m.areTilesLoaded();
  });
}

/** Moves the map (`jump:Z` to zoom Z at the centre of the data, `pan:Z` by 300×200 px) → its next idle. */
async function idleAfter(page: Page, move: string): Promise<number> {
  return page.evaluate(
    (move) =>
      new Promise<number>((resolve) => {
        const map = window.__vt!.map;
        const features = window.__vt!.store.getState().input?.hamlets.features ?? [];
        const t0 = performance.now();
        map.once('idle', () => resolve(performance.now() - t0));
        const [kind, z] = move.split(':');
        if (kind === 'pan') {
          map.jumpTo({ zoom: Number(z) });
          map.panBy([300, 200], { animate: false });
          return;
        }
        // A corner of the file's middle hamlet is as good a centre as any: the data is tiled.
        const g = features[Math.floor(features.length / 2)]?.geometry;
        const ring = g?.type === 'Polygon' ? g.coordinates[0] : g?.coordinates[0]?.[0];
        const centre = (ring?.[0] ?? map.getCenter().toArray()) as [number, number];
        map.jumpTo({ zoom: Number(z), center: centre });
      }),
    move,
  );
}

/** RSS of the browser's renderer processes (the page and its workers live there), from /proc. */
async function rendererMemoryMb(browser: Browser): Promise<number> {
  const cdp = await browser.newBrowserCDPSession();
  try {
    const info = (await cdp.send('SystemInfo.getProcessInfo')) as {
      processInfo: { id: number; type: string }[];
    };
    let kb = 0;
    for (const p of info.processInfo.filter((p) => p.type === 'renderer')) {
      try {
        const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p.id}/status`, 'utf8'));
        kb += Number(m?.[1] ?? 0);
      } catch {
        // The process ended meanwhile.
      }
    }
    return kb / 1024;
  } finally {
    await cdp.detach();
  }
}
