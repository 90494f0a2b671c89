// shpjs ships no types; only the .shp parser is used (the zip and .prj handling is ours).
declare module 'shpjs' {
  import type { Geometry } from 'geojson';
  export function parseShp(shp: ArrayBuffer | ArrayBufferView, prj?: string): (Geometry | null)[];
}
