import type { Map as MlMap } from 'maplibre-gl';
import type { MapLabel } from './mapData.ts';

/** Zoom ranges per label level: districts at province zoom, communes closer, hamlets only up close. */
const ZOOMS: Record<MapLabel['level'], [number, number]> = {
  district: [7.5, 11],
  commune: [10.3, 14.5],
  hamlet: [13, 24],
};
/** Rough text box per level (px per character, line height), enough to keep labels from overlapping. */
const SIZE: Record<MapLabel['level'], [number, number]> = {
  district: [9.5, 17],
  commune: [7, 15],
  hamlet: [6.2, 14],
};
const MAX_LABELS = 160;

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
const overlaps = (a: Box, b: Box): boolean => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/**
 * District, commune and hamlet names as HTML over the map: no glyph PBFs needed, so the default map
 * works offline. Only labels inside the view, in their zoom range and not colliding with a more important
 * label (earlier in the list) exist in the DOM.
 */
export class LabelOverlay {
  private readonly root: HTMLDivElement;
  private labels: MapLabel[] = [];
  private readonly nodes = new Map<string, HTMLDivElement>();
  private frame = 0;

  constructor(private readonly map: MlMap) {
    this.root = document.createElement('div');
    this.root.className = 'vt-labels';
    // The names repeat what the panels say; screen readers get them there, not as floating text.
    this.root.setAttribute('aria-hidden', 'true');
    map.getContainer().appendChild(this.root);
    map.on('move', this.schedule);
    map.on('resize', this.schedule);
  }

  setLabels(labels: MapLabel[]): void {
    if (labels === this.labels) return;
    this.labels = labels;
    this.schedule();
  }

  destroy(): void {
    cancelAnimationFrame(this.frame);
    this.map.off('move', this.schedule);
    this.map.off('resize', this.schedule);
    this.root.remove();
  }

  private readonly schedule = (): void => {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.update();
    });
  };

  private update(): void {
    const zoom = this.map.getZoom();
    const bounds = this.map.getBounds();
    const placed: Box[] = [];
    const keep = new Set<string>();
    for (const label of this.labels) {
      if (keep.size >= MAX_LABELS) break;
      const [min, max] = ZOOMS[label.level];
      if (zoom < min || zoom >= max || !bounds.contains(label.lngLat)) continue;
      const p = this.map.project(label.lngLat);
      const [charW, lineH] = SIZE[label.level];
      const half = (label.text.length * charW) / 2 + 4;
      const box = { x0: p.x - half, x1: p.x + half, y0: p.y - lineH / 2, y1: p.y + lineH / 2 };
      if (placed.some((b) => overlaps(b, box))) continue;
      placed.push(box);
      keep.add(label.id);
      let node = this.nodes.get(label.id);
      if (!node) {
        node = document.createElement('div');
        node.className = `vt-label vt-label--${label.level}`;
        node.textContent = label.text;
        this.root.appendChild(node);
        this.nodes.set(label.id, node);
      }
      node.style.transform = `translate(${Math.round(p.x)}px, ${Math.round(p.y)}px) translate(-50%, -50%)`;
    }
    for (const [id, node] of this.nodes) {
      if (!keep.has(id)) {
        node.remove();
        this.nodes.delete(id);
      }
    }
  }
}
