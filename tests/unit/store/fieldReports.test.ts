import { describe, expect, it } from 'vitest';
import type { InputLayers } from '../../../src/analysis/types.ts';
import type { FieldReport } from '../../../src/data/fieldReports.ts';
import {
  UNREADABLE_REPORTS_KEY,
  restoreFieldReports,
  startReportPersistence,
} from '../../../src/store/persist/fieldReports.ts';
import { REPORTS_KEY, type KeyValueStore } from '../../../src/store/persist/kvStore.ts';
import { analysedInput } from '../../../src/store/runner.ts';
import { createAppStore } from '../../../src/store/store.ts';

/** IndexedDB stand-in (values copied like structured clone); `failing` makes every write throw. */
function memoryStore(): KeyValueStore & { data: Map<string, unknown>; failing: boolean } {
  const data = new Map<string, unknown>();
  const kv = {
    data,
    failing: false,
    get: (k: string) => Promise.resolve(data.has(k) ? structuredClone(data.get(k)) : undefined),
    set: (k: string, v: unknown) => {
      if (kv.failing)
        return Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
      data.set(k, structuredClone(v));
      return Promise.resolve();
    },
    del: (k: string) => {
      data.delete(k);
      return Promise.resolve();
    },
  };
  return kv;
}

function report(
  id: string,
  time: string,
  result: FieldReport['properties']['result'] = 'no_signal',
): FieldReport {
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [106.2, 20.3] },
    properties: { id, time, result },
  };
}

const ids = (reports: readonly FieldReport[]): string[] => reports.map((r) => r.properties.id);

describe('the field report store', () => {
  it('adds, edits (by id), deletes with undo, and imports by merging', () => {
    const store = createAppStore();
    const s = () => store.getState();
    s().saveFieldReport(report('a', '2026-11-01T08:00:00.000Z'));
    s().saveFieldReport(report('b', '2026-11-02T08:00:00.000Z'));
    expect(ids(s().fieldReports)).toEqual(['b', 'a']);
    s().saveFieldReport(report('a', '2026-11-01T08:00:00.000Z', 'ok'));
    expect(s().fieldReports).toHaveLength(2);
    expect(s().fieldReports[1]!.properties.result).toBe('ok');
    s().deleteFieldReport('b');
    expect(ids(s().fieldReports)).toEqual(['a']);
    expect(s().deletedReport?.properties.id).toBe('b');
    s().undoDeleteReport();
    expect(ids(s().fieldReports)).toEqual(['b', 'a']);
    expect(s().deletedReport).toBeNull();
    const counts = s().importFieldReports([
      report('b', '2026-11-02T08:00:00.000Z', 'weak'),
      report('c', '2026-11-03T08:00:00.000Z'),
    ]);
    expect(counts).toEqual({ added: 1, updated: 1 });
    expect(ids(s().fieldReports)).toEqual(['c', 'b', 'a']);
  });

  it('saves every change and restores it on the next visit', async () => {
    const kv = memoryStore();
    const first = createAppStore();
    const saving = startReportPersistence(first, kv);
    first.getState().saveFieldReport(report('a', '2026-11-01T08:00:00.000Z'));
    first.getState().saveFieldReport(report('b', '2026-11-02T08:00:00.000Z', 'weak'));
    first.getState().deleteFieldReport('a');
    await saving.flush();
    const next = createAppStore();
    expect(await restoreFieldReports(next, kv)).toBeNull();
    expect(ids(next.getState().fieldReports)).toEqual(['b']);
    expect(next.getState().fieldReports[0]!.properties.result).toBe('weak');
  });

  it('keeps and saves a report recorded while the saved ones are still being read', async () => {
    const kv = memoryStore();
    await kv.set(REPORTS_KEY, {
      version: 1,
      reports: { type: 'FeatureCollection', features: [report('old', '2026-11-01T08:00:00.000Z')] },
    });
    const store = createAppStore();
    let release: () => void = () => undefined;
    const slow: KeyValueStore = {
      ...kv,
      get: (k) => new Promise((r) => (release = () => r(kv.get(k)))),
    };
    const restored = restoreFieldReports(store, slow);
    const saving = startReportPersistence(store, kv, restored);
    store.getState().saveFieldReport(report('new', '2026-12-01T08:00:00.000Z'));
    expect(kv.data.get(REPORTS_KEY)).toMatchObject({
      reports: { features: [{ properties: { id: 'old' } }] },
    });
    release();
    expect(await restored).toBeNull();
    expect(ids(store.getState().fieldReports)).toEqual(['new', 'old']);
    await saving.flush();
    const next = createAppStore();
    await restoreFieldReports(next, kv);
    expect(ids(next.getState().fieldReports)).toEqual(['new', 'old']);
  });

  it('says when a save fails, keeps the reports on screen, and clears the problem once a save works', async () => {
    const kv = memoryStore();
    const store = createAppStore();
    const saving = startReportPersistence(store, kv);
    kv.failing = true;
    store.getState().saveFieldReport(report('a', '2026-11-01T08:00:00.000Z'));
    await saving.flush();
    expect(store.getState().reportSaveError).toMatch(/quota/);
    expect(ids(store.getState().fieldReports)).toEqual(['a']);
    expect(kv.data.has(REPORTS_KEY)).toBe(false);
    kv.failing = false;
    store.getState().restoreFieldReports([...store.getState().fieldReports]);
    await saving.flush();
    expect(store.getState().reportSaveError).toBeNull();
    expect(kv.data.has(REPORTS_KEY)).toBe(true);
  });

  it('names saved reports it cannot read, and keeps an unreadable value aside instead of losing it', async () => {
    const kv = memoryStore();
    await kv.set(REPORTS_KEY, {
      version: 1,
      reports: {
        type: 'FeatureCollection',
        features: [report('a', '2026-11-01T08:00:00.000Z'), report('b', 'soon')],
      },
    });
    const store = createAppStore();
    expect(await restoreFieldReports(store, kv)).toMatch(/1 saved field report.*"b".*time/);
    expect(ids(store.getState().fieldReports)).toEqual(['a']);

    const odd = memoryStore();
    await odd.set(REPORTS_KEY, 'not reports');
    expect(await restoreFieldReports(createAppStore(), odd)).toMatch(/kept aside/);
    expect(odd.data.get(UNREADABLE_REPORTS_KEY)).toBe('not reports');
  });

  it('feeds the reports to the analysis as InputLayers.fieldReports, the recorded ones winning by id', () => {
    const hamlets: InputLayers['hamlets'] = { type: 'FeatureCollection', features: [] };
    const brought = report('a', '2026-10-01T08:00:00.000Z', 'ok');
    const input: InputLayers = {
      hamlets,
      fieldReports: {
        type: 'FeatureCollection',
        features: [brought, report('z', '2026-10-02T08:00:00.000Z')],
      },
    };
    expect(analysedInput({ input, fieldReports: [] })).toBe(input);
    const recorded = [report('a', '2026-11-01T08:00:00.000Z'), report('b', '2026-11-02T08:00:00.000Z')];
    const out = analysedInput({ input, fieldReports: recorded });
    expect(out?.hamlets).toBe(hamlets);
    expect(out?.fieldReports?.features.map((f) => [f.properties.id, f.properties.result])).toEqual([
      ['a', 'no_signal'],
      ['b', 'no_signal'],
      ['z', 'no_signal'],
    ]);
    expect(analysedInput({ input, fieldReports: recorded })).toBe(out);
  });
});
