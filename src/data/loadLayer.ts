import { applyCrs, type CrsSource } from './applyCrs.ts';
import { csvTableToPoints } from './csvSites.ts';
import { TILE_ROLES, type LayerRole } from './layerRoles.ts';
import { guessFields } from './roles.ts';
import { checkRequiredFields, csvTableToTiles, quadkeyRing } from './speedTests.ts';
import { LoadError, throwIfAborted } from './LoadError.ts';
import { readLayerFile, type ParsedFile } from './readFile.ts';
import type { Issue, LoadInput, LoadOptions, LoadResult, RawFeature } from './types.ts';
import { validateLayer } from './validateLayer.ts';

/**
 * Reads one user file (GeoJSON, zipped Shapefile, KML/KMZ or CSV) as a layer of the given role:
 * parse → WGS84 → validate and normalise. Whole-file failures throw a `LoadError`; feature-level
 * problems are in `report`. Pass `signal` to cancel and `onProgress` for a progress bar.
 *
 * @example
 * const { collection, report, crs } = await loadLayer({ name: 'thon.zip', data: bytes }, 'hamlets');
 */
export async function loadLayer(
  file: LoadInput,
  role: LayerRole,
  options: LoadOptions = {},
): Promise<LoadResult> {
  options.onProgress?.(0);
  throwIfAborted(options.signal);
  return layerFromFile(await readLayerFile(file), role, options);
}

/**
 * The second half of `loadLayer`, from a file already read (`readLayerFile`): an import reads its file
 * once, for the probe, and checks it from that as often as the user changes role, fields or CRS.
 * Does not change `parsed`.
 */
export async function layerFromFile(
  parsed: ParsedFile,
  role: LayerRole,
  options: LoadOptions = {},
): Promise<LoadResult> {
  const { name } = parsed;
  const progress = (f: number): void => options.onProgress?.(Math.min(1, Math.max(0, f)));
  const layer = rawLayer(parsed, role, options);
  progress(0.3);
  await tick();
  throwIfAborted(options.signal);
  if (layer.features.length === 0 && layer.preSkipped.length === 0) {
    throw new LoadError(
      name,
      'contains no features.',
      'Check that you chose the right file, and that the layer is not empty.',
    );
  }
  const { features, crs } = applyCrs(layer.features, layer.crs, options.axisOrder, name);
  checkRequiredFields(
    role,
    { ...guessFields({ features }, role), ...options.fields },
    parsed.kind === 'csv' ? parsed.table.headers : propertyNames(features),
    name,
  );
  progress(0.5);
  await tick();
  throwIfAborted(options.signal);
  const { collection, report } = validateLayer({ features }, role, name, {
    ...(options.fields ? { fields: options.fields } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(layer.origins ? { origins: layer.origins } : {}),
    ...(options.extent ? { extent: options.extent } : {}),
    onProgress: (f) => progress(0.5 + 0.5 * f),
  });
  const fileNotes: Issue[] = layer.notes.map((message) => ({
    index: -1,
    message: `${name}: ${message}`,
    fix: 'Nothing to do.',
  }));
  if (crs.note)
    fileNotes.push({ index: -1, message: `${name}: ${crs.note}`, fix: 'Check a few features on the map.' });
  report.warnings.unshift(...fileNotes);
  report.skipped.unshift(...layer.preSkipped);
  report.total += layer.preSkipped.length;
  progress(1);
  const encoding = parsed.kind !== 'csv' && parsed.kind !== 'project' ? parsed.encoding : undefined;
  return { collection, report, crs, kind: parsed.kind, ...(encoding ? { encoding } : {}) };
}

/** A read file's features as this load sees them: a CSV's rows become points by the chosen columns. */
interface RawLayer {
  features: RawFeature[];
  crs: CrsSource;
  notes: string[];
  preSkipped: Issue[];
  origins?: { index: number; label: string }[];
}

function rawLayer(parsed: ParsedFile, role: LayerRole, options: LoadOptions): RawLayer {
  const chosen: CrsSource = options.crs ? { chosen: options.crs } : {};
  switch (parsed.kind) {
    case 'csv': {
      const r = TILE_ROLES.has(role)
        ? csvTableToTiles(parsed.table, options.csvColumns, parsed.name)
        : csvTableToPoints(parsed.table, options.csvColumns, parsed.name);
      return {
        features: r.collection.features,
        crs: chosen,
        notes: [],
        preSkipped: r.skipped,
        origins: r.origins,
      };
    }
    case 'project':
      throw new LoadError(
        parsed.name,
        'is a Vùng Trắng project file, not a layer.',
        'Open it with "Open project" instead of importing it as a layer.',
      );
    default: {
      const declared = parsed.declared
        ? { fromFile: parsed.declared.crs, fileLabel: parsed.declared.where }
        : {};
      return {
        features: TILE_ROLES.has(role) ? parsed.features.map(withQuadkeyTile) : parsed.features,
        crs: { ...chosen, ...declared },
        notes: parsed.notes,
        preSkipped: [],
      };
    }
  }
}

/** A tile feature that gives its quadkey but no geometry gets the quadkey's square. */
function withQuadkeyTile(f: RawFeature): RawFeature {
  if (typeof f !== 'object' || f === null) return f;
  const feature = f as { geometry?: unknown; properties?: { quadkey?: unknown } | null };
  const key = feature.properties?.quadkey;
  if (feature.geometry || typeof key !== 'string') return f;
  const ring = quadkeyRing(key.trim());
  return ring ? { ...feature, geometry: { type: 'Polygon', coordinates: [ring] } } : f;
}

/** Property names of the first features, for messages. */
function propertyNames(features: RawFeature[]): string[] {
  const names = new Set<string>();
  for (const f of features.slice(0, 200)) {
    const p = typeof f === 'object' && f !== null ? (f as { properties?: unknown }).properties : null;
    if (typeof p === 'object' && p !== null) for (const k of Object.keys(p)) names.add(k);
  }
  return [...names];
}

/** Yields to the event loop so a worker can receive a cancel message between phases. */
function tick(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
