import { readdirSync } from 'node:fs';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { open, screenshot } from './browser.ts';
import {
  TIMEOUT,
  canvasSpread,
  rowCountText,
  runAxe,
  stripDiacritics,
  visibleRowIds,
  waitForAnalysis,
  waitForApp,
  waitForMapIdle,
  appForFile,
} from './driver.ts';

const app = appForFile();

// Each test starts from an unfiltered list, whatever the previous one left behind.
afterEach(async () => {
  await app.page.evaluate(() => window.__vt?.store.getState().resetFilters());
});

describe('the planner’s map', () => {
  it('first load shows a drawn map with hamlets, the ranked list and the illustrative note', async () => {
    expect(await canvasSpread(app.page)).toBeGreaterThan(8);
    const counts = await app.page.evaluate(() => {
      const map = window.__vt!.map;
      return {
        source: map.querySourceFeatures('hamlets').length,
        rendered: map.queryRenderedFeatures({ layers: ['hamlets-fill'] }).length,
      };
    });
    expect(counts.source).toBeGreaterThan(0);
    expect(counts.rendered).toBeGreaterThan(0);
    expect((await visibleRowIds(app.page)).length).toBeGreaterThan(5);
    await expect(app.page.textContent('[data-testid="illustrative-note"]')).resolves.toMatch(/minh hoạ/);
    await screenshot(app.page, 'first-load');
    expect(app.errors).toEqual([]);
  });

  it('a first visit says the map is loading until the map has drawn the province once', async () => {
    // The map of this file's app has drawn: no placeholder is left over it.
    expect(await app.page.locator('[data-testid="map-placeholder"]').count()).toBe(0);
    const { page, context, errors } = await open(app.browser, inject('baseUrl'));
    try {
      const placeholder = page.locator('[data-testid="map-placeholder"]');
      await placeholder.waitFor({ state: 'visible', timeout: TIMEOUT });
      expect(await placeholder.textContent()).toBe('Đang tải bản đồ…');
      await waitForApp(page);
      await placeholder.waitFor({ state: 'detached', timeout: TIMEOUT });
      expect(await canvasSpread(page)).toBeGreaterThan(8);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 300_000);

  it('the build’s gzip copies reach the browser: the page’s scripts and the worker’s sample files', async () => {
    // The page's own scripts: compressed on the wire (what the resource timing saw), whole once decoded.
    const scripts = await app.page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((e): e is PerformanceResourceTiming => e.name.endsWith('.js'))
        .map((e) => ({ name: e.name, encoded: e.encodedBodySize, decoded: e.decodedBodySize })),
    );
    const main = scripts.find((s) => /\/main-[^/]+\.js$/.test(s.name));
    expect(main?.decoded).toBeGreaterThan(0);
    expect(main!.encoded).toBeLessThan(main!.decoded / 2);
    // The sample (fetched by the analysis worker, out of the page's timeline): asked for as a browser does.
    const hamlets = readdirSync('dist/assets').find((n) => /^hamlets-.*\.geojson$/.test(n));
    const res = await fetch(new URL(`assets/${hamlets}`, inject('baseUrl')), {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    const fc = (await res.json()) as { type: string; features: unknown[] };
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features.length).toBeGreaterThan(1000);
  });

  it('a status filter narrows the list to that status', async () => {
    const before = await rowCountText(app.page);
    await app.page.selectOption('[data-testid="filter-status"]', 'unserved');
    await app.page.waitForFunction(
      (b) => document.querySelector('[data-testid="ranking-count"]')?.textContent !== b,
      before,
    );
    const statuses = await app.page.$$eval('[data-hamlet-id] .vt-cell--status', (els) =>
      els.map((e) => e.textContent),
    );
    expect(statuses.length).toBeGreaterThan(0);
    expect(new Set(statuses)).toEqual(new Set(['Chưa phủ']));
    await app.page.click('text=Xoá bộ lọc');
    await app.page.waitForFunction(
      (b) => document.querySelector('[data-testid="ranking-count"]')?.textContent === b,
      before,
    );
  });

  it('search without diacritics finds a hamlet written with them', async () => {
    const target = await app.page.evaluate(() => {
      const rows = window.__vt!.store.getState().rows;
      const r = rows.find((x) => /[^ -~]/.test(x.name + x.commune))!;
      return { id: r.id, text: `${r.name} ${r.commune}`, total: rows.length };
    });
    await app.page.fill('[data-testid="ranking-search"]', stripDiacritics(target.text));
    await app.page.waitForSelector(`[data-hamlet-id="${target.id}"]`, { timeout: TIMEOUT });
    const shown = await app.page.evaluate(() => document.querySelectorAll('[data-hamlet-id]').length);
    expect(shown).toBeLessThan(target.total);
  });

  it('clicking a row selects the hamlet on the map and shows its details', async () => {
    const id = (await visibleRowIds(app.page))[2]!;
    await app.page.click(`[data-hamlet-id="${id}"] .vt-cell--status`);
    await app.page.waitForSelector('[data-testid="hamlet-details"]');
    const name = await app.page.evaluate((i) => window.__vt!.store.getState().coverageById.get(i)!.name, id);
    await expect(app.page.textContent('#vt-details-title')).resolves.toBe(name);
    await expect(app.page.getAttribute(`[data-hamlet-id="${id}"]`, 'aria-selected')).resolves.toBe('true');
    await app.page.waitForFunction(() => window.__vt!.map.isMoving() === false);
    await waitForMapIdle(app.page);
    const highlighted = await app.page.evaluate(() =>
      window.__vt!.map.queryRenderedFeatures({ layers: ['hamlet-selected'] }).map((f) => f.properties.id),
    );
    expect(highlighted).toContain(id);
    await screenshot(app.page, 'row-selected');
  });

  it('clicking the map selects that hamlet’s row and scrolls it into view', async () => {
    await waitForMapIdle(app.page);
    const box = (await app.page.locator('.vt-map canvas').boundingBox())!;
    // Pick a point on a hamlet away from the one already selected, where nothing lies over the map.
    const target = await app.page.evaluate(
      ({ w, h, left, top }) => {
        const map = window.__vt!.map;
        const canvas = map.getCanvas();
        const selected = window.__vt!.store.getState().selectedHamletId;
        for (let y = 0.2; y < 0.9; y += 0.1) {
          for (let x = 0.2; x < 0.9; x += 0.1) {
            if (document.elementFromPoint(left + x * w, top + y * h) !== canvas) continue;
            const f = map.queryRenderedFeatures([x * w, y * h], {
              layers: ['white-hatch', 'weak-hatch', 'hamlets-fill'],
            })[0];
            const id = (f?.properties.hamletId ?? f?.properties.id) as string | undefined;
            if (id && id !== selected) return { x: x * w, y: y * h, id };
          }
        }
        return null;
      },
      { w: box.width, h: box.height, left: box.x, top: box.y },
    );
    expect(target).not.toBeNull();
    await app.page.mouse.click(box.x + target!.x, box.y + target!.y);
    // The map's click chose that hamlet (a wrong one is named in the failure).
    await expect
      .poll(() => app.page.evaluate(() => window.__vt!.store.getState().selectedHamletId), {
        timeout: TIMEOUT,
      })
      .toBe(target!.id);
    const row = app.page.locator(`[data-hamlet-id="${target!.id}"]`);
    // The row may be in the list before the click is handled: wait for the selection, not the row.
    await expect
      .poll(() => row.getAttribute('aria-selected', { timeout: TIMEOUT }), { timeout: TIMEOUT })
      .toBe('true');
    // Scrolled into view (after the selection is drawn): the row lies within the list's body.
    const inView = async (): Promise<boolean> => {
      const [rowBox, bodyBox] = await Promise.all([
        row.boundingBox(),
        app.page.locator('[data-testid="ranking-body"]').boundingBox(),
      ]);
      return (
        !!rowBox &&
        !!bodyBox &&
        rowBox.y >= bodyBox.y - 1 &&
        rowBox.y + rowBox.height <= bodyBox.y + bodyBox.height + 1
      );
    };
    await expect.poll(inView, { timeout: TIMEOUT }).toBe(true);
  });

  it('picking a district in the breadcrumb shows its roll-up and outlines it on the map', async () => {
    await app.page.click('[data-tab="area"]');
    await app.page.selectOption('[data-testid="unit-system"]', 'districts');
    const district = await app.page.evaluate(
      () => window.__vt!.store.getState().result!.summary.districts[0]!,
    );
    await app.page.selectOption('select[aria-label="Chọn huyện"]', district.code);
    await app.page.waitForFunction(
      (name) => document.querySelector('#vt-area-title')?.textContent === name,
      district.name,
    );
    await expect(app.page.textContent('[data-testid="area-hamlets"]')).resolves.toBe(
      new Intl.NumberFormat('vi-VN').format(district.hamlets),
    );
    await waitForMapIdle(app.page);
    const outlined = await app.page.evaluate(() =>
      window.__vt!.map.queryRenderedFeatures({ layers: ['area-selected'] }).map((f) => f.properties.code),
    );
    expect(outlined).toContain(district.code);
    await screenshot(app.page, 'area-district');
    await app.page.selectOption('[data-testid="unit-system"]', 'units');
  });

  it('with “pick on the map” on, clicking the map picks the district (zoomed out) or the commune, and Escape goes back up', async () => {
    await app.page.click('[data-tab="area"]');
    // The 2020–2024 system: province › district › commune (the units of 2025 are picked in units.test.ts).
    await app.page.selectOption('[data-testid="unit-system"]', 'districts');
    await app.page.click('[data-testid="area-pick-on-map"]');
    await expect(app.page.getAttribute('[data-testid="area-pick-on-map"]', 'aria-pressed')).resolves.toBe(
      'true',
    );
    const centre = await app.page.evaluate(() => {
      const s = window.__vt!.store.getState();
      s.setArea({ level: 'province', code: s.result!.summary.province.code });
      const c = window.__vt!.map.getCenter();
      return [c.lng, c.lat] as [number, number];
    });
    const areaNow = () =>
      app.page.evaluate(() => {
        const s = window.__vt!.store.getState();
        const all = [...s.result!.summary.districts, ...s.result!.summary.communes];
        return { ...s.area, name: all.find((a) => a.code === s.area.code)?.name ?? null };
      });
    const clickCentre = async (zoom: number): Promise<void> => {
      await app.page.evaluate(([c, z]) => window.__vt!.map.jumpTo({ center: c, zoom: z }), [
        centre,
        zoom,
      ] as const);
      await waitForMapIdle(app.page);
      const box = (await app.page.locator('.vt-map canvas').boundingBox())!;
      await app.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    };
    const provinceTitle = await app.page.textContent('#vt-area-title');

    await clickCentre(9);
    await app.page.waitForFunction(() => window.__vt!.store.getState().area.level === 'district');
    const district = await areaNow();
    await app.page.waitForFunction(
      (name) => document.querySelector('#vt-area-title')?.textContent === name,
      district.name,
    );
    await waitForMapIdle(app.page);
    const outlined = await app.page.evaluate(() =>
      window.__vt!.map.queryRenderedFeatures({ layers: ['area-selected'] }).map((f) => f.properties.code),
    );
    expect(outlined).toContain(district.code);

    await app.page.keyboard.press('Escape');
    await app.page.waitForFunction(
      (t) => document.querySelector('#vt-area-title')?.textContent === t,
      provinceTitle,
    );

    await clickCentre(11.5);
    await app.page.waitForFunction(() => window.__vt!.store.getState().area.level === 'commune');
    const commune = await areaNow();
    await app.page.waitForFunction(
      (name) => document.querySelector('#vt-area-title')?.textContent === name,
      commune.name,
    );
    await screenshot(app.page, 'area-commune-by-click');
    // Up one level: the commune's own district, the one the zoomed-out click picked at the same spot.
    await app.page.keyboard.press('Escape');
    await app.page.waitForFunction(
      (name) => document.querySelector('#vt-area-title')?.textContent === name,
      district.name,
    );
    // Back at the province, Escape turns picking off: map clicks select hamlets again.
    await app.page.keyboard.press('Escape');
    await app.page.keyboard.press('Escape');
    await app.page.waitForFunction(() => !window.__vt!.store.getState().pickAreas);
    await expect(app.page.getAttribute('[data-testid="area-pick-on-map"]', 'aria-pressed')).resolves.toBe(
      'false',
    );
    await app.page.selectOption('[data-testid="unit-system"]', 'units');
  });

  it('switching the language changes the interface', async () => {
    await app.page.click('[data-lang="en"]');
    await app.page.waitForSelector('text=Hamlets ranked for investment');
    await expect(app.page.getAttribute('html', 'lang')).resolves.toBe('en');
    await screenshot(app.page, 'english');
    await app.page.click('[data-lang="vi"]');
    await app.page.waitForSelector('text=Danh sách thôn xếp hạng đầu tư');
  });

  it('changing a setting re-runs the analysis and the list changes', async () => {
    const before = await app.page.evaluate(() => {
      const s = window.__vt!.store.getState();
      return {
        runId: s.runId,
        uncovered: s.rows.reduce((a, r) => a + r.uncoveredHouseholds, 0),
        first: s.rows.slice(0, 10).map((r) => r.id),
      };
    });
    await app.page.click('[data-tab="settings"]');
    await app.page.fill('[data-testid="setting-fibre-radius"]', '3000');
    await waitForAnalysis(app.page, before.runId);
    const after = await app.page.evaluate(() => {
      const s = window.__vt!.store.getState();
      return {
        uncovered: s.rows.reduce((a, r) => a + r.uncoveredHouseholds, 0),
        first: s.rows.slice(0, 10).map((r) => r.id),
      };
    });
    // A wider fibre reach can only cover more households.
    expect(after.uncovered).toBeLessThan(before.uncovered);
    expect(after.first).not.toEqual(before.first);
    await app.page.click('[data-tab="layers"]');
  });

  it('axe finds no serious or critical accessibility violations', async () => {
    const violations = (await runAxe(app.page)).filter(
      (v) => v.impact === 'serious' || v.impact === 'critical',
    );
    expect(violations).toEqual([]);
  });

  it('works on a phone: map first, the list one tap away', async () => {
    // Same page, phone-sized: the layout is responsive, so there is no need to load and analyse again.
    await app.page.setViewportSize({ width: 390, height: 844 });
    await app.page.click('[data-pane="map"]');
    await waitForMapIdle(app.page);
    await screenshot(app.page, 'phone-map');
    await app.page.click('[data-pane="list"]');
    await app.page.waitForSelector('[data-hamlet-id]', { state: 'visible' });
    expect(await app.page.isVisible('.vt-map')).toBe(false);
    await screenshot(app.page, 'phone-list');
    await app.page.setViewportSize({ width: 1400, height: 900 });
  });
});
