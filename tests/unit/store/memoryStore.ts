import type { KeyValueStore } from '../../../src/store/persist/kvStore.ts';

/** IndexedDB stand-in with the same structured-clone semantics (values are copied, not shared). */
export function memoryStore(): KeyValueStore & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return {
    data,
    get: (k) => Promise.resolve(data.has(k) ? structuredClone(data.get(k)) : undefined),
    set: (k, v) => {
      data.set(k, structuredClone(v));
      return Promise.resolve();
    },
    del: (k) => {
      data.delete(k);
      return Promise.resolve();
    },
  };
}
