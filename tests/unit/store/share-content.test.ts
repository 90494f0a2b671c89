// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { areaName, filteredAreaName, legendFromPage } from '../../../src/components/share/snapshotContent.ts';
import { EMPTY_FILTERS } from '../../../src/store/viewState.ts';
import type { AppState } from '../../../src/store/appState.ts';

function legendDom(html: string): HTMLElement {
  const root = document.createElement('div');
  root.innerHTML = html;
  return root;
}

describe('snapshot content read from the page', () => {
  it('reads the on-screen legend with each swatch shape and colour', () => {
    const root = legendDom(`
      <section class="vt-legend"><h3>Chú giải</h3>
        <ul>
          <li class="vt-legend__item" data-colour="#b2182b"><svg><rect fill="#b2182b" stroke="#666"/></svg><span>Chưa phủ (thôn trắng)</span></li>
          <li class="vt-legend__item" data-colour="#009e73"><svg><line stroke="#009e73"/></svg><span>Cáp quang truy nhập</span></li>
          <li class="vt-legend__item" data-colour="#ffffff"><svg><circle fill="#999" stroke="#ffffff"/></svg><span>Viền trắng: có 4G/5G</span></li>
        </ul>
      </section>`);
    expect(legendFromPage(root)).toEqual({
      title: 'Chú giải',
      items: [
        { label: 'Chưa phủ (thôn trắng)', colour: '#b2182b', outline: '#666' },
        { label: 'Cáp quang truy nhập', colour: '#009e73', kind: 'line' },
        { label: 'Viền trắng: có 4G/5G', colour: '#999', kind: 'point', outline: '#ffffff' },
      ],
    });
  });

  it('turns a colour ramp into one labelled swatch per stop', () => {
    const root = legendDom(`
      <section class="vt-legend"><h3>Legend</h3>
        <figure data-testid="legend-ramp"><figcaption>Điểm ưu tiên</figcaption>
          <div><span data-colour="#f2f0f7">0</span><span data-colour="#54278f">1</span></div>
          <div class="vt-legend__item"><svg><rect fill="#d9d9d9"/></svg><span>Không thuộc diện</span></div>
        </figure><ul></ul>
      </section>`);
    expect(legendFromPage(root).items).toEqual([
      { label: 'Điểm ưu tiên: 0', colour: '#f2f0f7' },
      { label: 'Điểm ưu tiên: 1', colour: '#54278f' },
    ]);
  });

  it('gives no legend items when the legend is not on the page', () => {
    expect(legendFromPage(legendDom('<p>no legend</p>'))).toEqual({ title: null, items: [] });
  });

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
      admin: { province: null, districts: null, communes: null },
      result: null,
      rows,
    };
    const f = (district: string | null, commune: string | null) => ({ ...EMPTY_FILTERS, district, commune });
    expect(filteredAreaName({ ...base, filters: f('362', null) })).toBe('Huyện Giao Thủy');
    expect(filteredAreaName({ ...base, filters: f('362', '14350') })).toBe('Xã Giao Thiện');
    expect(filteredAreaName({ ...base, filters: f(null, null) })).toBe('Nam Định');
  });
});
