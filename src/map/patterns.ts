import type { Map as MlMap } from 'maplibre-gl';
import { HATCH_IMAGES, patternImage } from './palette.ts';

/**
 * Gives a map the zone hatching the plan's `fill-pattern`s name. The hatches are added at once, before any
 * tile asks for them: an image added while tiles are being cut makes MapLibre cut every tile that uses it
 * again. A resolver stays for any other id the style asks for (MapLibre 6 only takes missing images from
 * it; a `styleimagemissing` listener is too late). The screen map and every offscreen copy (PNG, print)
 * install them. `scale` draws the tiles at that many image pixels per CSS pixel, for sharp hatching at print
 * resolution.
 */
export function providePatterns(map: MlMap, scale = 1): void {
  const add = (id: string): void => {
    const image = patternImage(id, scale);
    if (image && !map.hasImage(id)) map.addImage(id, image, { pixelRatio: image.pixelRatio });
  };
  Object.values(HATCH_IMAGES).forEach(add);
  map.setMissingStyleImageResolver(add);
}
