import type { StyleSpecification } from 'maplibre-gl';
import { BACKGROUND } from './palette.ts';

/** Offline style: a plain background; every other layer comes from the plan. No glyphs, sprites or tiles. */
export const BASE_STYLE: StyleSpecification = {
  version: 8,
  sources: {},
  layers: [{ id: 'background', type: 'background', paint: { 'background-color': BACKGROUND } }],
};

/**
 * MapLibre's fade, in ms (its default is 300). The plan draws no symbols, so the only thing a fade does here
 * is cross-fade patterns and dashes across each whole zoom: the map redraws for 300 ms after every zoom for
 * no visible change, one to six extra frames of software WebGL at 90,000 hamlets.
 */
export const MAP_FADE_MS = 0;
