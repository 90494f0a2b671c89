import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import type { FeatureCollection } from 'geojson';

/**
 * Dated versions keep their layers here, each stored once under a key made from its content: two versions
 * with the same hamlets (facilities, boundaries) share one copy. The page writes (saving a version); the
 * versions worker reads, so megabytes of layers never cross between the two.
 */
export interface PoolKv {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  del(key: string): Promise<void>;
}

let db: UseStore | undefined;
const versionsDb = (): UseStore => (db ??= createStore('vungtrang-versions', 'kv'));

/** The versions' IndexedDB store (its own database, apart from the app's saved data and results). */
export const idbPoolKv: PoolKv = {
  get: (key) => get(key, versionsDb()),
  set: (key, value) => set(key, value, versionsDb()),
  del: (key) => del(key, versionsDb()),
};

const keys = new WeakMap<object, string>();

/**
 * A layer's content key: 64 bits of two 32-bit FNV-1a-style hashes of its JSON text, and its length
 * (synchronous, so a project file can be written in one go; ~10 ms per MB). Memoised per object.
 *
 * @example layerKey(hamlets) // 'L1376874-3f9c0a1be2d47a55'
 */
export function layerKey(fc: FeatureCollection): string {
  const known = keys.get(fc);
  if (known) return known;
  const text = JSON.stringify(fc);
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  const hex = (n: number): string => (n >>> 0).toString(16).padStart(8, '0');
  const key = `L${text.length}-${hex(a)}${hex(b)}`;
  keys.set(fc, key);
  return key;
}

const layerSlot = (key: string): string => `layer:${key}`;

/**
 * Stores the layers not stored yet and returns each one's key.
 *
 * @example const refs = await putLayers(idbPoolKv, { hamlets, sites });
 */
export async function putLayers(
  kv: PoolKv,
  layers: Readonly<Record<string, FeatureCollection>>,
): Promise<Record<string, string>> {
  const refs: Record<string, string> = {};
  for (const [role, fc] of Object.entries(layers)) {
    const key = layerKey(fc);
    if ((await kv.get(layerSlot(key))) === undefined) await kv.set(layerSlot(key), fc);
    refs[role] = key;
  }
  return refs;
}

/** One stored layer, or undefined when it is not (or no longer) there. */
export async function getLayer(kv: PoolKv, key: string): Promise<FeatureCollection | undefined> {
  const fc = await kv.get(layerSlot(key));
  return isCollection(fc) ? fc : undefined;
}

/** Deletes the stored layers among `candidates` that no version uses any more (`inUse`). */
export async function dropUnused(
  kv: PoolKv,
  candidates: Iterable<string>,
  inUse: ReadonlySet<string>,
): Promise<void> {
  for (const key of new Set(candidates)) if (!inUse.has(key)) await kv.del(layerSlot(key));
}

function isCollection(v: unknown): v is FeatureCollection {
  return (
    typeof v === 'object' &&
    v !== null &&
    (v as { type?: unknown }).type === 'FeatureCollection' &&
    Array.isArray((v as { features?: unknown }).features)
  );
}
