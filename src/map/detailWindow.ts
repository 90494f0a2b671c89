import type { Feature } from 'geojson';
import { AGGREGATE_BELOW_ZOOM } from './aggregate.ts';
import { allOf, type FC, type FeatureSource } from './mapData.ts';

/**
 * Which part of the detail data (hamlets, their zones, access fibre, sites) the map is given: `all`, none
 * (`none`, below the switch zoom, where the aggregate is drawn instead), or the features whose bounding box
 * meets `bounds` (west, south, east, north). Large data sets are handed to MapLibre a window at a time, so
 * the page never serialises tens of thousands of polygons it could not show at once.
 */
export type DetailWindow = 'all' | 'none' | { readonly bounds: readonly [number, number, number, number] };

/**
 * Up to this many hamlets the map is given all of them (a province: the sample has 2,784); above it, the
 * window around the view. 32× the sample (89,088 hamlets) fits a desktop screen at zoom 7, where the
 * aggregate is drawn, and about a third of it at zoom 9.
 */
export const WINDOW_MIN_HAMLETS = 10_000;

/**
 * The window reaches this share of the view's width and height beyond each of its sides: a drag of up to
 * a quarter of the view sends the map nothing new; a longer one sends what left and entered the window
 * (`windowDiff`), so a small margin costs little, and a window entered afresh (zooming in) holds 2.25
 * views' worth of features rather than 4.
 */
const MARGIN = 0.25;

/**
 * The window for a view (`view`: west, south, east, north) at `zoom` with `hamlets` hamlets loaded: the
 * previous one (same object) while it still holds the view, so small moves send nothing to the map.
 * @example nextWindow('all', [105, 20, 106, 21], 10, 500) // 'all'
 */
export function nextWindow(
  prev: DetailWindow,
  view: readonly [number, number, number, number],
  zoom: number,
  hamlets: number,
): DetailWindow {
  if (hamlets <= WINDOW_MIN_HAMLETS) return 'all';
  if (zoom < AGGREGATE_BELOW_ZOOM) return 'none';
  if (holds(prev, view)) return prev;
  const [w, s, e, n] = view;
  const dx = (e - w) * MARGIN;
  const dy = (n - s) * MARGIN;
  return { bounds: [w - dx, s - dy, e + dx, n + dy] };
}

function holds(win: DetailWindow, view: readonly [number, number, number, number]): boolean {
  if (typeof win !== 'object') return false;
  const [pw, ps, pe, pn] = win.bounds;
  return pw <= view[0] && ps <= view[1] && pe >= view[2] && pn >= view[3];
}

/**
 * The features of `source` the window holds (a box meeting the window's), plus those `keep` says to keep
 * at any zoom (e.g. backbone fibre); all of them for `all`. Each is the source's own object, so two
 * windows of one source differ by whole features (`windowDiff`).
 */
export function windowed(
  source: FeatureSource,
  win: DetailWindow,
  keep?: (f: FC['features'][number]) => boolean,
): FC {
  if (win === 'all') return allOf(source);
  const box = win === 'none' ? null : win.bounds;
  const b = box ? source.boxes() : null;
  const features: FC['features'] = [];
  for (let i = 0; i < source.length; i++) {
    // NaN compares false: a feature without coordinates is left out.
    const inside =
      !!b &&
      !!box &&
      b[i * 4]! <= box[2] &&
      b[i * 4 + 2]! >= box[0] &&
      b[i * 4 + 1]! <= box[3] &&
      b[i * 4 + 3]! >= box[1];
    if (!inside && !keep) continue;
    const f = source.get(i);
    if (f && (inside || keep?.(f))) features.push(f);
  }
  return { type: 'FeatureCollection', features };
}

/** What MapLibre is sent to go from one window of a source to another: ids to remove, features to add. */
export interface WindowDiff {
  remove: (string | number)[];
  add: Feature[];
}

/**
 * The difference between two windows of the same source (`windowed`), by feature `id`: those only in
 * `from` leave, those only in `to` enter; features in both stay as MapLibre has them.
 */
export function windowDiff(from: FC, to: FC): WindowDiff {
  const before = new Set<unknown>(from.features.map((f) => f.id));
  const after = new Set<unknown>(to.features.map((f) => f.id));
  const remove: (string | number)[] = [];
  for (const f of from.features) if (f.id !== undefined && !after.has(f.id)) remove.push(f.id);
  return { remove, add: to.features.filter((f) => !before.has(f.id)) };
}

/**
 * A GeoJSON source's data as the plan gives it, and the source it is a window of (`MapPlan.windows`), if
 * any: what the map adapter queues and last sent.
 */
export interface SourceData {
  data: FC;
  windowOf?: FeatureSource;
}

/**
 * How MapLibre goes from the data it holds (`held`, none yet: undefined) to `next`: nothing when it is
 * the same or both are empty, the difference when both are windows of one source, else `next` whole (new
 * data: a new result, lens or layer, or data that is not windowed).
 */
export function sourceUpdate(
  held: SourceData | undefined,
  next: SourceData,
): { diff: WindowDiff } | { data: FC } | null {
  if (held?.data === next.data) return null;
  if (held && held.data.features.length === 0 && next.data.features.length === 0) return null;
  if (!held?.windowOf || held.windowOf !== next.windowOf) return { data: next.data };
  const diff = windowDiff(held.data, next.data);
  return diff.remove.length > 0 || diff.add.length > 0 ? { diff } : null;
}
