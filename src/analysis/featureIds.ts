import type { FibreFeature, SiteFeature } from './types.ts';

// Apart from engine.ts, so the page can name features without bundling the engine and Clipper.

/** A site's id: its `id` property, else the feature's id, else its place in the layer. */
export const siteId = (f: SiteFeature, i: number): string => String(f.properties?.id ?? f.id ?? `site-${i}`);

/** A fibre route's id: its `id` property, else the feature's id, else its place in the layer. */
export const fibreId = (f: FibreFeature, i: number): string =>
  String(f.properties?.id ?? f.id ?? `fibre-${i}`);
