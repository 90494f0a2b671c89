import type { FeatureCollection } from 'geojson';
import { isVersionDate } from '../analysis/progress.ts';
import { withDefaults } from '../analysis/settings.ts';
import { validateSettings, type SettingsProblem } from '../analysis/validateSettings.ts';
import { LoadError } from './LoadError.ts';
import { parseJsonText } from './text.ts';
import { PROJECT_VERSION, type Project, type ProjectVersion } from './projectFormat.ts';
import { isLayerRole, LAYER_ROLES, type LayerRole } from './layerRoles.ts';
import type { ValidationReport } from './types.ts';
import { validateLayer } from './validateLayer.ts';
import { checkNesting, MAX_NESTING, tooDeep } from './nesting.ts';

export { serializeProject, type Project } from './projectFormat.ts';

export interface ParsedProject {
  project: Project;
  /** One report per layer: a hand-edited project is validated like an import. */
  reports: ValidationReport[];
}

/**
 * A project whose settings this version cannot use (a radius of -5, 20 000 000 circle segments, an
 * unknown key): the file is refused whole, so nothing it holds is applied. `problems` are the validator's,
 * for messages in the UI's language.
 */
export class SettingsRefused extends LoadError {
  readonly problems: SettingsProblem[];

  constructor(file: string, problems: SettingsProblem[]) {
    const keys = [...new Set(problems.map((p) => `"${p.key}"`))].join(', ');
    super(
      file,
      `has settings this version cannot use: ${problems.map((p) => p.message).join(' ')}`,
      `Correct ${keys} in the file's "settings" (or delete ${problems.length > 1 ? 'them' : 'it'} to use the default), then open the file again.`,
    );
    this.name = 'SettingsRefused';
    this.problems = problems;
  }
}

/**
 * Upgrades an older project document by one version. Keyed by the version it upgrades from;
 * add an entry when PROJECT_VERSION goes up so old files keep opening.
 */
export const MIGRATIONS: Record<number, (doc: Record<string, unknown>) => Record<string, unknown>> = {
  // Version 2 added dated versions of the data: a version 1 project has none.
  1: (doc) => ({ ...doc, versions: [], versionLayers: {} }),
};

/**
 * JSON text → project, with clear errors for files that are not projects, from newer versions,
 * or broken; older versions go through MIGRATIONS. Layers are re-validated.
 */
export function parseProject(text: string, fileName = 'project.json'): ParsedProject {
  const doc = parseJsonText(text, fileName);
  const fix = 'Choose a project file saved by Vùng Trắng (Save project).';
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw new LoadError(fileName, 'is not a project file (not a JSON object).', fix);
  }
  let obj = doc as Record<string, unknown>;
  if (obj.type === 'FeatureCollection' || obj.type === 'Feature') {
    throw new LoadError(fileName, 'is a GeoJSON layer, not a project.', 'Import it as a layer instead.');
  }
  if (typeof obj.version !== 'number' || !Number.isInteger(obj.version)) {
    throw new LoadError(fileName, 'is not a project file: it has no "version" number.', fix);
  }
  if (obj.version > PROJECT_VERSION) {
    throw new LoadError(
      fileName,
      `was saved by a newer version of Vùng Trắng (project version ${obj.version}; this one reads ${PROJECT_VERSION}).`,
      'Update the app, then open the project again.',
    );
  }
  for (let v = obj.version; v < PROJECT_VERSION; v++) {
    const migrate = MIGRATIONS[v];
    if (!migrate) throw new LoadError(fileName, `has project version ${v}, which cannot be upgraded.`, fix);
    obj = { ...migrate(obj), version: v + 1 };
  }
  const layersIn = obj.layers;
  if (typeof layersIn !== 'object' || layersIn === null || Array.isArray(layersIn)) {
    throw new LoadError(fileName, 'has no "layers" object.', fix);
  }
  if (
    obj.settings !== undefined &&
    (typeof obj.settings !== 'object' || obj.settings === null || Array.isArray(obj.settings))
  ) {
    throw new LoadError(fileName, 'has "settings" that are not an object.', fix);
  }
  // Settings first: they are quick to check, and a file refused for them is not validated further.
  const settings = validateSettings(obj.settings ?? {});
  if (settings.problems.length > 0) throw new SettingsRefused(fileName, settings.problems);
  const layers: Project['layers'] = {};
  const reports: ValidationReport[] = [];
  for (const [role, fc] of Object.entries(layersIn)) {
    if (!isLayerRole(role)) {
      throw new LoadError(
        fileName,
        `has an unknown layer "${role}" (known: ${LAYER_ROLES.join(', ')}).`,
        fix,
      );
    }
    if (typeof fc !== 'object' || fc === null || !Array.isArray((fc as { features?: unknown }).features)) {
      throw new LoadError(fileName, `has a "${role}" layer that is not a FeatureCollection.`, fix);
    }
    checkNesting((fc as { features: unknown[] }).features, `${fileName} › ${role}`);
    const { collection, report } = validateLayer(fc, role, `${fileName} › ${role}`);
    layers[role] = collection;
    reports.push(report);
  }
  if (obj.scenarios !== undefined && !Array.isArray(obj.scenarios)) {
    throw new LoadError(fileName, 'has "scenarios" that are not a list.', fix);
  }
  if (tooDeep(obj.scenarios ?? null, MAX_NESTING + 8) || tooDeep(obj.view ?? null)) {
    throw new LoadError(
      fileName,
      `has scenarios or a view nested more than ${MAX_NESTING} levels deep.`,
      fix,
    );
  }
  const versions = parseVersions(obj, layers, fileName, reports);
  const project: Project = {
    version: PROJECT_VERSION,
    ...(typeof obj.name === 'string' ? { name: obj.name } : {}),
    ...(typeof obj.savedAt === 'string' ? { savedAt: obj.savedAt } : {}),
    layers,
    settings: withDefaults(settings.settings),
    scenarios: (obj.scenarios as unknown[] | undefined) ?? [],
    view: obj.view ?? null,
    versions,
  };
  return { project, reports };
}

/**
 * The project's dated versions (DATA-MODEL §16), each layer resolved (`@role`: the project's own layer, else
 * a key into `versionLayers`) and validated like an import, once per layer however many versions share it.
 * A version with refused settings refuses the file, as the project's own settings do.
 */
function parseVersions(
  obj: Record<string, unknown>,
  current: Project['layers'],
  fileName: string,
  reports: ValidationReport[],
): ProjectVersion[] {
  const fix = 'Save the project again from Vùng Trắng, or delete the damaged version from "versions".';
  const list = obj.versions ?? [];
  const pool = obj.versionLayers ?? {};
  if (!Array.isArray(list)) throw new LoadError(fileName, 'has "versions" that are not a list.', fix);
  if (typeof pool !== 'object' || pool === null || Array.isArray(pool))
    throw new LoadError(fileName, 'has "versionLayers" that are not an object.', fix);
  const checked = new Map<string, FeatureCollection>();
  const seen = new Set<string>();
  return list.map((raw: unknown, i: number): ProjectVersion => {
    const v = isObject(raw) ? raw : {};
    const where = `versions[${i}]${typeof v.date === 'string' ? ` (${v.date.slice(0, 20)})` : ''}`;
    const bad = (what: string): never => {
      throw new LoadError(fileName, `${where} ${what}.`, fix);
    };
    if (!isVersionDate(v.date)) bad('has no date as YYYY-MM (e.g. "2024-12")');
    const id = typeof v.id === 'string' && v.id.length > 0 && v.id.length <= 80 ? v.id : bad('has no "id"');
    if (seen.has(id)) bad(`has the id "${id}" of an earlier version`);
    seen.add(id);
    const settings = validateSettings(v.settings ?? {});
    if (settings.problems.length > 0) throw new SettingsRefused(`${fileName} › ${where}`, settings.problems);
    if (!isObject(v.layers)) bad('has no "layers" object');
    const layers: Partial<Record<LayerRole, FeatureCollection>> = {};
    for (const [role, ref] of Object.entries(v.layers as Record<string, unknown>)) {
      if (!isLayerRole(role)) bad(`has an unknown layer "${role}" (known: ${LAYER_ROLES.join(', ')})`);
      if (typeof ref !== 'string') bad(`has a "${role}" layer that is not a reference`);
      const ref_ = ref as string;
      if (ref_ === `@${role}`) {
        layers[role as LayerRole] =
          current[role as LayerRole] ??
          bad(`refers to the project's "${role}" layer, which it does not have`);
        continue;
      }
      const key = `${role}|${ref_}`;
      let fc = checked.get(key);
      if (!fc) {
        const source = (pool as Record<string, unknown>)[ref_];
        if (
          typeof source !== 'object' ||
          source === null ||
          !Array.isArray((source as { features?: unknown }).features)
        )
          bad(`refers to a "${role}" layer "${ref_.slice(0, 40)}" that "versionLayers" does not hold`);
        const { collection, report } = validateLayer(
          source,
          role as LayerRole,
          `${fileName} › ${where} › ${role}`,
        );
        fc = collection;
        checked.set(key, fc);
        reports.push(report);
      }
      layers[role as LayerRole] = fc;
    }
    if (!layers.hamlets?.features.length) bad('has no hamlets');
    return {
      id,
      date: v.date as string,
      ...(typeof v.label === 'string' ? { label: v.label.slice(0, 200) } : {}),
      ...(typeof v.savedAt === 'string' ? { savedAt: v.savedAt } : {}),
      group: typeof v.group === 'string' && v.group ? v.group.slice(0, 80) : id,
      settings: settings.settings,
      layers,
    };
  });
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
