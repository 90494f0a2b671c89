import type { AnalysisResult } from '../../analysis/types.ts';
import { canonicalJson } from '../../data/canonicalJson.ts';
import { resultViews } from '../slices/analysisSlice.ts';
import { effectiveSettings, type AppStore } from '../store.ts';
import type { SavedList } from './listRecord.ts';

/**
 * Shows the sample's list and result built with the app before the sample's layers are parsed: the list
 * (`readList`, its rows and roll-ups) first, then the result (`read`: the result cache's answer for the
 * sample's key with `settings`, the canonical JSON of the settings they were built with) with the same
 * rows. Neither needs geometry; the map and what needs the layers wait for them (`dataStatus` 'loading').
 * Only when the app holds those settings and no field reports once `ready` (the saved settings and reports
 * read back), and only while nothing else has been shown or run; the runner then finds the same result for
 * the layers and keeps its rows. A list that does not read is skipped (the result still shows).
 */
export async function showShippedFirst(
  store: AppStore,
  settings: string,
  readList: () => Promise<SavedList>,
  read: () => Promise<AnalysisResult | undefined>,
  ready: Promise<unknown> = Promise.resolve(),
): Promise<void> {
  await ready;
  const asked = store.getState();
  const stillAsked = (): boolean => {
    const s = store.getState();
    return (
      s.result === null &&
      s.input === null &&
      s.runId === asked.runId &&
      s.settings === asked.settings &&
      s.fieldReports === asked.fieldReports &&
      s.dataSource === 'sample'
    );
  };
  if (!stillAsked() || asked.fieldReports.length > 0) return;
  if (canonicalJson(effectiveSettings(asked)) !== settings) return;
  const list = await readList().catch((e: unknown) => {
    console.warn(`The list built with the app was skipped: ${e instanceof Error ? e.message : String(e)}`);
    return undefined;
  });
  if (list && list.key === settings && stillAsked()) {
    store.getState().showSavedList(list.rows, list.summary, 'shipped');
    performance.mark('vt:shipped:list-shown');
  }
  if (!stillAsked()) return;
  const result = await read().catch(() => undefined);
  if (!result || !stillAsked()) return;
  const s = store.getState();
  const rows = list && s.listAhead !== null && s.unitOf.size === 0 ? s.rows : undefined;
  s.finishRun(s.startRun(), result, 0, resultViews(result, s.unitOf, rows), 'shipped');
  performance.mark('vt:shipped:result-shown');
}

/** Resolves once a list is in the store: a saved or shipped list shown ahead of its result, or a result. */
export function listShown(store: AppStore): Promise<void> {
  return new Promise((resolve) => {
    const listed = (s: ReturnType<AppStore['getState']>): boolean =>
      s.listAhead !== null || s.result !== null;
    if (listed(store.getState())) return resolve();
    const stop = store.subscribe((s) => {
      if (!listed(s)) return;
      stop();
      resolve();
    });
  });
}
