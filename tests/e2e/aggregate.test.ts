import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { open, screenshot } from './browser.ts';
import { TIMEOUT, appForFile, waitForApp, waitForMapIdle, waitForScenario } from './driver.ts';

const app = appForFile();

/** Waits until the hamlets are placed in the units and the result is rolled up by unit. */
async function waitForUnitSummary(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const s = window.__vt!.store.getState();
      return s.unitsStatus === 'ready' && s.unitSummary !== null;
    },
    undefined,
    { timeout: TIMEOUT, polling: 200 },
  );
}

/** Centres the map on the province at `zoom` and waits until it is drawn. */
async function provinceAt(page: Page, zoom: number): Promise<void> {
  await page.evaluate((z) => {
    const s = window.__vt!.store.getState();
    const [w, so, e, n] = [105.924, 19.89, 106.6, 20.5];
    s.setCamera([(w + e) / 2, (so + n) / 2], z, 'app');
  }, zoom);
  await page.waitForFunction((z) => Math.abs(window.__vt!.map.getZoom() - z) < 0.01, zoom);
  await waitForMapIdle(page);
}

/** Features drawn now: the units' aggregate, the hamlets, the white zones and the sites. */
async function drawn(
  page: Page,
): Promise<{ aggregate: number; hamlets: number; white: number; sites: number }> {
  return page.evaluate(() => {
    const map = window.__vt!.map;
    const n = (id: string) => map.queryRenderedFeatures({ layers: [id] }).length;
    return {
      aggregate: n('aggregate-fill'),
      hamlets: n('hamlets-fill'),
      white: n('white-hatch'),
      sites: n('sites'),
    };
  });
}

/** Below the switch: the aggregate and no hamlets, zones or sites; from the switch up, the reverse. */
function expectSide(counts: Awaited<ReturnType<typeof drawn>>, aggregate: boolean): void {
  const detail = [counts.hamlets, counts.white, counts.sites];
  if (aggregate) {
    expect(counts.aggregate).toBeGreaterThan(0);
    expect(detail).toEqual([0, 0, 0]);
  } else {
    expect(counts.aggregate).toBe(0);
    expect(detail.every((n) => n > 0)).toBe(true);
  }
}

const shows = (page: Page) => page.textContent('#vt-left [data-testid="legend-shows"]');

describe('the map below and above the switch zoom', () => {
  it('below zoom 9 draws the communes and wards by their hamlets’ status, and no hamlets, zones or sites', async () => {
    const { page } = app;
    await waitForUnitSummary(page);
    await provinceAt(page, 7);
    expectSide(await drawn(page), true);
    // Each drawn unit carries its roll-up: the hamlets in it by status, and its gap.
    const units = await page.evaluate(() => {
      const s = window.__vt!.store.getState();
      const rollups = new Map(s.unitSummary!.units!.map((u) => [u.code, u]));
      return window.__vt!.map.queryRenderedFeatures({ layers: ['aggregate-fill'] }).map((f) => {
        const p = f.properties as { code: string; hamlets: number; unserved: number; gap: number };
        const r = rollups.get(p.code);
        return {
          drawn: [p.hamlets, p.unserved],
          rollup: r ? [r.hamlets, r.hamletsByStatus.unserved] : null,
          gap: p.gap,
        };
      });
    });
    expect(units.every((u) => JSON.stringify(u.drawn) === JSON.stringify(u.rollup))).toBe(true);
    expect(new Set(units.map((u) => u.gap)).size).toBeGreaterThan(3);
    await expect(shows(page)).resolves.toBe(
      'Ở mức thu phóng này: tổng hợp theo từng xã, phường. Phóng to để xem từng thôn.',
    );
    await expect(page.textContent('#vt-left [data-testid="legend-ramp"] figcaption')).resolves.toMatch(
      /^Tỷ lệ thôn thiếu phủ sóng theo xã, phường/,
    );
    expect(
      await page.$$eval(
        '#vt-left .vt-legend [data-entry="white"], #vt-left .vt-legend [data-entry="weak"]',
        (e) => e.length,
      ),
    ).toBe(0);
    await screenshot(page, 'aggregate-z7-vi');
  });

  it('from zoom 9 up draws the hamlets and their zones, and no aggregate', async () => {
    const { page } = app;
    await provinceAt(page, 11);
    expectSide(await drawn(page), false);
    await expect(shows(page)).resolves.toBe('Ở mức thu phóng này: từng thôn.');
    await screenshot(page, 'aggregate-z11-vi');
  });

  it('a click on a unit of the aggregate opens its roll-up and zooms to it, where its hamlets show', async () => {
    const { page } = app;
    await provinceAt(page, 7.5);
    const box = (await page.locator('.vt-map canvas').boundingBox())!;
    // A point on a unit with hamlets, near the middle of the map.
    const target = await page.evaluate(
      ({ w, h }) => {
        const map = window.__vt!.map;
        for (let r = 0; r < 0.3; r += 0.01) {
          for (const [dx, dy] of [
            [1, 0],
            [0, 1],
            [-1, 0],
            [0, -1],
          ]) {
            const [x, y] = [w / 2 + dx! * r * w, h / 2 + dy! * r * h];
            const f = map.queryRenderedFeatures([x, y], { layers: ['aggregate-fill'] })[0];
            const p = f?.properties as { code?: string; name?: string; hamlets?: number } | undefined;
            if (p?.code && (p.hamlets ?? 0) > 0) return { x, y, code: p.code, name: p.name ?? '' };
          }
        }
        return null;
      },
      { w: box.width, h: box.height },
    );
    expect(target).not.toBeNull();
    await page.mouse.move(box.x + target!.x, box.y + target!.y);
    await expect(page.evaluate(() => window.__vt!.map.getCanvas().style.cursor)).resolves.toBe('pointer');
    await page.mouse.click(box.x + target!.x, box.y + target!.y);
    await page.waitForFunction((code) => {
      const a = window.__vt!.store.getState().area;
      return a.level === 'unit' && a.code === code;
    }, target!.code);
    await page.waitForFunction(
      (name) => document.querySelector('#vt-area-title')?.textContent === name,
      target!.name,
    );
    // The map flies to the unit: past the switch, its hamlets are drawn and the unit is outlined.
    await page.waitForFunction(
      () => window.__vt!.map.getZoom() >= 9 && !window.__vt!.map.isMoving(),
      undefined,
      {
        timeout: TIMEOUT,
      },
    );
    await waitForMapIdle(page);
    const counts = await drawn(page);
    expect(counts.aggregate).toBe(0);
    expect(counts.hamlets).toBeGreaterThan(0);
    const outlined = await page.evaluate(() =>
      window.__vt!.map.queryRenderedFeatures({ layers: ['area-selected'] }).map((f) => f.properties.code),
    );
    expect(outlined).toContain(target!.code);
    // No hamlet was selected by the click.
    expect(await page.evaluate(() => window.__vt!.store.getState().selectedHamletId)).toBeNull();
    await screenshot(page, 'aggregate-unit-clicked');
    await page.evaluate(() => window.__vt!.store.getState().resetFilters());
  });

  it('a what-if site stays on the map below the switch zoom', async () => {
    const { page } = app;
    await provinceAt(page, 11);
    await page.evaluate(() => {
      const c = window.__vt!.map.getCenter();
      window.__vtScenario!.getState().addSiteAt([c.lng, c.lat]);
    });
    await waitForScenario(page, 1);
    await provinceAt(page, 7);
    const shown = await page.evaluate(() => ({
      sites: window.__vt!.map.queryRenderedFeatures({ layers: ['scenario-sites'] }).length,
      reach: window.__vt!.map.queryRenderedFeatures({ layers: ['scenario-reach'] }).length,
    }));
    expect(shown.sites).toBeGreaterThan(0);
    expect(shown.reach).toBeGreaterThan(0);
    await page.evaluate(() => window.__vtScenario!.getState().clear());
    await waitForScenario(page, 0);
  });

  it('says what it shows in English too', async () => {
    const { page } = app;
    await page.evaluate(() => window.__vt!.store.getState().setLang('en'));
    await provinceAt(page, 7);
    await expect(shows(page)).resolves.toBe(
      'At this zoom: each commune and ward as a whole. Zoom in to see each hamlet.',
    );
    await screenshot(page, 'aggregate-z7-en');
    await provinceAt(page, 11);
    await expect(shows(page)).resolves.toBe('At this zoom: each hamlet.');
    await screenshot(page, 'aggregate-z11-en');
    await page.evaluate(() => window.__vt!.store.getState().setLang('vi'));
  });

  it('on a phone, in both languages, at zoom 7 and 11', async () => {
    const phone = await open(app.browser, inject('baseUrl'), { width: 390, height: 844 });
    try {
      await waitForApp(phone.page);
      await waitForUnitSummary(phone.page);
      for (const lang of ['vi', 'en'] as const) {
        await phone.page.evaluate((l) => window.__vt!.store.getState().setLang(l), lang);
        for (const zoom of [7, 11]) {
          await provinceAt(phone.page, zoom);
          expectSide(await drawn(phone.page), zoom < 9);
          await screenshot(phone.page, `aggregate-phone-z${zoom}-${lang}`);
          // The legend is on the layers pane on a phone.
          await phone.page.evaluate(() => window.__vt!.store.getState().setMobilePane('layers'));
          await phone.page.locator('#vt-left [data-testid="legend-shows"]').scrollIntoViewIfNeeded();
          await screenshot(phone.page, `aggregate-phone-legend-z${zoom}-${lang}`);
          await phone.page.evaluate(() => window.__vt!.store.getState().setMobilePane('map'));
        }
      }
    } finally {
      await phone.context.close();
    }
  });

  it('raised no page errors', () => {
    expect(app.errors).toEqual([]);
  });
});
