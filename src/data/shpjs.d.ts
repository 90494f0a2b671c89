// shpjs ships no types; only the two low-level parsers are used (the zip and .prj handling is ours).
declare module 'shpjs' {
  import type { Geometry } from 'geojson';
  export function parseShp(shp: ArrayBuffer | ArrayBufferView, prj?: string): (Geometry | null)[];
  export function parseDbf(dbf: ArrayBuffer | ArrayBufferView, cpg?: string): Record<string, unknown>[];
}
