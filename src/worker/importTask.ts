import {
  layerFromFile,
  LoadError,
  readLayerFile,
  type LayerRole,
  type LoadOptions,
  type LoadResult,
  type ParsedFile,
} from '../data/index.ts';
import { probeParsed, type ProbeResult } from '../data/probeFile.ts';

/** Load options that can cross to a worker (no callbacks, signals or parsers). */
export type ImportOptions = Pick<LoadOptions, 'crs' | 'fields' | 'csvColumns' | 'axisOrder' | 'extent'>;

/** A whole-file failure as plain data: Error subclasses lose their `fix` when posted between threads. */
export interface ImportFailure {
  message: string;
  fix: string;
  /** Set when the import worker itself failed (the dialog words it in the UI's language). */
  code?: 'workerFailed';
}

/** `parsedId` names the read file kept for the load (see `runLoad`). */
export type ProbeOutcome =
  { ok: true; probe: ProbeResult; parsedId: number } | { ok: false; error: ImportFailure };
export type LoadOutcome =
  { ok: true; result: LoadResult } | { ok: false; error: ImportFailure } | { ok: false; cancelled: true };

/** A file as the worker sees it: a Blob (cloned cheaply, read in the worker) with its name. */
export interface NamedBlob {
  name: string;
  blob: Blob;
}

/** What a load is asked with, in the worker and in the dialog's backend alike. */
export type LoadRequest = [
  file: NamedBlob,
  role: LayerRole,
  options: ImportOptions,
  onProgress: (fraction: number) => void,
  /** The probe's `parsedId`: the load then checks the file the probe read instead of reading it again. */
  parsedId?: number,
];

export function toFailure(e: unknown): ImportFailure {
  if (e instanceof LoadError) return { message: e.message, fix: e.fix };
  const message = e instanceof Error ? e.message : String(e);
  return { message, fix: 'Check the file, or export it again from your GIS, and try once more.' };
}

/**
 * The file the last probe read, kept for its loads: an import reads and parses its file once, however
 * often the user checks it with another role, fields or CRS. One file at a time, until `forgetFile`.
 */
let kept: { id: number; parsed: ParsedFile } | null = null;
let lastId = 0;

async function read(file: NamedBlob): Promise<ParsedFile> {
  return readLayerFile({ name: file.name, data: new Uint8Array(await file.blob.arrayBuffer()) });
}

/** Drops the file kept from the last probe (the dialog is done with it). */
export function forgetFile(): void {
  kept = null;
}

/** Probe without throwing: the dialog shows the failure with its fix. */
export async function runProbe(file: NamedBlob): Promise<ProbeOutcome> {
  kept = null;
  try {
    const parsed = await read(file);
    kept = { id: ++lastId, parsed };
    return { ok: true, probe: probeParsed(parsed), parsedId: kept.id };
  } catch (e) {
    return { ok: false, error: toFailure(e) };
  }
}

/**
 * Load without throwing; an abort comes back as `cancelled`. With the `parsedId` of this file's probe,
 * the file read then is checked again instead of being read anew.
 */
export async function runLoad(
  file: NamedBlob,
  role: LayerRole,
  options: ImportOptions,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
  parsedId?: number,
): Promise<LoadOutcome> {
  try {
    onProgress(0);
    const parsed = kept && kept.id === parsedId ? kept.parsed : await read(file);
    const result = await layerFromFile(parsed, role, {
      ...options,
      onProgress,
      ...(signal ? { signal } : {}),
    });
    return { ok: true, result };
  } catch (e) {
    if (signal?.aborted) return { ok: false, cancelled: true };
    return { ok: false, error: toFailure(e) };
  }
}
