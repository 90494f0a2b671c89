import { kml } from '@tmcw/togeojson';
import { LoadError } from './LoadError.ts';
import { htmlToText, toText } from './text.ts';
import { unzipFiles } from './unzip.ts';
import type { RawFeature, XmlParser } from './types.ts';

/**
 * Reads KML (Google Earth) with togeojson. togeojson walks a DOM, so an XML parser is needed:
 * the browser's `DOMParser` by default, or one passed in (Node has none: the CLI passes @xmldom/xmldom's).
 * HTML descriptions become plain text.
 */
export function readKml(text: string, file: string, parser?: XmlParser): RawFeature[] {
  const p = parser ?? (globalThis as { DOMParser?: new () => XmlParser }).DOMParser;
  if (!p) {
    throw new LoadError(
      file,
      'is KML, and this environment has no XML parser.',
      'Open the file in the web app, or pass `domParser` (e.g. from jsdom or @xmldom/xmldom) when loading from Node.',
    );
  }
  const xml = typeof p === 'function' ? new p() : p;
  let doc: Document;
  try {
    doc = xml.parseFromString(text, 'text/xml');
  } catch (err) {
    throw badXml(file, err instanceof Error ? err.message : String(err));
  }
  const error = doc.getElementsByTagName('parsererror')[0];
  if (error) throw badXml(file, (error.textContent ?? '').trim().split('\n')[0] ?? '');
  if (doc.getElementsByTagName('kml').length === 0 && doc.getElementsByTagName('Placemark').length === 0) {
    throw new LoadError(
      file,
      'is XML but not KML (no <kml> element).',
      'Save the layer from Google Earth as KML or KMZ.',
    );
  }
  const fc = kml(doc);
  return fc.features.map((f) => ({ ...f, properties: plainProperties(f.properties ?? {}) }));
}

/** Reads a KMZ: the zipped doc.kml (or the first .kml inside). */
export async function readKmz(bytes: Uint8Array, file: string, parser?: XmlParser): Promise<RawFeature[]> {
  const files = await unzipFiles(bytes, file);
  const names = [...files.keys()].filter((n) => n.endsWith('.kml'));
  const name = names.find((n) => n.endsWith('doc.kml')) ?? names.sort()[0];
  const entry = name ? files.get(name) : undefined;
  if (!entry) {
    throw new LoadError(
      file,
      'is a KMZ without a .kml file inside.',
      'Save the layer from Google Earth again as KMZ.',
    );
  }
  return readKml(toText(entry), file, parser);
}

function badXml(file: string, detail: string): LoadError {
  return new LoadError(
    file,
    `is not well-formed XML${detail ? ` (${detail})` : ''}.`,
    'Save the layer from Google Earth again; an edited KML often has an unclosed tag or a bare "&".',
  );
}

function plainProperties(props: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(props)) {
    if (k === 'description') {
      const html = typeof v === 'object' && v !== null ? (v as { value?: unknown }).value : v;
      out[k] = typeof html === 'string' ? htmlToText(html) : html;
    } else out[k] = v;
  }
  return out;
}
