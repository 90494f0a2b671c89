import { readFileSync } from 'node:fs';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import {
  chunkCollections,
  joinChunks,
  originOf,
  rememberOrigin,
  sampleLayersOf,
} from '../../../src/worker/sampleLayers.ts';

const read = (name: string): FeatureCollection =>
  JSON.parse(readFileSync(`geodata/${name}.geojson`, 'utf8')) as FeatureCollection;

describe('sample layers cross from the worker to the page in chunks', () => {
  const byName = new Map([
    ['hamlets', read('hamlets')],
    ['sites', read('sites')],
    ['province', read('province')],
  ]);

  it('cuts the shipped hamlets into many small chunks and joins them back unchanged', () => {
    const chunks = chunkCollections(byName);
    const hamletChunks = chunks.filter((c) => c.name === 'hamlets');
    expect(hamletChunks.length).toBeGreaterThan(5);
    // Each chunk stays small enough to receive in one short task.
    for (const c of chunks) expect(JSON.stringify(c.features).length).toBeLessThan(400_000);
    const joined = joinChunks(structuredClone(chunks));
    expect([...joined.keys()]).toEqual(['hamlets', 'sites', 'province']);
    for (const [name, fc] of byName) expect(joined.get(name)).toEqual(fc);
  });

  it('keeps an empty layer and the collection members besides features', () => {
    const empty = { type: 'FeatureCollection', features: [], illustrative: true } as FeatureCollection;
    const joined = joinChunks(chunkCollections(new Map([['coverage', empty]])));
    expect(joined.get('coverage')).toEqual(empty);
  });

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
