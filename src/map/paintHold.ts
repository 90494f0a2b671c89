/** The one method of MapLibre's painter (`map.painter`, outside its public types) that draws a frame. */
export interface FramePainter {
  render(...args: never[]): unknown;
}

/**
 * Holds back `painter`'s drawing until `ready()` says so (asked at every frame) or `maxMs` have passed; then
 * `onRelease` is called (to ask for a frame) if the hold ended by the clock. Frames MapLibre renders
 * meanwhile still update its sources and request tiles, but draw nothing: the canvas keeps what it showed.
 * Returns a function that ends the hold at once.
 *
 * Used for the map's first data: each source's tiles arrive on their own and every frame redraws the whole
 * map, which with software WebGL costs 100-200 ms of CPU; one frame with everything replaces several
 * partial ones.
 *
 * @example const release = holdPaint(painter, () => map.loaded(), () => map.triggerRepaint(), 4000);
 */
export function holdPaint(
  painter: FramePainter,
  ready: () => boolean,
  onRelease: () => void,
  maxMs: number,
): () => void {
  const render = painter.render;
  let holding = true;
  const release = (): void => {
    if (!holding) return;
    holding = false;
    clearTimeout(timer);
    painter.render = render;
  };
  painter.render = (...args: never[]): unknown => {
    if (holding && ready()) release();
    return holding ? undefined : render.apply(painter, args);
  };
  const timer = setTimeout(() => {
    if (!holding) return;
    release();
    onRelease();
  }, maxMs);
  return release;
}
