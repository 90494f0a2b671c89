import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, inject } from 'vitest';
import { launch, open } from './browser.ts';

/**
 * A small page driver for the app (Maputnik's given/when/then style): tests say what the planner does,
 * the driver knows the selectors and how to wait for the app's states rather than for time.
 */
export const TIMEOUT = 90_000;

/** The browser, the page, its context and its console errors of a test file (see `appForFile`). */
export interface AppPage {
  browser: Browser;
  page: Page;
  context: BrowserContext;
  errors: string[];
}

/**
 * One browser with the app loaded for the tests of a file: opened before the first, closed after the
 * last. Read `page` and `errors` inside the tests (they are set once the app is ready). `locale`: the
 * browser's (default Vietnamese); `lang`: the app's language, switched to once it is ready.
 */
export function appForFile(opts: { locale?: string; lang?: 'vi' | 'en' } = {}): AppPage {
  const app = {} as AppPage;
  beforeAll(async () => {
    app.browser = await launch();
    const opened = await open(app.browser, inject('baseUrl'), { locale: opts.locale });
    app.page = opened.page;
    app.context = opened.context;
    app.errors = opened.errors;
    await waitForApp(app.page);
    if (opts.lang) await app.page.evaluate((l) => window.__vt!.store.getState().setLang(l), opts.lang);
  }, TIMEOUT * 3);
  afterAll(async () => {
    await app.browser?.close();
  });
  return app;
}

/** Waits until the data is loaded, the first analysis has finished and the map has rendered. */
export async function waitForApp(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const vt = window.__vt;
      if (!vt) return false;
      const s = vt.store.getState();
      return s.dataStatus === 'ready' && s.result !== null && !s.running && vt.map.loaded();
    },
    undefined,
    // The first analysis of the whole province is the slow step on a busy 2-core machine.
    { timeout: TIMEOUT * 2, polling: 200 },
  );
  await waitForMapIdle(page);
}

/** Resolves when MapLibre has nothing left to load or animate. */
export async function waitForMapIdle(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const m = window.__vt?.map;
      return !!m && m.loaded() && !m.isMoving() && m.areTilesLoaded();
    },
    undefined,
    { timeout: TIMEOUT, polling: 100 },
  );
}

export async function waitForAnalysis(page: Page, afterRunId: number): Promise<void> {
  await page.waitForFunction(
    (id) => {
      const s = window.__vt?.store.getState();
      return !!s && s.runId > id && !s.running && s.result !== null;
    },
    afterRunId,
    { timeout: TIMEOUT, polling: 200 },
  );
}

const DIALOG = '[role="dialog"]';

/** Opens the Data menu and picks files with the "Import data…" file picker. */
export async function pickImportFiles(page: Page, paths: string[]): Promise<void> {
  await page.click('[data-testid="data-menu"]');
  await page.setInputFiles('[data-testid="import-file-input"]', paths);
  await page.waitForSelector(DIALOG);
}

/**
 * Check file → report → Import (English labels), then waits for the analysis of the new data and the map.
 * `onReport` sees the page with the report open (a screenshot). Returns the report's counts line.
 */
export async function checkAndImportFile(
  page: Page,
  onReport?: (page: Page) => Promise<unknown>,
): Promise<string> {
  await page.click(`${DIALOG} >> text=Check file`);
  await page.waitForSelector('[data-testid="import-counts"]', { timeout: TIMEOUT });
  const counts = (await page.textContent('[data-testid="import-counts"]')) ?? '';
  if (onReport) await onReport(page);
  const before = await page.evaluate(() => window.__vt!.store.getState().runId);
  await page.click(`${DIALOG} button.vt-primary`);
  await page.waitForSelector(DIALOG, { state: 'detached' });
  await waitForAnalysis(page, before);
  await waitForMapIdle(page);
  return counts;
}

export async function rowCountText(page: Page): Promise<string> {
  return (await page.textContent('[data-testid="ranking-count"]')) ?? '';
}

export async function visibleRowIds(page: Page): Promise<string[]> {
  return page.$$eval('[data-hamlet-id]', (els) => els.map((e) => e.getAttribute('data-hamlet-id') ?? ''));
}

/** Standard deviation of the canvas's pixel values: near zero means a blank (single-colour) map. */
export async function canvasSpread(page: Page): Promise<number> {
  const box = await page.locator('.vt-map canvas').boundingBox();
  if (!box) throw new Error('map canvas not found');
  const png = PNG.sync.read(await page.screenshot({ clip: box }));
  let sum = 0;
  let sumSq = 0;
  const n = png.width * png.height;
  for (let i = 0; i < png.data.length; i += 4) {
    const v = ((png.data[i] ?? 0) + (png.data[i + 1] ?? 0) + (png.data[i + 2] ?? 0)) / 3;
    sum += v;
    sumSq += v * v;
  }
  const mean = sum / n;
  return Math.sqrt(sumSq / n - mean * mean);
}

/** Vietnamese folding as a user would type it without diacritics. */
export function stripDiacritics(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core's source, evaluated through the DevTools protocol: the app's CSP refuses a script tag. */
const AXE_SOURCE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');

export async function runAxe(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target })),
    }));
  });
}

export interface Target {
  id: string;
  households: number;
  centre: [number, number];
}

/** The unserved hamlets with the most white households, with the centre of their polygon's box. */
export async function whiteHamlets(p: Page, n: number): Promise<Target[]> {
  return p.evaluate((count) => {
    const s = window.__vt!.store.getState();
    const features = new Map(s.input!.hamlets.features.map((f) => [f.properties.id, f]));
    return s
      .result!.hamlets.filter((h) => h.status === 'unserved' && h.classHouseholds.white > 50)
      .sort((a, b) => b.classHouseholds.white - a.classHouseholds.white)
      .slice(0, count)
      .map((h) => {
        const g = features.get(h.id)!.geometry;
        const ring = (g.type === 'Polygon' ? g.coordinates[0] : g.coordinates[0]![0])!;
        const xs = ring.map((q) => q[0]!);
        const ys = ring.map((q) => q[1]!);
        const centre: [number, number] = [
          (Math.min(...xs) + Math.max(...xs)) / 2,
          (Math.min(...ys) + Math.max(...ys)) / 2,
        ];
        return { id: h.id, households: h.households, centre };
      });
  }, n);
}

/** The planner clicks the map at a longitude/latitude, after centring the map there. */
export async function clickMapAt(p: Page, at: [number, number]): Promise<void> {
  await p.evaluate((c) => window.__vt!.map.jumpTo({ center: c, zoom: 12 }), at);
  await waitForMapIdle(p);
  const box = (await p.locator('.vt-map canvas').boundingBox())!;
  const px = await p.evaluate((c) => window.__vt!.map.project(c), at);
  await p.mouse.click(box.x + px.x, box.y + px.y);
}

export async function statusOf(p: Page, id: string): Promise<string | undefined> {
  return p.evaluate((h) => window.__vt!.store.getState().coverageById.get(h)?.status, id);
}

/** Waits until the scenario's edits have been measured (the worker answered for this edit count). */
export async function waitForScenario(p: Page, edits: number): Promise<void> {
  await p.waitForFunction(
    (n) => {
      const s = window.__vtScenario?.getState();
      return !!s && s.edits.length === n && !s.busy && (n === 0 ? s.delta === null : s.delta !== null);
    },
    edits,
    { timeout: TIMEOUT * 2, polling: 200 },
  );
}

/** Reads or writes idb-keyval's default database, where the app keeps settings, data and field reports. */
export function idb(p: Page, op: 'get' | 'put', key: string, value?: unknown): Promise<unknown> {
  return p.evaluate(
    ({ op, key, value }) =>
      new Promise((resolve, reject) => {
        const req = indexedDB.open('keyval-store');
        req.onupgradeneeded = () => req.result.createObjectStore('keyval');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const tx = req.result.transaction('keyval', op === 'get' ? 'readonly' : 'readwrite');
          const store = tx.objectStore('keyval');
          const r = op === 'get' ? store.get(key) : store.put(value, key);
          r.onsuccess = () => resolve(op === 'get' ? r.result : undefined);
          r.onerror = () => reject(r.error);
        };
      }),
    { op, key, value },
  );
}
