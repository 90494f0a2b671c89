import type { FileKind } from './types.ts';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/**
 * Tells what a file is from its name and first bytes, so a mis-named file still opens.
 *
 * @example readFileKind('thon.zip', bytes) // 'shapefile-zip'
 */
export function readFileKind(name: string, bytes: Uint8Array | ArrayBuffer | string): FileKind {
  const ext = name.toLowerCase().split('.').pop() ?? '';
  const head = headText(bytes);
  const isZip = typeof bytes !== 'string' && startsWith(toView(bytes), ZIP_MAGIC);
  if (isZip) {
    if (ext === 'kmz') return 'kmz';
    return 'shapefile-zip';
  }
  const trimmed = head.replace(/^\uFEFF/, '').trimStart();
  const json = trimmed.startsWith('{') || trimmed.startsWith('[');
  if ((ext === 'kml' && !json) || /^<\?xml[^>]*>\s*<kml|^<kml/i.test(trimmed)) return 'kml';
  if (json) {
    // Projects are written version-first; a layer's features carry "type" long before any "version".
    const version = head.search(/"version"\s*:\s*\d/);
    const type = head.search(/"type"\s*:/);
    if (version >= 0 && /"layers"\s*:/.test(head) && (type < 0 || version < type)) return 'project';
    return 'geojson';
  }
  if (ext === 'geojson' || ext === 'json') return 'geojson';
  if (ext === 'csv' || ext === 'txt' || ext === 'tsv') return 'csv';
  if (ext === 'zip') return 'shapefile-zip';
  if (ext === 'kmz') return 'kmz';
  return 'unknown';
}

function toView(bytes: Uint8Array | ArrayBuffer): Uint8Array {
  return bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
}

function startsWith(view: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => view[i] === b);
}

function headText(bytes: Uint8Array | ArrayBuffer | string): string {
  if (typeof bytes === 'string') return bytes.slice(0, 4096);
  return new TextDecoder('utf-8').decode(toView(bytes).subarray(0, 4096));
}
