import { fieldReportsGeoJson, mergeReports, reportsFromFeatures } from '../../data/fieldReports.ts';
import type { AppState } from '../appState.ts';
import type { AppStore } from '../store.ts';
import { idbStore, REPORTS_KEY, type KeyValueStore } from './kvStore.ts';
import type { PersistenceHandle } from './persist.ts';

/** Stopping and flushing the reports' saves (a failed save is retried from the Reports tab). */
type ReportPersistence = Omit<PersistenceHandle, 'retry'>;

/** A saved value this version cannot read is moved here before anything new is written. */
export const UNREADABLE_REPORTS_KEY = 'vungtrang:field-reports:unreadable';

/**
 * Puts the reports saved by an earlier visit back into the store. Returns a problem to show, or null:
 * reports that fail the format's checks are named and left out; a value that cannot be read at all is kept
 * aside (never deleted) so a later version or a developer can still recover it. Reports recorded while the
 * saved ones were being read are kept beside them.
 *
 * @example const problem = await restoreFieldReports(appStore);
 */
export async function restoreFieldReports(
  store: AppStore,
  kv: KeyValueStore = idbStore,
): Promise<string | null> {
  let saved: unknown;
  try {
    saved = await kv.get(REPORTS_KEY);
  } catch (e) {
    return `Field reports could not be read from this browser (${message(e)}).`;
  }
  if (saved === undefined) return null;
  const features =
    typeof saved === 'object' && saved !== null && (saved as { version?: unknown }).version === 1
      ? (saved as { reports?: { features?: unknown } }).reports?.features
      : undefined;
  if (!Array.isArray(features)) {
    await kv.set(UNREADABLE_REPORTS_KEY, saved).catch(() => undefined);
    return 'The field reports saved in this browser are not in a form this version reads; they were kept aside.';
  }
  const read = reportsFromFeatures(features);
  const meanwhile = store.getState().fieldReports;
  store.getState().restoreFieldReports(mergeReports(read.reports, meanwhile).reports);
  if (read.problems.length === 0) return null;
  return `${read.problems.length} saved field report(s) could not be read and were left out: ${read.problems
    .slice(0, 3)
    .join('; ')}`;
}

/**
 * Saves the reports on every change. A failed write is never silent: the store's `reportSaveError` says
 * what happened (the reports stay on screen; the next change tries again), and a later success clears it.
 * Started before the saved reports are read back (`after`, the restore), so a report recorded meanwhile is
 * saved too; no write happens before the restore is done.
 *
 * @example startReportPersistence(appStore, idbStore, restoreFieldReports(appStore));
 */
export function startReportPersistence(
  store: AppStore,
  kv: KeyValueStore = idbStore,
  after: Promise<unknown> = Promise.resolve(),
): ReportPersistence {
  let pending: Promise<void> = after.then(
    () => undefined,
    () => undefined,
  );
  let last = store.getState().fieldReports;
  const unsubscribe = store.subscribe((s: AppState) => {
    if (s.fieldReports === last) return;
    last = s.fieldReports;
    const value = {
      version: 1,
      savedAt: new Date().toISOString(),
      reports: fieldReportsGeoJson(s.fieldReports),
    };
    pending = pending
      .then(() => kv.set(REPORTS_KEY, value))
      .then(
        () => {
          if (store.getState().reportSaveError) store.getState().setReportSaveError(null);
        },
        (e: unknown) => store.getState().setReportSaveError(message(e)),
      );
  });
  return { stop: unsubscribe, flush: () => pending };
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
