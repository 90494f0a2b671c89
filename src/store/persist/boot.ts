import type { StoreApi } from 'zustand/vanilla';
import { loadSample } from '../loadSample.ts';
import type { AppStore } from '../store.ts';
import { idbStore, type KeyValueStore } from './kvStore.ts';
import {
  restorePersisted,
  startPersistence,
  type PersistenceHandle,
  type RestoreOptions,
} from './persist.ts';
import { restoreNoticeStore, type RestoreNotice } from './restoreNotice.ts';
import { saveProblemStore, type SaveProblem } from './saveProblem.ts';

export interface BootResult {
  persistence: PersistenceHandle;
  /** 'restored' when the user's data came back from IndexedDB, 'sample' otherwise. */
  data: 'restored' | 'sample';
  problem?: string;
}

/**
 * Start-up data: the user's imported data and settings from an earlier visit if there are any,
 * else the shipped sample; from then on, changes are saved. Replaces a bare `loadSample` call.
 * What could not be restored (unreadable data, settings the validator refused) goes to `notice`;
 * a save that fails later goes to `saveProblem`.
 *
 * @example void bootData(appStore);
 */
export async function bootData(
  store: AppStore,
  kv: KeyValueStore = idbStore,
  sample: (store: AppStore) => Promise<void> = loadSample,
  notice: StoreApi<RestoreNotice> = restoreNoticeStore,
  saveProblem: StoreApi<SaveProblem> = saveProblemStore,
  options: RestoreOptions = {},
): Promise<BootResult> {
  const restored = await restorePersisted(store, kv, options);
  if (restored.problem || restored.settingsProblems) {
    notice.getState().show(restored.problem ?? null, restored.settingsProblems ?? []);
  }
  // Subscribe only after restoring, so the restore itself is not written straight back.
  // A failed save (storage full) is said with what to do; the data stays open for the session.
  const persistence: PersistenceHandle = startPersistence(store, kv, (failed) =>
    saveProblem.getState().report(failed, () => persistence.retry()),
  );
  // Data read from an older record is written again in today's form (bytes).
  if (restored.rewrite) persistence.retry();
  if (!restored.data) await sample(store);
  return {
    persistence,
    data: restored.data ? 'restored' : 'sample',
    ...(restored.problem ? { problem: restored.problem } : {}),
  };
}
