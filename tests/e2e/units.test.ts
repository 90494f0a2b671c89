import { describe, expect, it } from 'vitest';
import { open, screenshot } from './browser.ts';
import { TIMEOUT, appForFile, rowCountText, waitForApp, waitForMapIdle } from './driver.ts';

const app = appForFile();

/** Waits until the hamlets are placed in the units (a worker, after the first map). */
async function waitForUnits(): Promise<void> {
  await app.page.waitForFunction(() => window.__vt!.store.getState().unitsStatus === 'ready', undefined, {
    timeout: TIMEOUT,
    polling: 200,
  });
}

const breadcrumb = () => app.page.textContent('[data-testid="area-breadcrumb"] button');
const title = () => app.page.textContent('#vt-area-title');
const optionCount = (selector: string) =>
  app.page.$$eval(`${selector} option`, (options) => options.filter((o) => o.getAttribute('value')).length);

describe('administrative units', () => {
  it('shows the communes and wards of 1 July 2025 by default, and the 2020–2024 districts on a switch', async () => {
    const { page } = app;
    await waitForUnits();
    await page.click('[data-tab="area"]');
    await expect(page.inputValue('[data-testid="unit-system"]')).resolves.toBe('units');
    await expect(breadcrumb()).resolves.toBe('Tỉnh Ninh Bình (địa bàn tỉnh Nam Định cũ)');
    await expect(optionCount('[data-testid="area-pick-unit"]')).resolves.toBe(57);
    await expect(page.locator('[data-testid="area-gap-row"]').count()).resolves.toBe(57);
    await expect(optionCount('[data-testid="filter-unit"]')).resolves.toBe(57);
    await expect(page.isVisible('[data-testid="filter-district"]')).resolves.toBe(false);
    // The hamlets split between units: how many, and the report as a file.
    await expect(page.textContent('[data-testid="unit-splits"]')).resolves.toMatch(
      /^881 thôn nằm trên nhiều/,
    );
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid="unit-splits-csv"]'),
    ]);
    expect(download.suggestedFilename()).toBe('vungtrang-unit-splits.csv');
    // The province's roll-up is the same whichever units it is cut into.
    const hamlets = await page.textContent('[data-testid="area-hamlets"]');
    await waitForMapIdle(page);
    await screenshot(page, 'units-2025');

    await page.selectOption('[data-testid="unit-system"]', 'districts');
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="area-breadcrumb"] select[aria-label="Chọn huyện"]'),
    );
    await expect(breadcrumb()).resolves.toBe('Tỉnh Nam Định');
    await expect(page.locator('[data-testid="area-gap-row"]').count()).resolves.toBe(10);
    await expect(page.isVisible('[data-testid="filter-district"]')).resolves.toBe(true);
    await expect(page.isVisible('[data-testid="filter-unit"]')).resolves.toBe(false);
    await expect(page.textContent('[data-testid="area-hamlets"]')).resolves.toBe(hamlets);
    await waitForMapIdle(page);
    // The map outlines the districts of 2020–2024 and no longer the units.
    const drawn = await page.evaluate(() => ({
      units: window.__vt!.map.queryRenderedFeatures({ layers: ['units-line'] }).length,
      districts: window.__vt!.map.queryRenderedFeatures({ layers: ['districts-line'] }).length,
    }));
    expect(drawn.units).toBe(0);
    expect(drawn.districts).toBeGreaterThan(0);
    await screenshot(page, 'units-2020-2024');

    await page.selectOption('[data-testid="unit-system"]', 'units');
    await expect(breadcrumb()).resolves.toBe('Tỉnh Ninh Bình (địa bàn tỉnh Nam Định cũ)');
  });

  it('ranks the communes and wards by gap and a row filters the list to that unit', async () => {
    const { page } = app;
    await page.click('[data-tab="area"]');
    const before = await rowCountText(page);
    await page.selectOption('[data-testid="area-gaps-by"]', 'unservedHamlets');
    const first = page.locator('[data-testid="area-gap-row"]').first();
    const name = await first.textContent();
    await first.click();
    await page.waitForFunction((n) => document.querySelector('#vt-area-title')?.textContent === n, name);
    const { code, rows } = await page.evaluate(() => {
      const s = window.__vt!.store.getState();
      return { code: s.area.code, rows: s.rows.filter((r) => r.unitCode === s.area.code).length };
    });
    await expect(page.inputValue('[data-testid="filter-unit"]')).resolves.toBe(code);
    await page.waitForFunction(
      (b) => document.querySelector('[data-testid="ranking-count"]')?.textContent !== b,
      before,
    );
    expect(await rowCountText(page)).toContain(new Intl.NumberFormat('vi-VN').format(rows));
    // Clearing the list's filter takes the roll-up back to the province.
    await page.selectOption('[data-testid="filter-unit"]', '');
    await expect(breadcrumb()).resolves.toBe(await title());
  });

  it('picks a commune or ward on the map, outlines it and filters the list to it', async () => {
    const { page } = app;
    await page.click('[data-tab="area"]');
    await page.click('[data-testid="area-pick-on-map"]');
    await page.evaluate(() => window.__vt!.map.jumpTo({ center: [106.17, 20.42], zoom: 11 }));
    await waitForMapIdle(page);
    const box = (await page.locator('.vt-map canvas').boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForFunction(() => window.__vt!.store.getState().area.level === 'unit');
    const picked = await page.evaluate(() => {
      const s = window.__vt!.store.getState();
      const listed = s.rows.filter((r) => r.unitCode === s.area.code);
      return {
        code: s.area.code,
        name: s.unitAssignment!.units.find((u) => u.code === s.area.code)!.name,
        filter: s.filters.unit,
        listed: listed.length,
      };
    });
    expect(picked.filter).toBe(picked.code);
    await page.waitForFunction(
      (n) => document.querySelector('#vt-area-title')?.textContent === n,
      picked.name,
    );
    const shown = await page.$$eval('[data-hamlet-id]', (rows) =>
      rows.map((r) => r.getAttribute('data-hamlet-id')),
    );
    const units = await page.evaluate(
      (ids) => ids.map((id) => window.__vt!.store.getState().unitOf.get(id!)?.code),
      shown,
    );
    expect(units.length).toBeGreaterThan(0);
    expect(new Set(units)).toEqual(new Set([picked.code]));
    await waitForMapIdle(page);
    const outlined = await page.evaluate(() =>
      window.__vt!.map.queryRenderedFeatures({ layers: ['area-selected'] }).map((f) => f.properties.code),
    );
    expect(outlined).toContain(picked.code);
    await screenshot(page, 'units-picked-on-map');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => window.__vt!.store.getState().area.level === 'province');
    await page.keyboard.press('Escape');
  });

  it('keeps the unit system and the picked unit through a reload and a share link', async () => {
    const { page, browser } = app;
    await page.selectOption('[data-testid="unit-system"]', 'districts');
    await page.waitForFunction(() => window.location.search.includes('s=v1.'));
    await page.waitForTimeout(500);
    await page.reload();
    await waitForApp(page);
    await expect(page.evaluate(() => window.__vt!.store.getState().unitSystem)).resolves.toBe('districts');
    await page.click('[data-tab="area"]');
    await expect(breadcrumb()).resolves.toBe('Tỉnh Nam Định');

    await page.selectOption('[data-testid="unit-system"]', 'units');
    await waitForUnits();
    const code = await page.evaluate(() => {
      const s = window.__vt!.store.getState();
      const u = s.unitSummary!.units!.find((x) => x.code !== '(unknown)')!;
      s.setArea({ level: 'unit', code: u.code });
      return u.code;
    });
    await page.waitForTimeout(500);
    const link = page.url();
    const other = await open(browser, link, { width: 1400, height: 900 });
    await waitForApp(other.page);
    await expect(
      other.page.evaluate(() => {
        const s = window.__vt!.store.getState();
        return { system: s.unitSystem, area: s.area, unit: s.filters.unit };
      }),
    ).resolves.toEqual({ system: 'units', area: { level: 'unit', code }, unit: code });
    await other.page.click('[data-tab="area"]');
    await other.page.waitForFunction(() => window.__vt!.store.getState().unitsStatus === 'ready', undefined, {
      timeout: TIMEOUT,
    });
    await expect(other.page.inputValue('[data-testid="area-pick-unit"]')).resolves.toBe(code);
    await other.context.close();
    expect(other.errors).toEqual([]);
  });

  it('looks right in English and on a phone, in both systems', async () => {
    const { page } = app;
    await page.evaluate(() => window.__vt!.store.getState().setArea({ level: 'province', code: '' }));
    await page.click('[data-lang="en"]');
    await page.click('[data-tab="area"]');
    await expect(breadcrumb()).resolves.toBe('Tỉnh Ninh Bình (the former Tỉnh Nam Định area)');
    await waitForMapIdle(page);
    await screenshot(page, 'units-2025-en');
    await page.selectOption('[data-testid="unit-system"]', 'districts');
    await waitForMapIdle(page);
    await screenshot(page, 'units-2020-2024-en');
    await page.selectOption('[data-testid="unit-system"]', 'units');
    await page.click('[data-lang="vi"]');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.click('[data-pane="map"]');
    await waitForMapIdle(page);
    await screenshot(page, 'units-phone-map');
    await page.click('[data-pane="list"]');
    await screenshot(page, 'units-phone-list');
    await page.setViewportSize({ width: 1400, height: 900 });
    expect(app.errors).toEqual([]);
  });
});
