import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, inject } from 'vitest';
import { launch, open } from './browser.ts';

/**
 * A small page driver for the app (Maputnik's given/when/then style): tests say what the planner does,
 * the driver knows the selectors and how to wait for the app's states rather than for time.
 */
export const TIMEOUT = 90_000;

/** The browser, the page and its console errors of a test file (see `appForFile`). */
export interface AppPage {
  browser: Browser;
  page: Page;
  errors: string[];
}

/**
 * One browser with the app loaded for the tests of a file: opened before the first, closed after the
 * last. Read `page` and `errors` inside the tests (they are set once the app is ready).
 */
export function appForFile(): AppPage {
  const app = {} as AppPage;
  beforeAll(async () => {
    app.browser = await launch();
    const opened = await open(app.browser, inject('baseUrl'));
    app.page = opened.page;
    app.errors = opened.errors;
    await waitForApp(app.page);
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

export async function runAxe(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: 'node_modules/axe-core/axe.min.js' });
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
