import JSZip from 'jszip';
import { LoadError } from './LoadError.ts';
import { MAX_UNZIPPED_BYTES } from './types.ts';

/** Opens a zip and returns its files by lower-cased path, skipping macOS resource forks. */
export async function unzipFiles(bytes: Uint8Array, file: string): Promise<Map<string, Uint8Array>> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (err) {
    throw new LoadError(
      file,
      `is not a readable zip archive (${err instanceof Error ? err.message : String(err)}).`,
      'Zip the .shp, .shx, .dbf and .prj files again, or export a KMZ again from Google Earth.',
    );
  }
  const out = new Map<string, Uint8Array>();
  let total = 0;
  for (const entry of Object.values(zip.files)) {
    if (entry.dir || entry.name.includes('__MACOSX') || /(^|\/)\._/.test(entry.name)) continue;
    const content = await entry.async('uint8array');
    total += content.byteLength;
    if (total > MAX_UNZIPPED_BYTES) {
      throw new LoadError(
        file,
        `unpacks to more than ${MAX_UNZIPPED_BYTES / 1024 / 1024} MB.`,
        'Split the data into smaller files (for example one district per file).',
      );
    }
    out.set(entry.name.toLowerCase(), content);
  }
  return out;
}
