import type { FeatureCollection } from 'geojson';
import type { Settings } from '../analysis/types.ts';
import { isLayerRole, type LayerRole } from './layerRoles.ts';

// Writing a project needs none of the readers and checks that reading one does (project.ts): the page
// saves projects with this module alone.

export const PROJECT_VERSION = 1;

/** A saved project (`.json`). `scenarios` and `view` belong to other parts of the app and pass through. */
export interface Project {
  version: typeof PROJECT_VERSION;
  name?: string;
  savedAt?: string;
  layers: Partial<Record<LayerRole, FeatureCollection>>;
  settings: Settings;
  scenarios: unknown[];
  view: unknown;
}

/** Project → JSON text (version stamped). */
export function serializeProject(project: Omit<Project, 'version'> & { version?: number }): string {
  for (const role of Object.keys(project.layers)) {
    if (!isLayerRole(role)) throw new Error(`serializeProject: unknown layer "${role}"`);
  }
  // version first, so readFileKind can tell a project from a layer by the first few kilobytes.
  const { version: _ignored, ...rest } = project;
  const doc: Project = {
    version: PROJECT_VERSION,
    savedAt: project.savedAt ?? new Date().toISOString(),
    ...rest,
  };
  return JSON.stringify(doc);
}
