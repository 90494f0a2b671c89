import type { LegendRow, LegendSymbol } from './legend.ts';
import { hatchPattern } from './palette.ts';
import { niceScaleBar, snapshotLayout, type PrintSize, type SnapshotLayout } from './snapshotLayout.ts';

export type SnapshotSize = 'screen' | PrintSize;

export interface SnapshotText {
  title: string;
  legendTitle: string;
  /** The rows of `legendRows(buildLegend(…))`: the same legend as the screen's. */
  legend: readonly LegendRow[];
  /** Already formatted for the user's language, e.g. "26/11/2026". */
  date: string;
  /** "Dữ liệu minh hoạ" for the sample; empty when the user's own data is shown. */
  note: string;
  /** The plan the map shows: "Hiện trạng" or "Phương án: …", drawn under the title. */
  plan: string;
  attribution: string;
  /** "B" (Bắc) in Vietnamese, "N" in English. */
  northLabel: string;
}

/** A place name drawn on the image (the app shows names as HTML, which a canvas copy does not include). */
export interface PlacedLabel {
  x: number;
  y: number;
  text: string;
  level: 'district' | 'commune' | 'hamlet';
}

export interface ComposeOptions extends SnapshotText {
  /** Names at their image positions. */
  labels?: readonly PlacedLabel[];
  /** Ground metres per image pixel at the centre. */
  metresPerPx: number;
  /** Image pixels per CSS pixel: text and symbols are drawn this much larger. */
  pixelRatio: number;
  /** Map rotation, degrees clockwise; the north arrow turns the other way. */
  bearing?: number;
}

/** A system font that has Vietnamese glyphs on Windows, macOS, Android and Linux (Noto/DejaVu). */
const FONT = 'system-ui, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", Arial, sans-serif';
const INK = '#1f2933';
const MUTED = '#52606d';
const PLAN_INK = '#7a3e00';

/**
 * Draws a report-ready snapshot on `ctx`'s canvas: the map image filling it, a title bar with the
 * date and data note, a legend box, a scale bar of a round distance, a north arrow and the attribution.
 *
 * @example
 * composeSnapshot(canvas.getContext('2d')!, mapCanvas, { title: 'Huyện Giao Thủy', ... })
 */
export function composeSnapshot(
  ctx: CanvasRenderingContext2D,
  mapImage: CanvasImageSource,
  opts: ComposeOptions,
): SnapshotLayout {
  const { width, height } = ctx.canvas;
  const u = opts.pixelRatio;
  ctx.save();
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  ctx.drawImage(mapImage, 0, 0, width, height);
  drawLabels(ctx, opts.labels ?? [], u);
  ctx.font = font(12 * u);
  const textWidth = Math.max(0, ...opts.legend.map((l) => ctx.measureText(l.text).width));
  ctx.font = font(13 * u, 'bold');
  const legendTextWidth = Math.max(textWidth, ctx.measureText(opts.legendTitle).width - 22 * u);
  const layout = snapshotLayout(width, height, u, opts.legend.length, legendTextWidth);
  drawTitleBar(ctx, layout, opts);
  drawFooter(ctx, layout, opts);
  drawLegend(ctx, layout, opts);
  drawScaleBar(ctx, layout, opts.metresPerPx);
  drawNorthArrow(ctx, layout, opts.northLabel, opts.bearing ?? 0);
  ctx.restore();
  return layout;
}

function font(px: number, weight = 'normal'): string {
  return `${weight} ${Math.round(px)}px ${FONT}`;
}

/** Shortens text with an ellipsis so a long area name never runs under the date. */
function fit(ctx: CanvasRenderingContext2D, text: string, maxWidth: number): string {
  if (ctx.measureText(text).width <= maxWidth) return text;
  let s = text;
  while (s.length > 1 && ctx.measureText(`${s}…`).width > maxWidth) s = s.slice(0, -1);
  return `${s}…`;
}

function drawTitleBar(ctx: CanvasRenderingContext2D, l: SnapshotLayout, o: ComposeOptions): void {
  const { u, titleBar: b } = l;
  ctx.fillStyle = 'rgba(255,255,255,0.94)';
  ctx.fillRect(b.x, b.y, b.w, b.h);
  ctx.fillStyle = '#d9e2ec';
  ctx.fillRect(b.x, b.y + b.h - u, b.w, u);
  ctx.textBaseline = 'alphabetic';
  ctx.textAlign = 'left';
  ctx.fillStyle = INK;
  ctx.font = font(22 * u, 'bold');
  ctx.fillText(fit(ctx, o.title, b.w - 24 * u), 12 * u, 28 * u);
  // The plan first and bold, so a scenario is never taken for the network as it is.
  ctx.fillStyle = PLAN_INK;
  ctx.font = font(13 * u, 'bold');
  const plan = fit(ctx, o.plan, (b.w - 24 * u) * 0.6);
  ctx.fillText(plan, 12 * u, 47 * u);
  const planWidth = ctx.measureText(plan).width;
  ctx.fillStyle = MUTED;
  ctx.font = font(13 * u);
  const sub = ['', o.date, o.note].filter((s, i) => i === 0 || s !== '').join('  ·  ');
  ctx.fillText(fit(ctx, sub, b.w - 24 * u - planWidth), 12 * u + planWidth, 47 * u);
}

function drawFooter(ctx: CanvasRenderingContext2D, l: SnapshotLayout, o: ComposeOptions): void {
  const { u, footer: b } = l;
  ctx.fillStyle = 'rgba(255,255,255,0.9)';
  ctx.fillRect(b.x, b.y, b.w, b.h);
  ctx.font = font(11 * u);
  ctx.textBaseline = 'middle';
  ctx.fillStyle = MUTED;
  ctx.textAlign = 'left';
  const left = o.note === '' ? 'Vùng Trắng' : `Vùng Trắng · ${o.note}`;
  ctx.fillText(left, 12 * u, b.y + b.h / 2);
  ctx.textAlign = 'right';
  // The attribution takes what the left text leaves, so the two never overprint on a narrow image.
  const room = Math.min(b.w * 0.6, b.w - ctx.measureText(left).width - 36 * u);
  ctx.fillText(fit(ctx, o.attribution, room), b.w - 12 * u, b.y + b.h / 2);
}

function drawLegend(ctx: CanvasRenderingContext2D, l: SnapshotLayout, o: ComposeOptions): void {
  const { u, legend: b, legendRow } = l;
  ctx.fillStyle = 'rgba(255,255,255,0.94)';
  ctx.strokeStyle = '#9aa5b1';
  ctx.lineWidth = u;
  ctx.fillRect(b.x, b.y, b.w, b.h);
  ctx.strokeRect(b.x, b.y, b.w, b.h);
  const pad = 12 * u;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  ctx.fillStyle = INK;
  ctx.font = font(13 * u, 'bold');
  ctx.fillText(fit(ctx, o.legendTitle, b.w - 2 * pad), b.x + pad, b.y + pad + 7 * u);
  ctx.font = font(12 * u);
  const swatch = 14 * u;
  o.legend.forEach((item, i) => {
    const cy = b.y + pad + 20 * u + i * legendRow + legendRow / 2;
    if (cy + legendRow / 2 > b.y + b.h) return;
    const sx = b.x + pad;
    drawSwatch(ctx, item.symbol, sx, cy - swatch / 2, swatch, u);
    ctx.fillStyle = INK;
    ctx.fillText(fit(ctx, item.text, b.w - 2 * pad - swatch - 8 * u), sx + swatch + 8 * u, cy);
  });
}

/** A legend symbol as the screen legend draws it; a zone's swatch is tiled with the map's own hatch image. */
function drawSwatch(
  ctx: CanvasRenderingContext2D,
  symbol: LegendSymbol,
  x: number,
  y: number,
  s: number,
  u: number,
) {
  ctx.save();
  if (symbol.kind === 'line') {
    ctx.strokeStyle = symbol.colour;
    ctx.lineWidth = 3 * u;
    ctx.setLineDash(symbol.dash ? [6 * u, 3 * u] : []);
    ctx.beginPath();
    ctx.moveTo(x, y + s / 2);
    ctx.lineTo(x + s, y + s / 2);
    ctx.stroke();
  } else if (symbol.kind === 'point') {
    ctx.fillStyle = symbol.colour;
    ctx.beginPath();
    ctx.arc(x + s / 2, y + s / 2, s / 3, 0, 2 * Math.PI);
    ctx.fill();
    if (symbol.outline) {
      ctx.strokeStyle = symbol.outline;
      ctx.lineWidth = 2 * u;
      ctx.stroke();
    }
  } else {
    ctx.fillStyle = symbol.kind === 'hatch' ? symbol.base : symbol.colour;
    ctx.fillRect(x, y, s, s);
    if (symbol.kind === 'hatch') {
      const pattern = hatchFill(ctx, symbol.zone, Math.max(1, Math.round(u)));
      if (pattern) {
        ctx.fillStyle = pattern;
        ctx.fillRect(x, y, s, s);
      }
    }
    ctx.strokeStyle = symbol.outline ?? '#666666';
    ctx.lineWidth = u;
    ctx.strokeRect(x + u / 2, y + u / 2, s - u, s - u);
  }
  ctx.restore();
}

function hatchFill(
  ctx: CanvasRenderingContext2D,
  zone: Extract<LegendSymbol, { kind: 'hatch' }>['zone'],
  scale: number,
): CanvasPattern | null {
  const tile = hatchPattern(zone, scale);
  const canvas = document.createElement('canvas');
  canvas.width = tile.width;
  canvas.height = tile.height;
  const tctx = canvas.getContext('2d');
  if (!tctx) return null;
  tctx.putImageData(new ImageData(new Uint8ClampedArray(tile.data), tile.width, tile.height), 0, 0);
  return ctx.createPattern(canvas, 'repeat');
}

function drawScaleBar(ctx: CanvasRenderingContext2D, l: SnapshotLayout, metresPerPx: number): void {
  const { u, scaleBar: s } = l;
  const bar = niceScaleBar(metresPerPx, s.maxPx);
  const x0 = s.x - bar.px;
  const h = 6 * u;
  ctx.fillStyle = 'rgba(255,255,255,0.85)';
  ctx.fillRect(x0 - 6 * u, s.y - 22 * u, bar.px + 12 * u, h + 26 * u);
  ctx.fillStyle = INK;
  ctx.fillRect(x0, s.y, bar.px / 2, h);
  ctx.strokeStyle = INK;
  ctx.lineWidth = u;
  ctx.strokeRect(x0, s.y, bar.px, h);
  ctx.font = font(12 * u, 'bold');
  ctx.textAlign = 'center';
  ctx.textBaseline = 'bottom';
  ctx.fillText(bar.label, x0 + bar.px / 2, s.y - 3 * u);
  ctx.font = font(10 * u);
  ctx.fillText('0', x0, s.y - 3 * u);
}

function drawNorthArrow(
  ctx: CanvasRenderingContext2D,
  l: SnapshotLayout,
  label: string,
  bearing: number,
): void {
  const { u, north: n } = l;
  ctx.save();
  ctx.fillStyle = 'rgba(255,255,255,0.94)';
  ctx.strokeStyle = '#9aa5b1';
  ctx.lineWidth = u;
  ctx.beginPath();
  ctx.arc(n.cx, n.cy, n.r + 8 * u, 0, 2 * Math.PI);
  ctx.fill();
  ctx.stroke();
  ctx.translate(n.cx, n.cy);
  ctx.rotate((-bearing * Math.PI) / 180);
  const tip = n.r * 0.55;
  ctx.fillStyle = INK;
  ctx.beginPath();
  ctx.moveTo(0, -tip);
  ctx.lineTo(7 * u, n.r * 0.75);
  ctx.lineTo(0, n.r * 0.45);
  ctx.closePath();
  ctx.fill();
  ctx.fillStyle = '#ffffff';
  ctx.strokeStyle = INK;
  ctx.beginPath();
  ctx.moveTo(0, -tip);
  ctx.lineTo(-7 * u, n.r * 0.75);
  ctx.lineTo(0, n.r * 0.45);
  ctx.closePath();
  ctx.fill();
  ctx.stroke();
  ctx.fillStyle = INK;
  ctx.font = font(12 * u, 'bold');
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText(label, 0, -n.r * 0.95);
  ctx.restore();
}

const LABEL_STYLE: Record<PlacedLabel['level'], { size: number; weight: string; colour: string }> = {
  district: { size: 14, weight: 'bold', colour: '#1f2933' },
  commune: { size: 11, weight: 'normal', colour: '#323f4b' },
  hamlet: { size: 10, weight: 'normal', colour: '#52606d' },
};

/** Names with a white halo, larger levels first so a district name is never hidden by its communes. */
function drawLabels(ctx: CanvasRenderingContext2D, labels: readonly PlacedLabel[], u: number): void {
  const order: PlacedLabel['level'][] = ['district', 'commune', 'hamlet'];
  const taken: { x0: number; y0: number; x1: number; y1: number }[] = [];
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.lineJoin = 'round';
  for (const level of order) {
    const style = LABEL_STYLE[level];
    ctx.font = font(style.size * u, style.weight);
    for (const l of labels) {
      if (l.level !== level) continue;
      const w = ctx.measureText(l.text).width;
      const box = {
        x0: l.x - w / 2,
        y0: l.y - style.size * u * 0.7,
        x1: l.x + w / 2,
        y1: l.y + style.size * u * 0.7,
      };
      // Skip a name that would overprint one already drawn, as the map's own label placement does.
      if (taken.some((b) => box.x0 < b.x1 && box.x1 > b.x0 && box.y0 < b.y1 && box.y1 > b.y0)) continue;
      taken.push(box);
      ctx.strokeStyle = 'rgba(255,255,255,0.9)';
      ctx.lineWidth = 3 * u;
      ctx.strokeText(l.text, l.x, l.y);
      ctx.fillStyle = style.colour;
      ctx.fillText(l.text, l.x, l.y);
    }
  }
}
