import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { collectErrors, launch, screenshot } from './browser.ts';
import { TIMEOUT, idb, waitForApp } from './driver.ts';

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
}, TIMEOUT);

afterAll(async () => {
  await browser?.close();
});

async function openApp(context: BrowserContext): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.goto(inject('baseUrl'));
  await waitForApp(page);
  return { page, errors };
}

const reportCount = (page: Page): Promise<number> =>
  page.evaluate(() => window.__vt!.store.getState().fieldReports.length);

/** How many reports this browser has saved (idb-keyval's database), read as a reload would read them. */
const savedReportCount = async (page: Page): Promise<number> => {
  const saved = (await idb(page, 'get', 'vungtrang:field-reports:v1')) as
    { reports?: { features?: unknown[] } } | undefined;
  return saved?.reports?.features?.length ?? 0;
};

/** Fills the open form: the result, a download speed and a note, then saves. */
async function fillAndSave(page: Page, result: string, down: string, note: string): Promise<void> {
  const form = page.locator('[data-testid="report-form"]');
  await form.waitFor({ timeout: TIMEOUT });
  await form.locator(`input[name="result"][value="${result}"]`).check();
  await form.getByLabel(/Tải xuống|Download/).fill(down);
  await form.getByLabel(/Ghi chú|Note/).fill(note);
  await form.locator('[data-testid="report-save"]').click();
  await form.waitFor({ state: 'detached', timeout: TIMEOUT });
}

describe('field reports', () => {
  it(
    'a report made by a map click stays after a reload and is exported as GeoJSON',
    async () => {
      const context = await browser.newContext({
        viewport: { width: 1400, height: 900 },
        locale: 'vi-VN',
        acceptDownloads: true,
      });
      const { page, errors } = await openApp(context);
      await page.click('[data-testid="report-pick-start"]');
      await page.locator('[data-testid="report-pick"]').waitFor();
      const box = (await page.locator('.vt-map canvas').boundingBox())!;
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      await fillAndSave(page, 'no_signal', '0,8', 'Đầu xóm không gọi được');
      expect(await reportCount(page)).toBe(1);
      // On the map through the layer plan, and in the legend.
      await page.waitForFunction(
        () => window.__vt!.map.querySourceFeatures('field-reports').length > 0,
        undefined,
        {
          timeout: TIMEOUT,
        },
      );
      const drawn = await page.evaluate(
        () => new Set(window.__vt!.map.querySourceFeatures('field-reports').map((f) => f.properties.id)).size,
      );
      expect(drawn).toBe(1);
      await expect(page.locator('[data-entry="report-no_signal"]').count()).resolves.toBe(1);
      await page.click('[data-tab="reports"]');
      await expect(page.locator('[data-testid="report-row"]').count()).resolves.toBe(1);
      await screenshot(page, 'field-report-desktop-vi');

      await expect.poll(() => savedReportCount(page), { timeout: TIMEOUT }).toBe(1);
      await page.reload();
      await waitForApp(page);
      await page.click('[data-tab="reports"]');
      await page.locator('[data-testid="report-row"]').waitFor({ timeout: TIMEOUT });
      expect(await page.textContent('[data-testid="report-row"]')).toContain('Đầu xóm không gọi được');

      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: TIMEOUT }),
        page.click('[data-testid="report-export"]'),
      ]);
      expect(download.suggestedFilename()).toMatch(/^field-reports-\d{4}-\d{2}-\d{2}\.geojson$/);
      const json = JSON.parse(readFileSync((await download.path())!, 'utf8')) as {
        type: string;
        features: {
          geometry: { type: string; coordinates: number[] };
          properties: Record<string, unknown>;
        }[];
      };
      expect(json.type).toBe('FeatureCollection');
      expect(json.features).toHaveLength(1);
      const f = json.features[0]!;
      expect(f.geometry.type).toBe('Point');
      expect(f.properties).toMatchObject({
        result: 'no_signal',
        download_mbps: 0.8,
        note: 'Đầu xóm không gọi được',
      });
      expect(typeof f.properties.id).toBe('string');
      expect(Number.isNaN(Date.parse(f.properties.time as string))).toBe(false);

      await page.evaluate(() => window.__vt!.store.getState().setLang('en'));
      await screenshot(page, 'field-report-desktop-en');
      expect(errors).toEqual([]);
      await context.close();
    },
    TIMEOUT * 4,
  );

  it(
    'on a phone, “Report here” records the GPS position, and a denied position offers the map',
    async () => {
      const context = await browser.newContext({
        viewport: { width: 390, height: 844 },
        locale: 'vi-VN',
        isMobile: true,
        hasTouch: true,
        geolocation: { latitude: 20.2461, longitude: 106.1683, accuracy: 12 },
        permissions: ['geolocation'],
      });
      const { page, errors } = await openApp(context);
      await page.click('[data-testid="report-here"]');
      await page.locator('[data-testid="report-form"]').waitFor({ timeout: TIMEOUT });
      await screenshot(page, 'field-report-phone-form-vi');
      await fillAndSave(page, 'weak', '3', 'Chỉ có 3G');
      const at = await page.evaluate(
        () => window.__vt!.store.getState().fieldReports[0]?.geometry.coordinates,
      );
      expect(at).toEqual([106.1683, 20.2461]);
      // The save is asynchronous (IndexedDB): reload once it is written, as a person would a moment later.
      await expect.poll(() => savedReportCount(page), { timeout: TIMEOUT }).toBe(1);
      await page.reload();
      await waitForApp(page);
      expect(await reportCount(page)).toBe(1);
      await page.click('[data-pane="layers"]');
      await page.click('[data-tab="reports"]');
      await page.locator('[data-testid="report-row"]').waitFor({ timeout: TIMEOUT });
      await screenshot(page, 'field-report-phone-list-vi');

      await context.clearPermissions();
      await page.click('[data-pane="map"]');
      await page.click('[data-testid="report-here"]');
      const problem = page.locator('.vt-report-here__problem');
      await problem.waitFor({ timeout: TIMEOUT });
      expect(await problem.textContent()).toMatch(/vị trí/);
      await page.evaluate(() => window.__vt!.store.getState().setLang('en'));
      await screenshot(page, 'field-report-phone-denied-en');
      expect(errors).toEqual([]);
      await context.close();
    },
    TIMEOUT * 4,
  );

  it(
    'after a first visit, with the network off, a reload opens the app on the sample and a report can be recorded',
    async () => {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'vi-VN' });
      const { page, errors } = await openApp(context);
      // The service worker registers after the first list and the map; it is active once the app is stored.
      // (Polled from here: waitForFunction takes the promise an async predicate returns as truthy.)
      await expect
        .poll(() => page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())?.active), {
          timeout: TIMEOUT,
          interval: 500,
        })
        .toBe(true);
      await context.setOffline(true);
      await page.reload();
      await waitForApp(page);
      const state = await page.evaluate(() => {
        const s = window.__vt!.store.getState();
        return { source: s.dataSource, hamlets: s.result?.hamlets.length ?? 0 };
      });
      expect(state.source).toBe('sample');
      expect(state.hamlets).toBeGreaterThan(100);
      await page.click('[data-testid="report-pick-start"]');
      const box = (await page.locator('.vt-map canvas').boundingBox())!;
      await page.mouse.click(box.x + box.width / 3, box.y + box.height / 2);
      await fillAndSave(page, 'ok', '', 'Ghi khi mất mạng');
      expect(await reportCount(page)).toBe(1);
      await screenshot(page, 'field-report-offline');
      expect(errors).toEqual([]);
      await context.close();
    },
    TIMEOUT * 4,
  );
});
