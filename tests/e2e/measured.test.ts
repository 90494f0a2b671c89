import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { screenshot } from './browser.ts';
import { appForFile, TIMEOUT, waitForAnalysis, waitForMapIdle } from './driver.ts';

const TILES = 'geodata/measured/mobile-tiles.csv';
const dialog = '[role="dialog"]';
const app = appForFile();

describe('measured quality and the challenge list', () => {
  it('on the sample, the challenge list brings in the sample’s illustrative measurements', async () => {
    const { page } = app;
    await page.evaluate(() => window.__vt!.store.getState().setLang('en'));
    expect(await page.evaluate(() => Boolean(window.__vt!.store.getState().input?.mobileTests))).toBe(false);
    await page.click('#vt-left [role="tab"] >> text=Challenges');
    await page.waitForSelector('[data-testid="challenges-over"] li', { timeout: TIMEOUT });
    await expect(page.textContent('[data-testid="challenge-panel"]')).resolves.toMatch(
      /Sample measurements, illustrative only/,
    );
    const state = await page.evaluate(() => {
      const s = window.__vt!.store.getState();
      return { source: s.dataSource, illustrative: s.illustrativeLayers, layers: s.result?.measured?.layers };
    });
    expect(state.source).toBe('sample');
    expect(state.illustrative).toEqual(expect.arrayContaining(['mobileTests', 'fixedTests', 'speedPoints']));
    expect(state.layers).toEqual({
      mobileTests: true,
      fixedTests: true,
      speedPoints: true,
      fieldReports: false,
    });
    await page.click('#vt-left [role="tab"] >> text=Map layers');
  });

  it('imports a file of mobile speed-test tiles, guessed as mobile from its name', async () => {
    const { page } = app;
    await page.click('[data-testid="data-menu"]');
    await page.setInputFiles('[data-testid="import-file-input"]', [TILES]);
    await page.waitForSelector(`${dialog} select`);
    await expect(page.inputValue(`${dialog} select >> nth=0`)).resolves.toBe('mobileTests');
    await page.click(`${dialog} >> text=Check file`);
    await page.waitForSelector('[data-testid="import-counts"]', { timeout: TIMEOUT });
    const rows = readFileSync(TILES, 'utf8').trim().split('\n').length - 1;
    await expect(page.textContent('[data-testid="import-counts"]')).resolves.toMatch(
      new RegExp(`^${rows} of ${rows} features can be imported`),
    );
    const before = await page.evaluate(() => window.__vt!.store.getState().runId);
    await page.click(`${dialog} button.vt-primary`);
    await page.waitForSelector(dialog, { state: 'detached' });
    await waitForAnalysis(page, before);
    const measured = await page.evaluate(() => {
      const m = window.__vt!.store.getState().result?.measured;
      return m ? { layers: m.layers, hamlets: m.hamlets.length, challenges: m.challenges.length } : null;
    });
    expect(measured?.layers.mobileTests).toBe(true);
    expect(measured?.hamlets).toBeGreaterThan(100);
    expect(measured?.challenges).toBeGreaterThan(0);
  });

  it('colours hamlets by measured quality, with its legend', async () => {
    const { page } = app;
    await page.selectOption('#vt-left .vt-layers select', 'measured');
    await waitForMapIdle(page);
    const entries = await page.$$eval('#vt-left .vt-legend [data-entry]', (els) =>
      els.map((e) => e.getAttribute('data-entry')),
    );
    expect(entries.slice(0, 4)).toEqual([
      'measured-failing',
      'measured-below_target',
      'measured-meets_target',
      'measured-no_data',
    ]);
    await expect(page.textContent('#vt-left .vt-legend')).resolves.toMatch(
      /Meets the target \(mobile\): download ≥ 40 Mb\/s/,
    );
    const drawn = await page.evaluate(() => {
      const features = window.__vt!.map.queryRenderedFeatures({ layers: ['hamlets-fill'] });
      return [...new Set(features.map((f) => String(f.properties?.measured)))].sort();
    });
    expect(drawn).toEqual(expect.arrayContaining(['below_target', 'failing', 'meets_target']));
    await screenshot(page, 'measured-colouring-en');
  });

  it('opens the challenge list; a hamlet on it shows why in its details', async () => {
    const { page } = app;
    await page.click('#vt-left [role="tab"] >> text=Challenges');
    await page.waitForSelector('[data-testid="challenge-panel"]');
    const first = page.locator('[data-testid="challenges-over"] li').first();
    const id = await first.getAttribute('data-hamlet');
    const why = (await first.locator('.vt-challenges__why').first().textContent()) ?? '';
    expect(why).toMatch(/The model gives \d+ ?% of it 4G\/5G, but [\d.]+ weighted mobile tests average/);
    await screenshot(page, 'measured-challenges-en');
    await first.locator('button').click();
    await page.waitForSelector('[data-testid="measured-details"]');
    expect(await page.evaluate(() => window.__vt!.store.getState().selectedHamletId)).toBe(id);
    await expect(page.textContent('[data-testid="measured-mobile"]')).resolves.toMatch(/Failing/);
    await expect(page.textContent('[data-testid="measured-why"]')).resolves.toBe(why);
    await page.locator('[data-testid="measured-details"]').scrollIntoViewIfNeeded();
    await screenshot(page, 'measured-details-en');
    const download = page.waitForEvent('download');
    await page.click('[data-testid="challenges-csv"]');
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^vungtrang-challenges-.*\.csv$/);
    const text = readFileSync((await file.path())!, 'utf8');
    expect(text.split('\n')[0]).toContain('id,name,commune,district,direction,reasons');
    expect(text).toContain(id!);
    const xlsx = page.waitForEvent('download');
    await page.click('[data-testid="challenges-xlsx"]');
    const book = await xlsx;
    expect(book.suggestedFilename()).toMatch(/^vungtrang-challenges-.*\.xlsx$/);
    // An .xlsx is a zip: it starts with "PK".
    expect(
      readFileSync((await book.path())!)
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
  });

  it('reads in Vietnamese, and on a phone', async () => {
    const { page } = app;
    await page.evaluate(() => window.__vt!.store.getState().setLang('vi'));
    await expect(page.textContent('[data-testid="challenge-panel"]')).resolves.toMatch(
      /Mô hình nói có 4G\/5G, số đo nói không/,
    );
    await screenshot(page, 'measured-challenges-vi');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.evaluate(() => window.__vt!.store.getState().setMobilePane('layers'));
    await page.locator('[data-testid="challenge-panel"]').scrollIntoViewIfNeeded();
    await screenshot(page, 'measured-challenges-phone-vi');
    await page.evaluate(() => {
      const s = window.__vt!.store.getState();
      s.setLeftTab('layers');
      s.setMobilePane('map');
    });
    await waitForMapIdle(page);
    await screenshot(page, 'measured-colouring-phone-vi');
    await page.evaluate(() => window.__vt!.store.getState().setLang('en'));
    await page.evaluate(() => window.__vt!.store.getState().setMobilePane('list'));
    await page.locator('[data-testid="measured-details"]').scrollIntoViewIfNeeded();
    await screenshot(page, 'measured-details-phone-en');
    expect(app.errors).toEqual([]);
  });
});
