import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = 'tests/e2e/screenshots';

/**
 * Headless Debian Chromium with the flags from design/MEASURED.md (SwiftShader WebGL, no background network).
 * Playwright's `launch` already gives each browser a fresh temporary profile and refuses --user-data-dir.
 */
export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
    ],
  });
}

export interface OpenOptions {
  width?: number;
  height?: number;
  locale?: string;
  context?: BrowserContext;
}

/** Opens a page and collects console errors and failed requests, so a test can assert there were none. */
export async function open(
  browser: Browser,
  url: string,
  opts: OpenOptions = {},
): Promise<{ page: Page; context: BrowserContext; errors: string[] }> {
  const context =
    opts.context ??
    (await browser.newContext({
      viewport: { width: opts.width ?? 1400, height: opts.height ?? 900 },
      locale: opts.locale ?? 'vi-VN',
      acceptDownloads: true,
    }));
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('requestfailed', (r) => errors.push(`requestfailed: ${r.url()}`));
  await reportCspViolations(page);
  await page.goto(url);
  return { page, context, errors };
}

/**
 * Makes every Content-Security-Policy violation on the page a console error (Chromium logs most of them
 * already; the event also catches those it does not), so a walk that asserts no errors asserts no violation.
 */
export async function reportCspViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || '(inline)'}`);
    });
  });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/** A fresh browser context as a planner has it: 1400 × 900 (or `size`), Vietnamese, downloads and clipboard. */
export async function plannerContext(
  browser: Browser,
  size = { width: 1400, height: 900 },
): Promise<BrowserContext> {
  return browser.newContext({
    viewport: size,
    locale: 'vi-VN',
    acceptDownloads: true,
    permissions: ['clipboard-read', 'clipboard-write'],
  });
}

/**
 * Page errors and console errors, except the browser's own favicon request (the app ships no favicon; that
 * 404 is not the app failing). Attach before the page loads to see load-time errors.
 */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico'))
      errors.push(`console: ${m.text()}`);
  });
  return errors;
}

/**
 * Resolves once the page's results database holds a result of `source` and its list (`hasSavedResult`),
 * polled every `everyMs`; rejects after `timeoutMs`.
 */
export async function waitForSavedResult(
  page: Page,
  source: 'imported' | 'sample',
  timeoutMs: number,
  everyMs: number,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await hasSavedResult(page, true, source))) {
    if (Date.now() > until) throw new Error(`the ${source} data’s result was never saved`);
    await page.waitForTimeout(everyMs);
  }
}

/**
 * Whether the page's results database holds a result of imported data (`vungtrang-results`), or with
 * `source` 'sample' one of the shipped sample, and with `withList` the list saved beside it (written after
 * the result: `store/persist/resultCache.ts`).
 */
export function hasSavedResult(
  page: Page,
  withList = false,
  source: 'imported' | 'sample' = 'imported',
): Promise<boolean> {
  // page.evaluate awaits the page's promise (waitForFunction would take the promise itself as true).
  return page.evaluate(
    ([withList, source]) =>
      new Promise<boolean>((resolve) => {
        const req = indexedDB.open('vungtrang-results');
        req.onerror = () => resolve(false);
        req.onsuccess = () => {
          const keys = req.result.transaction('results').objectStore('results').getAllKeys();
          keys.onsuccess = () => {
            const mine = keys.result
              .map(String)
              .filter((k) => k.includes('|imported|') === (source === 'imported'));
            resolve(mine.length > 0 && (!withList || mine.some((k) => k.startsWith('list|'))));
          };
          keys.onerror = () => resolve(false);
        };
      }),
    [withList, source] as const,
  );
}
