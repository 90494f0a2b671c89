import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { startAppUpdates, type AppUpdateState, type RegisterOptions } from '../../../src/store/appUpdate.ts';

function updateStore() {
  return createStore<AppUpdateState>()((set) => ({
    waiting: false,
    offlineReady: false,
    apply: null,
    dismiss: () => set({ waiting: false, offlineReady: false }),
  }));
}

describe('the new-version flow', () => {
  it('announces a waiting version and applies it only when the user accepts', async () => {
    const store = updateStore();
    let options: RegisterOptions = {};
    const applied: (boolean | undefined)[] = [];
    startAppUpdates((o) => {
      options = o;
      return (reload) => {
        applied.push(reload);
        return Promise.resolve();
      };
    }, store);
    expect(options.immediate).toBe(true);
    options.onOfflineReady?.();
    expect(store.getState().offlineReady).toBe(true);
    options.onNeedRefresh?.();
    expect(store.getState().waiting).toBe(true);
    expect(applied).toEqual([]);
    await store.getState().apply?.();
    expect(applied).toEqual([true]);
  });

  it('“later” keeps the running version', () => {
    const store = updateStore();
    const applied: unknown[] = [];
    startAppUpdates((o) => {
      o.onNeedRefresh?.();
      return () => {
        applied.push(1);
        return Promise.resolve();
      };
    }, store);
    store.getState().dismiss();
    expect(store.getState().waiting).toBe(false);
    expect(applied).toEqual([]);
  });
});
