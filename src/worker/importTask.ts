import { loadLayer, LoadError, type LayerRole, type LoadOptions, type LoadResult } from '../data/index.ts';
import { probeFile, type ProbeResult } from '../data/probeFile.ts';

/** Load options that can cross to a worker (no callbacks, signals or parsers). */
export type ImportOptions = Pick<LoadOptions, 'crs' | 'fields' | 'csvColumns' | 'axisOrder'>;

/** A whole-file failure as plain data: Error subclasses lose their `fix` when posted between threads. */
export interface ImportFailure {
  message: string;
  fix: string;
}

export type ProbeOutcome = { ok: true; probe: ProbeResult } | { ok: false; error: ImportFailure };
export type LoadOutcome =
  { ok: true; result: LoadResult } | { ok: false; error: ImportFailure } | { ok: false; cancelled: true };

/** A file as the worker sees it: a Blob (cloned cheaply, read in the worker) with its name. */
export interface NamedBlob {
  name: string;
  blob: Blob;
}

export function toFailure(e: unknown): ImportFailure {
  if (e instanceof LoadError) return { message: e.message, fix: e.fix };
  const message = e instanceof Error ? e.message : String(e);
  return { message, fix: 'Check the file, or export it again from your GIS, and try once more.' };
}

/** Probe without throwing: the dialog shows the failure with its fix. */
export async function runProbe(file: NamedBlob): Promise<ProbeOutcome> {
  try {
    const data = new Uint8Array(await file.blob.arrayBuffer());
    return { ok: true, probe: await probeFile({ name: file.name, data }) };
  } catch (e) {
    return { ok: false, error: toFailure(e) };
  }
}

/** Load without throwing; an abort comes back as `cancelled`. */
export async function runLoad(
  file: NamedBlob,
  role: LayerRole,
  options: ImportOptions,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<LoadOutcome> {
  try {
    const data = new Uint8Array(await file.blob.arrayBuffer());
    const result = await loadLayer({ name: file.name, data }, role, {
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
