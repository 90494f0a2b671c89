import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { Browser, BrowserContext, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { decodeView } from '../../src/store/share/codec.ts';
import { readXlsx } from '../fixtures/xlsx/readXlsx.ts';
import { collectErrors, launch, open, plannerContext, screenshot } from './browser.ts';
import {
  clickMapAt,
  statusOf,
  TIMEOUT,
  waitForApp,
  waitForMapIdle,
  waitForScenario,
  whiteHamlets,
  type Target,
} from './driver.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const newContext = (size?: { width: number; height: number }): Promise<BrowserContext> =>
  plannerContext(browser, size);

/** What the page says about the plan, everywhere it says it. */
async function planOnScreen(page: Page) {
  return {
    header: await page.getAttribute('[data-testid="plan-switch"]', 'data-plan'),
    pressed: await page.textContent('[data-testid="plan-switch"] button[aria-pressed="true"]'),
    list: await page.textContent('[data-testid="ranking-plan"]'),
    legend: await page.textContent('.vt-legend [data-testid="legend-plan"]'),
  };
}

/** The plan named the same in the header (switch and pressed button), the list's title and the legend. */
const everywhere = (header: string, text: string) => ({ header, pressed: text, list: text, legend: text });

/** The plan is settled: the numbers on screen are the chosen plan's (no scenario still being measured). */
async function planSettled(page: Page, plan: 'baseline' | 'scenario'): Promise<void> {
  await page.waitForFunction(
    (p) => {
      const el = document.querySelector('[data-testid="plan-switch"]');
      return el?.getAttribute('data-plan') === p && !el.hasAttribute('data-pending');
    },
    plan,
    { timeout: TIMEOUT * 2, polling: 200 },
  );
}

async function openShare(page: Page): Promise<void> {
  if ((await page.getAttribute('[data-testid="share-open"]', 'aria-expanded')) !== 'true')
    await page.click('[data-testid="share-open"]');
}

async function download(page: Page, testId: string): Promise<Download> {
  await openShare(page);
  const [d] = await Promise.all([
    page.waitForEvent('download', { timeout: TIMEOUT }),
    page.click(`[data-testid="${testId}"]`),
  ]);
  return d;
}

async function csvRows(d: Download): Promise<Record<string, string>[]> {
  const text = readFileSync(await d.path(), 'utf8');
  return Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: true,
  }).data;
}

describe('baseline or scenario: always visible, and the numbers follow it', () => {
  it('an edit shows the scenario everywhere; a reload says so; the baseline switch and the link agree', async () => {
    const ctx = await newContext();
    const { page } = await open(browser, baseUrl, { context: ctx });
    const errors = collectErrors(page);
    await waitForApp(page);
    expect(await planOnScreen(page)).toEqual(everywhere('baseline', 'Hiện trạng'));
    await screenshot(page, 'plan-baseline-vi-desktop');

    // The planner adds a site on a white hamlet and names the scenario.
    const [target] = (await whiteHamlets(page, 1)) as [Target];
    await page.click('[data-testid="scenario-mode-add-site"]');
    await clickMapAt(page, target.centre);
    await waitForScenario(page, 1);
    await page.fill('[data-testid="scenario-name"]', 'Trạm thử');
    await page.click('[data-testid="scenario-mode-none"]');
    await planSettled(page, 'scenario');
    expect(await planOnScreen(page)).toEqual(everywhere('scenario', 'Phương án: Trạm thử'));
    expect(await statusOf(page, target.id)).not.toBe('unserved');
    await waitForMapIdle(page);
    await screenshot(page, 'plan-scenario-vi-desktop');

    // Every export names the plan and holds the scenario's numbers.
    const csv = await download(page, 'export-ranking-csv');
    expect(csv.suggestedFilename()).toMatch(
      /^vungtrang-ranking-tinh-nam-dinh-scenario-tram-thu-\d{4}-\d\d-\d\d\.csv$/,
    );
    const rows = await csvRows(csv);
    expect(new Set(rows.map((r) => `${r.mode}|${r.scenario}`))).toEqual(new Set(['scenario|Trạm thử']));
    expect(rows.find((r) => r.id === target.id)?.status).not.toBe('unserved');
    const xlsx = await download(page, 'export-ranking-xlsx');
    expect(xlsx.suggestedFilename()).toMatch(/-scenario-tram-thu-\d{4}-\d\d-\d\d\.xlsx$/);
    await xlsx.saveAs('tests/e2e/screenshots/plan-ranking-scenario.xlsx');
    const [sheet] = await readXlsx(readFileSync(await xlsx.path()));
    expect(sheet?.cells.get('A2')?.value).toBe('Phương án: Trạm thử (1 thay đổi, chưa lưu)');
    const png = await download(page, 'snapshot-screen');
    expect(png.suggestedFilename()).toMatch(/-scenario-tram-thu-\d{4}-\d\d-\d\d\.png$/);
    await png.saveAs('tests/e2e/screenshots/plan-snapshot-scenario-vi.png');
    expect(await page.getAttribute('[data-testid="link-plan"]', 'data-plan')).toBe('scenario');
    await page.click('[data-testid="copy-link"]');
    const scenarioLink = await page.evaluate(() => navigator.clipboard.readText());
    expect(decodeView(scenarioLink).view).toMatchObject({
      scenarioName: 'Trạm thử',
      scenarioShown: 'scenario',
    });
    // The printed page's title names the plan too.
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    expect(await page.textContent('[data-testid="print-plan"]')).toBe(
      'Phương án: Trạm thử (1 thay đổi, chưa lưu)',
    );
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await page.click('[data-testid="share-open"]');

    // A reload reopens the scenario and says so.
    await page.reload();
    await waitForApp(page);
    await waitForScenario(page, 1);
    await planSettled(page, 'scenario');
    const notice = page.locator('[data-testid="plan-notice"]');
    expect(await notice.getAttribute('data-plan')).toBe('scenario');
    expect(await notice.textContent()).toContain('Đã mở lại Phương án: Trạm thử (1 thay đổi)');
    expect(await statusOf(page, target.id)).not.toBe('unserved');
    await screenshot(page, 'plan-reopened-vi-desktop');

    // Switching to the baseline: the list and the exports are the baseline's; the edit is kept.
    await page.click('[data-testid="plan-baseline"]');
    await planSettled(page, 'baseline');
    expect(await planOnScreen(page)).toMatchObject({
      header: 'baseline',
      list: 'Hiện trạng',
      legend: 'Hiện trạng',
    });
    expect(await statusOf(page, target.id)).toBe('unserved');
    expect(await page.evaluate(() => window.__vtScenario!.getState().edits.length)).toBe(1);
    const baseCsv = await download(page, 'export-ranking-csv');
    expect(baseCsv.suggestedFilename()).toMatch(/-tinh-nam-dinh-baseline-\d{4}-\d\d-\d\d\.csv$/);
    const baseRows = await csvRows(baseCsv);
    expect(new Set(baseRows.map((r) => r.mode))).toEqual(new Set(['baseline']));
    expect(baseRows.find((r) => r.id === target.id)?.status).toBe('unserved');
    // The list is the baseline's, row for row, as the CSV holds it.
    const listed = await page.evaluate(() =>
      window.__vt!.store.getState().rows.map((r) => `${r.id}:${r.status}`),
    );
    expect(baseRows.map((r) => `${r.id}:${r.status}`).sort()).toEqual(listed.sort());
    expect(await page.getAttribute('[data-testid="link-plan"]', 'data-plan')).toBe('baseline');
    await page.click('[data-testid="copy-link"]');
    const baselineLink = await page.evaluate(() => navigator.clipboard.readText());
    expect(decodeView(baselineLink).view).toMatchObject({
      scenarioShown: 'baseline',
      scenarioName: 'Trạm thử',
    });
    expect(errors).toEqual([]);
    await ctx.close();

    // Each link reopens its plan in a fresh browser.
    const fresh = await newContext();
    const { page: b } = await open(browser, scenarioLink, { context: fresh });
    const errorsB = collectErrors(b);
    await waitForApp(b);
    await waitForScenario(b, 1);
    await planSettled(b, 'scenario');
    expect(await planOnScreen(b)).toMatchObject({ header: 'scenario', list: 'Phương án: Trạm thử' });
    expect(await statusOf(b, target.id)).not.toBe('unserved');
    await b.goto(baselineLink);
    await waitForApp(b);
    await waitForScenario(b, 1);
    await planSettled(b, 'baseline');
    expect(await statusOf(b, target.id)).toBe('unserved');
    expect(await b.getAttribute('[data-testid="plan-notice"]', 'data-plan')).toBe('baseline');
    expect(errorsB).toEqual([]);
    await fresh.close();
  }, 900_000);

  it('shows the plan on a phone and in English', async () => {
    const ctx = await newContext({ width: 390, height: 844 });
    const { page } = await open(browser, baseUrl, { context: ctx });
    await waitForApp(page);
    const [target] = (await whiteHamlets(page, 1)) as [Target];
    // The what-if tools are in the layers pane on a phone.
    await page.evaluate(() => window.__vt!.store.getState().setMobilePane('layers'));
    await page.click('[data-testid="scenario-mode-add-site"]');
    await page.evaluate(() => window.__vt!.store.getState().setMobilePane('map'));
    await clickMapAt(page, target.centre);
    await waitForScenario(page, 1);
    await page.evaluate(() => window.__vtScenario!.getState().setMode('none'));
    await planSettled(page, 'scenario');
    await waitForMapIdle(page);
    expect(await page.isVisible('[data-testid="plan-switch"]')).toBe(true);
    await screenshot(page, 'plan-scenario-vi-phone');
    // On the list pane the header's plan row sits right above the list's title.
    await page.evaluate(() => window.__vt!.store.getState().setMobilePane('list'));
    const pressed = '[data-testid="plan-switch"] button[aria-pressed="true"]';
    expect(await page.isVisible(pressed)).toBe(true);
    expect(await page.textContent(pressed)).toBe('Phương án: chưa đặt tên');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(390);
    await screenshot(page, 'plan-scenario-vi-phone-list');
    await page.click('[data-lang="en"]');
    expect(await page.textContent(pressed)).toBe('Scenario: untitled');
    await screenshot(page, 'plan-scenario-en-phone-list');
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.evaluate(() => window.__vt!.store.getState().setMobilePane('map'));
    await waitForMapIdle(page);
    expect(await planOnScreen(page)).toEqual(everywhere('scenario', 'Scenario: untitled'));
    await screenshot(page, 'plan-scenario-en-desktop');
    const png = await download(page, 'snapshot-screen');
    await png.saveAs('tests/e2e/screenshots/plan-snapshot-scenario-en.png');
    await ctx.close();
  }, 600_000);
});
