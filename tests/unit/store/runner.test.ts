import { afterEach, describe, expect, it, vi } from 'vitest';
import { analyze } from '../../../src/analysis/analyze.ts';
import { DEFAULT_SETTINGS } from '../../../src/analysis/settings.ts';
import type { AnalysisResult, InputLayers, Settings } from '../../../src/analysis/types.ts';
import { createAppStore } from '../../../src/store/store.ts';
import { startAnalysisRunner, type Analyser } from '../../../src/store/runner.ts';
import { sampleInput } from './sampleResult.ts';

/** The real engine, in this thread, with each run held until the test releases it. */
function heldEngine() {
  const runs: { settings: Settings; previous?: AnalysisResult; release: () => void }[] = [];
  const analyser: Analyser = {
    run: (layers: InputLayers, settings: Settings, _progress, previous) =>
      new Promise<AnalysisResult>((resolve) => {
        runs.push({ settings, previous, release: () => resolve(analyze(layers, settings)) });
      }),
  };
  return { analyser, runs };
}

/** Two tasks: the runner builds a result's rows in one and hands them to the store in the next. */
const flush = async () => {
  for (let i = 0; i < 2; i++) await new Promise((r) => setTimeout(r, 0));
};
const noAdmin = { province: null, units: null, districts: null, communes: null };

afterEach(() => {
  vi.useRealTimers();
});

describe('analysis runner', () => {
  it('runs as soon as data arrives and puts the result in the store', async () => {
    const store = createAppStore();
    const { analyser, runs } = heldEngine();
    startAnalysisRunner(store, analyser);
    expect(runs).toHaveLength(0);
    store.getState().setData(sampleInput(), noAdmin, []);
    expect(runs).toHaveLength(1);
    expect(store.getState().running).toBe(true);
    runs[0]!.release();
    await flush();
    expect(store.getState().running).toBe(false);
    expect(
      store
        .getState()
        .rows.map((r) => r.id)
        .sort(),
    ).toEqual(['h1', 'h2', 'h3']);
  });

  it('debounces a burst of settings changes into one run with the last value', async () => {
    vi.useFakeTimers();
    const store = createAppStore();
    const { analyser, runs } = heldEngine();
    startAnalysisRunner(store, analyser, 250);
    store.getState().setData(sampleInput(), noAdmin, []);
    for (const r of [600, 700, 800])
      store.getState().setSettings({ ...DEFAULT_SETTINGS, fibreServiceRadiusM: r });
    vi.advanceTimersByTime(249);
    expect(runs).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(runs.map((r) => r.settings.fibreServiceRadiusM)).toEqual([500, 800]);
  });

  it('drops the result of an older run that finishes after a newer one', async () => {
    vi.useFakeTimers();
    const store = createAppStore();
    const { analyser, runs } = heldEngine();
    startAnalysisRunner(store, analyser, 10);
    store.getState().setData(sampleInput(), noAdmin, []);
    store
      .getState()
      .setSettings({ ...DEFAULT_SETTINGS, thresholds: { ...DEFAULT_SETTINGS.thresholds, served: 0.5 } });
    vi.advanceTimersByTime(10);
    vi.useRealTimers();
    runs[1]!.release();
    await flush();
    const newer = store.getState().result;
    expect(newer?.summary.settings.thresholds.served).toBe(0.5);
    runs[0]!.release();
    await flush();
    expect(store.getState().result).toBe(newer);
  });

  it('offers the analyser the last result of the same layers, never one of other layers', async () => {
    const store = createAppStore();
    const { analyser, runs } = heldEngine();
    startAnalysisRunner(store, analyser, 0);
    store.getState().setData(sampleInput(), noAdmin, []);
    expect(runs[0]!.previous).toBeUndefined();
    runs[0]!.release();
    await flush();
    const first = store.getState().result;
    store.getState().setSettings({ ...DEFAULT_SETTINGS, preset: 'commercial' });
    await flush();
    expect(runs[1]!.previous).toBe(first);
    // New layers: their first run is offered nothing, though the last result is still shown.
    store.getState().setData(sampleInput(), noAdmin, []);
    expect(runs[2]!.previous).toBeUndefined();
  });
});
