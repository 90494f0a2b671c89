import { readFileSync } from 'node:fs';
import { pointOnFeature } from '@turf/point-on-feature';
import { describe, expect, it } from 'vitest';
import { areaAt, areaUp, DISTRICT_PICK_ZOOM } from '../../../src/map/areaPick.ts';
import type { AdminCollection, AdminLayers } from '../../../src/store/appState.ts';

const read = (name: string): AdminCollection =>
  JSON.parse(readFileSync(`geodata/${name}.geojson`, 'utf8')) as AdminCollection;
const admin: AdminLayers = {
  province: read('province'),
  units: read('units'),
  districts: read('districts'),
  communes: read('communes'),
};
const communes = admin.communes!.features;
const districtOf = (code: string): string | undefined =>
  communes.find((f) => f.properties.code === code)?.properties.district_code as string | undefined;

// A point surely inside one real commune, and the district that commune belongs to.
const commune = communes[40]!;
const point = pointOnFeature(commune).geometry.coordinates as [number, number];
const district = districtOf(commune.properties.code)!;
const province = { level: 'province', code: '' } as const;

describe('picking an area on the map', () => {
  it('zoomed out picks the district under the click', () => {
    expect(areaAt(point, DISTRICT_PICK_ZOOM - 1, admin, province, districtOf)).toEqual({
      level: 'district',
      code: district,
    });
  });

  it('zoomed in picks the commune under the click', () => {
    expect(areaAt(point, DISTRICT_PICK_ZOOM + 1, admin, province, districtOf)).toEqual({
      level: 'commune',
      code: commune.properties.code,
    });
  });

  it('a click inside the district already chosen goes down to the commune, even zoomed out', () => {
    const current = { level: 'district', code: district } as const;
    expect(areaAt(point, DISTRICT_PICK_ZOOM - 2, admin, current, districtOf)).toEqual({
      level: 'commune',
      code: commune.properties.code,
    });
  });

  it('outside every area picks nothing; without shapes the hamlet’s codes decide', () => {
    expect(areaAt([105.0, 21.5], 12, admin, province, districtOf)).toBeNull();
    const none: AdminLayers = { province: null, units: null, districts: null, communes: null };
    expect(
      areaAt([105.0, 21.5], 12, none, province, () => undefined, { commune_code: 'c9', district_code: 'd9' }),
    ).toEqual({ level: 'commune', code: 'c9' });
    expect(
      areaAt([105.0, 21.5], 8, none, province, () => undefined, { commune_code: 'c9', district_code: 'd9' }),
    ).toEqual({ level: 'district', code: 'd9' });
  });

  it('Escape goes one level up and stops at the province', () => {
    const fromCommune = areaUp({ level: 'commune', code: commune.properties.code }, 'P', districtOf);
    expect(fromCommune).toEqual({ level: 'district', code: district });
    expect(areaUp(fromCommune!, 'P', districtOf)).toEqual({ level: 'province', code: 'P' });
    expect(areaUp({ level: 'province', code: 'P' }, 'P', districtOf)).toBeNull();
    expect(areaUp({ level: 'commune', code: 'unknown' }, 'P', districtOf)).toEqual({
      level: 'province',
      code: 'P',
    });
  });
});
