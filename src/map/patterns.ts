import type { Map as MlMap } from 'maplibre-gl';
import { patternImage } from './palette.ts';

/**
 * Gives a map the zone hatching the plan's `fill-pattern`s name, made from the palette when the style first
 * asks for it. MapLibre 6 only takes images from this resolver (a `styleimagemissing` listener is too late),
 * so the screen map and every offscreen copy (PNG, print) install it. `scale` draws the tiles at that many
 * image pixels per CSS pixel, for sharp hatching at print resolution.
 */
export function providePatterns(map: MlMap, scale = 1): void {
  map.setMissingStyleImageResolver((id) => {
    const image = patternImage(id, scale);
    if (image && !map.hasImage(id)) map.addImage(id, image, { pixelRatio: image.pixelRatio });
  });
}
