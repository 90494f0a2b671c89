import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { open, screenshot, waitForSavedResult } from './browser.ts';
import { TIMEOUT, appForFile, runAxe, waitForAnalysis, waitForApp, waitForMapIdle } from './driver.ts';

/**
 * Reading the app as a planner does (issue 14): the list at 1400 px, the keyboard, the phone, and the
 * smaller things that made the numbers hard to trust.
 */
const app = appForFile();

/** Serious and critical axe violations, as "rule: elements" lines. */
const serious = async (p: Page): Promise<string[]> =>
  (await runAxe(p))
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);

/** Puts Chromium's "where Tab starts" at the top of the page, as on a fresh load. */
async function tabFromTop(p: Page): Promise<void> {
  await p.evaluate(() => {
    const start = document.createElement('span');
    start.tabIndex = -1;
    document.body.prepend(start);
    start.focus();
    start.remove();
  });
}

/** The list's rows that are wholly inside its scrolling body (what a person can read without scrolling). */
function rowsInView(p: Page): Promise<string[]> {
  return p.evaluate(() => {
    const body = document.querySelector('[data-testid="ranking-body"]')!.getBoundingClientRect();
    return [...document.querySelectorAll<HTMLElement>('[data-hamlet-id]')]
      .filter((r) => {
        const b = r.getBoundingClientRect();
        return b.height > 0 && b.top >= body.top - 1 && b.bottom <= body.bottom + 1;
      })
      .map((r) => r.dataset.hamletId ?? '');
  });
}

/** Asserts the element's box lies inside the viewport. */
async function expectOnScreen(el: Locator, width: number, height: number): Promise<void> {
  const box = await el.boundingBox();
  expect(box).not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(width + 0.5);
  expect(box!.y + box!.height).toBeLessThanOrEqual(height + 0.5);
}

const selectedId = (p: Page) => p.evaluate(() => window.__vt!.store.getState().selectedHamletId);
const focusedRowId = (p: Page) =>
  p.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.rowFocus ?? null);

describe('the ranked list at 1400 × 900 (issue 14, item 5)', () => {
  it('shows every hamlet’s and commune’s name whole, and headings never break inside a word', async () => {
    const cut = await app.page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.vt-rowbutton__name, .vt-rowbutton__commune')]
        .filter((e) => e.getBoundingClientRect().height > 0)
        .map((e) => ({ text: e.textContent, cut: e.scrollWidth > e.clientWidth })),
    );
    expect(cut.length).toBeGreaterThanOrEqual(10);
    expect(cut.filter((c) => c.cut)).toEqual([]);
    for (const lang of ['en', 'vi'] as const) {
      await app.page.click(`[data-lang="${lang}"]`);
      await app.page.waitForFunction((l) => document.documentElement.lang === l, lang);
      // Each word of each heading has its letters on one line.
      const broken = await app.page.evaluate(() => {
        const out: string[] = [];
        for (const button of document.querySelectorAll('.vt-table__head .vt-sort')) {
          const walker = document.createTreeWalker(button, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            for (const m of (n.textContent ?? '').matchAll(/\S+/g)) {
              const range = document.createRange();
              range.setStart(n, m.index);
              range.setEnd(n, m.index + m[0].length);
              const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
              if (lines.size > 1) out.push(m[0]);
            }
          }
        }
        return out;
      });
      expect(broken, lang).toEqual([]);
      await screenshot(app.page, `list-1400-${lang}`);
    }
  });

  it('gives the full name and commune or ward (since 1 July 2025) on hover and on keyboard focus', async () => {
    // The rows get their unit from a worker once the map has drawn.
    await app.page.waitForFunction(() => window.__vt!.store.getState().unitsStatus === 'ready');
    const row = app.page.locator('[data-hamlet-id]').nth(1);
    const id = (await row.getAttribute('data-hamlet-id'))!;
    const h = await app.page.evaluate((i) => {
      const s = window.__vt!.store.getState();
      return { name: s.coverageById.get(i)!.name, unit: s.unitOf.get(i)!.unitName };
    }, id);
    const full = `${h.name} — ${h.unit}`;
    await expect(row.getAttribute('title')).resolves.toBe(full);
    await app.page.focus(`[data-row-focus="${id}"]`);
    // Focus from the keyboard: an arrow key moves it to the next row and back.
    await app.page.keyboard.press('ArrowDown');
    await app.page.keyboard.press('ArrowUp');
    const tip = app.page.locator('[data-testid="row-tip"]');
    await expect(tip.textContent()).resolves.toBe(full);
    const [tipBox, body] = await Promise.all([
      tip.boundingBox(),
      app.page.locator('[data-testid="ranking-body"]').boundingBox(),
    ]);
    expect(tipBox!.y).toBeGreaterThanOrEqual(body!.y);
    expect(tipBox!.y + tipBox!.height).toBeLessThanOrEqual(body!.y + body!.height);
    await app.page.evaluate(() => (document.activeElement as HTMLElement).blur());
    await expect(tip.count()).resolves.toBe(0);
  });
});

describe('axe on the desktop', () => {
  it('finds nothing serious in English with a hamlet’s details, the share panel and a what-if mode open', async () => {
    await app.page.click('[data-lang="en"]');
    await app.page.evaluate(() => {
      const s = window.__vt!.store.getState();
      s.selectHamlet(s.rows[0]!.id, 'app');
    });
    await app.page.waitForSelector('[data-testid="hamlet-details"]');
    await app.page.click('[data-testid="scenario-mode-add-site"]');
    await app.page.click('[data-testid="share-open"]');
    const found = await serious(app.page);
    await screenshot(app.page, 'desktop-en-details-share');
    // Escape closes the panel and leaves the mode.
    await app.page.keyboard.press('Escape');
    await app.page.waitForFunction(() => window.__vtScenario!.getState().mode === 'none');
    await app.page.click('[data-lang="vi"]');
    expect(found).toEqual([]);
  });
});

describe('the keyboard (issue 14, item 10)', () => {
  it('two keys from the top of the page reach the list; arrows, Home and End move focus and selection together', async () => {
    await app.page.evaluate(() => window.__vt!.store.getState().selectHamlet(null, 'app'));
    await tabFromTop(app.page);
    await app.page.keyboard.press('Tab');
    await expect(app.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe(
      'skip-list',
    );
    await app.page.keyboard.press('Enter');
    const rows = await app.page.evaluate(() => window.__vt!.store.getState().rows.map((r) => r.id));
    await app.page.waitForFunction(
      (first) => document.activeElement?.getAttribute('data-row-focus') === first,
      rows[0],
    );

    for (let i = 0; i < 3; i++) await app.page.keyboard.press('ArrowDown');
    await app.page.waitForFunction(
      (id) => document.activeElement?.getAttribute('data-row-focus') === id,
      rows[3],
    );
    expect(await selectedId(app.page)).toBe(rows[3]);
    await expect(app.page.getAttribute(`[data-hamlet-id="${rows[3]}"]`, 'aria-selected')).resolves.toBe(
      'true',
    );
    await app.page.waitForFunction(
      (name) => document.querySelector('#vt-details-title')?.textContent === name,
      await app.page.evaluate((id) => window.__vt!.store.getState().coverageById.get(id)!.name, rows[3]!),
    );

    await app.page.keyboard.press('End');
    await app.page.waitForFunction(
      (id) => document.activeElement?.getAttribute('data-row-focus') === id,
      rows.at(-1),
    );
    expect(await selectedId(app.page)).toBe(rows.at(-1));
    await app.page.keyboard.press('Home');
    await app.page.waitForFunction(
      (id) => document.activeElement?.getAttribute('data-row-focus') === id,
      rows[0],
    );
    expect(await selectedId(app.page)).toBe(rows[0]);
    await app.page.keyboard.press('PageDown');
    await app.page.waitForFunction(
      (id) => document.activeElement?.getAttribute('data-row-focus') === id,
      rows[10],
    );
    // Only one row is in the Tab order.
    await expect(app.page.locator('#vt-ranking [data-row-focus][tabindex="0"]').count()).resolves.toBe(1);
  });

  it('Enter on a row opens its details; from the list the details are a few Tab presses away', async () => {
    const id = await focusedRowId(app.page);
    expect(id).not.toBeNull();
    await app.page.keyboard.press('Enter');
    await app.page.waitForFunction(() => document.activeElement?.id === 'vt-details');
    await expect(app.page.textContent('#vt-details-title')).resolves.toBe(
      await app.page.evaluate((i) => window.__vt!.store.getState().coverageById.get(i!)!.name, id),
    );
    // Back in the list, Tab leaves it in one press: the rows are one stop, not one each.
    await app.page.focus(`[data-row-focus="${id}"]`);
    let presses = 0;
    while (presses < 10) {
      await app.page.keyboard.press('Tab');
      presses++;
      const inside = await app.page.evaluate(() =>
        Boolean(document.activeElement?.closest('#vt-details-tabs [role="tabpanel"]')),
      );
      if (inside) break;
    }
    expect(presses).toBeLessThanOrEqual(3);
    // And from the top of the page: the second skip link.
    await tabFromTop(app.page);
    await app.page.keyboard.press('Tab');
    await app.page.keyboard.press('Tab');
    await expect(app.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe(
      'skip-details',
    );
    await app.page.keyboard.press('Enter');
    await app.page.waitForFunction(() => document.activeElement?.id === 'vt-details');
    await screenshot(app.page, 'keyboard-details');
  });
});

describe('smaller things (issue 14, item 11)', () => {
  it('the page title follows the language', async () => {
    await app.page.click('[data-lang="en"]');
    await app.page.waitForFunction(() => document.title === 'Vùng Trắng — broadband white-zone map');
    await app.page.click('[data-lang="vi"]');
    await app.page.waitForFunction(() => document.title === 'Vùng Trắng — bản đồ vùng trắng băng rộng');
  });

  it('disabled Undo and Redo do not look like primary buttons', async () => {
    const look = await app.page.evaluate(() => {
      const undo = document.querySelector<HTMLButtonElement>('[data-testid="scenario-undo"]')!;
      const primary = document.querySelector<HTMLButtonElement>(
        '.vt-button:not(:disabled):not(.vt-button--quiet)',
      );
      return {
        disabled: undo.disabled,
        background: getComputedStyle(undo).backgroundColor,
        cursor: getComputedStyle(undo).cursor,
        primary: primary ? getComputedStyle(primary).backgroundColor : null,
      };
    });
    expect(look.disabled).toBe(true);
    expect(look.primary).not.toBeNull();
    expect(look.background).not.toBe(look.primary);
    expect(look.cursor).toBe('not-allowed');
  });

  it('in draw-fibre and switch-off modes a click on a hamlet does not select it', async () => {
    await app.page.evaluate(() => window.__vt!.store.getState().selectHamlet(null, 'app'));
    const box = (await app.page.locator('.vt-map canvas').boundingBox())!;
    const target = await app.page.evaluate(
      ({ w, h }) => {
        const map = window.__vt!.map;
        for (let y = 0.3; y < 0.8; y += 0.05)
          for (let x = 0.3; x < 0.8; x += 0.05) {
            const f = map.queryRenderedFeatures([x * w, y * h], { layers: ['hamlets-fill'] })[0];
            if (f) return { x: x * w, y: y * h };
          }
        return null;
      },
      { w: box.width, h: box.height },
    );
    expect(target).not.toBeNull();
    for (const mode of ['draw-fibre', 'site-off'] as const) {
      await app.page.click(`[data-testid="scenario-mode-${mode}"]`);
      await expect(app.page.isVisible('[data-testid="scenario-mode-banner"]')).resolves.toBe(true);
      await app.page.mouse.click(box.x + target!.x, box.y + target!.y);
      // The click did what the mode does (a route's first point), and selected nothing.
      if (mode === 'draw-fibre')
        await app.page.waitForFunction(() => window.__vtScenario!.getState().draft.length === 1);
      await app.page.waitForTimeout(300);
      expect(await selectedId(app.page)).toBeNull();
    }
    await app.page.click('[data-testid="scenario-mode-exit"]');
    await expect(app.page.locator('[data-testid="scenario-mode-banner"]').count()).resolves.toBe(0);
    // Out of the modes a click selects again.
    await app.page.mouse.click(box.x + target!.x, box.y + target!.y);
    await app.page.waitForFunction(() => window.__vt!.store.getState().selectedHamletId !== null);
  });
});

describe('the phone at 390 × 844 (issue 14, item 6)', () => {
  it('the list shows at least six rows', async () => {
    await app.page.setViewportSize({ width: 390, height: 844 });
    await app.page.click('[data-pane="list"]');
    await app.page.waitForSelector('[data-hamlet-id]', { state: 'visible' });
    expect((await rowsInView(app.page)).length).toBeGreaterThanOrEqual(6);
    await screenshot(app.page, 'phone-list-rows');
    expect(await serious(app.page)).toEqual([]);
    // The filters fold away under one button and come back.
    await app.page.click('[data-testid="filters-toggle"]');
    await expect(app.page.isVisible('[data-testid="filter-status"]')).resolves.toBe(true);
    await app.page.click('[data-testid="filters-toggle"]');
    await expect(app.page.isVisible('[data-testid="filter-status"]')).resolves.toBe(false);
  });

  it('the share panel, the data menu, the import dialog and a confirmation fit the screen', async () => {
    await app.page.click('[data-pane="map"]');
    await app.page.click('[data-testid="share-open"]');
    const share = app.page.locator('.vt-share__panel');
    await expectOnScreen(share, 390, 844);
    await screenshot(app.page, 'phone-share');
    const shareAxe = await serious(app.page);
    await app.page.keyboard.press('Escape');
    expect(shareAxe).toEqual([]);

    await app.page.click('.vt-import-controls > button');
    await expectOnScreen(app.page.locator('.vt-import-menu'), 390, 844);
    await app.page.keyboard.press('Escape');
    await app.page.setInputFiles(
      '[data-testid="import-file-input"]',
      'tests/fixtures/import/hamlets-swapped.geojson',
    );
    const dialog = app.page.locator('[role="dialog"]');
    await dialog.waitFor({ timeout: TIMEOUT });
    await expectOnScreen(dialog, 390, 844);
    await screenshot(app.page, 'phone-import-dialog');
    const importAxe = await serious(app.page);
    await app.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(importAxe).toEqual([]);

    // "Gợi ý" with edits on the map asks first; keeping them leaves them as they were.
    await app.page.evaluate(() => {
      const s = window.__vt!.store.getState();
      window.__vtScenario!.getState().addSiteAt(s.center);
    });
    await app.page.click('[data-pane="layers"]');
    await app.page.locator('[data-testid="scenario-suggest"]').scrollIntoViewIfNeeded();
    await app.page.click('[data-testid="scenario-suggest"]');
    const confirm = app.page.locator('[role="alertdialog"]');
    await confirm.waitFor();
    await expectOnScreen(confirm, 390, 844);
    await screenshot(app.page, 'phone-suggest-confirm');
    const confirmAxe = await serious(app.page);
    await app.page.click('[role="alertdialog"] >> text=Giữ các thay đổi');
    await confirm.waitFor({ state: 'detached' });
    expect(confirmAxe).toEqual([]);
    const edits = await app.page.evaluate(() => window.__vtScenario!.getState().edits.map((e) => e.kind));
    expect(edits).toEqual(['add-site']);
    await app.page.evaluate(() => window.__vtScenario!.getState().clear());
  });

  it('a what-if mode chosen on the layers tab shows on the map, where a click adds a site', async () => {
    await app.page.click('[data-pane="layers"]');
    await app.page.click('[data-testid="scenario-mode-add-site"]');
    // The map comes up, with the mode on it.
    await app.page.waitForFunction(() => window.__vt!.store.getState().mobilePane === 'map');
    const banner = app.page.locator('[data-testid="scenario-mode-banner"]');
    await expectOnScreen(banner, 390, 844);
    await expect(banner.textContent()).resolves.toMatch(/Thêm trạm/);
    await waitForMapIdle(app.page);
    await screenshot(app.page, 'phone-add-site-mode');
    expect(await serious(app.page)).toEqual([]);
    const box = (await app.page.locator('.vt-map canvas').boundingBox())!;
    await app.page.mouse.click(box.x + box.width / 2, box.y + box.height * 0.6);
    await app.page.waitForFunction(() => window.__vtScenario!.getState().edits.length === 1);
    await app.page.click('[data-testid="scenario-mode-exit"]');
    await app.page.evaluate(() => window.__vtScenario!.getState().clear());
    await app.page.setViewportSize({ width: 1400, height: 900 });
    expect(app.errors).toEqual([]);
  });
});

describe('laptop screens narrower than the desktop layout', () => {
  it.each([
    [1024, 768],
    [1280, 800],
  ])('at %i × %i nothing lies beyond the window, in both languages', async (width, height) => {
    await app.page.setViewportSize({ width, height });
    for (const lang of ['vi', 'en'] as const) {
      await app.page.click(`[data-lang="${lang}"]`);
      await app.page.waitForFunction((l) => document.documentElement.lang === l, lang);
      // The page never scrolls sideways: the panels and the header take the window's width.
      await expect(app.page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBe(width);
      await expectOnScreen(app.page.locator('#vt-right'), width, height);
      await expectOnScreen(app.page.locator('.vt-map canvas'), width, height);
      for (const l of ['vi', 'en'])
        await expectOnScreen(app.page.locator(`[data-lang="${l}"]`), width, height);
      // The language switch is whole, not squeezed: nothing in it is cut.
      await expect(
        app.page.locator('.vt-lang').evaluate((e) => e.scrollWidth <= e.clientWidth),
      ).resolves.toBe(true);
    }
    await screenshot(app.page, `laptop-${width}`);
    await app.page.setViewportSize({ width: 1400, height: 900 });
    await app.page.click('[data-lang="vi"]');
  });
});

describe('a laptop at 1,024 px opens with the map first', () => {
  it('the layers panel closed, the legend over the map, both a click away', async () => {
    const laptop = await open(app.browser, inject('baseUrl'), { width: 1024, height: 768 });
    const { page } = laptop;
    try {
      await waitForApp(page);
      const toggle = page.locator('button[aria-controls="vt-left"]');
      await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('false');
      // The map takes what the list leaves: 544 px, against 244 px with both panels open.
      const map = (await page.locator('.vt-map canvas').boundingBox())!;
      expect(map.width).toBeGreaterThan(500);
      // The legend over the map is the panel's legend, entry for entry, and clear of the fitted data.
      const legend = page.locator('[data-testid="map-legend"]');
      await expectOnScreen(legend, 1024, 768);
      const entries = (l: Locator) =>
        l.locator('[data-entry]').evaluateAll((es) => es.map((e) => (e as HTMLElement).dataset.entry));
      const onMap = await entries(legend);
      expect(onMap.length).toBeGreaterThan(2);
      await expect(entries(page.locator('#vt-left .vt-legend'))).resolves.toEqual(onMap);
      const box = (await legend.boundingBox())!;
      const east = await page.evaluate(() => {
        // The hamlets' easternmost point, on the screen.
        let lon = -Infinity;
        const walk = (c: unknown): void => {
          if (typeof (c as number[])[0] === 'number') lon = Math.max(lon, (c as number[])[0]!);
          else for (const x of c as unknown[]) walk(x);
        };
        for (const f of window.__vt!.store.getState().input!.hamlets.features) walk(f.geometry.coordinates);
        const m = window.__vt!.map;
        return m.project([lon, m.getCenter().lat]).x;
      });
      expect(map.x + east).toBeLessThan(box.x);
      await screenshot(page, 'laptop-1024-first');
      // Folded to its title, it keeps out of the way.
      await legend.locator('summary').click();
      await expect(legend.evaluate((e) => (e as HTMLDetailsElement).open)).resolves.toBe(false);
      expect((await legend.boundingBox())!.height).toBeLessThan(40);
      // Opening the layers panel brings its own legend; the one over the map goes.
      await toggle.click();
      await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('true');
      await expect(legend.count()).resolves.toBe(0);
      await expect(page.locator('#vt-left .vt-legend').isVisible()).resolves.toBe(true);
      expect(laptop.errors).toEqual([]);
    } finally {
      await laptop.context.close();
    }
  });
});

describe('a second visit (issue 14, item 11)', () => {
  it('says where the result came from instead of “finished in 0 seconds”', async () => {
    const { page } = app;
    // The sample with the default settings: its result was computed when the app was built, not now.
    await page.evaluate(() => indexedDB.deleteDatabase('vungtrang-results'));
    await page.reload();
    await waitForApp(page);
    expect(await page.evaluate(() => window.__vt!.store.getState().lastRunFrom)).toBe('shipped');
    await expect(page.textContent('[data-testid="analysis-done"]')).resolves.toBe(
      'Kết quả của dữ liệu mẫu với cài đặt mặc định, do bộ phân tích tính khi dựng phiên bản này',
    );
    // Other settings are analysed; their result is saved when the page is idle and read back on reload.
    const before = await page.evaluate(() => window.__vt!.store.getState().runId);
    await page.click('[data-tab="settings"]');
    await page.fill('[data-testid="setting-fibre-radius"]', '800');
    await waitForAnalysis(page, before);
    await expect(page.textContent('[data-testid="analysis-done"]')).resolves.toMatch(/^Phân tích xong trong/);
    await waitForSavedResult(page, 'sample', TIMEOUT, 500);
    await page.reload();
    await waitForApp(page);
    await expect(page.textContent('[data-testid="analysis-done"]')).resolves.toBe(
      'Kết quả đã lưu của lần phân tích trước (cùng dữ liệu và cài đặt)',
    );
  });
});
