import type { Feature, FeatureCollection } from 'geojson';
import { resultOf } from '../analysis/analyze.ts';
import { adminAreas } from '../analysis/areas.ts';
import { buildEngine } from '../analysis/engine.ts';
import { networkReach } from '../analysis/networkReach.ts';
import { areaShares, type AreaShares } from '../analysis/progress.ts';
import { engineSettingsKey } from '../analysis/settings.ts';
import type { InputLayers, Settings } from '../analysis/types.ts';
import {
  compareVersions,
  hamletStates,
  settingsDifferences,
  type HamletState,
  type VersionComparison,
} from '../analysis/versionCompare.ts';
import { getLayer, idbPoolKv, type PoolKv } from '../data/layerPool.ts';
import { INPUT_ROLES } from '../data/layerRoles.ts';
import { parseCollection } from '../data/sampleLayers.ts';

/** Where a version's layers are: files of the shipped sample (by URL), or layers saved in the pool (by key). */
export type VersionSource =
  | { kind: 'urls'; urls: Readonly<Record<string, string>> }
  | { kind: 'pool'; layers: Readonly<Record<string, string>> };

/** One version to analyse: its layers and the settings to analyse it with. */
export interface VersionJob {
  id: string;
  source: VersionSource;
  settings: Settings;
}

/** A comparison for the page: small (changed hamlets, areas) plus the changed hamlets' polygons for the map. */
export interface ComparisonResult {
  comparison: VersionComparison;
  /** Settings the two versions were analysed with that differ (dotted keys). */
  settingsDiffer: string[];
  /** Changed hamlets as polygons with `id`, `name` and `change` (`gained` or `lost`). */
  map: FeatureCollection;
}

export type VersionProgress = (done: number, total: number) => void;

/** Thrown when a saved version's layers are no longer in this browser's storage. */
export class VersionLayersMissing extends Error {
  constructor(id: string) {
    super(`version ${id}: its layers are no longer stored in this browser`);
    this.name = 'VersionLayersMissing';
  }
}

interface Analysed {
  states: HamletState[];
  hamlets: FeatureCollection;
  settings: Settings;
}

/** Analyses kept: a comparison and the progress of a few versions reuse them. */
const KEEP = 6;

/**
 * What the versions worker does: analyse dated versions (the engine, then what reaches each hamlet) and
 * keep the few figures a comparison and the progress view need, not the results' polygons. Layers come from
 * the sample's URLs or the IndexedDB pool the page saved them to, so they never cross from the page.
 */
export function createVersionsWorkerApi(kv: PoolKv = idbPoolKv, fetchText = defaultFetch) {
  const analyses = new Map<string, Promise<Analysed>>();
  const files = new Map<string, Promise<FeatureCollection>>();

  const layerAt = (source: VersionSource, name: string): Promise<FeatureCollection> | null => {
    const ref = source.kind === 'urls' ? source.urls[name] : source.layers[name];
    if (ref === undefined) return null;
    const key = `${source.kind}:${ref}`;
    let p = files.get(key);
    if (!p) {
      p =
        source.kind === 'urls'
          ? fetchText(ref).then((text) => parseCollection(name, text))
          : getLayer(kv, ref).then((fc) => fc ?? Promise.reject(new VersionLayersMissing(ref)));
      files.set(key, p);
      p.catch(() => files.delete(key));
      // Layers are shared by versions (the sample's hamlets by all three): keep the last dozen.
      if (files.size > 12) files.delete(files.keys().next().value as string);
    }
    return p;
  };

  const analyse = (job: VersionJob): Promise<Analysed> => {
    const key = `${job.id}|${JSON.stringify(job.source)}|${engineSettingsKey(job.settings)}`;
    let p = analyses.get(key);
    if (!p) {
      p = (async () => {
        const layers: Record<string, FeatureCollection> = {};
        for (const role of INPUT_ROLES) {
          const fc = layerAt(job.source, role);
          if (fc) layers[role] = await fc.catch((e: unknown) => Promise.reject(rename(e, job.id)));
        }
        if (!layers.hamlets) throw new VersionLayersMissing(job.id);
        const input = layers as unknown as InputLayers;
        const state = buildEngine(input, job.settings);
        const result = resultOf(state);
        const reach = networkReach(input, job.settings, state);
        return {
          states: hamletStates(result.hamlets, reach),
          hamlets: input.hamlets,
          settings: job.settings,
        };
      })();
      analyses.set(key, p);
      p.catch(() => analyses.delete(key));
      if (analyses.size > KEEP) analyses.delete(analyses.keys().next().value as string);
    }
    return p;
  };

  return {
    /** The comparison of two versions (DATA-MODEL §16), by province, district and commune. */
    async compare(
      before: VersionJob,
      after: VersionJob,
      onProgress?: VersionProgress,
    ): Promise<ComparisonResult> {
      onProgress?.(0, 2);
      const b = await analyse(before);
      onProgress?.(1, 2);
      const a = await analyse(after);
      onProgress?.(2, 2);
      const comparison = compareVersions(b.states, a.states, adminAreas());
      const changed = new Map(comparison.ok ? comparison.hamlets.map((h) => [h.id, h]) : []);
      const features: Feature[] = [];
      for (const f of a.hamlets.features) {
        const c = changed.get(String(f.properties?.id));
        if (c)
          features.push({
            type: 'Feature',
            geometry: f.geometry,
            properties: { id: c.id, name: c.name, change: c.change },
          });
      }
      return {
        comparison,
        settingsDiffer: settingsDifferences(b.settings, a.settings),
        map: { type: 'FeatureCollection', features },
      };
    },
    /** Each version's shares per area, in the order given. */
    async progress(
      jobs: VersionJob[],
      onProgress?: VersionProgress,
    ): Promise<{ id: string; shares: AreaShares[] }[]> {
      const out: { id: string; shares: AreaShares[] }[] = [];
      for (const [i, job] of jobs.entries()) {
        onProgress?.(i, jobs.length);
        out.push({ id: job.id, shares: areaShares((await analyse(job)).states, adminAreas()) });
      }
      onProgress?.(jobs.length, jobs.length);
      return out;
    },
  };
}

export type VersionsWorkerApi = ReturnType<typeof createVersionsWorkerApi>;

async function defaultFetch(url: string): Promise<string> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return res.text();
}

function rename(e: unknown, id: string): unknown {
  return e instanceof VersionLayersMissing ? new VersionLayersMissing(id) : e;
}
