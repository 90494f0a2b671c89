import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { open, screenshot } from './browser.ts';
import { TIMEOUT, appForFile, waitForApp, waitForMapIdle } from './driver.ts';

const app = appForFile();
const OPERATOR = 'VNPT';

/** The ids of the list's first rows, as shown. */
async function firstRows(page: Page, n = 5): Promise<string[]> {
  return page.$$eval(
    '#vt-ranking [data-row-focus]',
    (els, k) => els.slice(0, k).map((e) => e.getAttribute('data-row-focus') ?? ''),
    n,
  );
}

async function chooseOperator(page: Page, name: string): Promise<void> {
  await page.selectOption('#vt-toolbar [data-testid="operator-select"]', name === '' ? '' : name);
  await waitForMapIdle(page);
}

async function openOperatorsTab(page: Page): Promise<void> {
  await page.click('#vt-left [role="tab"]:has-text("Nhà mạng"), #vt-left [role="tab"]:has-text("Operators")');
  await page.waitForSelector('[data-testid="lens-panel"]');
}

/** Waits until the tower-sharing panel lists its candidates. */
async function waitForCandidates(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid="colocation-panel"] [data-candidate]', { timeout: TIMEOUT });
}

/** Waits until the scenario holds one edit and its delta is measured. */
async function waitForOneEditMeasured(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const s = window.__vtScenario?.getState();
      return !!s && s.edits.length === 1 && !s.busy && s.delta !== null;
    },
    undefined,
    { timeout: TIMEOUT, polling: 200 },
  );
}

describe('the operator lens', () => {
  it('choosing an operator ranks the list by its gap, and the details show that gap', async () => {
    const { page } = app;
    const pooled = await firstRows(page);
    expect(await page.locator('[data-testid="lens-list-note"]').count()).toBe(0);
    await chooseOperator(page, OPERATOR);
    await page.waitForSelector('[data-testid="lens-list-note"]');
    expect(await page.textContent('[data-testid="lens-list-note"]')).toContain(OPERATOR);
    const lens = await firstRows(page);
    expect(lens).not.toEqual(pooled);
    // The households column is now the operator's gap: the first row's figure is the one its details show.
    const first = page.locator('#vt-ranking [role="row"]').nth(1);
    const listed = (await first.locator('.vt-cell--uncoveredHouseholds').textContent())?.trim();
    await first.click();
    await page.waitForSelector('[data-testid="lens-gap"]');
    expect((await page.textContent('[data-testid="lens-gap"]'))?.trim()).toBe(listed);
    expect(await page.locator('[data-testid="lens-breakdown"] [data-criterion]').count()).toBeGreaterThan(1);
    await screenshot(page, 'lens-operator-desktop-vi');
  });

  it('a tower-sharing candidate shows on the map, one click adds it to the scenario, and the delta shows', async () => {
    const { page } = app;
    await openOperatorsTab(page);
    await waitForCandidates(page);
    const id = await page.getAttribute('[data-candidate]', 'data-candidate');
    await page.click(`[data-candidate="${id}"]`);
    await page.waitForSelector('[data-testid="colocation-selected"]');
    await waitForMapIdle(page);
    // Its host and reach are drawn, and the hamlets it gains are outlined.
    const drawn = await page.evaluate(() => {
      const m = window.__vt!.map;
      return {
        host: m.queryRenderedFeatures({ layers: ['colocation-host'] }).length,
        reach: m.queryRenderedFeatures({ layers: ['colocation-reach'] }).length,
        gained: m.queryRenderedFeatures({ layers: ['colocation-gained'] }).length,
      };
    });
    expect(drawn.host).toBeGreaterThan(0);
    expect(drawn.reach).toBeGreaterThan(0);
    expect(drawn.gained).toBeGreaterThan(0);
    await screenshot(page, 'lens-colocation-selected-desktop-vi');
    await page.click('[data-testid="colocation-add"]');
    await waitForOneEditMeasured(page);
    await page.waitForSelector('[data-testid="colocation-delta"]', { timeout: TIMEOUT });
    const edit = await page.evaluate(() => window.__vtScenario!.getState().edits[0]);
    expect(edit).toMatchObject({ kind: 'add-site', site: { properties: { operator: OPERATOR } } });
    expect(await page.textContent('[data-testid="colocation-delta"]')).toMatch(/[1-9]/);
    await page.waitForSelector('[data-testid="scenario-delta"]');
    await screenshot(page, 'lens-colocation-added-desktop-vi');
  });

  it('the share link reopens the same lens', async () => {
    const { page } = app;
    await page.waitForFunction(() => /[?&]s=v1\./.test(location.search), undefined, { timeout: TIMEOUT });
    const before = await firstRows(page);
    const link = await page.evaluate(() => location.href);
    await page.reload();
    await waitForApp(page);
    // The link's scenario is measured again; the list shows the analysis with it, as before the reload.
    await waitForOneEditMeasured(page);
    await waitForMapIdle(page);
    expect(await page.evaluate(() => location.href)).toBe(link);
    expect(await page.inputValue('#vt-toolbar [data-testid="operator-select"]')).toBe(OPERATOR);
    await page.waitForSelector('[data-testid="lens-list-note"]');
    expect(await firstRows(page)).toEqual(before);
    expect(await page.evaluate(() => window.__vt!.store.getState().colourBy)).toBe('market');
  });

  it('all operators: the market colouring, its legend and the market filter', async () => {
    const { page } = app;
    await chooseOperator(page, '');
    await page.click('#vt-left [role="tab"]:has-text("Lớp")');
    await page.selectOption('#vt-left .vt-layers select', 'market');
    await waitForMapIdle(page);
    for (const c of ['white', 'grey', 'black'])
      expect(await page.locator(`#vt-left .vt-legend [data-entry="market-${c}"]`).count()).toBe(1);
    await screenshot(page, 'lens-market-desktop-vi');
    const total = await page.evaluate(() => window.__vt!.store.getState().rows.length);
    await page.selectOption('[data-testid="filter-market"]', 'grey');
    const grey = await page.evaluate(
      () => window.__vt!.store.getState().rows.filter((r) => r.market === 'grey').length,
    );
    expect(grey).toBeGreaterThan(0);
    expect(grey).toBeLessThan(total);
    await page.waitForFunction(
      (n) => document.querySelector('[data-testid="ranking-count"]')?.textContent?.includes(String(n)),
      grey,
    );
    await page.selectOption('[data-testid="filter-market"]', '');
  });

  it('looks right in English and on a phone', async () => {
    const { page, browser } = app;
    await page.evaluate(() => window.__vt!.store.getState().setLang('en'));
    await chooseOperator(page, 'MobiFone');
    await openOperatorsTab(page);
    await waitForCandidates(page);
    await screenshot(page, 'lens-operator-desktop-en');
    await page.evaluate(() => window.__vt!.store.getState().setLang('vi'));
    const link = await page.evaluate(() => location.href);
    for (const lang of ['vi', 'en'] as const) {
      const phone = await open(browser, link.replace(/#.*/, ''), { width: 390, height: 844 });
      await waitForApp(phone.page);
      if (lang === 'en') await phone.page.evaluate(() => window.__vt!.store.getState().setLang('en'));
      await waitForMapIdle(phone.page);
      await screenshot(phone.page, `lens-phone-map-${lang}`);
      await phone.page.evaluate(() => window.__vt!.store.getState().setMobilePane('layers'));
      await openOperatorsTab(phone.page);
      await waitForCandidates(phone.page);
      await screenshot(phone.page, `lens-phone-operators-${lang}`);
      await phone.page.context().close();
    }
  });
});
