import type { Map as MlMap } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { HATCH_IMAGES, HATCH_SIZE } from '../../../src/map/palette.ts';
import { providePatterns } from '../../../src/map/patterns.ts';

/** The image calls of a map, recorded: what `providePatterns` uses of MapLibre's `Map`. */
function recordingMap() {
  const images = new Map<string, { width: number; pixelRatio?: number }>();
  let resolver: ((id: string) => void) | null = null;
  const map = {
    hasImage: (id: string) => images.has(id),
    addImage: (id: string, image: { width: number }, opts: { pixelRatio?: number }) => {
      if (images.has(id)) throw new Error(`${id} added twice`);
      images.set(id, { width: image.width, pixelRatio: opts.pixelRatio });
    },
    setMissingStyleImageResolver: (r: (id: string) => void) => {
      resolver = r;
    },
  };
  return { map: map as unknown as MlMap, images, ask: (id: string) => resolver?.(id) };
}

describe('providePatterns', () => {
  it('adds both zone hatches before any tile asks for them', () => {
    const { map, images } = recordingMap();
    providePatterns(map);
    expect([...images.keys()].sort()).toEqual(Object.values(HATCH_IMAGES).sort());
    expect(images.get(HATCH_IMAGES.white)).toEqual({ width: HATCH_SIZE, pixelRatio: 1 });
  });

  it('draws the hatches at the scale asked, for print', () => {
    const { map, images } = recordingMap();
    providePatterns(map, 3);
    expect(images.get(HATCH_IMAGES.weak)).toEqual({ width: 3 * HATCH_SIZE, pixelRatio: 3 });
  });

  it('answers a later request for a hatch it holds, or an id it does not know, without adding anything', () => {
    const { map, images, ask } = recordingMap();
    providePatterns(map);
    ask(HATCH_IMAGES.white);
    ask('someone-elses-icon');
    expect(images.size).toBe(2);
  });
});
