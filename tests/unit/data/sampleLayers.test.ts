import { readFileSync } from 'node:fs';
import type { FeatureCollection } from 'geojson';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  fetchSampleCollections,
  fetchSampleFiles,
  originOf,
  parseCollection,
  parseSampleInputs,
  rememberOrigin,
  sampleLayersOf,
} from '../../../src/data/sampleLayers.ts';

const text = (name: string): string => readFileSync(`geodata/${name}.geojson`, 'utf8');
const read = (name: string): FeatureCollection => JSON.parse(text(name)) as FeatureCollection;
const bytesOf = (s: string): ArrayBuffer => new TextEncoder().encode(s).buffer as ArrayBuffer;

describe('sample files cross from the worker to the page as bytes', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('parses a file’s bytes and its text alike, Vietnamese names intact', () => {
    const fromBytes = parseCollection('hamlets', bytesOf(text('hamlets')));
    expect(fromBytes).toEqual(read('hamlets'));
    expect(parseCollection('hamlets', text('hamlets'))).toEqual(fromBytes);
    expect(fromBytes.features.some((f) => /[ạ-ỹđ]/u.test(String(f.properties?.name)))).toBe(true);
  });

  it('names the file and the fix when it is not JSON or not a FeatureCollection', () => {
    expect(() => parseCollection('sites', bytesOf('{"type":"Feature'))).toThrow(
      /^geodata\/sites\.geojson is not valid JSON .*npm run geodata$/,
    );
    expect(() => parseCollection('fibre', '{"type":"Feature","features":[]}')).toThrow(
      'geodata/fibre.geojson is not a GeoJSON FeatureCollection; rebuild it with npm run geodata',
    );
  });

  it('the analysis worker parses the inputs only: a broken admin file is left to the page', () => {
    const files = [
      { name: 'hamlets', bytes: bytesOf(text('hamlets')) },
      { name: 'sites', bytes: bytesOf(text('sites')) },
      { name: 'communes', bytes: bytesOf('{"type":"Feature') },
      { name: 'province', bytes: bytesOf(text('province')) },
    ];
    const inputs = parseSampleInputs(files);
    expect([...inputs.keys()]).toEqual(['hamlets', 'sites']);
    expect(inputs.get('sites')).toEqual(read('sites'));
    expect(sampleLayersOf(inputs).input).toEqual({ hamlets: read('hamlets'), sites: read('sites') });
  });

  it('fetches inputs first, then admin layers, as bytes; a failed fetch names its file', async () => {
    const asked: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      asked.push(url);
      return url === '/bad.geojson'
        ? new Response('gone', { status: 404 })
        : new Response(JSON.stringify({ type: 'FeatureCollection', features: [], url }));
    });
    const files = await fetchSampleFiles({
      communes: '/c.geojson',
      sites: '/s.geojson',
      hamlets: '/h.geojson',
    });
    expect(files.map((f) => f.name)).toEqual(['hamlets', 'sites', 'communes']);
    expect(files.every((f) => f.bytes instanceof ArrayBuffer)).toBe(true);
    expect(parseCollection('sites', files[1]!.bytes)).toMatchObject({ url: '/s.geojson' });
    const all = await fetchSampleCollections({ hamlets: '/h.geojson', province: '/p.geojson' });
    expect([...all.keys()]).toEqual(['hamlets', 'province']);
    await expect(fetchSampleFiles({ hamlets: '/h.geojson', fibre: '/bad.geojson' })).rejects.toThrow(
      'geodata/fibre.geojson: HTTP 404',
    );
    await expect(fetchSampleFiles({ sites: '/s.geojson' })).rejects.toThrow(
      'geodata/hamlets.geojson is missing; run npm run geodata',
    );
    expect(asked).toContain('/p.geojson');
  });
});

describe('sample layers', () => {
  const byName = new Map([
    ['hamlets', read('hamlets')],
    ['sites', read('sites')],
    ['province', read('province')],
  ]);

  it('splits inputs from admin layers and names the made-up ones', () => {
    const { input, admin, illustrative } = sampleLayersOf(byName);
    expect(Object.keys(input).sort()).toEqual(['hamlets', 'sites']);
    expect(admin.province?.features.length).toBe(byName.get('province')?.features.length);
    expect(admin.districts).toBeNull();
    expect(illustrative).toContain('hamlets');
    expect(illustrative).not.toContain('province');
  });

  it('remembers which URLs a page copy came from, per object', () => {
    const { input } = sampleLayersOf(byName);
    expect(originOf(input)).toBeUndefined();
    rememberOrigin(input, { hamlets: '/a.geojson' });
    expect(originOf(input)).toEqual({ hamlets: '/a.geojson' });
    expect(originOf(sampleLayersOf(byName).input)).toBeUndefined();
  });
});
