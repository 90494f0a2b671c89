import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { HAMLET_FILL_OPACITY, STATUS_COLOURS, ZONES, seenColour } from '../../src/map/palette.ts';
import { PRINT_PIXEL_RATIO, fitZoom, metresPerCssPixel } from '../../src/map/snapshotLayout.ts';
import { isoDay, slugify } from '../../src/store/share/fileName.ts';
import { collectErrors, launch, open, plannerContext, screenshot } from './browser.ts';

const baseUrl = inject('baseUrl');
const WAIT = { timeout: 90_000, polling: 200 };
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const newContext = (): Promise<BrowserContext> => plannerContext(browser);

/** Data loaded, first analysis done, map drawn and still. */
async function ready(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const vt = window.__vt;
      const s = vt?.store.getState();
      return !!s && s.dataStatus === 'ready' && s.result !== null && !s.running && vt!.map.loaded();
    },
    undefined,
    WAIT,
  );
  await page.waitForFunction(
    () => {
      const m = window.__vt?.map;
      return !!m && m.loaded() && !m.isMoving() && m.areTilesLoaded();
    },
    undefined,
    WAIT,
  );
}

/** The parts of the store a link must restore, plus the list as shown. */
async function viewOf(page: Page) {
  return page.evaluate(() => {
    const s = window.__vt!.store.getState();
    return {
      center: s.center,
      zoom: s.zoom,
      layers: [...s.layers].sort(),
      colourBy: s.colourBy,
      filters: s.filters,
      area: s.area,
      selectedHamletId: s.selectedHamletId,
      settings: s.settings,
      lang: s.lang,
      count: document.querySelector('[data-testid="ranking-count"]')?.textContent ?? '',
      rows: [...document.querySelectorAll('[data-hamlet-id]')].map((e) => e.getAttribute('data-hamlet-id')),
    };
  });
}

function metresBetween(a: [number, number], b: [number, number]): number {
  const rad = Math.PI / 180;
  const x = (b[0] - a[0]) * rad * Math.cos(((a[1] + b[1]) / 2) * rad);
  const y = (b[1] - a[1]) * rad;
  return Math.hypot(x, y) * 6_371_000;
}

async function openShare(page: Page): Promise<void> {
  if ((await page.getAttribute('[data-testid="share-open"]', 'aria-expanded')) !== 'true') {
    await page.click('[data-testid="share-open"]');
  }
}

/** Narrows the list to one district's unserved hamlets, changes layers and colouring, selects a hamlet. */
async function changeView(page: Page): Promise<string> {
  const id = await page.evaluate(() => {
    const s = window.__vt!.store.getState();
    const row = s.rows.find((r) => r.status === 'unserved') ?? s.rows[0]!;
    s.setFilters({ district: row.districtCode, status: row.status });
    s.toggleLayer('fibre');
    s.setColourBy('uncoveredHouseholds');
    s.applyView({ settings: { fibreServiceRadiusM: 650 } }, 'app');
    s.selectHamlet(row.id, 'app');
    return row.id;
  });
  await page.waitForFunction(() => !window.__vt!.store.getState().running, undefined, WAIT);
  await ready(page);
  return id;
}

describe('sharing', () => {
  it('a copied link opens the same view and list in a fresh browser', async () => {
    const ctxA = await newContext();
    const { page: a } = await open(browser, baseUrl, { context: ctxA });
    const errors = collectErrors(a);
    await ready(a);
    const id = await changeView(a);
    await a.evaluate(() => window.__vt!.map.jumpTo({ center: [106.3123, 20.2468], zoom: 12.3 }));
    await ready(a);
    await openShare(a);
    await a.click('[data-testid="copy-link"]');
    const link = await a.evaluate(() => navigator.clipboard.readText());
    expect(link).toMatch(/\?s=v1\.[\w-]+#map=12\.30\/20\.2468\d\/106\.3123\d$/);
    expect(link.length).toBeLessThan(2000);
    const before = await viewOf(a);
    expect(before.selectedHamletId).toBe(id);
    await screenshot(a, 'share-before');

    const ctxB = await newContext();
    const pageB = ctxB.waitForEvent('page');
    const opening = open(browser, link, { context: ctxB });
    const errorsB = collectErrors(await pageB);
    const { page: b } = await opening;
    await ready(b);
    await b.waitForFunction(
      (n) => document.querySelectorAll('[data-hamlet-id]').length >= Math.min(n, 1),
      before.rows.length,
    );
    const after = await viewOf(b);
    await screenshot(b, 'share-after');
    expect(metresBetween(after.center, before.center)).toBeLessThan(3);
    expect(after.zoom).toBeCloseTo(before.zoom, 2);
    expect({ ...after, center: 0, zoom: 0 }).toEqual({ ...before, center: 0, zoom: 0 });
    expect(await b.isVisible('[data-testid="link-notice"]')).toBe(false);
    expect(errors).toEqual([]);
    expect(errorsB).toEqual([]);
    await ctxA.close();
    await ctxB.close();
    // Two cold page loads and a re-analysis: minutes on a busy 2-core machine.
  }, 480_000);

  it('a link with only a map view opens the map there on a first visit', async () => {
    const ctx = await newContext();
    const { page, errors } = await open(browser, `${baseUrl}#map=12.30/20.24680/106.31230`, {
      context: ctx,
    });
    await ready(page);
    const view = await page.evaluate(() => {
      const m = window.__vt!.map;
      const c = m.getCenter();
      return { center: [c.lng, c.lat] as [number, number], zoom: m.getZoom() };
    });
    expect(metresBetween(view.center, [106.3123, 20.2468])).toBeLessThan(3);
    expect(view.zoom).toBeCloseTo(12.3, 2);
    expect(errors).toEqual([]);
    await ctx.close();
  }, 300_000);

  it('back and forward move between views, and map moves add no history entries', async () => {
    const ctx = await newContext();
    const { page } = await open(browser, baseUrl, { context: ctx });
    await ready(page);
    const length0 = await page.evaluate(() => history.length);
    await page.evaluate(() => window.__vt!.store.getState().setFilters({ status: 'unserved' }));
    await page.evaluate(() => window.__vt!.store.getState().setFilters({ tier: 1 }));
    expect(await page.evaluate(() => history.length)).toBe(length0 + 2);
    await page.evaluate(() => window.__vt!.map.jumpTo({ center: [106.25, 20.3], zoom: 11 }));
    await ready(page);
    await page.waitForFunction(
      () => location.hash.startsWith('#map=11.00/20.30000/106.25000'),
      undefined,
      WAIT,
    );
    expect(await page.evaluate(() => history.length)).toBe(length0 + 2);

    const filters = () => page.evaluate(() => window.__vt!.store.getState().filters);
    await page.evaluate(() => history.back());
    await page.waitForFunction(() => window.__vt!.store.getState().filters.tier === null, undefined, WAIT);
    expect((await filters()).status).toBe('unserved');
    await page.evaluate(() => history.back());
    await page.waitForFunction(() => window.__vt!.store.getState().filters.status === null, undefined, WAIT);
    await page.evaluate(() => history.forward());
    await page.waitForFunction(
      () => window.__vt!.store.getState().filters.status === 'unserved',
      undefined,
      WAIT,
    );
    await ready(page);
    // Restoring must not push a new entry (that would make forward impossible: a loop).
    expect(await page.evaluate(() => history.length)).toBe(length0 + 2);
    await page.evaluate(() => history.forward());
    await page.waitForFunction(() => window.__vt!.store.getState().filters.tier === 1, undefined, WAIT);
    await ctx.close();
  }, 300_000);

  it('says what a damaged or old link could not restore, and opens the rest', async () => {
    const ctx = await newContext();
    const { page } = await open(browser, `${baseUrl}?s=v1.bm90LWpzb24#map=11.5/20.25/106.2`, {
      context: ctx,
    });
    await ready(page);
    await page.waitForSelector('[data-testid="link-notice"]');
    expect(await page.textContent('[data-testid="link-notice"]')).toMatch(/Liên kết bị hỏng/);
    const view = await viewOf(page);
    expect(view.zoom).toBeCloseTo(11.5, 5);
    expect(metresBetween(view.center, [106.2, 20.25])).toBeLessThan(1);
    await screenshot(page, 'share-damaged-link');
    await ctx.close();
  }, 300_000);

  it('exports a PNG at screen, A4 and A3 size with the legend drawn', async () => {
    const ctx = await newContext();
    const { page } = await open(browser, baseUrl, { context: ctx });
    const errors = collectErrors(page);
    await ready(page);
    await openShare(page);
    await page.fill('[data-testid="snapshot-title"]', 'Tỉnh Nam Định — vùng trắng băng rộng');
    const screenSize = await page.evaluate(() => {
      const c = window.__vt!.map.getCanvas();
      return { width: c.width, height: c.height };
    });
    const expected = {
      screen: screenSize,
      a4: { width: 1754, height: 1240 },
      a3: { width: 2480, height: 1754 },
    };
    for (const size of ['screen', 'a4', 'a3'] as const) {
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 110_000 }),
        page.click(`[data-testid="snapshot-${size}"]`),
      ]);
      expect(download.suggestedFilename()).toMatch(
        new RegExp(
          `^vungtrang-map-${size}-tinh-nam-dinh-vung-trang-bang-rong-baseline-\\d{4}-\\d\\d-\\d\\d\\.png$`,
        ),
      );
      const path = await download.path();
      await download.saveAs(`tests/e2e/screenshots/share-snapshot-${size}.png`);
      const png = PNG.sync.read(readFileSync(path));
      expect({ width: png.width, height: png.height }).toEqual(expected[size]);
      expect(spread(png)).toBeGreaterThan(20);
      // The legend's swatch is the colour the map shows, from the same legend builder as the screen's.
      const unserved = seenColour(STATUS_COLOURS.unserved, HAMLET_FILL_OPACITY);
      expect(legendSwatchFound(png, size === 'screen' ? 1 : PRINT_PIXEL_RATIO, unserved)).toBe(true);
    }
    expect(errors).toEqual([]);
    await ctx.close();
  }, 400_000);

  it('downloads the filtered ranking as CSV with Vietnamese names intact, and the zones as GeoJSON', async () => {
    const ctx = await newContext();
    const { page } = await open(browser, baseUrl, { context: ctx });
    await ready(page);
    await changeView(page);
    const expected = await page.evaluate(() => {
      const s = window.__vt!.store.getState();
      const rows = s.rows.filter(
        (r) => r.districtCode === s.filters.district && r.status === s.filters.status,
      );
      return rows.map((r) => ({ id: r.id, name: r.name, district: r.district }));
    });
    expect(expected.length).toBeGreaterThan(0);
    const expectedSlug = slugify(expected[0]?.district ?? '');
    expect(expectedSlug).toMatch(/^(huyen|thanh-pho)-[a-z-]+$/);
    await openShare(page);
    const [csvDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid="export-ranking-csv"]'),
    ]);
    // Named after the district the filters narrow the list to, without diacritics.
    expect(csvDownload.suggestedFilename()).toBe(`vungtrang-ranking-${expectedSlug}-baseline-${today()}.csv`);
    const bytes = readFileSync(await csvDownload.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const parsed = Papa.parse<Record<string, string>>(bytes.toString('utf8').slice(1), {
      header: true,
      skipEmptyLines: true,
    });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data.map((r) => r.id).sort()).toEqual(expected.map((r) => r.id).sort());
    const names = new Map(expected.map((r) => [r.id, r.name]));
    for (const row of parsed.data) expect(row.name).toBe(names.get(row.id ?? ''));
    expect(
      parsed.data.some((r) =>
        /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i.test(r.name ?? ''),
      ),
    ).toBe(true);

    const [zones] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid="export-white-geojson"]'),
    ]);
    const fc = JSON.parse(readFileSync(await zones.path(), 'utf8')) as {
      features: { properties: { hamlet_id: string } }[];
    };
    const ids = new Set(expected.map((r) => r.id));
    expect(fc.features.length).toBeGreaterThan(0);
    expect(fc.features.every((f) => ids.has(f.properties.hamlet_id))).toBe(true);
    await ctx.close();
  }, 300_000);

  it('prints one A4 page of map with scale bar and north arrow, hatched weak zones, legend and list', async () => {
    const ctx = await newContext();
    const { page } = await open(browser, baseUrl, { context: ctx });
    const errors = collectErrors(page);
    await ready(page);
    // A view with weak zones in it: the largest unserved hamlet that has one.
    const view = await page.evaluate(() => {
      const s = window.__vt!.store.getState();
      const h = s
        .result!.hamlets.filter((x) => x.status === 'unserved' && x.weakZone)
        .sort((a, b) => b.areaM2 - a.areaM2)[0]!;
      const g = s.input!.hamlets.features.find((f) => f.properties.id === h.id)!.geometry;
      const ring = (g.type === 'Polygon' ? g.coordinates[0] : g.coordinates[0]![0])!;
      const centre: [number, number] = [ring[0]![0]!, ring[0]![1]!];
      window.__vt!.map.jumpTo({ center: centre, zoom: 12 });
      const c = window.__vt!.map.getContainer();
      return { lat: centre[1], zoom: 12, width: c.clientWidth, height: c.clientHeight };
    });
    await ready(page);
    // The real dialog would block a headless browser: stand in for it, firing what Chrome fires first.
    await page.evaluate(() => {
      window.print = () => {
        window.dispatchEvent(new Event('beforeprint'));
        document.body.dataset.printed = 'yes';
      };
    });
    await openShare(page);
    await page.click('[data-testid="print"]');
    await page.waitForSelector('body[data-printed="yes"]', { timeout: 110_000 });
    await page.emulateMedia({ media: 'print' });
    await page.waitForSelector('.vt-print__map');
    // A page-shaped map drawn at print resolution, not the portrait screen canvas stretched.
    expect(await page.$eval('.vt-print__map', (img) => (img as HTMLImageElement).naturalWidth)).toBe(1636);
    expect(await page.isVisible('#root')).toBe(false);
    expect(await page.isVisible('[data-testid="print-sheet"]')).toBe(true);
    expect(await page.locator('.vt-print__list tbody tr').count()).toBe(15);

    // The PNG's furniture: a north arrow, and a scale bar whose length on the image is its ground distance.
    expect(await page.isVisible('[data-testid="print-north"]')).toBe(true);
    expect(await page.textContent('[data-testid="print-north"]')).toBe('B');
    const scale = await page.$eval('[data-testid="print-scale"]', (el) => ({
      text: el.textContent,
      metres: Number((el as HTMLElement).dataset.metres),
      bar: el.getBoundingClientRect().width,
      image: document.querySelector('.vt-print__map')!.getBoundingClientRect().width,
    }));
    expect(scale.text).toMatch(/^0(\d+ m|\d+ km)$/);
    const cssW = Math.round(1636 / PRINT_PIXEL_RATIO);
    const zoom = fitZoom(view.zoom, view, { width: cssW, height: Math.round(590 / PRINT_PIXEL_RATIO) });
    const metresPerImagePx = metresPerCssPixel(view.lat, zoom) / (1636 / cssW);
    const groundMetres = (scale.bar / scale.image) * 1636 * metresPerImagePx;
    expect(Math.abs(groundMetres - scale.metres) / scale.metres).toBeLessThan(0.02);
    expect(scale.bar / scale.image).toBeGreaterThan(0.08);
    expect(scale.bar / scale.image).toBeLessThanOrEqual(0.25);

    // Weak zones hatched as on screen: long "/" runs of the hatch colour in the printed image.
    const src = await page.$eval('.vt-print__map', (img) => (img as HTMLImageElement).src);
    const printed = PNG.sync.read(Buffer.from(src.slice(src.indexOf(',') + 1), 'base64'));
    expect(hatchRuns(printed, ZONES.weak.hatch, 8)).toBeGreaterThan(200);

    // The legend from the same builder as the screen's, the weak zone drawn with the map's hatching.
    expect(await page.locator('.vt-print__legend li').count()).toBeGreaterThan(2);
    const weak = page.locator('.vt-print__legend [data-entry="weak"]');
    expect(await weak.getAttribute('data-colour')).toBe(ZONES.weak.hatch);
    expect(await weak.locator('pattern path').first().getAttribute('fill')).toBe(ZONES.weak.hatch);
    await screenshot(page, 'share-print');
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? [];
    expect(pages.length).toBe(1);
    // Printing to PDF fires beforeprint again: the page-shaped map, not the screen's, is what gets printed.
    expect(pdf.toString('latin1')).toMatch(
      /\/Width 1636\b[^>]*\/Height 590\b|\/Height 590\b[^>]*\/Width 1636\b/,
    );
    expect(errors).toEqual([]);
    await ctx.close();
  }, 300_000);
});

const today = () => isoDay(new Date());

/** Standard deviation of grey levels: a blank or single-colour image is near 0. */
function spread(png: PNG): number {
  let sum = 0;
  let sq = 0;
  const n = png.width * png.height;
  for (let i = 0; i < png.data.length; i += 4) {
    const v = ((png.data[i] ?? 0) + (png.data[i + 1] ?? 0) + (png.data[i + 2] ?? 0)) / 3;
    sum += v;
    sq += v * v;
  }
  return Math.sqrt(sq / n - (sum / n) ** 2);
}

/**
 * The legend box sits bottom-left (snapshotLayout): its swatches span x = 24u…38u on a near-white box
 * starting at x = 12u. Looks down the swatch column for a run of the colour about one swatch (14u, less its outline) tall
 * with the box's white padding beside it — a map pixel of the same colour would not have both.
 */
function legendSwatchFound(png: PNG, u: number, hex: string): boolean {
  const want = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const at = (x: number, y: number) => {
    const i = (Math.round(y) * png.width + Math.round(x)) * 4;
    return [png.data[i] ?? 0, png.data[i + 1] ?? 0, png.data[i + 2] ?? 0];
  };
  const near = (c: number[], w: number[]) => c.every((v, k) => Math.abs(v - (w[k] ?? 0)) <= 3);
  const x = 31 * u;
  let run = 0;
  for (let y = Math.floor(png.height * 0.3); y < png.height; y++) {
    if (near(at(x, y), want)) run++;
    else {
      if (run >= 10 * u && run <= 16 * u && at(18 * u, y - run / 2).every((v) => v >= 225)) return true;
      run = 0;
    }
  }
  return false;
}

/** Pixels of `hex` that start a "/" run of at least `len` pixels of it: hatching, not a zone's outline. */
function hatchRuns(png: PNG, hex: string, len: number): number {
  const want = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const near = (x: number, y: number) => {
    if (x < 0 || y < 0 || x >= png.width || y >= png.height) return false;
    const i = (y * png.width + x) * 4;
    return want.every((v, k) => Math.abs((png.data[i + k] ?? 0) - v) <= 40);
  };
  let runs = 0;
  for (let y = 0; y < png.height; y++)
    for (let x = 0; x < png.width; x++) {
      let k = 0;
      while (k < len && near(x + k, y - k)) k++;
      if (k === len) runs++;
    }
  return runs;
}
