import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { layerKey, type PoolKv } from '../../../src/data/layerPool.ts';
import { parseProject, serializeProject } from '../../../src/data/project.ts';
import {
  deleteVersion,
  readIndex,
  replaceVersions,
  saveVersion,
  versionsForProject,
} from '../../../src/store/versions/versionDb.ts';
import { sampleInput } from './sampleResult.ts';

/** An in-memory stand-in for the versions' IndexedDB store, counting what it holds. */
function memoryKv(): PoolKv & { map: Map<string, unknown> } {
  const map = new Map<string, unknown>();
  return {
    map,
    get: async (k) => structuredClone(map.get(k)),
    set: async (k, v) => void map.set(k, structuredClone(v)),
    del: async (k) => void map.delete(k),
  };
}

const layersIn = (kv: { map: Map<string, unknown> }): string[] =>
  [...kv.map.keys()].filter((k) => k.startsWith('layer:')).sort();

const site = (id: string, lon: number) => ({
  type: 'Feature' as const,
  properties: { id, operator: 'Viettel', tech: '4G' },
  geometry: { type: 'Point' as const, coordinates: [lon, 20.3] },
});

/** The app's data: the test hamlets and the given sites. */
function state(siteIds: string[]) {
  const sites = { type: 'FeatureCollection', features: siteIds.map((id, i) => site(id, 106.4 + i / 100)) };
  return {
    dataSource: 'imported' as const,
    input: { ...sampleInput(), sites } as unknown as ReturnType<typeof sampleInput>,
    admin: { province: null, districts: null, communes: null, units: null },
    settings: { fibreServiceRadiusM: 600 },
  };
}

describe('saved dated versions', () => {
  it('stores a layer two versions share once, and drops it only with the last version using it', async () => {
    const kv = memoryKv();
    const first = state(['s1', 's2']);
    const r1 = await saveVersion(first, '2024-12', 'Cuối 2024', [], kv);
    expect('saved' in r1).toBe(true);
    const stored = layersIn(kv).length;
    // Same hamlets, other sites: one more layer, not another copy of the hamlets.
    const second = state(['s1']);
    const r2 = await saveVersion(second, '2025-06', '', [], kv);
    if (!('saved' in r2)) throw new Error('not saved');
    expect(layersIn(kv)).toHaveLength(stored + 1);
    expect(r2.saved.map((v) => v.date)).toEqual(['2024-12', '2025-06']);
    expect(r2.saved[0]?.layers?.hamlets).toBe(r2.saved[1]?.layers?.hamlets);
    expect(r2.saved[0]?.group).toBe(layerKey(first.input.hamlets as FeatureCollection));

    // The same month of the same data again is refused; a bad month too.
    expect(await saveVersion(first, '2024-12', '', [], kv)).toEqual({ problem: 'dateTaken' });
    expect(await saveVersion(first, '2024-13', '', [], kv)).toEqual({ problem: 'badDate' });

    const left = await deleteVersion(r2.saved[1]!.id, kv);
    expect(left.map((v) => v.date)).toEqual(['2024-12']);
    expect(layersIn(kv)).toHaveLength(stored);
    await deleteVersion(left[0]!.id, kv);
    expect(layersIn(kv)).toEqual([]);
  });

  it('travels in a project file and back, with its settings and layers', async () => {
    const kv = memoryKv();
    const s = state(['s1']);
    await saveVersion(s, '2024-12', 'Cuối 2024', [], kv);
    const versions = await versionsForProject(kv);
    const text = serializeProject({
      layers: { hamlets: s.input.hamlets as FeatureCollection },
      settings: (await import('../../../src/analysis/settings.ts')).withDefaults(s.settings),
      scenarios: [],
      view: null,
      versions,
    });
    // The project's own hamlets are the version's: written once, referred to as "@hamlets".
    expect(text.split('"Feature"').length).toBeLessThan(
      JSON.stringify(s.input).split('"Feature"').length * 2,
    );
    const { project } = parseProject(text);
    const other = memoryKv();
    const saved = await replaceVersions(project.versions, other);
    expect(saved.map((v) => [v.date, v.label, v.settings])).toEqual([
      ['2024-12', 'Cuối 2024', { fibreServiceRadiusM: 600 }],
    ]);
    expect(await readIndex(other)).toEqual(saved);
    expect(layersIn(other)).toHaveLength(layersIn(kv).length);
  });

  it('reads a damaged index as no versions', async () => {
    const kv = memoryKv();
    await kv.set('index', { version: 1, versions: [{ id: 'x', date: 'soon' }] });
    expect(await readIndex(kv)).toEqual([]);
    await kv.set('index', 'garbage');
    expect(await readIndex(kv)).toEqual([]);
  });
});
