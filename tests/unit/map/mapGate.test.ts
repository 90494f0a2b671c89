// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mapSettled, markMapSettled, whenAnalysing, whenFirstListSettled } from '../../../src/map/mapGate.ts';
import { createAppStore } from '../../../src/store/store.ts';
import { sampleResult } from '../store/sampleResult.ts';

beforeEach(() => {
  vi.useFakeTimers({
    toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame'],
  });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the map waits for the first ranked list', () => {
  it('starts only after the first result is in and a frame has been painted', () => {
    const store = createAppStore();
    const start = vi.fn();
    whenFirstListSettled(store, start, 10_000);
    vi.advanceTimersByTime(3000);
    expect(start).not.toHaveBeenCalled();
    const runId = store.getState().startRun();
    store.getState().finishRun(runId, sampleResult(), 5);
    expect(start).not.toHaveBeenCalled();
    vi.advanceTimersToNextFrame();
    vi.advanceTimersByTime(1);
    expect(start).toHaveBeenCalledTimes(1);
    // Later results (settings re-runs) do not start a second map.
    store.getState().finishRun(store.getState().startRun(), sampleResult(), 5);
    vi.advanceTimersByTime(20_000);
    expect(start).toHaveBeenCalledTimes(1);
  });

  it('starts when the analysis or the data failed, since no list will come', () => {
    const store = createAppStore();
    const start = vi.fn();
    whenFirstListSettled(store, start, 10_000);
    store.getState().setDataError('geodata/hamlets.geojson: HTTP 404');
    vi.advanceTimersToNextFrame();
    vi.advanceTimersByTime(1);
    expect(start).toHaveBeenCalledTimes(1);
  });

  it('starts after the longest wait even while the analysis still runs', () => {
    const store = createAppStore();
    const start = vi.fn();
    whenFirstListSettled(store, start, 6000);
    store.getState().startRun();
    vi.advanceTimersByTime(5999);
    expect(start).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(start).toHaveBeenCalledTimes(1);
  });

  it('never starts once cancelled (the view unmounted)', () => {
    const store = createAppStore();
    const start = vi.fn();
    const cancel = whenFirstListSettled(store, start, 6000);
    cancel();
    store.getState().finishRun(store.getState().startRun(), sampleResult(), 5);
    vi.advanceTimersByTime(10_000);
    expect(start).not.toHaveBeenCalled();
  });
});

describe('the map is made, empty, while the first analysis runs', () => {
  it('starts once, when the first run starts, not before', () => {
    const store = createAppStore();
    const start = vi.fn();
    whenAnalysing(store, start);
    store.getState().setDataLoading();
    expect(start).not.toHaveBeenCalled();
    const runId = store.getState().startRun();
    expect(start).toHaveBeenCalledTimes(1);
    store.getState().finishRun(runId, sampleResult(), 5);
    store.getState().startRun();
    expect(start).toHaveBeenCalledTimes(1);
  });

  it('starts at once when the list is already settled (a result, or an error with no list to wait for)', () => {
    const withResult = createAppStore();
    withResult.getState().finishRun(withResult.getState().startRun(), sampleResult(), 5);
    const start = vi.fn();
    whenAnalysing(withResult, start);
    expect(start).toHaveBeenCalledTimes(1);
    const failed = createAppStore();
    const later = vi.fn();
    whenAnalysing(failed, later);
    failed.getState().setDataError('geodata/hamlets.geojson: HTTP 404');
    expect(later).toHaveBeenCalledTimes(1);
  });

  it('starts when a saved or shipped list is shown ahead of its result (no run at all)', () => {
    const store = createAppStore();
    const start = vi.fn();
    whenAnalysing(store, start);
    const r = sampleResult();
    store.getState().showSavedList([], r.summary, 'shipped');
    expect(start).toHaveBeenCalledTimes(1);
  });

  it('never starts once cancelled (the view unmounted)', () => {
    const store = createAppStore();
    const start = vi.fn();
    whenAnalysing(store, start)();
    store.getState().startRun();
    expect(start).not.toHaveBeenCalled();
  });
});

describe('background work waits for the map’s first full draw', () => {
  it('waits at most the given time, then resolves at once after the map has settled', async () => {
    let done = false;
    void mapSettled(5000).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(4999);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toBe(true);
    markMapSettled();
    let again = false;
    void mapSettled(60_000).then(() => (again = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(again).toBe(true);
  });
});
