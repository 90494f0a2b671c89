import { describe, expect, it, vi } from 'vitest';
import type { AnalysisResult } from '../../../src/analysis/types.ts';
import { DEFAULT_SETTINGS } from '../../../src/analysis/settings.ts';
import { canonicalJson } from '../../../src/data/canonicalJson.ts';
import { decodeList, encodeList } from '../../../src/store/persist/listRecord.ts';
import { listShown, showShippedFirst } from '../../../src/store/persist/shippedFirst.ts';
import { buildRows } from '../../../src/store/rows.ts';
import { createAppStore } from '../../../src/store/store.ts';
import { sampleInput, sampleResult } from './sampleResult.ts';

const SETTINGS = canonicalJson(DEFAULT_SETTINGS);

/** A promise and the function that settles it. */
function gate<T>(): { promise: Promise<T>; open: (v: T) => void } {
  let open!: (v: T) => void;
  const promise = new Promise<T>((r) => (open = r));
  return { promise, open };
}

async function shipped(result: AnalysisResult, key = SETTINGS) {
  return decodeList(await encodeList(key, result));
}

describe('showShippedFirst', () => {
  it('shows the list, then the result with the same rows, before the sample’s layers', async () => {
    const store = createAppStore();
    store.getState().setDataLoading();
    const result = sampleResult();
    const list = await shipped(result);
    const resultGate = gate<AnalysisResult>();
    const done = showShippedFirst(
      store,
      SETTINGS,
      async () => list,
      () => resultGate.promise,
    );
    await listShown(store);
    let s = store.getState();
    expect(s.result).toBeNull();
    expect(s.listAhead).toEqual(result.summary);
    expect(s.lastRunFrom).toBe('shipped');
    expect(s.rows).toEqual(buildRows(result));
    const rows = s.rows;
    resultGate.open(result);
    await done;
    s = store.getState();
    expect(s.result).toBe(result);
    expect(s.rows).toBe(rows);
    expect(s.lastRunFrom).toBe('shipped');
    expect(s.input).toBeNull();
    expect(s.dataStatus).toBe('loading');
  });

  it('shows nothing under other settings, with field reports, or once the layers are in', async () => {
    const result = sampleResult();
    const list = await shipped(result);
    const read = vi.fn(async () => result);

    const other = createAppStore();
    other.setState({ settings: { fibreServiceRadiusM: 800 } });
    await showShippedFirst(other, SETTINGS, async () => list, read);
    expect(other.getState().rows).toEqual([]);

    const reported = createAppStore();
    reported.setState({ fieldReports: [{ properties: { id: 'r1' } }] as never });
    await showShippedFirst(reported, SETTINGS, async () => list, read);
    expect(reported.getState().result).toBeNull();
    expect(read).not.toHaveBeenCalled();

    // The layers arrived while the list was read: the runner shows the result, this does not.
    const late = createAppStore();
    const listGate = gate<Awaited<ReturnType<typeof shipped>>>();
    const done = showShippedFirst(late, SETTINGS, () => listGate.promise, read);
    await Promise.resolve();
    late.getState().setData(sampleInput(), late.getState().admin, []);
    listGate.open(list);
    await done;
    expect(late.getState().listAhead).toBeNull();
    expect(late.getState().result).toBeNull();
    expect(read).not.toHaveBeenCalled();
  });

  it('skips a list of other settings or one that does not read, and still shows the result', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const result = sampleResult();
    const store = createAppStore();
    await showShippedFirst(
      store,
      SETTINGS,
      async () => shipped(result, '{"other":1}'),
      async () => result,
    );
    expect(store.getState().listAhead).toBeNull();
    expect(store.getState().result).toBe(result);
    const broken = createAppStore();
    await showShippedFirst(
      broken,
      SETTINGS,
      () => decodeList(new ArrayBuffer(64)),
      async () => result,
    );
    expect(broken.getState().result).toBe(result);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/list built with the app was skipped/));
    warn.mockRestore();
  });
});
