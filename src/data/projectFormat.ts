import type { FeatureCollection } from 'geojson';
import type { Settings } from '../analysis/types.ts';
import { layerKey } from './layerPool.ts';
import { isLayerRole, type LayerRole } from './layerRoles.ts';

// Writing a project needs none of the readers and checks that reading one does (project.ts): the page
// saves projects with this module alone.

/** 2: dated data versions (`versions`, `versionLayers`); version 1 files are migrated (project.ts). */
export const PROJECT_VERSION = 2;

/** A dated version of the data saved in the project (DATA-MODEL §16). */
export interface ProjectVersion {
  id: string;
  /** `YYYY-MM`. */
  date: string;
  label?: string;
  savedAt?: string;
  /** Versions of one group share their hamlets: `sample` for the shipped sample's. */
  group: string;
  /** The settings it was saved with (what differs from the defaults). */
  settings: Partial<Settings>;
  layers: Partial<Record<LayerRole, FeatureCollection>>;
}

/** A saved project (`.json`). `scenarios` and `view` belong to other parts of the app and pass through. */
export interface Project {
  version: typeof PROJECT_VERSION;
  name?: string;
  savedAt?: string;
  layers: Partial<Record<LayerRole, FeatureCollection>>;
  settings: Settings;
  scenarios: unknown[];
  view: unknown;
  versions: ProjectVersion[];
}

/** Project → JSON text (version stamped). */
export function serializeProject(
  project: Omit<Project, 'version' | 'versions'> & { version?: number; versions?: readonly ProjectVersion[] },
): string {
  for (const role of Object.keys(project.layers)) {
    if (!isLayerRole(role)) throw new Error(`serializeProject: unknown layer "${role}"`);
  }
  // version first, so readFileKind can tell a project from a layer by the first few kilobytes.
  const { version: _ignored, versions = [], ...rest } = project;
  return JSON.stringify({
    version: PROJECT_VERSION,
    savedAt: project.savedAt ?? new Date().toISOString(),
    ...rest,
    ...versionsDoc(versions, project.layers),
  });
}

/**
 * Versions as the file holds them: each layer by reference, `@hamlets` for the project's own layer of that
 * role when it is the same, else a key into `versionLayers`, where a layer several versions share is
 * written once.
 */
function versionsDoc(
  versions: readonly ProjectVersion[],
  current: Project['layers'],
): { versions: unknown[]; versionLayers: Record<string, FeatureCollection> } {
  const pool: Record<string, FeatureCollection> = {};
  const currentKeys = new Map<string, string>();
  if (versions.length > 0)
    for (const [role, fc] of Object.entries(current)) if (fc) currentKeys.set(layerKey(fc), role);
  const docs = versions.map((v) => {
    const layers: Record<string, string> = {};
    for (const [role, fc] of Object.entries(v.layers)) {
      if (!fc) continue;
      if (!isLayerRole(role)) throw new Error(`serializeProject: unknown layer "${role}" in a version`);
      const key = layerKey(fc);
      if (currentKeys.get(key) === role) layers[role] = `@${role}`;
      else {
        pool[key] = fc;
        layers[role] = key;
      }
    }
    return { ...v, layers };
  });
  return { versions: docs, versionLayers: pool };
}
