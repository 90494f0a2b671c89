import type * as maplibregl from 'maplibre-gl';
import { composeSnapshot, type PlacedLabel, type SnapshotSize, type SnapshotText } from './snapshot.ts';
import { providePatterns } from './patterns.ts';
import { PRINT_PIXEL_RATIO, PRINT_SIZES, fitZoom, metresPerCssPixel } from './snapshotLayout.ts';

/** A place name to draw, in map coordinates (the app's MapLabel). */
export interface LabelInput {
  text: string;
  lngLat: [number, number];
  level: PlacedLabel['level'];
}

export interface MapRender {
  canvas: HTMLCanvasElement;
  /** The given labels that fall inside the image, at image pixel positions. */
  labels: PlacedLabel[];
  metresPerPx: number;
  pixelRatio: number;
  bearing: number;
}

export interface RenderOptions {
  /** Image pixels per CSS pixel of the offscreen map; 150/96 for 150 dpi. */
  pixelRatio?: number;
  /** Gives up when the map has not finished drawing in this time. */
  timeoutMs?: number;
  /** Called once the offscreen map's style has loaded, e.g. to copy a highlight's feature-state. */
  prepare?: (offscreen: maplibregl.Map) => void;
  /** Names to place on the image, e.g. the district and commune names the screen shows. */
  labels?: readonly LabelInput[];
}

function placeLabels(
  map: maplibregl.Map,
  labels: readonly LabelInput[],
  scale: number,
  width: number,
  height: number,
): PlacedLabel[] {
  const placed: PlacedLabel[] = [];
  for (const l of labels) {
    const p = map.project(l.lngLat);
    const x = p.x * scale;
    const y = p.y * scale;
    if (x >= 0 && y >= 0 && x <= width && y <= height) placed.push({ x, y, text: l.text, level: l.level });
  }
  return placed;
}

/**
 * Renders the map offscreen at exactly `widthPx`×`heightPx` image pixels: a hidden container and a second
 * map with the same style and camera (zoomed to keep the on-screen framing), drawn at full resolution —
 * not an upscaled screenshot — and copied once it is idle, so the image is never blank or half-loaded.
 */
export async function renderMapAt(
  map: maplibregl.Map,
  widthPx: number,
  heightPx: number,
  opts: RenderOptions = {},
): Promise<MapRender> {
  const ratio = opts.pixelRatio ?? 1;
  const cssW = Math.round(widthPx / ratio);
  const cssH = Math.round(heightPx / ratio);
  const screen = map.getContainer();
  const container = document.createElement('div');
  container.setAttribute('aria-hidden', 'true');
  Object.assign(container.style, {
    position: 'fixed',
    left: '-100000px',
    top: '0',
    width: `${cssW}px`,
    height: `${cssH}px`,
    pointerEvents: 'none',
  });
  document.body.appendChild(container);
  const center = map.getCenter();
  const zoom = fitZoom(
    map.getZoom(),
    { width: screen.clientWidth || cssW, height: screen.clientHeight || cssH },
    { width: cssW, height: cssH },
  );
  // Loaded on demand: the page's first screen does not wait for MapLibre (the on-screen map has it by now).
  const { Map: MaplibreMap } = await import('maplibre-gl');
  const offscreen = new MaplibreMap({
    container,
    style: map.getStyle(),
    center,
    zoom,
    bearing: map.getBearing(),
    pitch: map.getPitch(),
    interactive: false,
    attributionControl: false,
    fadeDuration: 0,
    pixelRatio: widthPx / cssW,
    maxCanvasSize: [8192, 8192],
    canvasContextAttributes: { preserveDrawingBuffer: true },
  });
  providePatterns(offscreen, Math.ceil(widthPx / cssW));
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`The ${widthPx}×${heightPx} map did not finish drawing in time; try again.`)),
        opts.timeoutMs ?? 60_000,
      );
      offscreen.once('load', () => opts.prepare?.(offscreen));
      offscreen.once('idle', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    const canvas = document.createElement('canvas');
    canvas.width = widthPx;
    canvas.height = heightPx;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('This browser cannot draw a 2D canvas for the snapshot.');
    ctx.drawImage(offscreen.getCanvas(), 0, 0, widthPx, heightPx);
    const scale = widthPx / cssW;
    return {
      canvas,
      labels: placeLabels(offscreen, opts.labels ?? [], scale, widthPx, heightPx),
      metresPerPx: metresPerCssPixel(center.lat, zoom) / scale,
      pixelRatio: scale,
      bearing: map.getBearing(),
    };
  } finally {
    offscreen.remove();
    container.remove();
  }
}

/** Copies the on-screen map as it is, once idle; copying inside `render` works even without preserveDrawingBuffer. */
export async function captureScreenMap(
  map: maplibregl.Map,
  labels: readonly LabelInput[] = [],
): Promise<MapRender> {
  if (!map.loaded()) await new Promise<void>((resolve) => map.once('idle', () => resolve()));
  const canvas = await new Promise<HTMLCanvasElement>((resolve, reject) => {
    map.once('render', () => {
      const src = map.getCanvas();
      const copy = document.createElement('canvas');
      copy.width = src.width;
      copy.height = src.height;
      const ctx = copy.getContext('2d');
      if (!ctx) reject(new Error('This browser cannot draw a 2D canvas for the snapshot.'));
      else {
        ctx.drawImage(src, 0, 0);
        resolve(copy);
      }
    });
    map.triggerRepaint();
  });
  const ratio = canvas.width / (map.getContainer().clientWidth || canvas.width);
  return {
    canvas,
    labels: placeLabels(map, labels, ratio, canvas.width, canvas.height),
    metresPerPx: metresPerCssPixel(map.getCenter().lat, map.getZoom()) / ratio,
    pixelRatio: ratio,
    bearing: map.getBearing(),
  };
}

/**
 * The whole snapshot: the map at the chosen size with title, legend, scale bar, north arrow, date,
 * note and attribution, as a PNG blob.
 */
export async function snapshotPng(
  map: maplibregl.Map,
  size: SnapshotSize,
  text: SnapshotText,
  opts: Omit<RenderOptions, 'pixelRatio'> = {},
): Promise<{ blob: Blob; width: number; height: number }> {
  const render =
    size === 'screen'
      ? await captureScreenMap(map, opts.labels)
      : await renderMapAt(map, PRINT_SIZES[size].width, PRINT_SIZES[size].height, {
          ...opts,
          pixelRatio: PRINT_PIXEL_RATIO,
        });
  const out = document.createElement('canvas');
  out.width = render.canvas.width;
  out.height = render.canvas.height;
  const ctx = out.getContext('2d');
  if (!ctx) throw new Error('This browser cannot draw a 2D canvas for the snapshot.');
  composeSnapshot(ctx, render.canvas, {
    ...text,
    metresPerPx: render.metresPerPx,
    pixelRatio: render.pixelRatio,
    bearing: render.bearing,
    labels: render.labels,
  });
  const blob = await new Promise<Blob | null>((resolve) => out.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error(`The ${out.width}×${out.height} snapshot could not be encoded as PNG.`);
  return { blob, width: out.width, height: out.height };
}
