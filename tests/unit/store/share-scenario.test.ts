import { describe, expect, it } from 'vitest';
import type { ScenarioEdit } from '../../../src/analysis/scenarioTypes.ts';
import type { InputLayers } from '../../../src/analysis/types.ts';
import { decodeView, encodeView, type SharedView } from '../../../src/store/share/codec.ts';
import { createScenarioStore } from '../../../src/store/scenario/scenarioStore.ts';
import { appStorePort } from '../../../src/store/share/appStorePort.ts';
import { editsToFeatures, featuresToEdits } from '../../../src/store/share/scenarioEdits.ts';
import { createAppStore } from '../../../src/store/store.ts';
import { EMPTY_FILTERS } from '../../../src/store/viewState.ts';

const edits: ScenarioEdit[] = [
  {
    kind: 'add-site',
    site: {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [106.412345, 20.234567] },
      properties: { id: 'proposed-site-1', operator: 'Viettel', tech: '4G', radius_m: 3000, proposed: true },
    },
  },
  {
    kind: 'add-site',
    site: {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [106.45, 20.21] },
      properties: {
        id: 'proposed-site-2',
        operator: 'VNPT',
        tech: '5G',
        radius_m: 600,
        proposed: true,
        azimuths: '0,120,240',
      },
    },
  },
  {
    kind: 'add-fibre',
    fibre: {
      type: 'Feature',
      geometry: {
        type: 'LineString',
        coordinates: [
          [106.4, 20.2],
          [106.405, 20.21],
          [106.41, 20.22],
          [106.42, 20.225],
        ],
      },
      properties: { id: 'proposed-fibre-1', kind: 'access', operator: 'VNPT', proposed: true },
    },
  },
  { kind: 'site-off', siteId: 'VT-ND-0412', at: [106.3, 20.3] },
  { kind: 'site-off', siteId: 'MB-0007' },
];

const sites: InputLayers['sites'] = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [106.2, 20.4] },
      properties: { id: 'MB-0007', tech: '4G' },
    },
  ],
};

const view: SharedView = {
  center: [106.2, 20.3],
  zoom: 12,
  layers: ['hamlets', 'whiteZones', 'sites', 'siteDiscs'],
  colourBy: 'status',
  filters: { ...EMPTY_FILTERS, district: '362', status: 'unserved', search: 'Giao Thủy' },
  area: { level: 'district', code: '362' },
  unitSystem: 'districts',
  selectedHamletId: 'h-362-14350-007',
  settings: { fibreServiceRadiusM: 700, preset: 'commercial' },
  lang: 'vi',
  basemap: 'none',
};

describe('scenario edits in a share link', () => {
  it('come back as the same edits after a link round trip', () => {
    const link = encodeView({ ...view, scenario: editsToFeatures(edits, sites) });
    const { view: back, problems } = decodeView(`https://vungtrang.example.vn/app/${link}`);
    expect(problems).toEqual([]);
    const restored = featuresToEdits(back.scenario ?? []);
    expect(restored.problems).toEqual([]);
    expect(restored.edits).toEqual([
      ...edits.slice(0, 4),
      // The position comes from the sites layer when the edit did not keep one.
      { kind: 'site-off', siteId: 'MB-0007', at: [106.2, 20.4] },
    ]);
  });

  it('keeps a link with filters, settings and five edits under 2,000 characters', () => {
    const link = `https://vungtrang.example.vn/app/${encodeView({ ...view, scenario: editsToFeatures(edits, sites) })}`;
    expect(link.length).toBeLessThan(2000);
  });

  it('reports edits the scenario reader refuses instead of throwing', () => {
    const bad = featuresToEdits([
      { type: 'Feature', geometry: { type: 'Point', coordinates: [106, 20] }, properties: { status: 'off' } },
    ]);
    expect(bad.edits).toEqual([]);
    expect(bad.problems[0]).toMatch(/scenario's edits were not restored: the link: feature #1 .*no "id"/);
  });

  it('the app’s link carries the live scenario, its name and the plan shown, and the page says what it reopened', () => {
    const appA = createAppStore();
    const scA = createScenarioStore();
    scA.getState().setEdits(edits.slice(0, 2), 'Hai trạm');
    scA.getState().setShown('baseline');
    const link = encodeView(appStorePort(appA, scA).getView());

    const appB = createAppStore();
    const scB = createScenarioStore();
    const port = appStorePort(appB, scB);
    const { view: back, problems } = decodeView(`https://vungtrang.example.vn/app/${link}`);
    port.applyView(back, problems);
    expect(scB.getState()).toMatchObject({ name: 'Hai trạm', shown: 'baseline' });
    expect(scB.getState().edits).toEqual(edits.slice(0, 2));
    expect(scB.getState().reopened).toEqual({ shown: 'baseline', name: 'Hai trạm', edits: 2 });
    // Back and forward later restore views without a notice.
    port.subscribe(() => undefined)();
    scB.getState().setReopened(null);
    port.applyView(back, problems);
    expect(scB.getState().reopened).toBeNull();
  });
});
