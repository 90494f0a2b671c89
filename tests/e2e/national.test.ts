import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadProvince, tileProvince } from '../bench/data.ts';
import { hasSavedResult, screenshot } from './browser.ts';
import {
  TIMEOUT,
  appForFile,
  pickImportFiles,
  visibleRowIds,
  waitForAnalysis,
  waitForApp,
  waitForMapIdle,
  waitForScenario,
} from './driver.ts';

const app = appForFile({ lang: 'en' });
const FILES = ['hamlets', 'fibre', 'sites'] as const;
let dir = '';
let hamletCount = 0;
let centre: [number, number] = [0, 0];
/** A corner of the file's first hamlet: a copy of the province away from the middle one. */
let far: [number, number] = [0, 0];

/** The province tiled 2 × 2 (4×: 11,136 hamlets), as the files a user would import, with no boundaries. */
beforeAll(() => {
  const layers = tileProvince(loadProvince().layers, 2, 2);
  dir = mkdtempSync(join(tmpdir(), 'vt-e2e-national-'));
  for (const f of FILES) writeFileSync(join(dir, `${f}.geojson`), JSON.stringify(layers[f]));
  hamletCount = layers.hamlets.features.length;
  const ring = layers.hamlets.features[Math.floor(hamletCount / 2)]!.geometry;
  const first = (ring.type === 'Polygon' ? ring.coordinates[0] : ring.coordinates[0]?.[0])![0]!;
  centre = [first[0]!, first[1]!];
  const g = layers.hamlets.features[0]!.geometry;
  const corner = (g.type === 'Polygon' ? g.coordinates[0] : g.coordinates[0]?.[0])![0]!;
  far = [corner[0]!, corner[1]!];
});

/** The keys of the results this browser has saved (the result cache keeps one, and its list). */
function savedResultKeys(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve) => {
        const req = indexedDB.open('vungtrang-results');
        req.onerror = () => resolve([]);
        req.onsuccess = () => {
          const keys = req.result.transaction('results').objectStore('results').getAllKeys();
          keys.onsuccess = () => resolve(keys.result.map(String));
          keys.onerror = () => resolve([]);
        };
      }),
  );
}

/** Jumps the map to `zoom` at the middle hamlet's corner and waits until it is drawn. */
async function viewAt(page: Page, zoom: number): Promise<void> {
  await page.evaluate(([c, z]) => window.__vt!.store.getState().setCamera(c, z, 'app'), [
    centre,
    zoom,
  ] as const);
  await page.waitForFunction((z) => Math.abs(window.__vt!.map.getZoom() - z) < 0.01, zoom);
  await waitForMapIdle(page);
}

/** Features drawn in the view per layer, and the hamlets MapLibre holds (the window given to it). */
function drawn(page: Page): Promise<{ aggregate: number; hamlets: number; white: number; held: number }> {
  return page.evaluate(async () => {
    const map = window.__vt!.map;
    const n = (id: string) => map.queryRenderedFeatures({ layers: [id] }).length;
    const source = map.getSource('hamlets') as unknown as { getData(): Promise<{ features: unknown[] }> };
    return {
      aggregate: n('aggregate-fill'),
      hamlets: n('hamlets-fill'),
      white: n('white-hatch'),
      held: (await source.getData()).features.length,
    };
  });
}

/** The ids of the hamlets MapLibre holds (the window given to it). */
function heldIds(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const source = window.__vt!.map.getSource('hamlets') as unknown as {
      getData(): Promise<{ features: { properties: { id: string } }[] }>;
    };
    return (await source.getData()).features.map((f) => f.properties.id);
  });
}

describe('a national-size import (4× the province)', () => {
  it('can be stopped while it is analysed: the sample and the map view come back', async () => {
    const { page, errors } = app;
    const before = await page.evaluate(() => {
      const s = window.__vt!.store.getState();
      return { hamlets: s.input!.hamlets.features.length, center: s.center, zoom: s.zoom, runId: s.runId };
    });
    await pickImportFiles(page, [join(dir, 'hamlets.geojson')]);
    await page.locator('[role="dialog"] >> text=Check file').click({ timeout: TIMEOUT });
    await page.waitForSelector('[data-testid="import-counts"]', { timeout: TIMEOUT });
    await page.click('[role="dialog"] button.vt-primary');
    // The 11,136 hamlets are being analysed: Stop, in the side panel.
    await page.locator('[data-testid="import-stop"]').first().click({ timeout: TIMEOUT });
    await page.waitForFunction(
      (id) => {
        const s = window.__vt!.store.getState();
        return s.runId >= id + 2 && !s.running && s.result !== null;
      },
      before.runId,
      { timeout: TIMEOUT, polling: 200 },
    );
    const after = await page.evaluate(() => {
      const s = window.__vt!.store.getState();
      return {
        source: s.dataSource,
        hamlets: s.input!.hamlets.features.length,
        results: s.result!.hamlets.length,
        files: s.importedFiles,
        center: s.center,
        zoom: s.zoom,
      };
    });
    expect(after).toMatchObject({
      source: 'sample',
      hamlets: before.hamlets,
      results: before.hamlets,
      files: [],
      zoom: before.zoom,
    });
    expect(after.center[0]).toBeCloseTo(before.center[0], 6);
    expect(after.center[1]).toBeCloseTo(before.center[1], 6);
    await expect(page.textContent('[data-testid="import-stopped"]')).resolves.toBe(
      'Import stopped: the data from before it is back.',
    );
    expect(await page.$('[data-testid="import-stop"]')).toBeNull();
    await waitForMapIdle(page);
    await screenshot(page, 'national-import-stopped');
    expect(errors).toEqual([]);
  });

  it('imports three files in one analysis; the map holds only the hamlets around the view', async () => {
    const { page, errors } = app;
    const before = await page.evaluate(() => window.__vt!.store.getState().runId);
    await pickImportFiles(
      page,
      FILES.map((f) => join(dir, `${f}.geojson`)),
    );
    for (let i = 0; i < FILES.length; i++) {
      await page.locator('[role="dialog"] >> text=Check file').click({ timeout: TIMEOUT });
      await page.locator('[role="dialog"] button.vt-primary >> text=/^Add /').click({ timeout: TIMEOUT });
    }
    await page.locator('[role="dialog"] button.vt-primary >> text=/^Import 3 layers$/').click();
    await page.waitForFunction(
      (id) => {
        const s = window.__vt!.store.getState();
        return s.dataSource === 'imported' && s.runId > id && !s.running && s.result !== null;
      },
      before,
      { timeout: TIMEOUT * 3, polling: 200 },
    );
    const state = await page.evaluate(() => {
      const s = window.__vt!.store.getState();
      return { hamlets: s.result!.hamlets.length, runs: s.runId, sites: s.input!.sites!.features.length };
    });
    // One analysis for the three files.
    expect(state).toMatchObject({ hamlets: hamletCount, runs: before + 1 });
    expect((await visibleRowIds(page)).every((id) => /#\d-\d$/.test(id))).toBe(true);

    // Zoomed out: a grid aggregate (the files carry no commune boundaries), and no hamlet handed to the map.
    await viewAt(page, 7.5);
    const out = await drawn(page);
    expect(out.aggregate).toBeGreaterThan(10);
    expect(out).toMatchObject({ hamlets: 0, white: 0, held: 0 });
    await expect(page.textContent('#vt-left [data-testid="legend-shows"]')).resolves.toMatch(
      /square of about 11 km/,
    );
    await screenshot(page, 'national-aggregate');

    // Zoomed in: the hamlets and their zones around the view, not all of them.
    await viewAt(page, 11);
    const close = await drawn(page);
    expect(close.hamlets).toBeGreaterThan(10);
    expect(close.white).toBeGreaterThan(0);
    expect(close.held).toBeGreaterThanOrEqual(close.hamlets);
    expect(close.held).toBeLessThan(hamletCount / 2);
    await screenshot(page, 'national-hamlets');

    // A row chosen in the list: the map goes there and outlines it, wherever it lies.
    const rows = await visibleRowIds(page);
    const last = rows[rows.length - 1]!;
    await page.click(`[data-hamlet-id="${last}"]`);
    await page.waitForFunction(
      (id) =>
        window
          .__vt!.map.queryRenderedFeatures({ layers: ['hamlet-selected'] })
          .some((f) => f.properties?.id === id),
      last,
      { timeout: TIMEOUT, polling: 200 },
    );

    // Dragged past the window's edge: the hamlets there are handed to the map and can be picked.
    await viewAt(page, 11);
    const heldBefore = await heldIds(page);
    await page.evaluate((to) => window.__vt!.map.panTo(to, { animate: false }), far);
    await waitForMapIdle(page);
    const panned = await drawn(page);
    expect(panned.hamlets).toBeGreaterThan(10);
    expect(panned.white).toBeGreaterThan(0);
    expect(panned.held).toBeLessThan(hamletCount / 2);
    const target = await page.evaluate((before) => {
      const map = window.__vt!.map;
      const { clientWidth: w, clientHeight: h } = map.getCanvas();
      // A point over a hamlet the map was not holding before the drag.
      for (let y = h * 0.2; y < h * 0.8; y += 7) {
        for (let x = w * 0.2; x < w * 0.8; x += 7) {
          // What a click there picks: the top hamlet or zone (a zone names its hamlet).
          const layers = ['white-hatch', 'weak-hatch', 'hamlets-fill'];
          const f = map.queryRenderedFeatures([x, y], { layers })[0];
          const id = (f?.properties.hamletId ?? f?.properties.id) as string | undefined;
          if (id && !before.includes(id)) return { x, y, id };
        }
      }
      return null;
    }, heldBefore);
    expect(target).not.toBeNull();
    const canvas = (await page.locator('.vt-map canvas').boundingBox())!;
    await page.mouse.click(canvas.x + target!.x, canvas.y + target!.y);
    await page.waitForFunction((id) => window.__vt!.store.getState().selectedHamletId === id, target!.id, {
      timeout: TIMEOUT,
    });

    // A click on a grid cell zooms to it, where its hamlets are drawn.
    await viewAt(page, 7.5);
    const box = (await page.locator('.vt-map canvas').boundingBox())!;
    const cell = await page.evaluate(() => {
      const map = window.__vt!.map;
      const f = map.queryRenderedFeatures({ layers: ['aggregate-fill'] })[0]!;
      const ring = (f.geometry as { coordinates: number[][][] }).coordinates[0]!;
      const [x, y] = [(ring[0]![0]! + ring[2]![0]!) / 2, (ring[0]![1]! + ring[2]![1]!) / 2];
      const p = map.project([x, y]);
      return { x: p.x, y: p.y, id: String(f.properties.cell) };
    });
    await page.mouse.click(box.x + cell.x, box.y + cell.y);
    await page.waitForFunction(
      () => window.__vt!.map.getZoom() >= 9 && !window.__vt!.map.isMoving(),
      undefined,
      {
        timeout: TIMEOUT,
      },
    );
    await waitForMapIdle(page);
    expect((await drawn(page)).hamlets).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });

  it('a what-if works on the session of the run split across workers', async () => {
    const { page, errors } = app;
    const runs = await page.evaluate(() => window.__vtAnalysisRuns!());
    // A 4G site where a white hamlet of a far copy of the province lies (its hamlets another worker may
    // have computed): the edit recomputes them in the analysis worker's session.
    await page.evaluate((at) => window.__vtScenario!.getState().addSiteAt(at), far);
    await waitForScenario(page, 1);
    const after = await page.evaluate(() => {
      const s = window.__vtScenario!.getState();
      return { error: s.error, gained: s.delta?.newMbbHouseholds ?? -1 };
    });
    expect(after.error).toBeNull();
    expect(after.gained).toBeGreaterThanOrEqual(0);
    expect(await page.evaluate(() => window.__vtAnalysisRuns!())).toBe(runs);
    await page.evaluate(() => window.__vtScenario!.getState().clear());
    await waitForScenario(page, 0);
    expect(errors).toEqual([]);
  });

  it('a new ranking preset re-ranks the split run’s result without analysing it again', async () => {
    const { page, errors } = app;
    // Every progress the store hears: an analysis reports its hamlets (done of `hamletCount`).
    await page.evaluate(() => {
      const seen: [number, number][] = [];
      (window as unknown as { __seenProgress: typeof seen }).__seenProgress = seen;
      window.__vt!.store.subscribe((now, was) => {
        if (now.progress && now.progress !== was.progress) seen.push([now.progress.done, now.progress.total]);
      });
    });
    const ranked = () =>
      page.evaluate(() => {
        const s = window.__vt!.store.getState();
        const seen = (window as unknown as { __seenProgress: [number, number][] }).__seenProgress;
        return {
          runId: s.runId,
          preset: s.result!.summary.settings.preset,
          hamlets: s.result!.hamlets.length,
          top: s.result!.ranking.slice(0, 20).map((r) => r.id),
          rows: s.rows.slice(0, 20).map((r) => r.id),
          analysed: seen.some(([, total]) => total > 1),
        };
      });
    const before = await ranked();
    await page.click('[data-tab="settings"]');
    await page.selectOption('[data-testid="setting-preset"]', 'commercial');
    await waitForAnalysis(page, before.runId);
    const commercial = await ranked();
    expect(commercial).toMatchObject({ preset: 'commercial', hamlets: hamletCount, analysed: false });
    expect(commercial.top).not.toEqual(before.top);
    expect(commercial.rows).toEqual(commercial.top);
    // The re-ranked session takes what-if edits.
    await page.evaluate((at) => window.__vtScenario!.getState().addSiteAt(at), far);
    await waitForScenario(page, 1);
    expect(await page.evaluate(() => window.__vtScenario!.getState().error)).toBeNull();
    await page.evaluate(() => window.__vtScenario!.getState().clear());
    await waitForScenario(page, 0);
    // And back: the first ranking again, still without an analysis.
    await page.selectOption('[data-testid="setting-preset"]', 'equity');
    await waitForAnalysis(page, commercial.runId);
    expect(await ranked()).toMatchObject({ preset: 'equity', top: before.top, analysed: false });
    // The Equity result saved again (each new preset's result replaced the saved one), as the reload needs.
    await expect
      .poll(async () => (await savedResultKeys(page)).some((k) => k.includes('"preset":"equity"')), {
        timeout: TIMEOUT,
      })
      .toBe(true);
    await page.click('[data-tab="layers"]');
    expect(errors).toEqual([]);
  });

  it('a reload shows the saved result without analysing again', async () => {
    const { page, errors } = app;
    const ranked = () =>
      page.evaluate(() =>
        window
          .__vt!.store.getState()
          .rows.slice(0, 20)
          .map((r) => r.id),
      );
    const rows = await ranked();
    // Saved when the page is next idle.
    await expect.poll(() => hasSavedResult(page), { timeout: TIMEOUT }).toBe(true);
    // Nothing of the first load still in flight for the reload to abort (the app's icons).
    await page.waitForLoadState('networkidle');
    await page.reload();
    await waitForApp(page);
    const state = await page.evaluate(() => {
      const s = window.__vt!.store.getState();
      return { from: s.lastRunFrom, hamlets: s.result?.hamlets.length, runs: window.__vtAnalysisRuns!() };
    });
    expect(state).toEqual({ from: 'cache', hamlets: hamletCount, runs: 0 });
    expect(await ranked()).toEqual(rows);
    expect(await visibleRowIds(page)).toEqual(rows.slice(0, (await visibleRowIds(page)).length));
    expect(errors).toEqual([]);
  });

  it('after the reload, a new preset ranks the saved result again on the page, with no analysis', async () => {
    const { page, errors } = app;
    const before = await page.evaluate(() => {
      const s = window.__vt!.store.getState();
      return { runId: s.runId, top: s.result!.ranking.slice(0, 20).map((r) => r.id) };
    });
    await page.click('[data-tab="settings"]');
    await page.selectOption('[data-testid="setting-preset"]', 'commercial');
    await waitForAnalysis(page, before.runId);
    const after = await page.evaluate(() => {
      const s = window.__vt!.store.getState();
      return {
        preset: s.result!.summary.settings.preset,
        hamlets: s.result!.hamlets.length,
        top: s.result!.ranking.slice(0, 20).map((r) => r.id),
        rows: s.rows.slice(0, 20).map((r) => r.id),
        runs: window.__vtAnalysisRuns!(),
      };
    });
    expect(after).toMatchObject({ preset: 'commercial', hamlets: hamletCount, runs: 0 });
    expect(after.top).not.toEqual(before.top);
    expect(after.rows).toEqual(after.top);
    await page.click('[data-tab="layers"]');
    expect(errors).toEqual([]);
  });
});
