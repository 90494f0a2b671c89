import type { Geometry, Position } from 'geojson';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { LoadError } from './LoadError.ts';
import { htmlToText, toText } from './text.ts';
import { openZip } from './unzip.ts';
import type { RawFeature } from './types.ts';

const FIX_XML =
  'Save the layer from Google Earth again; an edited KML often has an unclosed tag or a bare "&".';

/** A Placemark being read: its properties and the geometries found in it so far. */
interface Mark {
  id?: string;
  properties: Record<string, unknown>;
  geometries: Geometry[];
}

/** Elements whose text is kept, and what for. */
type Capture = 'prop' | 'data' | 'coordinates' | 'coord';

/**
 * Reads KML (Google Earth) as a stream of XML events (saxes): no DOM is built, so a big file costs
 * little memory, never recurses (a file nested 100 000 folders deep is read like a flat one), and runs
 * where there is no DOM at all (the import worker, Node). Placemarks become features as
 * togeojson makes them: name, address, description (HTML made plain text), ExtendedData (`Data`/`value`
 * and `SimpleData`) and the id; Point, LineString, LinearRing, Polygon, MultiGeometry and gx:Track.
 * Undeclared entities and DTDs are refused, never expanded.
 */
export function readKml(text: string, file: string): RawFeature[] {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (!start.startsWith('<')) {
    const head = start.slice(0, 30).split(/\r?\n/)[0] ?? '';
    throw new LoadError(
      file,
      `is named like KML but holds no XML (it begins “${head}”).`,
      'If it is a table of points, rename it to .csv; if it is KML, save it again from Google Earth.',
    );
  }
  const features: RawFeature[] = [];
  const path: string[] = [];
  let sawKml = false;
  let mark: Mark | null = null;
  let markDepth = -1;
  let capture: { kind: Capture; key: string; depth: number; text: string } | null = null;
  /** Rings of the Polygon being read; a Track's positions. */
  let rings: Position[][] | null = null;
  let track: Position[] | null = null;
  let dataName: string | null = null;
  /** Types of SimpleData fields from the file's <Schema>s (numbers and booleans, as togeojson reads them). */
  const schema = new Map<string, string>();

  const parser = new SaxesParser({ xmlns: false });
  parser.on('opentag', (tag: SaxesTagPlain) => {
    const name = localName(tag.name);
    path.push(name);
    const depth = path.length;
    if (name === 'kml') sawKml = true;
    if (name === 'SimpleField' && tag.attributes.name && tag.attributes.type) {
      schema.set(tag.attributes.name, tag.attributes.type);
    }
    if (name === 'Placemark' && !mark) {
      const id = tag.attributes.id;
      mark = { properties: {}, geometries: [], ...(id ? { id } : {}) };
      markDepth = depth;
      return;
    }
    if (!mark) return;
    if (depth === markDepth + 1 && (name === 'name' || name === 'address' || name === 'description')) {
      capture = { kind: 'prop', key: name, depth, text: '' };
    } else if (name === 'Data') dataName = tag.attributes.name ?? null;
    else if (name === 'value' && dataName !== null)
      capture = { kind: 'data', key: dataName, depth, text: '' };
    else if (name === 'SimpleData' && tag.attributes.name) {
      capture = { kind: 'data', key: tag.attributes.name, depth, text: '' };
    } else if (name === 'coordinates')
      capture = { kind: 'coordinates', key: parentOf(path), depth, text: '' };
    else if (name === 'coord' && track) capture = { kind: 'coord', key: '', depth, text: '' };
    else if (name === 'Polygon') rings = [];
    else if (name === 'Track') track = [];
  });
  const addText = (t: string): void => {
    if (capture) capture.text += t;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', () => {
    const depth = path.length;
    const name = path.pop() ?? '';
    if (capture && capture.depth === depth) {
      const c = capture;
      capture = null;
      if (mark) take(mark, c.kind, c.key, c.text);
    }
    if (!mark) return;
    if (name === 'Data') dataName = null;
    else if (name === 'Polygon' && rings) {
      if (rings.length > 0) mark.geometries.push({ type: 'Polygon', coordinates: rings });
      rings = null;
    } else if (name === 'Track' && track) {
      const t = track;
      track = null;
      if (t.length >= 2) mark.geometries.push({ type: 'LineString', coordinates: t });
      else if (t[0]) mark.geometries.push({ type: 'Point', coordinates: t[0] });
    } else if (name === 'Placemark' && depth === markDepth) {
      const { geometries, id, properties } = mark;
      const geometry =
        geometries.length === 0
          ? null
          : geometries.length === 1
            ? geometries[0]
            : { type: 'GeometryCollection', geometries };
      features.push({ type: 'Feature', ...(id ? { id } : {}), properties, geometry });
      mark = null;
    }
  });

  function take(m: Mark, kind: Capture, key: string, value: string): void {
    if (kind === 'prop') {
      m.properties[key] = key === 'description' ? htmlToText(value) : value.trim();
    } else if (kind === 'data') m.properties[key] = typed(value, schema.get(key));
    else if (kind === 'coord') {
      const p = value.trim().split(/\s+/).map(Number.parseFloat);
      if (p.length >= 2 && p.every(Number.isFinite)) track?.push(p);
    } else if (key === 'Point') {
      const p = position(value);
      if (p) m.geometries.push({ type: 'Point', coordinates: p });
    } else if (key === 'LinearRing' && rings) {
      const ring = closeRing(positions(value));
      if (ring.length >= 4) rings.push(ring);
    } else if (key === 'LineString' || key === 'LinearRing') {
      const line = positions(value);
      if (line.length >= 2) m.geometries.push({ type: 'LineString', coordinates: line });
    }
  }

  try {
    parser.write(text).close();
  } catch (err) {
    throw badXml(file, err instanceof Error ? err.message : String(err));
  }
  if (!sawKml && features.length === 0) {
    throw new LoadError(
      file,
      'is XML but not KML (no <kml> element).',
      'Save the layer from Google Earth as KML or KMZ.',
    );
  }
  return features;
}

/** Reads a KMZ: the zipped doc.kml (or the first .kml inside); nothing else in it is unpacked. */
export async function readKmz(bytes: Uint8Array, file: string): Promise<RawFeature[]> {
  const zip = openZip(bytes, file);
  const names = zip.names.filter((n) => n.endsWith('.kml'));
  const name = names.find((n) => n.endsWith('doc.kml')) ?? names.sort()[0];
  if (!name) {
    throw new LoadError(
      file,
      'is a KMZ without a .kml file inside.',
      'Save the layer from Google Earth again as KMZ.',
    );
  }
  return readKml(toText(await zip.read(name)), file);
}

function typed(value: string, type: string | undefined): unknown {
  if (type === 'int' || type === 'uint' || type === 'short' || type === 'ushort') return parseInt(value, 10);
  if (type === 'float' || type === 'double') return parseFloat(value);
  if (type === 'bool') return value === 'true' || value === '1';
  return value;
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

function parentOf(path: readonly string[]): string {
  return path[path.length - 2] ?? '';
}

/** One `lon,lat[,alt]` tuple (spaces inside a tuple are tolerated, as Google Earth does). */
function position(text: string): Position | null {
  const p = text
    .replace(/\s+/g, '')
    .split(',')
    .map(Number.parseFloat)
    .filter((n) => !Number.isNaN(n))
    .slice(0, 3);
  return p.length >= 2 ? p : null;
}

function positions(text: string): Position[] {
  const out: Position[] = [];
  for (const tuple of text.trim().split(/\s+/)) {
    const p = position(tuple);
    if (p) out.push(p);
  }
  return out;
}

function closeRing(ring: Position[]): Position[] {
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (!first || !last) return ring;
  return first.every((v, i) => v === last[i]) && first.length === last.length ? ring : [...ring, first];
}

/** saxes says `file:line:column: message`; the user gets the line, the column and a short reason. */
function badXml(file: string, detail: string): LoadError {
  const m = /(\d+):(\d+): (.*)$/s.exec(detail);
  const why = (m ? `line ${m[1]}, column ${m[2]}: ${m[3]}` : detail).split('\n')[0] ?? '';
  const short = why.length > 120 ? `${why.slice(0, 119)}…` : why;
  return new LoadError(file, `is not well-formed XML (${short}).`, FIX_XML);
}
