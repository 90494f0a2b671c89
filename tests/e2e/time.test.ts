import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { open, screenshot } from './browser.ts';
import { TIMEOUT, appForFile, waitForApp, waitForMapIdle } from './driver.ts';

const app = appForFile();
const WAIT = { timeout: TIMEOUT * 2, polling: 200 };

/** The comparison and the progress of the sample's versions have arrived and are drawn. */
async function compared(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const v = window.__vtVersions?.getState();
      return !!v?.comparison && !!v.progress && !v.measuring;
    },
    undefined,
    WAIT,
  );
  await page.waitForSelector('[data-testid="time-hamlets"] tbody tr');
  await waitForMapIdle(page);
}

async function shownState(page: Page) {
  return page.evaluate(() => {
    const v = window.__vtVersions!.getState();
    return {
      pair: v.compare,
      changed: v.comparison?.hamlets.length ?? 0,
      tab: window.__vt!.store.getState().leftTab,
      onMap: window.__vt!.map.queryRenderedFeatures({ layers: ['version-changes-fill'] }).length,
    };
  });
}

describe('progress over time', { timeout: TIMEOUT * 4 }, () => {
  it('compares two versions of the sample: the changed hamlets in the table and on the map', async () => {
    const { page, errors } = app;
    await page.getByRole('tab', { name: 'Thời gian' }).click();
    // The two latest versions are picked by default.
    expect(await page.getByTestId('time-before').inputValue()).toBe('sample:2024-12');
    expect(await page.getByTestId('time-after').inputValue()).toBe('sample:2026-06');
    await page.getByTestId('time-compare').click();
    await compared(page);
    const state = await shownState(page);
    expect(state.pair).toEqual({ before: 'sample:2024-12', after: 'sample:2026-06' });
    expect(state.changed).toBeGreaterThan(50);
    expect(state.onMap).toBeGreaterThan(0);
    // The legend names both kinds of change with the two months.
    await expect
      .poll(() => page.locator('[data-entry="changes-gained"]').first().textContent())
      .toContain('12/2024');
    expect(await page.locator('[data-entry="changes-lost"]').count()).toBeGreaterThan(0);

    // The table: one row per changed hamlet (up to its limit), causes in words, sortable.
    const rows = page.locator('[data-testid="time-hamlets"] tbody tr');
    expect(await rows.count()).toBe(Math.min(300, state.changed));
    expect(await page.getByTestId('time-hamlets').textContent()).toContain('trạm mới');
    await page.getByRole('button', { name: '− hộ' }).click();
    const firstLost = await rows.first().locator('td').nth(4).textContent();
    expect(Number((firstLost ?? '0').replace(/\./g, ''))).toBeGreaterThan(0);
    expect(await rows.first().locator('[data-change]').getAttribute('data-change')).toBe('lost');
    expect(
      await page.locator('[data-testid="time-hamlets"] th[aria-sort="descending"]').textContent(),
    ).toContain('− hộ');

    // The areas table: the districts; picking one narrows the hamlets to it.
    const districtRows = page.locator('[data-testid="time-areas"] tbody tr');
    expect(await districtRows.count()).toBe(10);
    const before = await rows.count();
    await districtRows.first().getByRole('button').click();
    await expect.poll(() => rows.count()).toBeLessThan(before);

    // Progress: one row per version, and each target's trend in words.
    expect(await page.locator('[data-testid="progress-table"] tbody tr').count()).toBe(3);
    expect(await page.locator('[data-testid="progress-trends"] li[data-trend]').count()).toBe(2);

    await page.evaluate(() =>
      window
        .__vt!.store.getState()
        .setArea({ level: 'province', code: window.__vt!.store.getState().area.code }),
    );
    await screenshot(page, 'time-desktop-vi');
    expect(errors).toEqual([]);
  });

  it('keeps the comparison over a reload and in a share link', async () => {
    const { page, browser } = app;
    await page.reload();
    await waitForApp(page);
    await compared(page);
    const again = await shownState(page);
    expect(again.pair).toEqual({ before: 'sample:2024-12', after: 'sample:2026-06' });
    expect(again.tab).toBe('time');
    expect(again.onMap).toBeGreaterThan(0);

    // The link in a fresh browser profile (no saved data): the same comparison, without the map colouring.
    await page.getByTestId('time-show-on-map').uncheck();
    await page.waitForFunction(
      () => location.search.length > 0 && !window.__vtVersions!.getState().showOnMap,
    );
    await page.waitForTimeout(600);
    const link = page.url();
    const other = await open(browser, link);
    try {
      await waitForApp(other.page);
      await compared(other.page);
      const shared = await shownState(other.page);
      expect(shared.pair).toEqual({ before: 'sample:2024-12', after: 'sample:2026-06' });
      expect(shared.changed).toBe(again.changed);
      expect(shared.onMap).toBe(0);
      expect(await other.page.getByTestId('time-show-on-map').isChecked()).toBe(false);
      expect(other.errors).toEqual([]);
    } finally {
      await other.context.close();
    }
    await page.getByTestId('time-show-on-map').check();
  });

  it('saves the data as a dated version, kept over a reload', async () => {
    const { page } = app;
    await page.getByTestId('time-date').fill('2026-11');
    await page.getByTestId('time-label').fill('Kiểm tra');
    await page.getByTestId('time-save').click();
    await expect.poll(() => page.getByTestId('time-versions').textContent()).toContain('11/2026 — Kiểm tra');
    // The same month again is refused with a reason.
    await page.getByTestId('time-date').fill('2026-11');
    await page.getByTestId('time-save').click();
    await expect.poll(() => page.locator('.vt-time__save .vt-error').textContent()).toContain('11/2026');
    await page.reload();
    await waitForApp(page);
    await expect.poll(() => page.getByTestId('time-versions').textContent()).toContain('11/2026 — Kiểm tra');
    await page.getByRole('button', { name: /Xoá phiên bản 11\/2026/ }).click();
    await expect.poll(() => page.getByTestId('time-versions').textContent()).not.toContain('11/2026');
  });

  it('looks right on a phone and in English', async () => {
    const { browser } = app;
    const phone = await open(browser, `${inject('baseUrl')}`, { width: 390, height: 844 });
    try {
      await waitForApp(phone.page);
      await phone.page.evaluate(() => {
        const s = window.__vt!.store.getState();
        s.setLang('en');
        s.setLeftTab('time');
        s.setMobilePane('layers');
        window.__vtVersions!.getState().setCompare({ before: 'sample:2022-12', after: 'sample:2026-06' });
      });
      await compared(phone.page);
      expect(await phone.page.getByTestId('time-summary').textContent()).toContain(
        'households newly covered',
      );
      await screenshot(phone.page, 'time-phone-en');
      expect(phone.errors).toEqual([]);
    } finally {
      await phone.context.close();
    }
  });
});
