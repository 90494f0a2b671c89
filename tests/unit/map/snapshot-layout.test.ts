import { describe, expect, it } from 'vitest';
import {
  PRINT_PIXEL_RATIO,
  PRINT_SIZES,
  fitZoom,
  metresPerCssPixel,
  niceScaleBar,
  snapshotLayout,
} from '../../../src/map/snapshotLayout.ts';

describe('snapshot layout', () => {
  it('uses the 150 dpi landscape sizes of A4 and A3', () => {
    expect(PRINT_SIZES.a4).toEqual({ width: 1754, height: 1240 });
    expect(PRINT_SIZES.a3).toEqual({ width: 2480, height: 1754 });
    // 297 mm at 150 dpi
    expect(Math.round((297 / 25.4) * 150)).toBe(PRINT_SIZES.a4.width);
    expect(Math.round(1122.6 * PRINT_PIXEL_RATIO)).toBe(1754);
  });

  it('measures ground metres per pixel like Web Mercator with 512 px tiles', () => {
    expect(metresPerCssPixel(0, 0)).toBeCloseTo(78_271.5, 0);
    // Nam Định, zoom 12: cos(20.2°) × 78271.5 / 4096
    expect(metresPerCssPixel(20.2, 12)).toBeCloseTo(17.936, 2);
  });

  it('picks a round scale-bar distance that fits', () => {
    expect(niceScaleBar(10, 150)).toEqual({ metres: 1000, px: 100, label: '1 km' });
    expect(niceScaleBar(10, 99)).toEqual({ metres: 500, px: 50, label: '500 m' });
    expect(niceScaleBar(17.9, 220).label).toBe('2 km');
    expect(niceScaleBar(0.5, 100)).toEqual({ metres: 50, px: 100, label: '50 m' });
    expect(() => niceScaleBar(0, 100)).toThrow(/bad scale/);
  });

  it('zooms a larger print so it shows at least the screen framing', () => {
    const z = fitZoom(10, { width: 1000, height: 700 }, { width: 2000, height: 1400 });
    expect(z).toBeCloseTo(11, 10);
    // A wider print keeps the screen's height in view.
    expect(fitZoom(10, { width: 1000, height: 1000 }, { width: 1600, height: 800 })).toBeCloseTo(9.678, 3);
  });

  it('keeps the legend, scale bar and north arrow inside the image and clear of each other', () => {
    for (const [w, h, r] of [
      [1754, 1240, PRINT_PIXEL_RATIO],
      [2480, 1754, PRINT_PIXEL_RATIO],
      [1400, 900, 1],
    ] as const) {
      const l = snapshotLayout(w, h, r, 6, 180 * r);
      expect(l.legend.x).toBeGreaterThan(0);
      expect(l.legend.y).toBeGreaterThan(l.titleBar.h);
      expect(l.legend.y + l.legend.h).toBeLessThan(l.footer.y);
      expect(l.legend.x + l.legend.w).toBeLessThan(l.scaleBar.x - l.scaleBar.maxPx);
      expect(l.north.cx + l.north.r).toBeLessThan(w);
      expect(l.north.cy - l.north.r).toBeGreaterThan(l.titleBar.h);
    }
  });
});
