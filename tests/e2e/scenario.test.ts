import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, open, screenshot } from './browser.ts';
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

let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  browser = await launch();
  ({ page, errors } = await open(browser, inject('baseUrl')));
  await waitForApp(page);
}, TIMEOUT * 3);

afterAll(async () => {
  await browser?.close();
});

describe('what-if planning', () => {
  it('a site on a white hamlet changes its status and the panel shows newly covered households; undo restores', async () => {
    const [target] = await whiteHamlets(page, 1);
    expect(target).toBeDefined();
    const t = target as Target;
    expect(await statusOf(page, t.id)).toBe('unserved');
    await page.click('[data-testid="scenario-mode-add-site"]');
    await clickMapAt(page, t.centre);
    await waitForScenario(page, 1);
    expect(await statusOf(page, t.id)).not.toBe('unserved');
    const newHouseholds = await page.textContent(
      '[data-testid="scenario-delta"] [data-measure="newBroadband"] dd',
    );
    expect(Number((newHouseholds ?? '').replace(/\D/g, ''))).toBeGreaterThanOrEqual(
      Math.floor(t.households * 0.5),
    );
    await expect(
      page.locator(`[data-testid="scenario-status-changes"] [data-hamlet="${t.id}"]`).count(),
    ).resolves.toBe(1);
    await waitForMapIdle(page);
    // The proposed site, its reach and the newly covered (green) area are drawn on the map.
    const drawn = await page.evaluate(() => ({
      sites: window.__vt!.map.queryRenderedFeatures({ layers: ['scenario-sites'] }).length,
      covered: window.__vt!.map.queryRenderedFeatures({ layers: ['scenario-covered-fill'] }).length,
    }));
    expect(drawn.sites).toBeGreaterThan(0);
    expect(drawn.covered).toBeGreaterThan(0);
    await screenshot(page, 'scenario-site-added');

    await page.click('[data-testid="scenario-undo"]');
    await waitForScenario(page, 0);
    expect(await statusOf(page, t.id)).toBe('unserved');
    await expect(page.locator('[data-testid="scenario-delta"]').count()).resolves.toBe(0);
    await page.click('[data-testid="scenario-mode-none"]');
  });

  it('two saved scenarios compare side by side', async () => {
    const [a, b] = await whiteHamlets(page, 2);
    await page.click('[data-testid="scenario-mode-add-site"]');
    await clickMapAt(page, (a as Target).centre);
    await waitForScenario(page, 1);
    await page.fill('[data-testid="scenario-name"]', 'Một trạm');
    await page.click('[data-testid="scenario-save"]');
    await clickMapAt(page, (b as Target).centre);
    await waitForScenario(page, 2);
    await page.fill('[data-testid="scenario-name"]', 'Hai trạm');
    await page.click('[data-testid="scenario-save"]');
    await page.click('[data-testid="scenario-mode-none"]');
    await page.check('[data-testid="scenario-compare-Một trạm"]');
    await page.check('[data-testid="scenario-compare-Hai trạm"]');
    const table = page.locator('[data-testid="scenario-compare"]');
    await expect(table.locator('thead th').allTextContents()).resolves.toEqual([
      'Chỉ số',
      'Một trạm',
      'Hai trạm',
    ]);
    const cells = await table.locator('tr[data-measure="newBroadband"] td').allTextContents();
    const [one, two] = cells.map((c) => Number(c.replace(/\D/g, '')));
    expect(one).toBeGreaterThan(0);
    expect(two).toBeGreaterThan(one as number);
    await page.locator('.vt-scenario__saved').scrollIntoViewIfNeeded();
    await screenshot(page, 'scenario-compare');
    expect(errors).toEqual([]);
  });

  it('the scenario survives the share link and a reload', async () => {
    await page.waitForFunction(() => /[?&]s=v1\./.test(location.search), undefined, { timeout: TIMEOUT });
    const link = await page.evaluate(() => location.href);
    const edits = await page.evaluate(() => window.__vtScenario!.getState().edits.length);
    expect(edits).toBe(2);
    await page.reload();
    await waitForApp(page);
    await waitForScenario(page, 2);
    expect(await page.evaluate(() => location.href)).toBe(link);
    const n = await page.textContent('[data-testid="scenario-delta"] [data-measure="newBroadband"] dd');
    expect(Number((n ?? '').replace(/\D/g, ''))).toBeGreaterThan(0);
    await screenshot(page, 'scenario-after-reload');
  });
});

describe('site suggestions', () => {
  it('suggested sites load as an editable scenario that covers households', async () => {
    await page.click('[data-testid="scenario-undo"]');
    await page.click('[data-testid="scenario-undo"]');
    await waitForScenario(page, 0);
    await page.locator('[data-testid="scenario-suggest"]').scrollIntoViewIfNeeded();
    await page.click('[data-testid="scenario-suggest"]');
    await waitForScenario(page, 5);
    // Named in the interface's language.
    await expect(page.evaluate(() => window.__vtScenario!.getState().name)).resolves.toMatch(
      /^Gợi ý: 5 trạm 4G, bán kính 3 km$/,
    );
    const n = await page.textContent('[data-testid="scenario-delta"] [data-measure="newBroadband"] dd');
    expect(Number((n ?? '').replace(/\D/g, ''))).toBeGreaterThan(1000);
    // Editable like any scenario: undo removes the last suggested site.
    await page.click('[data-testid="scenario-undo"]');
    await waitForScenario(page, 4);
    await screenshot(page, 'scenario-suggested');
    expect(errors).toEqual([]);
  });
});
