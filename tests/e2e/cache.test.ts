import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { screenshot } from './browser.ts';
import {
  TIMEOUT,
  appForFile,
  checkAndImportFile,
  pickImportFiles,
  visibleRowIds,
  waitForAnalysis,
  waitForApp,
  waitForMapIdle,
} from './driver.ts';

const app = appForFile();

/**
 * Holds the page's reads of its saved data (IndexedDB `vungtrang:data:v1`) and of its saved result (not
 * its list) until the test calls `window.__vtRelease.data()` / `.result()`, in page loads where
 * sessionStorage asks for it: what the user sees while they are still being read back, however fast this
 * machine reads them.
 */
const HOLD_DATA = `
  if (sessionStorage.getItem('vt-hold-data') === '1') {
    const gates = {};
    window.__vtRelease = {};
    for (const what of ['data', 'result']) {
      gates[what] = new Promise((r) => (window.__vtRelease[what] = r));
    }
    const held = (key) =>
      key === 'vungtrang:data:v1'
        ? gates.data
        : typeof key === 'string' && key.includes('|imported|') && !key.startsWith('list|')
          ? gates.result
          : null;
    const get = IDBObjectStore.prototype.get;
    IDBObjectStore.prototype.get = function (key) {
      const req = get.call(this, key);
      const gate = held(key);
      if (!gate) return req;
      const slot = Object.getOwnPropertyDescriptor(IDBRequest.prototype, 'onsuccess');
      Object.defineProperty(req, 'onsuccess', {
        set(fn) { slot.set.call(this, (e) => void gate.then(() => fn.call(this, e))); },
        get() { return slot.get.call(this); },
      });
      return req;
    };
  }
`;

type Released = { __vtRelease: { data: () => void; result: () => void } };

const state = () =>
  app.page.evaluate(() => {
    const s = window.__vt!.store.getState();
    return {
      source: s.dataSource,
      runId: s.runId,
      from: s.lastRunFrom,
      hamlets: s.result?.hamlets.length ?? 0,
      workerRuns: window.__vtAnalysisRuns!(),
    };
  });

/** The keys of the app's saved results (IndexedDB `vungtrang-results`). */
function savedResultKeys(): Promise<string[]> {
  return app.page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const req = indexedDB.open('vungtrang-results');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const keys = req.result.transaction('results').objectStore('results').getAllKeys();
          keys.onsuccess = () => resolve(keys.result.map(String));
          keys.onerror = () => reject(keys.error);
        };
      }),
  );
}

describe('a first visit shows the sample’s result built with the app', () => {
  it('lists the sample before its layers are read, analyses nothing, and a what-if still works', async () => {
    const { page, errors } = app;
    const first = await state();
    expect(first).toMatchObject({ source: 'sample', from: 'shipped', workerRuns: 0 });
    expect(first.hamlets).toBe(
      await page.evaluate(() => window.__vt!.store.getState().input!.hamlets.features.length),
    );
    // The list (then the result) came before the page had parsed the sample's files.
    const marks = await page.evaluate(() =>
      Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])),
    );
    expect(marks['vt:shipped:list-shown']).toBeLessThan(marks['vt:sample-loaded']!);
    expect(marks['vt:shipped:result-shown']).toBeLessThan(marks['vt:sample-loaded']!);
    await expect(page.textContent('[data-testid="analysis-done"]')).resolves.toMatch(
      /dữ liệu mẫu với cài đặt mặc định|sample’s result with the default settings/,
    );
    // A site on the map: the worker builds its session now, and the scenario's delta comes back.
    const at = await page.evaluate(() => {
      const s = window.__vt!.store.getState();
      const white = s.result!.hamlets.find((h) => h.status === 'unserved' && h.households > 50)!;
      const f = s.input!.hamlets.features.find((x) => x.properties.id === white.id)!;
      const ring = (f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.coordinates[0]!)[0]!;
      const n = ring.length - 1;
      return [
        ring.slice(0, n).reduce((a, p) => a + p[0]!, 0) / n,
        ring.slice(0, n).reduce((a, p) => a + p[1]!, 0) / n,
      ];
    });
    await page.evaluate((p) => window.__vtScenario!.getState().addSiteAt(p as [number, number]), at);
    await page.waitForFunction(() => window.__vtScenario!.getState().delta !== null, undefined, {
      timeout: TIMEOUT,
    });
    const newly = await page.evaluate(() => window.__vtScenario!.getState().delta!.newBroadbandHouseholds);
    expect(newly).toBeGreaterThan(0);
    await page.evaluate(() => window.__vtScenario!.getState().clear());
    expect(errors).toEqual([]);
  });
});

describe('the last result of imported data comes back with a reload', () => {
  it('imports hamlets, reloads, and shows their ranked list without analysing again', async () => {
    const { page, errors } = app;
    await page.evaluate(() => window.__vt!.store.getState().setLang('en'));
    await pickImportFiles(page, ['tests/fixtures/import/hamlets.geojson']);
    await checkAndImportFile(page);
    const imported = await state();
    expect(imported.source).toBe('imported');
    const rows = await visibleRowIds(page);
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.every((id) => id.startsWith('GT-'))).toBe(true);
    // Saved when the page is next idle: under the engine's URL and the data's SHA-256, its list beside it.
    const saved = /^[^l].*worker.*\|imported\|[0-9a-f]{64}\|\{/;
    await expect
      .poll(savedResultKeys, { timeout: TIMEOUT })
      .toEqual([
        expect.stringMatching(saved),
        expect.stringMatching(/^list\|.*worker.*\|imported\|[0-9a-f]{64}\|\{/),
      ]);
    const [resultKey, listKey] = await savedResultKeys();
    expect(listKey).toBe(`list|${resultKey}`);

    await page.reload();
    await waitForApp(page);
    const reloaded = await state();
    expect(reloaded).toMatchObject({ source: 'imported', from: 'cache', hamlets: imported.hamlets });
    // The page asked its worker for no analysis at all, and did not start one on the sample ahead.
    expect(reloaded.workerRuns).toBe(0);
    expect(await page.evaluate(() => window.__vtFaults!.analysisWorker() === null)).toBe(true);
    expect(await visibleRowIds(page)).toEqual(rows);
    await expect(page.textContent('[data-testid="analysis-done"]')).resolves.toMatch(
      /The saved result of the last analysis|Kết quả đã lưu/,
    );
    await screenshot(page, 'cache-reloaded');

    // Another setting is another result: it runs, and the new one is saved in place of the old.
    await page.click('[data-tab="settings"]');
    await page.fill('[data-testid="setting-fibre-radius"]', '800');
    await waitForAnalysis(page, reloaded.runId);
    expect(await state()).toMatchObject({ source: 'imported', from: 'run', workerRuns: 1 });
    await expect
      .poll(savedResultKeys, { timeout: TIMEOUT })
      .toEqual([
        expect.stringContaining('"fibreServiceRadiusM":800'),
        expect.stringMatching(/^list\|.*"fibreServiceRadiusM":800/),
      ]);
    expect(errors).toEqual([]);
  });

  it('after a reload the saved list shows first, then its result, then the layers; what needs them waits', async () => {
    const { page, errors } = app;
    await page.evaluate(() => window.__vt!.store.getState().setLang('en'));
    const rows = await visibleRowIds(page);
    const { hamlets } = await state();
    await page.addInitScript(HOLD_DATA);
    await page.evaluate(() => sessionStorage.setItem('vt-hold-data', '1'));
    await page.reload();
    await page.waitForSelector('[data-hamlet-id]', { timeout: TIMEOUT });
    await page.waitForFunction(() => window.__vt !== undefined, undefined, { timeout: TIMEOUT });
    // The saved list's rows, with neither the result nor the layers in the page yet.
    const early = await page.evaluate(() => {
      const s = window.__vt!.store.getState();
      return {
        input: s.input,
        status: s.dataStatus,
        source: s.dataSource,
        from: s.lastRunFrom,
        result: s.result,
        listed: s.listAhead !== null,
      };
    });
    expect(early).toEqual({
      input: null,
      status: 'loading',
      source: 'imported',
      from: 'cache',
      result: null,
      listed: true,
    });
    expect(await visibleRowIds(page)).toEqual(rows);
    await expect(page.textContent('[data-testid="analysis-done"]')).resolves.toMatch(/saved result/);
    await expect(page.textContent('.vt-overlay[role="status"]')).resolves.toMatch(/Loading|Đang tải/);
    // Sorting and search work on the list's rows.
    const second = rows[1]!;
    await page.fill('[data-testid="ranking-search"]', second);
    await expect.poll(() => visibleRowIds(page)).toEqual([second]);
    await page.fill('[data-testid="ranking-search"]', '');
    await expect.poll(() => visibleRowIds(page)).toEqual(rows);
    // A hamlet's details wait for the result, and say so.
    await page.click(`[data-hamlet-id="${rows[0]!}"]`);
    await expect(page.textContent('[data-testid="details-loading"]')).resolves.toMatch(/Reading the saved/);
    await screenshot(page, 'cache-list-before-result');
    await page.evaluate(() => (window as unknown as Released).__vtRelease.result());
    await page.waitForSelector('[data-testid="hamlet-details"]', { timeout: TIMEOUT });
    expect(await state()).toMatchObject({ hamlets, from: 'cache' });
    expect(await visibleRowIds(page)).toEqual(rows);
    await screenshot(page, 'cache-list-before-layers');
    // Files picked now wait for the user's layers (an import adds to them), and say so.
    await page.click('[data-testid="data-menu"]');
    await page.setInputFiles('[data-testid="import-file-input"]', ['tests/fixtures/import/sites.csv']);
    await expect(page.textContent('[data-testid="import-waiting"]')).resolves.toMatch(/saved data/);
    expect(await page.$('[role="dialog"]')).toBeNull();
    await screenshot(page, 'cache-import-waiting');
    // Exports need the layers: offered once they are there.
    await page.click('[data-testid="share-open"]');
    expect(await page.isDisabled('[data-testid="export-ranking-csv"]')).toBe(true);
    await page.click('[data-testid="share-open"]');

    await page.evaluate(() => (window as unknown as Released).__vtRelease.data());
    await page.evaluate(() => sessionStorage.removeItem('vt-hold-data'));
    await waitForApp(page);
    // The import waited for them and opens now, on top of the user's data; it is not needed here.
    await page.waitForSelector('[role="dialog"]', { timeout: TIMEOUT });
    await page.click('[role="dialog"] >> text=Cancel');
    await page.waitForSelector('[role="dialog"]', { state: 'detached' });
    const after = await state();
    expect(after).toMatchObject({ source: 'imported', from: 'cache', hamlets, workerRuns: 0 });
    // A hamlet's details and the map's geometry, and an export of the list, work as before the reload.
    const id = rows[0]!;
    await page.click(`[data-hamlet-id="${id}"]`);
    await page.waitForSelector('[data-testid="hamlet-details"]', { timeout: TIMEOUT });
    await waitForMapIdle(page);
    const onMap = await page.evaluate(
      (hid) =>
        window.__vt!.store.getState().input?.hamlets.features.some((f) => f.properties.id === hid) ?? false,
      id,
    );
    expect(onMap).toBe(true);
    if ((await page.getAttribute('[data-testid="share-open"]', 'aria-expanded')) !== 'true') {
      await page.click('[data-testid="share-open"]');
    }
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid="export-ranking-csv"]'),
    ]);
    expect(readFileSync(await csv.path(), 'utf8')).toContain(id);
    expect(errors).toEqual([]);
  });

  it('several files chosen together are checked one by one, imported together and analysed once', async () => {
    const { page, errors } = app;
    const before = await state();
    await pickImportFiles(page, [
      'tests/fixtures/import/sites.csv',
      'tests/fixtures/import/hamlets.geojson',
      'tests/fixtures/import/facilities.kml',
    ]);
    for (const name of ['sites.csv', 'hamlets.geojson', 'facilities.kml']) {
      const dialog = page.locator(`[role="dialog"][aria-labelledby]:has-text("${name}")`);
      await dialog.locator('text=Check file').click({ timeout: TIMEOUT });
      await page.waitForSelector('[data-testid="import-counts"]', { timeout: TIMEOUT });
      await page.click('[role="dialog"] button.vt-primary >> text=/^Add \\d+ features$/');
    }
    const summary = page.locator('[data-testid="import-batch"]');
    await summary.waitFor({ timeout: TIMEOUT });
    expect(await summary.textContent()).toMatch(
      /sites\.csv.*hamlets\.geojson.*facilities\.kml|hamlets\.geojson/,
    );
    // Nothing has changed yet: no run started while the files were checked.
    expect((await state()).workerRuns).toBe(before.workerRuns);
    await screenshot(page, 'import-batch-summary');
    await page.click('[role="dialog"] button.vt-primary >> text=Import 3 layers');
    await page.waitForSelector('[role="dialog"]', { state: 'detached' });
    await waitForAnalysis(page, before.runId);
    const after = await state();
    expect(after.workerRuns).toBe(before.workerRuns + 1);
    const files = await page.evaluate(() => window.__vt!.store.getState().importedFiles);
    expect(files).toEqual(['hamlets.geojson', 'sites.csv', 'facilities.kml']);
    expect(errors).toEqual([]);
  });
});
