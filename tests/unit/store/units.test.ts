import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { assignUnits } from '../../../src/analysis/units.ts';
import type { AdminCollection } from '../../../src/store/appState.ts';
import { listRows } from '../../../src/store/rows.ts';
import { createAppStore } from '../../../src/store/store.ts';
import { activeUnitSystem, startUnits } from '../../../src/store/units.ts';
import { sampleInput, sampleResult } from './sampleResult.ts';

/** A box from longitude x0 to x1 over the sample rows' hamlets (latitude 20–20.01, 0.01° each from 106). */
function box(x0: number, x1: number): Polygon {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [x0, 19.99],
        [x1, 19.99],
        [x1, 20.02],
        [x0, 20.02],
        [x0, 19.99],
      ],
    ],
  };
}

// h1 lies in U1, h2 60/40 in U1 and U2, h3 in U2.
const units: AdminCollection = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      geometry: box(106, 106.016),
      properties: {
        code: 'U1',
        name: 'Xã Một',
        province: 'Tỉnh Ninh Bình',
        province_code: '37',
        province_area_of: 'Tỉnh Nam Định',
      },
    },
    {
      type: 'Feature',
      geometry: box(106.016, 106.04),
      properties: { code: 'U2', name: 'Phường Hai', province: 'Tỉnh Ninh Bình', province_code: '37' },
    },
  ],
};
const admin = { province: null, units, districts: null, communes: null };

async function loadedStore() {
  const store = createAppStore();
  startUnits(store, (h, u) => Promise.resolve(assignUnits(h, u)));
  store.getState().setData(sampleInput(), admin, []);
  expect(store.getState().unitsStatus).toBe('assigning');
  const run = store.getState().startRun();
  store.getState().finishRun(run, sampleResult(), 1);
  await new Promise((r) => setTimeout(r, 0));
  return store;
}

describe('the units in the store', () => {
  it('gives every row its unit by overlap and rolls the result up by unit', async () => {
    const store = await loadedStore();
    const s = store.getState();
    expect(s.unitsStatus).toBe('ready');
    expect(activeUnitSystem(s)).toBe('units');
    expect(s.rows.map((r) => [r.id, r.unitCode, r.unitName])).toEqual([
      ['h1', 'U1', 'Xã Một'],
      ['h2', 'U1', 'Xã Một'],
      ['h3', 'U2', 'Phường Hai'],
    ]);
    expect(s.unitSummary?.province).toMatchObject({ code: '37', name: 'Tỉnh Ninh Bình', households: 650 });
    expect(s.unitSummary?.units?.map((u) => [u.code, u.hamlets, u.households])).toEqual([
      ['U1', 2, 350],
      ['U2', 1, 300],
    ]);
    // A new result is rolled up again, and its rows keep their units.
    store.getState().finishRun(store.getState().startRun(), sampleResult(), 1);
    expect(store.getState().unitSummary).not.toBe(s.unitSummary);
    expect(store.getState().rows.map((r) => r.unitCode)).toEqual(['U1', 'U1', 'U2']);
  });

  it('moves the list with the picked unit and back, and finds hamlets by their unit name', async () => {
    const store = await loadedStore();
    store.getState().setArea({ level: 'unit', code: 'U2' });
    const s = store.getState();
    expect(s.filters).toMatchObject({ unit: 'U2', district: null, commune: null });
    expect(listRows(s.rows, s.filters, s.sort).map((r) => r.id)).toEqual(['h3']);
    // The list's filter moves the roll-up too.
    store.getState().setFilters({ unit: 'U1' });
    expect(store.getState().area).toEqual({ level: 'unit', code: 'U1' });
    store.getState().setFilters({ unit: null });
    expect(store.getState().area.level).toBe('province');
    const search = { ...store.getState().filters, search: 'phuong hai' };
    expect(listRows(store.getState().rows, search, s.sort).map((r) => r.id)).toEqual(['h3']);
  });

  it('switches to the districts of 2020–2024 and back, dropping the area and its filters', async () => {
    const store = await loadedStore();
    store.getState().setArea({ level: 'unit', code: 'U2' });
    store.getState().setUnitSystem('districts');
    expect(store.getState()).toMatchObject({
      unitSystem: 'districts',
      area: { level: 'province', code: '' },
      filters: { unit: null, district: null, commune: null },
    });
    expect(activeUnitSystem(store.getState())).toBe('districts');
    store.getState().setArea({ level: 'commune', code: '200' });
    expect(store.getState().filters).toMatchObject({ district: '20', commune: '200', unit: null });
    store.getState().setUnitSystem('units');
    expect(store.getState().filters.commune).toBeNull();
  });

  it('falls back to the districts when the data have no units layer', () => {
    const store = createAppStore();
    startUnits(store, () => Promise.reject(new Error('not called')));
    store.getState().setData(sampleInput(), { ...admin, units: null }, []);
    expect(store.getState().unitsStatus).toBe('none');
    expect(store.getState().unitSystem).toBe('units');
    expect(activeUnitSystem(store.getState())).toBe('districts');
  });
});
