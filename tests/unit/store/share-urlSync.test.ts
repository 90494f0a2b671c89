// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { encodeView, type LinkProblem, type SharedView } from '../../../src/store/share/codec.ts';
import { startUrlSync } from '../../../src/store/share/urlSync.ts';
import { EMPTY_FILTERS } from '../../../src/store/viewState.ts';

const initial: SharedView = {
  center: [106.17, 20.25],
  zoom: 9,
  layers: ['hamlets', 'whiteZones'],
  colourBy: 'status',
  filters: { ...EMPTY_FILTERS },
  area: { level: 'province', code: '36' },
  unitSystem: 'units',
  selectedHamletId: null,
  settings: {},
  lang: 'vi',
  basemap: 'none',
};

let store: StoreApi<{ view: SharedView; problems: LinkProblem[] }>;
let stop: () => void = () => {};

function start(settleMs = 0) {
  stop = startUrlSync(
    {
      getView: () => store.getState().view,
      subscribe: (l) => store.subscribe(l),
      applyView: (v, problems) => store.setState((s) => ({ view: { ...s.view, ...v }, problems })),
    },
    { replaceDelayMs: 0, settleMs },
  );
}

const set = (patch: Partial<SharedView>) => store.setState((s) => ({ view: { ...s.view, ...patch } }));
const tick = (ms = 5) => new Promise((r) => setTimeout(r, ms));
/** jsdom fires popstate asynchronously after history.back(). */
const back = () =>
  new Promise<void>((resolve) => {
    window.addEventListener('popstate', () => resolve(), { once: true });
    history.back();
  });

beforeEach(() => {
  history.replaceState(null, '', '/app/');
  store = createStore(() => ({ view: structuredClone(initial), problems: [] as LinkProblem[] }));
});
afterEach(() => stop());

describe('URL sync', () => {
  it('writes the view into the address bar on start, without a new history entry', () => {
    const before = history.length;
    start();
    expect(location.search + location.hash).toBe(encodeView(initial));
    expect(history.length).toBe(before);
  });

  it('opens the view a link holds', () => {
    const linked = {
      ...initial,
      zoom: 13,
      selectedHamletId: 'h-7',
      filters: { ...EMPTY_FILTERS, tier: 1 as const },
    };
    history.replaceState(null, '', '/app/' + encodeView(linked));
    start();
    expect(store.getState().view).toEqual({ ...linked, center: [106.17, 20.25] });
    expect(store.getState().problems).toEqual([]);
  });

  it('reports what a damaged link could not restore', () => {
    history.replaceState(null, '', '/app/?s=v1.bm90IGpzb24#map=12/20.3/106.3');
    start();
    expect(store.getState().view.zoom).toBe(12);
    expect(store.getState().problems[0]).toMatch(/damaged/);
  });

  it('pushes a history entry for a filter change but only replaces it for a map move', async () => {
    start();
    const before = history.length;
    set({ filters: { ...EMPTY_FILTERS, status: 'unserved' } });
    expect(history.length).toBe(before + 1);
    set({ center: [106.3, 20.3], zoom: 11 });
    await tick();
    expect(history.length).toBe(before + 1);
    expect(location.hash).toBe('#map=11.00/20.30000/106.30000');
  });

  it("adds no history entry for what start-up restores, but does for the planner's first change", async () => {
    start(100);
    const before = history.length;
    set({ settings: { fibreServiceRadiusM: 800 } });
    await tick();
    expect(history.length).toBe(before);
    expect(location.search + location.hash).toBe(
      encodeView({ ...initial, settings: { fibreServiceRadiusM: 800 } }),
    );
    await tick(120);
    set({ filters: { ...EMPTY_FILTERS, tier: 2 } });
    expect(history.length).toBe(before + 1);
  });

  it('goes back to the previous view on back, without pushing again (no loop)', async () => {
    start();
    set({ selectedHamletId: 'h-1' });
    set({ selectedHamletId: 'h-2' });
    const length = history.length;
    await back();
    expect(store.getState().view.selectedHamletId).toBe('h-1');
    await tick();
    expect(history.length).toBe(length);
    await back();
    expect(store.getState().view.selectedHamletId).toBeNull();
    await tick();
    expect(location.search + location.hash).toBe(encodeView(initial));
  });
});
