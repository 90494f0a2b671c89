/** Print sizes at 150 dpi, landscape, in device pixels (A4 = 297×210 mm, A3 = 420×297 mm). */
export const PRINT_SIZES = {
  a4: { width: 1754, height: 1240 },
  a3: { width: 2480, height: 1754 },
} as const;
export type PrintSize = keyof typeof PRINT_SIZES;

/** CSS px are 1/96 in, so a 150 dpi image has 150/96 device pixels per CSS pixel. */
export const PRINT_PIXEL_RATIO = 150 / 96;

const EARTH_CIRCUMFERENCE_M = 40_075_016.686;

/**
 * Ground metres covered by one CSS pixel at a latitude and zoom, in MapLibre's 512-px-tile Web Mercator.
 *
 * @example metresPerCssPixel(20.2, 12) // ≈ 17.9
 */
export function metresPerCssPixel(lat: number, zoom: number): number {
  return (EARTH_CIRCUMFERENCE_M * Math.cos((lat * Math.PI) / 180)) / (512 * 2 ** zoom);
}

export interface ScaleBar {
  /** Round ground distance the bar stands for. */
  metres: number;
  /** Bar length in image pixels. */
  px: number;
  /** "500 m", "2 km". */
  label: string;
}

/**
 * The longest bar of a round distance (1, 2 or 5 × 10ⁿ m) that fits in `maxPx`.
 *
 * @example niceScaleBar(10, 150) // { metres: 1000, px: 100, label: '1 km' }
 */
export function niceScaleBar(metresPerPx: number, maxPx: number): ScaleBar {
  if (!(metresPerPx > 0) || !(maxPx > 0))
    throw new Error(`niceScaleBar: bad scale ${metresPerPx} m/px or width ${maxPx} px`);
  const maxMetres = metresPerPx * maxPx;
  const pow = 10 ** Math.floor(Math.log10(maxMetres));
  const step = [5, 2, 1].find((m) => m * pow <= maxMetres) ?? 1;
  const metres = step * pow;
  const label = metres >= 1000 ? `${metres / 1000} km` : `${metres} m`;
  return { metres, px: metres / metresPerPx, label };
}

/**
 * Zoom for an offscreen map of `target` CSS px that shows at least what the on-screen map of `screen`
 * CSS px shows: the print keeps the planner's framing and adds margin on the longer side.
 */
export function fitZoom(
  zoom: number,
  screen: { width: number; height: number },
  target: { width: number; height: number },
): number {
  const k = Math.min(target.width / screen.width, target.height / screen.height);
  return zoom + Math.log2(k);
}

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Where each element of a snapshot goes, in image pixels; `u` is the size of one CSS pixel. */
export interface SnapshotLayout {
  u: number;
  titleBar: Box;
  footer: Box;
  legend: Box;
  legendRow: number;
  north: { cx: number; cy: number; r: number };
  scaleBar: { x: number; y: number; maxPx: number };
}

/**
 * Lays out title bar, footer, legend (bottom left), scale bar (bottom right) and north arrow (top right).
 * Sizes grow with `pixelRatio` so that print text has the same physical size as on screen.
 */
export function snapshotLayout(
  width: number,
  height: number,
  pixelRatio: number,
  legendRows: number,
  legendTextWidth: number,
): SnapshotLayout {
  const u = pixelRatio;
  const pad = 12 * u;
  const titleBar = { x: 0, y: 0, w: width, h: 56 * u };
  const footer = { x: 0, y: height - 22 * u, w: width, h: 22 * u };
  const legendRow = 20 * u;
  const legendW = Math.min(width * 0.45, 14 * u + 8 * u + legendTextWidth + 2 * pad);
  const legendH = Math.min(height * 0.6, pad * 2 + 20 * u + legendRows * legendRow);
  const legend = { x: pad, y: footer.y - pad - legendH, w: legendW, h: legendH };
  const north = { cx: width - pad - 18 * u, cy: titleBar.h + pad + 24 * u, r: 18 * u };
  const scaleBar = {
    x: width - pad - 8 * u,
    y: footer.y - pad - 10 * u,
    maxPx: Math.min(220 * u, width * 0.3),
  };
  return { u, titleBar, footer, legend, legendRow, north, scaleBar };
}
