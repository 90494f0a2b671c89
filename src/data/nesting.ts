import { LoadError } from './LoadError.ts';

/**
 * How deep objects and arrays may nest inside one feature. GeoJSON needs at most 4 levels of
 * coordinates (a MultiPolygon's); properties written by a GIS are flat. Deeper data would overflow the
 * stack of every recursive walk (reading coordinates, copying between threads), so it is refused first.
 */
export const MAX_NESTING = 32;

/** The path to the first value nested deeper than `limit` (e.g. `["x","a","a"]`), or null. Never recurses deeper than `limit`. */
export function tooDeep(value: unknown, limit: number = MAX_NESTING): (string | number)[] | null {
  if (typeof value !== 'object' || value === null) return null;
  if (limit === 0) return [];
  if (Array.isArray(value)) {
    // A plain loop: positions are millions of small arrays, walked without allocating, and their numbers
    // without a call each.
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (typeof item !== 'object' || item === null) continue;
      const below = tooDeep(item, limit - 1);
      if (below) return [i, ...below];
    }
    return null;
  }
  for (const key of Object.keys(value)) {
    const below = tooDeep((value as Record<string, unknown>)[key], limit - 1);
    if (below) return [key, ...below];
  }
  return null;
}

/**
 * Refuses features whose geometry or properties nest deeper than `MAX_NESTING`, naming the file, the
 * feature and the property, before anything walks them.
 *
 * @example checkNesting(doc.features, 'thon.geojson')
 */
export function checkNesting(features: readonly unknown[], file: string): void {
  features.forEach((f, i) => {
    if (typeof f !== 'object' || f === null) return;
    const { geometry, properties } = f as { geometry?: unknown; properties?: unknown };
    if (tooDeep(geometry)) {
      throw new LoadError(
        file,
        `feature ${i + 1} has coordinates nested more than ${MAX_NESTING} levels deep (GeoJSON needs at most 4).`,
        'Export the layer again from your GIS: the file is damaged or was not written by one.',
      );
    }
    const at = tooDeep(properties);
    if (at) {
      const key = String(at[0]).slice(0, 40);
      throw new LoadError(
        file,
        `feature ${i + 1} has a property ("${key}") nested more than ${MAX_NESTING} levels deep.`,
        'Remove or flatten that property (a GIS table holds one value per column), or export the layer again.',
      );
    }
  });
}
