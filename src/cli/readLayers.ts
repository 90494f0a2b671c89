import { bbox } from '@turf/bbox';
import { readFile, stat } from 'node:fs/promises';
import type { FeatureCollection } from 'geojson';
import type { InputLayers } from '../analysis/types.ts';
import {
  CRS_CHOICES,
  loadLayer,
  LoadError,
  MAX_FILE_BYTES,
  type LayerRole,
  type LoadOptions,
  type ValidationReport,
} from '../data/index.ts';
import { CliError } from './errors.ts';

export type InputRole = keyof InputLayers;
/** Speed tests and field reports: measurements beside the model, which change no coverage. */
export const MEASURED_ROLES = ['mobileTests', 'fixedTests', 'speedPoints', 'fieldReports'] as const;
export type MeasuredRole = (typeof MEASURED_ROLES)[number];
/** The layers the coverage model is built from. */
export type ModelRole = Exclude<InputRole, MeasuredRole>;
export type { LayerRole };

export interface ReadOptions {
  /** Coordinate system for files that do not say theirs (a CRS_CHOICES code or a proj4 string). */
  crs?: string;
  /** The hamlets' extent: measured features outside it are named in the warnings. */
  extent?: [number, number, number, number];
  warn: (line: string) => void;
  /** A skipped feature stops the run (units: a missing one would move its hamlets elsewhere). */
  refuseSkipped?: boolean;
}

/** The bytes of each input file, read once: what the layers are loaded from, here and in every thread. */
export type InputBytes = Partial<Record<InputRole, Uint8Array>>;

/**
 * Reads each given file as its layer through src/data's loader (GeoJSON, zipped Shapefile, KML/KMZ,
 * CSV of sites; reprojected to WGS84). Features the loader skips or repairs are reported as warnings
 * and the run goes on with the valid ones; a file that cannot be read at all stops the run.
 */
export async function readLayers(
  paths: Partial<Record<InputRole, string>>,
  opts: ReadOptions,
): Promise<InputLayers> {
  return layersOf(paths, opts, (path, role, o) => readLayer(path, role, o));
}

/** The bytes of each given file; a file that is missing or cannot be read stops the run. */
export async function readInputBytes(paths: Partial<Record<InputRole, string>>): Promise<InputBytes> {
  const bytes: InputBytes = {};
  for (const [role, path] of Object.entries(paths) as [InputRole, string][]) {
    bytes[role] = await readBytes(path, role);
  }
  return bytes;
}

/** {@link readLayers} from bytes already read ({@link readInputBytes}), with the same warnings. */
export async function loadLayers(
  paths: Partial<Record<InputRole, string>>,
  bytes: InputBytes,
  opts: ReadOptions,
): Promise<InputLayers> {
  return layersOf(paths, opts, async (path, role, o) => {
    const data = bytes[role];
    return data ? loadBytes(path, role, data, o) : undefined;
  });
}

/** Each layer through `load`, hamlets first: their extent tells which measurements fall outside the data. */
async function layersOf(
  paths: Partial<Record<InputRole, string>>,
  opts: ReadOptions,
  load: (path: string, role: InputRole, opts: ReadOptions) => Promise<FeatureCollection | undefined>,
): Promise<InputLayers> {
  const layers: Partial<Record<InputRole, FeatureCollection>> = {};
  const entries = (Object.entries(paths) as [InputRole, string][]).sort(
    ([a], [b]) => Number(b === 'hamlets') - Number(a === 'hamlets'),
  );
  let extent: [number, number, number, number] | undefined;
  for (const [role, path] of entries) {
    const measured = (MEASURED_ROLES as readonly string[]).includes(role);
    const layer = await load(path, role, measured && extent ? { ...opts, extent } : opts);
    if (!layer) continue;
    layers[role] = layer;
    if (role === 'hamlets') extent = extentOf(layer);
  }
  return checked(layers);
}

function checked(layers: Partial<Record<InputRole, FeatureCollection>>): InputLayers {
  if (!layers.hamlets) throw new CliError('No hamlets layer: give one with --hamlets FILE.');
  // src/data normalised each collection for its role (docs/DATA-MODEL.md §1): what the engine reads.
  return layers as unknown as InputLayers;
}

/** Reads one file as the layer `role`; a file left with no usable feature is an error naming it. */
export async function readLayer(
  path: string,
  role: LayerRole,
  opts: ReadOptions,
): Promise<FeatureCollection> {
  return loadBytes(path, role, await readBytes(path, role), opts);
}

async function loadBytes(
  path: string,
  role: LayerRole,
  data: Uint8Array,
  opts: ReadOptions,
): Promise<FeatureCollection> {
  const options: LoadOptions = {};
  if (opts.crs) options.crs = opts.crs;
  if (opts.extent) options.extent = opts.extent;
  // The path as typed names the file in the loader's messages, so the user can find it.
  const loaded = await loadLayer({ name: path, data }, role, options).catch((e: unknown) => {
    throw withCrsHint(e);
  });
  const skipped = loaded.report.skipped;
  if (opts.refuseSkipped && skipped.length > 0)
    throw new CliError(
      `${path}: ${skipped.length} of the ${loaded.report.total} features of the ${role} layer cannot be used:\n` +
        skipped
          .slice(0, SHOWN)
          .map((i) => `  ${i.message} — ${i.fix}`)
          .join('\n') +
        (skipped.length > SHOWN ? `\n  … and ${skipped.length - SHOWN} more.` : ''),
    );
  reportIssues(path, role, loaded.report, opts.warn);
  if (loaded.collection.features.length === 0) {
    throw new CliError(
      `${path}: none of its ${loaded.report.total} features is a usable ${role} feature (see the warnings above). ` +
        `Check that this is the ${role} layer and fix the features listed.`,
    );
  }
  return loaded.collection;
}

/** [west, south, east, north] of a collection's coordinates. */
function extentOf(fc: FeatureCollection): [number, number, number, number] {
  const [w, s, e, n] = bbox(fc);
  return [w, s, e, n];
}

async function readBytes(path: string, role: string): Promise<Uint8Array> {
  try {
    const s = await stat(path);
    if (!s.isFile()) throw new CliError(`${path} (the ${role} layer) is not a file.`);
    // Refused before reading: the loader would say the same, after holding the whole file in memory.
    if (s.size > MAX_FILE_BYTES) {
      throw new CliError(
        `${path} (the ${role} layer) is ${Math.ceil(s.size / MB)} MB; the limit is ${MAX_FILE_BYTES / MB} MB. ` +
          'Split the data into smaller files (for example one commune per file).',
      );
    }
    // A view of the bytes read, not a copy: at national size the copy alone was 80 MB of fresh pages.
    const bytes = await readFile(path);
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  } catch (e) {
    if (e instanceof CliError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'does not exist' : code === 'EACCES' ? 'cannot be read (permission)' : code;
    throw new CliError(`${path} (the ${role} layer) ${why ?? 'cannot be read'}. Check the path.`);
  }
}

/** The loader's fix speaks of the app's import dialog; on the command line the answer is --crs. */
function withCrsHint(e: unknown): unknown {
  if (!(e instanceof LoadError) || !/coordinate system/i.test(e.message)) return e;
  const codes = CRS_CHOICES.map((c) => c.code)
    .filter((c) => !/TM3/.test(c))
    .join(', ');
  return new CliError(
    `${e.message}\n  What to do: ${e.fix}\n  On the command line: add --crs CODE, e.g. --crs VN2000-TM3-105.5 ` +
      `(TM-3 with your province's central meridian), or one of ${codes}.`,
  );
}

const SHOWN = 5;
const MB = 1024 * 1024;

function reportIssues(path: string, role: string, report: ValidationReport, warn: (l: string) => void): void {
  const { skipped, repaired, warnings } = report;
  if (skipped.length > 0) {
    warn(`${path}: skipped ${skipped.length} of ${report.total} features of the ${role} layer:`);
    // src/data's messages already name the file and the feature (number, id, name).
    for (const i of skipped.slice(0, SHOWN)) warn(`  ${i.message} — ${i.fix}`);
    if (skipped.length > SHOWN) warn(`  … and ${skipped.length - SHOWN} more.`);
  }
  if (repaired.length > 0) {
    warn(
      `${path}: repaired ${repaired.length} features of the ${role} layer, e.g. ${repaired[0]?.message ?? ''}`,
    );
  }
  // File-level notes (CRS applied, encoding detected) say what was assumed; they matter, so show them.
  for (const w of warnings.slice(0, SHOWN)) warn(w.message);
  if (warnings.length > SHOWN) warn(`${path}: … and ${warnings.length - SHOWN} more notes.`);
}
