import type { FeatureCollection } from 'geojson';
import { isVersionDate } from '../../analysis/progress.ts';
import { validateSettings } from '../../analysis/validateSettings.ts';
import { dropUnused, getLayer, idbPoolKv, layerKey, putLayers, type PoolKv } from '../../data/layerPool.ts';
import type { LayerRole } from '../../data/layerRoles.ts';
import type { ProjectVersion } from '../../data/projectFormat.ts';
import type { AppState } from '../appState.ts';
import { stateLayers } from '../persist/projectFile.ts';
import type { VersionMeta } from './versionStore.ts';

/** The saved versions' list, beside their layers in the pool (data/layerPool.ts). */
const INDEX_KEY = 'index';

interface VersionIndex {
  version: 1;
  versions: VersionMeta[];
}

/** The saved versions, oldest first; an index this version cannot read counts as none. */
export async function readIndex(kv: PoolKv = idbPoolKv): Promise<VersionMeta[]> {
  const raw = (await kv.get(INDEX_KEY)) as Partial<VersionIndex> | undefined;
  if (!raw || raw.version !== 1 || !Array.isArray(raw.versions)) return [];
  return raw.versions.filter(isMeta).sort(byDate);
}

async function writeIndex(kv: PoolKv, versions: VersionMeta[]): Promise<void> {
  const doc: VersionIndex = { version: 1, versions };
  await kv.set(INDEX_KEY, doc);
}

/** Why a version could not be saved, for the panel to word. */
export type SaveProblem = 'noData' | 'badDate' | 'dateTaken';

/** The group of the data now in the app: `sample` for the shipped sample, else its hamlets' content key. */
export function groupOf(state: Pick<AppState, 'dataSource' | 'input'>): string {
  return state.dataSource === 'sample' || !state.input ? 'sample' : layerKey(state.input.hamlets);
}

/**
 * Saves the data now in the app (its layers and settings) as a dated version: layers it shares with other
 * versions are stored once. A date another version of the same data already has is refused.
 *
 * @example await saveVersion(appStore.getState(), '2024-12', 'Cuối năm 2024', versionStore.getState().builtIn);
 */
export async function saveVersion(
  state: Pick<AppState, 'dataSource' | 'input' | 'admin' | 'settings'>,
  date: string,
  label: string,
  others: readonly VersionMeta[],
  kv: PoolKv = idbPoolKv,
): Promise<{ saved: VersionMeta[] } | { problem: SaveProblem }> {
  if (!state.input) return { problem: 'noData' };
  if (!isVersionDate(date)) return { problem: 'badDate' };
  const group = groupOf(state);
  const saved = await readIndex(kv);
  if ([...others, ...saved].some((v) => v.group === group && v.date === date))
    return { problem: 'dateTaken' };
  const layers = stateLayers(state) as Record<string, FeatureCollection>;
  const meta: VersionMeta = {
    id: `u-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`,
    date,
    label: label.trim().slice(0, 200),
    group,
    builtIn: false,
    savedAt: new Date().toISOString(),
    settings: state.settings,
    layers: await putLayers(kv, layers),
  };
  const next = [...saved, meta].sort(byDate);
  await writeIndex(kv, next);
  return { saved: next };
}

/** Deletes a saved version, and the stored layers no other version uses. */
export async function deleteVersion(id: string, kv: PoolKv = idbPoolKv): Promise<VersionMeta[]> {
  const saved = await readIndex(kv);
  const gone = saved.find((v) => v.id === id);
  const next = saved.filter((v) => v.id !== id);
  await writeIndex(kv, next);
  if (gone) await dropUnused(kv, Object.values(gone.layers ?? {}), keysOf(next));
  return next;
}

/** The saved versions with their layers, for a project file. Versions whose layers are gone are left out. */
export async function versionsForProject(kv: PoolKv = idbPoolKv): Promise<ProjectVersion[]> {
  const out: ProjectVersion[] = [];
  for (const v of await readIndex(kv)) {
    const layers: ProjectVersion['layers'] = {};
    let complete = true;
    for (const [role, key] of Object.entries(v.layers ?? {})) {
      const fc = await getLayer(kv, key);
      if (fc) layers[role as LayerRole] = fc;
      else complete = false;
    }
    if (!complete || !layers.hamlets) continue;
    out.push({
      id: v.id,
      date: v.date,
      ...(v.label ? { label: v.label } : {}),
      ...(v.savedAt ? { savedAt: v.savedAt } : {}),
      group: v.group,
      settings: v.settings ?? {},
      layers,
    });
  }
  return out;
}

/** Replaces the saved versions with a project's (opening a project replaces the data, and its versions). */
export async function replaceVersions(
  versions: readonly ProjectVersion[],
  kv: PoolKv = idbPoolKv,
): Promise<VersionMeta[]> {
  const old = await readIndex(kv);
  const next: VersionMeta[] = [];
  for (const v of versions) {
    const layers: Record<string, FeatureCollection> = {};
    for (const [role, fc] of Object.entries(v.layers)) if (fc) layers[role] = fc;
    next.push({
      id: v.id,
      date: v.date,
      label: v.label ?? '',
      group: v.group,
      builtIn: false,
      ...(v.savedAt ? { savedAt: v.savedAt } : {}),
      settings: v.settings,
      layers: await putLayers(kv, layers),
    });
  }
  next.sort(byDate);
  await writeIndex(kv, next);
  await dropUnused(
    kv,
    old.flatMap((v) => Object.values(v.layers ?? {})),
    keysOf(next),
  );
  return next;
}

function keysOf(versions: readonly VersionMeta[]): Set<string> {
  return new Set(versions.flatMap((v) => Object.values(v.layers ?? {})));
}

function byDate(a: VersionMeta, b: VersionMeta): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : (a.savedAt ?? '') < (b.savedAt ?? '') ? -1 : 1;
}

/** An index entry as saved: checked field by field, so a damaged one is dropped rather than trusted. */
function isMeta(v: unknown): v is VersionMeta {
  if (typeof v !== 'object' || v === null) return false;
  const m = v as Record<string, unknown>;
  return (
    typeof m.id === 'string' &&
    isVersionDate(m.date) &&
    typeof m.label === 'string' &&
    typeof m.group === 'string' &&
    m.builtIn === false &&
    typeof m.layers === 'object' &&
    m.layers !== null &&
    Object.values(m.layers).every((k) => typeof k === 'string') &&
    validateSettings(m.settings ?? {}).problems.length === 0
  );
}
