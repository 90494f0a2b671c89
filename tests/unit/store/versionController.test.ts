import type { Feature, Point, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { SiteProps } from '../../../src/analysis/types.ts';
import type { PoolKv } from '../../../src/data/layerPool.ts';
import { startVersionController } from '../../../src/store/versions/versionController.ts';
import { readIndex, saveVersion } from '../../../src/store/versions/versionDb.ts';
import { createVersionStore } from '../../../src/store/versions/versionStore.ts';
import { createAppStore } from '../../../src/store/store.ts';
import type { VersionsEngine } from '../../../src/worker/versionsClient.ts';
import { createVersionsWorkerApi } from '../../../src/worker/versionsWorkerApi.ts';
import { sampleInput } from './sampleResult.ts';

function memoryKv(): PoolKv {
  const map = new Map<string, unknown>();
  return {
    get: async (k) => structuredClone(map.get(k)),
    set: async (k, v) => void map.set(k, structuredClone(v)),
    del: async (k) => void map.delete(k),
  };
}

/**
 * The versions engine in this thread, its progress counts delivered a task later as a worker's messages
 * are: the last count arrives after the answer.
 */
function inThreadEngine(kv: PoolKv): VersionsEngine {
  const api = createVersionsWorkerApi(kv);
  const later =
    (p?: (d: number, t: number) => void) =>
    (d: number, t: number): void =>
      void setTimeout(() => p?.(d, t), 0);
  return {
    compare: (b, a, p) => api.compare(b, a, later(p)),
    progress: (jobs, p) => api.progress(jobs, later(p)),
  };
}

const noAdmin = { province: null, districts: null, communes: null, units: null };
const settle = () => new Promise((r) => setTimeout(r, 20));

describe('versions controller', () => {
  it('compares two saved versions and measures their progress, and is idle when done', async () => {
    const kv = memoryKv();
    const app = createAppStore();
    const bare = sampleInput();
    // The same hamlets without and with a 4G site over the first: the later version covers more.
    const [lon, lat] = (bare.hamlets.features[0]!.geometry as Polygon).coordinates[0]![0]!;
    const site: Feature<Point, SiteProps> = {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [lon!, lat!] },
      properties: { id: 'site-new', operator: 'Viettel', tech: '4G', radius_m: 800 },
    };
    app.getState().setData(bare, noAdmin, []);
    await saveVersion(app.getState(), '2024-12', '', [], kv);
    app.getState().setData({ ...bare, sites: { type: 'FeatureCollection', features: [site] } }, noAdmin, []);
    await saveVersion(app.getState(), '2026-06', '', [], kv);
    const saved = await readIndex(kv);
    expect(saved).toHaveLength(2);

    const versions = createVersionStore();
    const stop = startVersionController(
      app,
      versions,
      () => inThreadEngine(kv),
      () => readIndex(kv),
    );
    await settle();
    versions.getState().setCompare({ before: saved[0]!.id, after: saved[1]!.id });
    for (let i = 0; i < 200 && !(versions.getState().progress && !versions.getState().measuring); i++)
      await settle();
    await settle();
    const v = versions.getState();
    expect(v.problem).toBeNull();
    expect(v.comparing).toBeNull();
    expect(v.measuring).toBeNull();
    expect(v.comparison?.hamlets.length).toBeGreaterThan(0);
    expect(v.comparison?.hamlets.every((h) => h.change === 'gained')).toBe(true);
    expect(v.comparison?.hamlets[0]?.causes).toEqual([{ cause: 'new-site', ids: ['site-new'] }]);
    expect(v.progress?.versions.map((x) => x.date)).toEqual(['2024-12', '2026-06']);
    stop();
  });
});
