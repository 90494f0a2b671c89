import { describe, expect, it } from 'vitest';
import { areaName, filteredAreaName } from '../../../src/components/share/snapshotContent.ts';
import { EMPTY_FILTERS } from '../../../src/store/viewState.ts';
import type { AppState } from '../../../src/store/appState.ts';

describe('snapshot content', () => {
  it('names the selected area from the boundaries', () => {
    const feature = (code: string, name: string) => ({
      type: 'Feature' as const,
      geometry: { type: 'Polygon' as const, coordinates: [] },
      properties: { code, name },
    });
    const admin: AppState['admin'] = {
      province: { type: 'FeatureCollection', features: [feature('36', 'Tỉnh Nam Định')] },
      districts: { type: 'FeatureCollection', features: [feature('362', 'Huyện Giao Thủy')] },
      communes: null,
      units: null,
    };
    expect(areaName({ area: { level: 'district', code: '362' }, admin, result: null })).toBe(
      'Huyện Giao Thủy',
    );
    expect(areaName({ area: { level: 'province', code: '' }, admin, result: null })).toBe('Tỉnh Nam Định');
    expect(areaName({ area: { level: 'commune', code: '1' }, admin, result: null })).toBe('Nam Định');
  });
});

describe('export names', () => {
  it('name a filtered export after the commune or district the filters select', () => {
    const rows = [
      { communeCode: '14350', commune: 'Xã Giao Thiện', districtCode: '362', district: 'Huyện Giao Thủy' },
    ] as AppState['rows'];
    const base = {
      area: { level: 'province' as const, code: '' },
      admin: { province: null, units: null, districts: null, communes: null },
      result: null,
      rows,
    };
    const f = (district: string | null, commune: string | null) => ({ ...EMPTY_FILTERS, district, commune });
    expect(filteredAreaName({ ...base, filters: f('362', null) })).toBe('Huyện Giao Thủy');
    expect(filteredAreaName({ ...base, filters: f('362', '14350') })).toBe('Xã Giao Thiện');
    expect(filteredAreaName({ ...base, filters: f(null, null) })).toBe('Nam Định');
  });
});
