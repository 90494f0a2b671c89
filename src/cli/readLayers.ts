import { readFile, stat } from 'node:fs/promises';
import type { FeatureCollection } from 'geojson';
import type { InputLayers } from '../analysis/types.ts';
import { CliError } from './errors.ts';
// The one line to change when src/data's loadLayer lands (it reads Shapefile zips, KML, CSV too).
import { loadLayer } from './interimLoader.ts';

export type InputRole = keyof InputLayers;
/** The roles src/data's loader knows: the engine's layers plus the admin boundaries. */
export type LayerRole = InputRole | 'communes' | 'districts' | 'province';

/** What a loader may report about skipped or repaired features (src/data's ValidationReport). */
interface Report {
  total?: number;
  imported?: number;
  skipped?: { index: number; id?: string; message: string; fix?: string }[];
  repaired?: { index: number; id?: string; message: string }[];
}

/**
 * Reads each given file as its layer. Features the loader skips or repairs are reported as warnings
 * (the run goes on with the valid ones); a file that cannot be read at all, or a hamlets file with no
 * usable hamlet, stops the run with a message naming the file.
 */
export async function readLayers(
  paths: Partial<Record<InputRole, string>>,
  warn: (line: string) => void,
): Promise<InputLayers> {
  const layers: Partial<Record<InputRole, FeatureCollection>> = {};
  for (const [role, path] of Object.entries(paths) as [InputRole, string][]) {
    layers[role] = await readLayer(path, role, warn);
  }
  if (!layers.hamlets) throw new CliError('No hamlets layer: give one with --hamlets FILE.');
  return layers as InputLayers;
}

/** Reads one file as the layer `role`. */
export async function readLayer(
  path: string,
  role: LayerRole,
  warn: (line: string) => void,
): Promise<FeatureCollection> {
  const data = await readBytes(path, role);
  const options = /\.km[lz]$/i.test(path) ? { domParser: await nodeDomParser(path) } : {};
  const loaded = (await loadLayer({ name: path, data }, role, options)) as {
    collection: FeatureCollection;
    report?: Report;
  };
  reportIssues(path, role, loaded.report, warn);
  if (loaded.collection.features.length === 0) {
    throw new CliError(
      `${path}: no usable ${role} feature in this file. Check that it is the ${role} layer.`,
    );
  }
  return loaded.collection;
}

async function readBytes(path: string, role: string): Promise<Uint8Array> {
  try {
    const s = await stat(path);
    if (!s.isFile()) throw new CliError(`${path} (the ${role} layer) is not a file.`);
    return new Uint8Array(await readFile(path));
  } catch (e) {
    if (e instanceof CliError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'does not exist' : code === 'EACCES' ? 'cannot be read (permission)' : code;
    throw new CliError(`${path} (the ${role} layer) ${why ?? 'cannot be read'}. Check the path.`);
  }
}

function reportIssues(
  path: string,
  role: string,
  report: Report | undefined,
  warn: (l: string) => void,
): void {
  if (!report) return;
  const skipped = report.skipped ?? [];
  const repaired = report.repaired ?? [];
  const shown = 5;
  if (skipped.length > 0) {
    warn(`${path}: skipped ${skipped.length} of ${report.total ?? '?'} ${role} features:`);
    for (const i of skipped.slice(0, shown)) {
      warn(
        `  feature ${i.index + 1}${i.id ? ` (id ${i.id})` : ''}: ${i.message}${i.fix ? ` — ${i.fix}` : ''}`,
      );
    }
    if (skipped.length > shown) warn(`  … and ${skipped.length - shown} more.`);
  }
  if (repaired.length > 0)
    warn(`${path}: repaired ${repaired.length} ${role} features (e.g. ${repaired[0]?.message}).`);
}

/** KML needs a DOMParser, which Node lacks; jsdom provides one where it is installed (dev checkouts). */
async function nodeDomParser(path: string): Promise<unknown> {
  try {
    // A name in a variable keeps TypeScript from needing jsdom's types, which are not installed.
    const name = 'jsdom';
    const { JSDOM } = (await import(name)) as {
      JSDOM: new (html: string) => { window: { DOMParser: new () => unknown } };
    };
    return new new JSDOM('').window.DOMParser();
  } catch {
    throw new CliError(
      `${path}: reading KML from the command line needs the "jsdom" package, which is not installed here. ` +
        'Convert the file to GeoJSON, or run from a full checkout (npm install).',
    );
  }
}
