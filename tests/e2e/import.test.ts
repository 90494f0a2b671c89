import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { screenshot } from './browser.ts';
import {
  TIMEOUT,
  checkAndImportFile,
  pickImportFiles,
  runAxe,
  visibleRowIds,
  waitForAnalysis,
  waitForApp,
  waitForMapIdle,
  appForFile,
} from './driver.ts';
import { PROJECT_VERSION } from '../../src/data/projectFormat.ts';

const FIXTURES = 'tests/fixtures/import';
const tmp = mkdtempSync(join(tmpdir(), 'vt-import-'));

const app = appForFile({ locale: 'en-GB' });

const dialog = '[role="dialog"]';

async function runId(): Promise<number> {
  return app.page.evaluate(() => window.__vt!.store.getState().runId);
}

/** Opens the Data menu and picks files with the "Import data…" file picker. */
const pickFiles = (paths: string[]): Promise<void> => pickImportFiles(app.page, paths);

/** Drops a fixture onto the map the way a browser does: dragenter, dragover, drop with a DataTransfer. */
async function dropOnMap(path: string, name: string): Promise<void> {
  const base64 = readFileSync(path).toString('base64');
  const transfer = await app.page.evaluateHandle(
    ({ base64, name }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], name));
      return dt;
    },
    { base64, name },
  );
  await app.page.dispatchEvent('[data-testid="map"]', 'dragenter', { dataTransfer: transfer });
  await app.page.dispatchEvent('[data-testid="map"]', 'dragover', { dataTransfer: transfer });
  await app.page.waitForSelector('[data-testid="drop-overlay"]');
  await screenshot(app.page, 'import-drop-overlay');
  await app.page.dispatchEvent('[data-testid="map"]', 'drop', { dataTransfer: transfer });
  await app.page.waitForSelector(dialog);
}

/** Check → report → Import, then wait for the analysis of the new data. */
async function checkAndImport(shot?: string): Promise<string> {
  return checkAndImportFile(app.page, shot ? (p) => screenshot(p, shot) : undefined);
}

async function hamletIdsInStore(): Promise<string[]> {
  return app.page.evaluate(() =>
    (window.__vt!.store.getState().input?.hamlets.features ?? []).map((f) => f.properties.id).sort(),
  );
}

async function sourceCount(source: string): Promise<number> {
  return app.page.evaluate((id) => window.__vt!.map.querySourceFeatures(id).length, source);
}

describe('bring your own data', () => {
  it('the Data menu speaks Vietnamese first and says the sample is illustrative', async () => {
    await app.page.click('[data-testid="data-menu"]');
    await expect(app.page.textContent('.vt-import-menu')).resolves.toMatch(
      /Nhập dữ liệu….*Mở dự án….*Lưu dự án.*Về dữ liệu mẫu/,
    );
    await expect(app.page.textContent('[data-testid="data-note"]')).resolves.toMatch(/Dữ liệu minh hoạ/);
    await app.page.click('[data-testid="data-menu"]');
    // The rest reads English labels; the language switch itself is tested with the app.
    await app.page.evaluate(() => window.__vt!.store.getState().setLang('en'));
  });

  it('a GeoJSON of hamlets imports by the file picker and shows on the map and in the list', async () => {
    await pickFiles([`${FIXTURES}/hamlets.geojson`]);
    await app.page.waitForSelector(`${dialog} select`);
    await screenshot(app.page, 'import-dialog-setup');
    const serious = (await runAxe(app.page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious).toEqual([]);
    const counts = await checkAndImport('import-dialog-report');
    expect(counts).toMatch(/^(\d+) of \1 features can be imported/);
    const ids = await hamletIdsInStore();
    expect(ids.length).toBeGreaterThan(3);
    expect(ids.every((id) => id.startsWith('GT-'))).toBe(true);
    expect(await sourceCount('hamlets')).toBeGreaterThan(0);
    const rendered = await app.page.evaluate(
      () => window.__vt!.map.queryRenderedFeatures({ layers: ['hamlets-fill'] }).length,
    );
    expect(rendered).toBeGreaterThan(0);
    expect((await visibleRowIds(app.page)).every((id) => id.startsWith('GT-'))).toBe(true);
    await expect(app.page.textContent('.vt-right')).resolves.toContain('Thôn Đông Hải');
    expect(await app.page.$('[data-testid="illustrative-note"]')).toBeNull();
    await expect(app.page.textContent('[data-testid="data-note"]')).resolves.toMatch(
      /Your data \(not illustrative\): hamlets\.geojson/,
    );
    await expect(app.page.textContent('[data-testid="household-method"]')).resolves.toMatch(/spread evenly/);
    await screenshot(app.page, 'import-geojson-done');
  });

  it('a CSV of sites goes through the column-mapping step and adds sites', async () => {
    await pickFiles([`${FIXTURES}/sites.csv`]);
    await app.page.waitForSelector(`${dialog} >> text=Which column is what`);
    await expect(app.page.inputValue(`${dialog} select >> nth=0`)).resolves.toBe('sites');
    await screenshot(app.page, 'import-csv-mapping');
    await checkAndImport();
    const sites = await app.page.evaluate(
      () => window.__vt!.store.getState().input?.sites?.features.length ?? 0,
    );
    expect(sites).toBeGreaterThan(2);
    expect(await sourceCount('sites')).toBeGreaterThan(0);
  });

  it('KML facilities import, with the placemark names as text', async () => {
    await pickFiles([`${FIXTURES}/facilities.kml`]);
    await app.page.waitForSelector(`${dialog} select`);
    await app.page.selectOption(`${dialog} select >> nth=0`, 'facilities');
    await checkAndImport();
    const names = await app.page.evaluate(() =>
      (window.__vt!.store.getState().input?.facilities?.features ?? []).map((f) => f.properties.name),
    );
    expect(names.length).toBeGreaterThan(0);
    expect(names.every((n) => typeof n === 'string' && !n.includes('<'))).toBe(true);
    await app.page.evaluate(() => window.__vt!.store.getState().toggleLayer('facilities'));
    await waitForMapIdle(app.page);
    expect(await sourceCount('facilities')).toBeGreaterThan(0);
  });

  it('reload: the imported data is still there', async () => {
    const before = await hamletIdsInStore();
    await app.page.reload();
    await waitForApp(app.page);
    expect(await hamletIdsInStore()).toEqual(before);
    const state = await app.page.evaluate(() => {
      const s = window.__vt!.store.getState();
      return { source: s.dataSource, sites: s.input?.sites?.features.length ?? 0, files: s.importedFiles };
    });
    expect(state.source).toBe('imported');
    expect(state.sites).toBeGreaterThan(2);
    expect(state.files).toEqual(['hamlets.geojson', 'sites.csv', 'facilities.kml']);
    expect((await visibleRowIds(app.page)).every((id) => id.startsWith('GT-'))).toBe(true);
    await app.page.evaluate(() => window.__vt!.store.getState().setLang('en'));
  });

  it('a broken file shows a clear report and leaves the current data untouched', async () => {
    const before = await hamletIdsInStore();
    await pickFiles([`${FIXTURES}/broken.geojson`]);
    const alert = await app.page.waitForSelector(`${dialog} [role="alert"]`);
    const text = (await alert.textContent()) ?? '';
    expect(text).toMatch(/broken\.geojson: is not valid JSON at line \d+, column \d+/);
    expect(text).toMatch(/What to do:/);
    await screenshot(app.page, 'import-broken');
    await app.page.click(`${dialog} >> text=Close`);
    expect(await hamletIdsInStore()).toEqual(before);
  });

  it('a Shapefile without .prj: metres are detected, VN-2000 TM-3 is offered, and it lands in Nam Định', async () => {
    await dropOnMap(`${FIXTURES}/hamlets-vn2000-noprj.zip`, 'hamlets-vn2000-noprj.zip');
    await app.page.waitForSelector(`${dialog} >> text=look like metres`);
    await screenshot(app.page, 'import-shapefile-noprj');
    await checkAndImport();
    const bbox = await app.page.evaluate(() => {
      const fs = window.__vt!.store.getState().input!.hamlets.features;
      const xs = fs.flatMap((f) => (f.geometry.type === 'Polygon' ? f.geometry.coordinates[0]! : []));
      return [Math.min(...xs.map((p) => p[0]!)), Math.min(...xs.map((p) => p[1]!))];
    });
    expect(bbox[0]).toBeGreaterThan(105.8);
    expect(bbox[0]).toBeLessThan(106.8);
    expect(bbox[1]).toBeGreaterThan(19.9);
    expect(bbox[1]).toBeLessThan(20.6);
  });

  it('a zipped Shapefile with a VN-2000 .prj imports with Vietnamese names intact', async () => {
    await pickFiles([`${FIXTURES}/hamlets-vn2000-cp1258.zip`]);
    await app.page.waitForSelector(`${dialog} >> text=The file declares`);
    await checkAndImport('import-shapefile-report');
    const names = await app.page.evaluate(() =>
      window.__vt!.store.getState().input!.hamlets.features.map((f) => f.properties.name),
    );
    expect(names.some((n) => /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i.test(n))).toBe(true);
    await screenshot(app.page, 'import-shapefile-done');
  });

  it('a project file round-trips: save, reset to the sample (asked first), reopen', async () => {
    await app.page.evaluate(() => {
      const s = window.__vt!.store.getState();
      s.setSettings({ ...s.result!.summary.settings, fibreServiceRadiusM: 777 });
    });
    const before = await hamletIdsInStore();
    await app.page.click('[data-testid="data-menu"]');
    const [download] = await Promise.all([
      app.page.waitForEvent('download'),
      app.page.click('text=Save project'),
    ]);
    const saved = join(tmp, download.suggestedFilename());
    await download.saveAs(saved);
    expect(download.suggestedFilename()).toMatch(/^vungtrang-project-.+\.json$/);
    expect(JSON.parse(readFileSync(saved, 'utf8'))).toMatchObject({ version: PROJECT_VERSION, versions: [] });

    await app.page.click('text=Reset to sample data');
    await app.page.waitForSelector('[role="alertdialog"]');
    await screenshot(app.page, 'import-reset-confirm');
    const run = await runId();
    await app.page.click('[role="alertdialog"] >> text=Delete and use the sample');
    await waitForAnalysis(app.page, run);
    expect(await app.page.evaluate(() => window.__vt!.store.getState().dataSource)).toBe('sample');
    expect((await hamletIdsInStore()).length).toBeGreaterThan(1000);
    await app.page.waitForSelector('[data-testid="illustrative-note"]');

    await app.page.click('[data-testid="data-menu"]');
    await app.page.setInputFiles('[data-testid="project-file-input"]', saved);
    await app.page.waitForSelector(`${dialog} >> text=Layers in the project`);
    await screenshot(app.page, 'import-project-open');
    const run2 = await runId();
    await app.page.click(`${dialog} button.vt-primary`);
    await waitForAnalysis(app.page, run2);
    expect(await hamletIdsInStore()).toEqual(before);
    const radius = await app.page.evaluate(() => window.__vt!.store.getState().settings.fibreServiceRadiusM);
    expect(radius).toBe(777);
  });

  it('a 60 MB GeoJSON is parsed in a worker with progress, the page stays responsive, and Cancel stops it', async () => {
    const big = join(tmp, 'big-hamlets.geojson');
    writeFileSync(big, bigGeojson(60 * 1024 * 1024));
    const before = await hamletIdsInStore();
    const probeStart = Date.now();
    await pickFiles([big]);
    // The file is parsed once, by the probe, in the worker: meanwhile the page answers at once (a frozen
    // page would not run this). The check that follows works from what the probe parsed.
    expect(await app.page.isVisible(`${dialog} >> text=Check file`)).toBe(false);
    const started = Date.now();
    const frames = await app.page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          let n = 0;
          const t0 = performance.now();
          const tick = (): void => {
            n++;
            if (performance.now() - t0 < 1000) requestAnimationFrame(tick);
            else resolve(n);
          };
          requestAnimationFrame(tick);
        }),
    );
    expect(Date.now() - started).toBeLessThan(5000);
    expect(frames).toBeGreaterThan(10);
    await app.page.waitForSelector(`${dialog} >> text=Check file`, { timeout: TIMEOUT });
    const probeMs = Date.now() - probeStart;
    console.info(
      `60 MB GeoJSON: probe ${probeMs} ms; ${frames} animation frames in 1 s while the worker parses`,
    );
    await app.page.click(`${dialog} >> text=Check file`);
    await app.page.waitForSelector(`${dialog} progress`);
    await screenshot(app.page, 'import-big-progress');
    await app.page.click(`${dialog} button:text-is("Cancel")`);
    await app.page.waitForSelector(`${dialog} >> text=Cancelled`);
    await app.page.click(`${dialog} button:text-is("Cancel")`);
    await app.page.waitForSelector(dialog, { state: 'detached' });
    expect(await hamletIdsInStore()).toEqual(before);
    expect(app.errors).toEqual([]);
  });
});

/** A FeatureCollection of small square hamlets, padded with a long property to reach the byte size. */
function bigGeojson(bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  const pad = 'x'.repeat(300);
  for (let i = 0; size < bytes; i++) {
    const x = 106 + (i % 300) * 0.002;
    const y = 20 + Math.floor(i / 300) * 0.002;
    const f = JSON.stringify({
      type: 'Feature',
      properties: { id: `B${i}`, name: `Thôn ${i}`, households: 100, note: pad },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [x, y],
            [x + 0.0015, y],
            [x + 0.0015, y + 0.0015],
            [x, y + 0.0015],
            [x, y],
          ],
        ],
      },
    });
    parts.push(f);
    size += f.length + 1;
  }
  return `{"type":"FeatureCollection","features":[${parts.join(',')}]}`;
}
