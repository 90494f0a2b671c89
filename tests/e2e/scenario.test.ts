import { describe, expect, it } from 'vitest';
import { screenshot } from './browser.ts';
import {
  clickMapAt,
  statusOf,
  TIMEOUT,
  waitForApp,
  waitForMapIdle,
  waitForScenario,
  whiteHamlets,
  type Target,
  appForFile,
} from './driver.ts';

const app = appForFile();

describe('what-if planning', () => {
  it('a site on a white hamlet changes its status and the panel shows newly covered households; undo restores', async () => {
    const [target] = await whiteHamlets(app.page, 1);
    expect(target).toBeDefined();
    const t = target as Target;
    expect(await statusOf(app.page, t.id)).toBe('unserved');
    await app.page.click('[data-testid="scenario-mode-add-site"]');
    await clickMapAt(app.page, t.centre);
    await waitForScenario(app.page, 1);
    expect(await statusOf(app.page, t.id)).not.toBe('unserved');
    const newHouseholds = await app.page.textContent(
      '[data-testid="scenario-delta"] [data-measure="newBroadband"] dd',
    );
    expect(Number((newHouseholds ?? '').replace(/\D/g, ''))).toBeGreaterThanOrEqual(
      Math.floor(t.households * 0.5),
    );
    await expect(
      app.page.locator(`[data-testid="scenario-status-changes"] [data-hamlet="${t.id}"]`).count(),
    ).resolves.toBe(1);
    await waitForMapIdle(app.page);
    // The proposed site, its reach and the newly covered (green) area are drawn on the map.
    const drawn = await app.page.evaluate(() => ({
      sites: window.__vt!.map.queryRenderedFeatures({ layers: ['scenario-sites'] }).length,
      covered: window.__vt!.map.queryRenderedFeatures({ layers: ['scenario-covered-fill'] }).length,
    }));
    expect(drawn.sites).toBeGreaterThan(0);
    expect(drawn.covered).toBeGreaterThan(0);
    await screenshot(app.page, 'scenario-site-added');

    await app.page.click('[data-testid="scenario-undo"]');
    await waitForScenario(app.page, 0);
    expect(await statusOf(app.page, t.id)).toBe('unserved');
    await expect(app.page.locator('[data-testid="scenario-delta"]').count()).resolves.toBe(0);
    await app.page.click('[data-testid="scenario-mode-none"]');
  });

  it('two saved scenarios compare side by side', async () => {
    const [a, b] = await whiteHamlets(app.page, 2);
    await app.page.click('[data-testid="scenario-mode-add-site"]');
    await clickMapAt(app.page, (a as Target).centre);
    await waitForScenario(app.page, 1);
    await app.page.fill('[data-testid="scenario-name"]', 'Một trạm');
    await app.page.click('[data-testid="scenario-save"]');
    await clickMapAt(app.page, (b as Target).centre);
    await waitForScenario(app.page, 2);
    await app.page.fill('[data-testid="scenario-name"]', 'Hai trạm');
    await app.page.click('[data-testid="scenario-save"]');
    await app.page.click('[data-testid="scenario-mode-none"]');
    await app.page.check('[data-testid="scenario-compare-Một trạm"]');
    await app.page.check('[data-testid="scenario-compare-Hai trạm"]');
    const table = app.page.locator('[data-testid="scenario-compare"]');
    await expect(table.locator('thead th').allTextContents()).resolves.toEqual([
      'Chỉ số',
      'Một trạm',
      'Hai trạm',
    ]);
    const cells = await table.locator('tr[data-measure="newBroadband"] td').allTextContents();
    const [one, two] = cells.map((c) => Number(c.replace(/\D/g, '')));
    expect(one).toBeGreaterThan(0);
    expect(two).toBeGreaterThan(one as number);
    await app.page.locator('.vt-scenario__saved').scrollIntoViewIfNeeded();
    await screenshot(app.page, 'scenario-compare');
    expect(app.errors).toEqual([]);
  });

  it('the scenario survives the share link and a reload', async () => {
    await app.page.waitForFunction(() => /[?&]s=v1\./.test(location.search), undefined, { timeout: TIMEOUT });
    const link = await app.page.evaluate(() => location.href);
    const edits = await app.page.evaluate(() => window.__vtScenario!.getState().edits.length);
    expect(edits).toBe(2);
    await app.page.reload();
    await waitForApp(app.page);
    await waitForScenario(app.page, 2);
    expect(await app.page.evaluate(() => location.href)).toBe(link);
    const n = await app.page.textContent('[data-testid="scenario-delta"] [data-measure="newBroadband"] dd');
    expect(Number((n ?? '').replace(/\D/g, ''))).toBeGreaterThan(0);
    await screenshot(app.page, 'scenario-after-reload');
  });
});

describe('site suggestions', () => {
  it('suggested sites load as an editable scenario that covers households', async () => {
    await app.page.click('[data-testid="scenario-undo"]');
    await app.page.click('[data-testid="scenario-undo"]');
    await waitForScenario(app.page, 0);
    await app.page.locator('[data-testid="scenario-suggest"]').scrollIntoViewIfNeeded();
    await app.page.click('[data-testid="scenario-suggest"]');
    await waitForScenario(app.page, 5);
    // Named in the interface's language.
    await expect(app.page.evaluate(() => window.__vtScenario!.getState().name)).resolves.toMatch(
      /^Gợi ý: 5 trạm 4G, bán kính 3 km$/,
    );
    const n = await app.page.textContent('[data-testid="scenario-delta"] [data-measure="newBroadband"] dd');
    expect(Number((n ?? '').replace(/\D/g, ''))).toBeGreaterThan(1000);
    // Editable like any scenario: undo removes the last suggested site.
    await app.page.click('[data-testid="scenario-undo"]');
    await waitForScenario(app.page, 4);
    await screenshot(app.page, 'scenario-suggested');
    expect(app.errors).toEqual([]);
  });
});
