import type { Feature, Geometry } from 'geojson';
import { AGGREGATE_BELOW_ZOOM } from './aggregate.ts';
import { featureBoxes } from './featureBoxes.ts';

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
 * half the view sends the map nothing new; each new window is re-tiled by MapLibre as a whole.
 */
const MARGIN = 0.5;

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
  const [w, s, e, n] = view;
  if (typeof prev === 'object') {
    const [pw, ps, pe, pn] = prev.bounds;
    if (pw <= w && ps <= s && pe >= e && pn >= n) return prev;
  }
  const dx = (e - w) * MARGIN;
  const dy = (n - s) * MARGIN;
  return { bounds: [w - dx, s - dy, e + dx, n + dy] };
}

/**
 * The features of `fc` the window holds (a box meeting the window's), plus those `keep` says to keep at
 * any zoom (e.g. backbone fibre); `fc` itself for `all`.
 */
export function windowed<T extends { features: Feature<Geometry | null, unknown>[] }>(
  fc: T,
  win: DetailWindow,
  keep?: (f: T['features'][number]) => boolean,
): T {
  if (win === 'all') return fc;
  const box = win === 'none' ? null : win.bounds;
  const b = box ? featureBoxes(fc.features) : null;
  const features = fc.features.filter((f, i) => {
    if (keep?.(f)) return true;
    if (!box || !b) return false;
    // NaN compares false: a feature without coordinates is left out.
    return (
      b[i * 4]! <= box[2] && b[i * 4 + 2]! >= box[0] && b[i * 4 + 1]! <= box[3] && b[i * 4 + 3]! >= box[1]
    );
  });
  return { ...fc, features };
}
