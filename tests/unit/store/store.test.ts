import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../src/analysis/settings.ts';
import { createAppStore, effectiveSettings } from '../../../src/store/store.ts';
import { sampleResult } from './sampleResult.ts';

describe('app store', () => {
  it('drops the result of a run that a newer run superseded', () => {
    const store = createAppStore();
    const first = store.getState().startRun();
    const second = store.getState().startRun();
    store.getState().finishRun(first, sampleResult(), 10);
    expect(store.getState().result).toBeNull();
    expect(store.getState().running).toBe(true);
    store.getState().finishRun(second, sampleResult(), 12);
    expect(store.getState().rows).toHaveLength(3);
    expect(store.getState().running).toBe(false);
    expect(store.getState().lastRunMs).toBe(12);
  });

  it('ignores progress from stale runs', () => {
    const store = createAppStore();
    const old = store.getState().startRun();
    store.getState().startRun();
    store.getState().setProgress(old, { done: 5, total: 10, phase: 'x' });
    expect(store.getState().progress?.done).toBe(0);
  });

  it('keeps only the settings that differ from the defaults', () => {
    const store = createAppStore();
    store.getState().setSettings({ ...DEFAULT_SETTINGS, fibreServiceRadiusM: 800 });
    expect(store.getState().settings).toEqual({ fibreServiceRadiusM: 800 });
    expect(effectiveSettings(store.getState()).fibreServiceRadiusM).toBe(800);
    store.getState().resetSettings();
    expect(effectiveSettings(store.getState())).toEqual(DEFAULT_SETTINGS);
  });

  it('records where a selection came from and opens the details', () => {
    const store = createAppStore();
    store.getState().selectHamlet('h2', 'map');
    expect(store.getState()).toMatchObject({
      selectedHamletId: 'h2',
      selectionSource: 'map',
      rightTab: 'details',
    });
  });

  it('clears the commune filter when the district changes', () => {
    const store = createAppStore();
    store.getState().setFilters({ district: '10', commune: '100' });
    store.getState().setFilters({ district: '20' });
    expect(store.getState().filters).toMatchObject({ district: '20', commune: null });
  });

  it('toggles layers on and off', () => {
    const store = createAppStore();
    expect(store.getState().layers).not.toContain('facilities');
    store.getState().toggleLayer('facilities');
    expect(store.getState().layers).toContain('facilities');
    store.getState().toggleLayer('facilities');
    expect(store.getState().layers).not.toContain('facilities');
  });

  it('tags camera changes with their source', () => {
    const store = createAppStore();
    store.getState().applyView({ center: [106, 20], zoom: 12 }, 'app');
    expect(store.getState()).toMatchObject({ center: [106, 20], zoom: 12, viewSource: 'app' });
    store.getState().setCamera([106.1, 20.1], 11, 'map');
    expect(store.getState().viewSource).toBe('map');
  });
});
