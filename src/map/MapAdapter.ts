import * as maplibregl from 'maplibre-gl';
import type { AddLayerObject, GeoJSONSource, LngLatBoundsLike, Map as MlMap } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { BASE_STYLE, MAP_FADE_MS } from './baseStyle.ts';
import { sourceUpdate, type SourceData } from './detailWindow.ts';
import { LabelOverlay } from './labelOverlay.ts';
import { providePatterns } from './patterns.ts';
import type { FeatureSource } from './mapData.ts';
import { holdPaint, type FramePainter } from './paintHold.ts';
import type { MapPlan, PlanSource } from './planLayers.ts';

maplibregl.setWorkerUrl(workerUrl);
// The worker's code loads while the map's WebGL context is made (about a second of software WebGL), not after.
maplibregl.prewarm();

type PlanData = Extract<PlanSource, { type: 'geojson' }>['data'];
const EMPTY_DATA: PlanData = { type: 'FeatureCollection', features: [] };

type PaintKey = Parameters<MlMap['setPaintProperty']>[1];
type LayoutKey = Parameters<MlMap['setLayoutProperty']>[1];
type PaintValue = Parameters<MlMap['setPaintProperty']>[2];
type LayoutValue = Parameters<MlMap['setLayoutProperty']>[2];

/** The longest the first data's frames are held back (`holdFirstData`). */
const FIRST_PAINT_WAIT_MS = 4000;

export interface MapAdapterOptions {
  center: [number, number];
  zoom: number;
  locale?: Record<string, string>;
}

/**
 * Owns the one `maplibregl.Map`. `apply(plan)` is idempotent: it adds what is missing, sets GeoJSON data
 * only when the data object changed, updates paint/layout/filter only when they differ, and removes what
 * the plan no longer has. `map` stays public for the map registry (PNG snapshot, print).
 */
export class MapAdapter {
  readonly map: MlMap;
  private readonly labels: LabelOverlay;
  private readonly appliedLayers = new Map<string, string>();
  private readonly appliedSources = new Map<string, PlanSource>();
  private pending: MapPlan | null = null;
  private readonly dataQueue = new Map<string, SourceData>();
  /** The data each GeoJSON source was last sent (and the source it is a window of), to diff the next against. */
  private readonly sent = new Map<string, SourceData>();
  private drainTimer: ReturnType<typeof setTimeout> | undefined;
  private loaded = false;
  /** Ends the hold on the first data's frames (`holdFirstData`) if it still holds. */
  private releasePaint: (() => void) | null = null;
  private firstPlan = true;

  constructor(container: HTMLElement, opts: MapAdapterOptions) {
    this.map = new maplibregl.Map({
      container,
      style: BASE_STYLE,
      fadeDuration: MAP_FADE_MS,
      center: opts.center,
      zoom: opts.zoom,
      attributionControl: { compact: true },
      canvasContextAttributes: { preserveDrawingBuffer: true },
      locale: opts.locale,
      dragRotate: false,
      pitchWithRotate: false,
    });
    this.map.touchZoomRotate.disableRotation();
    this.map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    this.map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-right');
    this.labels = new LabelOverlay(this.map);
    providePatterns(this.map);
    this.map.once('load', () => {
      this.loaded = true;
      if (this.pending) this.apply(this.pending);
    });
  }

  apply(plan: MapPlan): void {
    this.pending = plan;
    if (!this.loaded) return;
    if (this.firstPlan) {
      this.firstPlan = false;
      this.holdFirstData();
    }
    const map = this.map;
    const wanted = new Set(plan.layers.map((l) => l.id));
    for (const id of [...this.appliedLayers.keys()]) {
      if (!wanted.has(id)) {
        if (map.getLayer(id)) map.removeLayer(id);
        this.appliedLayers.delete(id);
      }
    }
    for (const id of [...this.appliedSources.keys()]) {
      if (!(id in plan.sources)) {
        if (map.getSource(id)) map.removeSource(id);
        this.appliedSources.delete(id);
        this.dataQueue.delete(id);
        this.sent.delete(id);
      }
    }
    for (const [id, source] of Object.entries(plan.sources)) this.applySource(id, source, plan.windows[id]);
    plan.layers.forEach((layer, i) => this.applyLayer(layer, plan.layers.slice(i + 1)));
    this.labels.setLabels(plan.labels);
  }

  /**
   * The first plan's data is drawn once it is all tiled (`holdPaint`), in one frame instead of one frame
   * per source as its tiles arrive, or after `FIRST_PAINT_WAIT_MS` whatever has arrived.
   */
  private holdFirstData(): void {
    const painter = (this.map as unknown as { painter?: Partial<FramePainter> }).painter;
    if (typeof painter?.render !== 'function') return;
    this.releasePaint = holdPaint(
      painter as FramePainter,
      () => this.dataQueue.size === 0 && this.map.loaded(),
      () => this.map.triggerRepaint(),
      FIRST_PAINT_WAIT_MS,
    );
  }

  /** Whole areas fill the view; a single hamlet keeps its neighbours in sight (wide padding, zoom cap). */
  fitBounds(bounds: LngLatBoundsLike, opts: { animate: boolean; context?: boolean }): void {
    const container = this.map.getContainer();
    const { clientWidth: w, clientHeight: h } = container;
    const edge = Math.min(40, w * 0.05, h * 0.05);
    const padding = opts.context
      ? { top: h * 0.25, bottom: h * 0.25, left: w * 0.25, right: w * 0.25 }
      : { top: edge, bottom: edge, left: edge, right: edge };
    // An overlay along the map's right side (the legend while the layers panel is closed) is kept clear.
    const cover = container.parentElement?.querySelector('[data-map-cover="right"]');
    if (cover) padding.right = Math.max(padding.right, cover.getBoundingClientRect().width + 20);
    this.map.fitBounds(bounds, {
      padding,
      maxZoom: opts.context ? 13.5 : 14.5,
      duration: opts.animate ? 700 : 0,
    });
  }

  destroy(): void {
    clearTimeout(this.drainTimer);
    this.releasePaint?.();
    this.dataQueue.clear();
    this.sent.clear();
    this.labels.destroy();
    this.map.remove();
  }

  private applySource(id: string, source: PlanSource, windowOf?: FeatureSource): void {
    const before = this.appliedSources.get(id);
    if (before === source) return;
    const existing = this.map.getSource(id);
    if (source.type === 'geojson') {
      // Added empty, filled from the queue: each setData is one structured clone to MapLibre's workers.
      if (!existing) {
        this.map.addSource(id, { type: 'geojson', data: EMPTY_DATA, buffer: source.buffer });
        this.sent.set(id, { data: EMPTY_DATA });
      }
      if (before?.type !== 'geojson' || before.data !== source.data)
        this.queueData(id, { data: source.data, windowOf });
    } else if (!existing) {
      this.map.addSource(id, source);
    }
    this.appliedSources.set(id, source);
  }

  /**
   * GeoJSON goes to MapLibre one source per task: all of them at once (hamlets, zones, fibre, sites,
   * boundaries) is one clone of several MB that blocks the page for 200-500 ms on a slow machine.
   * A newer value for a source still waiting replaces it.
   */
  private queueData(id: string, source: SourceData): void {
    this.dataQueue.delete(id);
    this.dataQueue.set(id, source);
    this.drainTimer ??= setTimeout(this.drainData, 0);
  }

  /**
   * Sends the next source's data that changes what MapLibre holds: a new window of the data it holds as
   * the features that left and entered it (`updateData`: its worker re-cuts only the tiles they touch),
   * anything else whole. Data that changes nothing (the same, or empty for empty) is passed over in the
   * same task.
   */
  private readonly drainData = (): void => {
    this.drainTimer = undefined;
    for (const [id, source] of this.dataQueue) {
      this.dataQueue.delete(id);
      const target = this.map.getSource(id) as GeoJSONSource | undefined;
      if (!target) continue;
      const update = sourceUpdate(this.sent.get(id), source);
      this.sent.set(id, source);
      if (!update) continue;
      if ('diff' in update) void target.updateData(update.diff);
      else void target.setData(update.data);
      break;
    }
    if (this.dataQueue.size > 0) this.drainTimer = setTimeout(this.drainData, 0);
  };

  private applyLayer(layer: AddLayerObject, above: AddLayerObject[]): void {
    const json = JSON.stringify(layer);
    const before = this.appliedLayers.get(layer.id);
    if (before === json) return;
    const map = this.map;
    const old = before ? (JSON.parse(before) as AddLayerObject) : undefined;
    // Paint, layout and filter can be set in place; anything else (source, type, zoom range) means a new layer.
    const structural = (l: AddLayerObject): string => {
      const { paint: _p, layout: _l, filter: _f, ...rest } = l as AddLayerObject & Record<string, unknown>;
      return JSON.stringify(rest);
    };
    if (old && map.getLayer(layer.id) && structural(old) !== structural(layer)) map.removeLayer(layer.id);
    if (!old || !map.getLayer(layer.id)) {
      const beforeId = above.find((l) => map.getLayer(l.id))?.id;
      map.addLayer(layer, beforeId);
    } else {
      const set = (kind: 'paint' | 'layout'): void => {
        const next = (layer as Record<string, unknown>)[kind] as Record<string, unknown> | undefined;
        const prev = (old as Record<string, unknown>)[kind] as Record<string, unknown> | undefined;
        for (const key of new Set([...Object.keys(next ?? {}), ...Object.keys(prev ?? {})])) {
          const value = next?.[key];
          if (JSON.stringify(value) === JSON.stringify(prev?.[key])) continue;
          // maplibre's typed setters want a literal property name; the plan only holds valid ones.
          if (kind === 'paint') map.setPaintProperty(layer.id, key as PaintKey, value as PaintValue);
          else map.setLayoutProperty(layer.id, key as LayoutKey, value as LayoutValue);
        }
      };
      set('paint');
      set('layout');
      const filter = 'filter' in layer ? layer.filter : undefined;
      const oldFilter = 'filter' in old ? old.filter : undefined;
      if (JSON.stringify(filter) !== JSON.stringify(oldFilter)) map.setFilter(layer.id, filter ?? null);
    }
    this.appliedLayers.set(layer.id, json);
  }
}
