import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { open, screenshot } from './browser.ts';
import { idb, waitForAnalysis, waitForApp, appForFile } from './driver.ts';

const tmp = mkdtempSync(join(tmpdir(), 'vt-settings-'));
const SETTINGS_KEY = 'vungtrang:settings:v1';

const app = appForFile();

const state = (p: Page) =>
  p.evaluate(() => {
    const s = window.__vt!.store.getState();
    return { runId: s.runId, settings: s.settings, source: s.dataSource, running: s.running };
  });

describe('settings from outside are checked at every door', () => {
  it('a crafted project file is refused with a message, and the app keeps working', async () => {
    const before = await state(app.page);
    const hamlets = JSON.parse(readFileSync('tests/fixtures/import/hamlets.geojson', 'utf8')) as unknown;
    const path = join(tmp, 'du-an-hong.json');
    writeFileSync(
      path,
      JSON.stringify({
        version: 1,
        layers: { hamlets },
        settings: { circleSegments: 20_000_000, preset: '__proto__', fibreServiceRadiusM: -5 },
      }),
    );
    await app.page.click('[data-testid="data-menu"]');
    await app.page.setInputFiles('[data-testid="project-file-input"]', path);
    const refused = await app.page.waitForSelector('[data-testid="settings-refused"]');
    const text = (await refused.textContent()) ?? '';
    expect(text).toContain('du-an-hong.json có cài đặt không dùng được nên chưa được mở');
    expect(text).toContain('(circleSegments) là 20000000; phải là số nguyên từ 8 đến 256');
    expect(text).toContain('(preset) là "__proto__"');
    expect(text).toContain('(fibreServiceRadiusM) là -5; phải là khoảng cách từ 1 đến 50.000 m');
    expect(text).toContain('Cách sửa: Sửa các cài đặt trên');
    await screenshot(app.page, 'settings-project-refused');
    await app.page.click('[role="dialog"] >> text=Đóng');
    await app.page.waitForSelector('[role="dialog"]', { state: 'detached' });
    const after = await state(app.page);
    expect(after).toEqual({ ...before, running: false });
    // Still working: a setting typed in the panel re-runs the analysis.
    await app.page.click('[data-tab="settings"]');
    await app.page.fill('[data-testid="setting-fibre-radius"]', '800');
    await waitForAnalysis(app.page, before.runId);
    expect((await state(app.page)).settings).toEqual({ fibreServiceRadiusM: 800 });
  });

  it('the settings panel flags a value out of range and does not apply it', async () => {
    const before = await state(app.page);
    await app.page.fill('[data-testid="setting-fibre-radius"]', '-5');
    await app.page.waitForSelector('[data-testid="setting-fibre-radius"][aria-invalid="true"]');
    expect(await app.page.textContent('.vt-field__problem')).toBe('Phải là khoảng cách từ 1 đến 50.000 m.');
    await screenshot(app.page, 'settings-field-refused');
    expect((await state(app.page)).settings).toEqual(before.settings);
    await app.page.fill('[data-testid="setting-fibre-radius"]', '500');
    await app.page.waitForFunction(() => Object.keys(window.__vt!.store.getState().settings).length === 0);
    await app.page.click('[data-tab="layers"]');
  });

  it('poisoned saved settings are dropped with a notice on the next visit, and never come back', async () => {
    await idb(app.page, 'put', SETTINGS_KEY, { version: 1, settings: { circleSegments: 20_000_000 } });
    const { page: next, errors: nextErrors } = await open(app.browser, inject('baseUrl'), {
      context: app.context,
    });
    await waitForApp(next);
    const notice = await next.waitForSelector('[data-testid="restore-notice"]');
    const text = (await notice.textContent()) ?? '';
    expect(text).toContain('Cài đặt đã lưu không dùng được nên đã bị bỏ');
    expect(text).toContain('(circleSegments) là 20000000; phải là số nguyên từ 8 đến 256');
    expect((await state(next)).settings).toEqual({});
    expect(await idb(next, 'get', SETTINGS_KEY)).toBeUndefined();
    await screenshot(next, 'settings-restore-notice');
    await next.setViewportSize({ width: 390, height: 844 });
    await next.evaluate(() => window.__vt!.store.getState().setLang('en'));
    await next.waitForSelector('[data-testid="restore-notice"] >> text=The saved settings could not be used');
    await screenshot(next, 'settings-restore-notice-phone-en');
    await next.click('[data-testid="restore-notice"] >> text=OK');
    await next.waitForSelector('[data-testid="restore-notice"]', { state: 'detached' });
    await next.close();
    // The visit after: nothing to report.
    const { page: third } = await open(app.browser, inject('baseUrl'), { context: app.context });
    await waitForApp(third);
    expect(await third.$('[data-testid="restore-notice"]')).toBeNull();
    await third.close();
    expect(nextErrors).toEqual([]);
    expect(app.errors).toEqual([]);
  });
});
