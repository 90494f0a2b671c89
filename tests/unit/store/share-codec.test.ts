import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Feature } from 'geojson';
import { decodeView, encodeView, linkProblemText, type SharedView } from '../../../src/store/share/codec.ts';
import { toBase64Url } from '../../../src/store/share/base64url.ts';
import { ALL_LAYERS, EMPTY_FILTERS } from '../../../src/store/viewState.ts';

const BASE = 'https://vungtrang.example.vn/app/';

function view(over: Partial<SharedView> = {}): SharedView {
  return {
    center: [106.17, 20.25],
    zoom: 9.5,
    layers: ['hamlets', 'whiteZones', 'weakZones', 'boundaries'],
    colourBy: 'status',
    filters: { ...EMPTY_FILTERS },
    area: { level: 'province', code: '36' },
    unitSystem: 'units',
    selectedHamletId: null,
    settings: {},
    lang: 'vi',
    basemap: 'none',
    ...over,
  };
}

const site = (lon: number, lat: number, i: number): Feature => ({
  type: 'Feature',
  id: `new-${i}`,
  geometry: { type: 'Point', coordinates: [lon, lat] },
  properties: { tech: '4G', operator: 'Viettel', radius_m: 3000, note: 'Trạm mới gần trường học' },
});

const rich = (): SharedView =>
  view({
    center: [106.412345, 20.234567],
    zoom: 13.25,
    layers: ['hamlets', 'whiteZones', 'fibre', 'sites', 'siteDiscs', 'facilities'],
    colourBy: 'uncoveredHouseholds',
    filters: {
      district: '362',
      commune: '14350',
      unit: null,
      status: 'unserved',
      tier: 1,
      gap: 'noFibre',
      search: 'Giao Thủy đông',
    },
    area: { level: 'commune', code: '14350' },
    unitSystem: 'districts',
    selectedHamletId: 'h-362-14350-007',
    settings: {
      fibreServiceRadiusM: 750,
      defaultRadiusM: { '2G': 6000, '3G': 4000, '4G': 2500, '5G': 600 },
      thresholds: { served: 0.9, unserved: 0.1, noFibre: 0.05, noMbb: 0.05 },
      preset: 'custom',
      weights: { uncoveredHouseholds: 0.35, uncoveredShare: 0.15, facilities: 0.3, costPerHousehold: 0.2 },
      cost: {
        fibrePerKmVnd: 150_000_000,
        dropPerHouseholdVnd: 2_000_000,
        siteVnd: 2_100_000_000,
        newSiteRadiusM: 2500,
        colocationVnd: 600_000_000,
        upgradeVnd: 400_000_000,
      },
    },
    lang: 'en',
    basemap: 'osm',
    scenario: [
      site(106.41, 20.23, 1),
      site(106.45, 20.21, 2),
      {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [106.3, 20.3] },
        properties: { id: 'VT-ND-0412', status: 'off' },
      },
      {
        type: 'Feature',
        geometry: {
          type: 'LineString',
          coordinates: [
            [106.4, 20.2],
            [106.405, 20.21],
            [106.41, 20.22],
          ],
        },
        properties: { kind: 'access', operator: 'VNPT' },
      },
    ],
    scenarioName: 'Hai trạm, một tuyến',
    scenarioShown: 'baseline',
  });

describe('share link codec', () => {
  it('round-trips every field of a rich view', () => {
    const v = rich();
    const { view: back, problems } = decodeView(BASE + encodeView(v));
    expect(problems).toEqual([]);
    // 1e-5 degree is at most 1.1 m: the centre comes back within a metre or so.
    expect(Math.abs((back.center?.[0] ?? 0) - 106.412345) * 111_320).toBeLessThan(1.2);
    expect(Math.abs((back.center?.[1] ?? 0) - 20.234567) * 110_574).toBeLessThan(1.2);
    expect(back.zoom).toBe(13.25);
    expect({ ...back, center: v.center }).toEqual(v);
  });

  it('reopens the plan that was shown: the scenario unless the link says the baseline', () => {
    const v = rich();
    const shown = (view: SharedView) => decodeView(BASE + encodeView(view)).view;
    expect(shown({ ...v, scenarioShown: 'scenario' })).toMatchObject({
      scenarioShown: 'scenario',
      scenarioName: 'Hai trạm, một tuyến',
    });
    expect(shown(v).scenarioShown).toBe('baseline');
    // A link from before the plan was written (edits, no `sm`) opened the scenario, and still does.
    const { scenarioShown: _s, scenarioName: _n, ...old } = v;
    expect(shown(old)).toMatchObject({ scenarioShown: 'scenario' });
    expect(shown(old).scenarioName).toBeUndefined();
    // No edits: nothing about a scenario in the link.
    expect(encodeView({ ...v, scenario: [] })).toBe(
      encodeView({ ...v, scenario: [], scenarioName: undefined }),
    );
    expect(shown({ ...v, scenario: [] }).scenarioShown).toBeUndefined();
  });

  it('writes the readable map position in the hash and a versioned payload in the query', () => {
    const link = encodeView(rich());
    expect(link).toMatch(/^\?s=v1\.[A-Za-z0-9_-]+#map=13\.25\/20\.23457\/106\.41235$/);
  });

  it('keeps a link with several filters, settings and scenario edits short enough for chat apps', () => {
    const url = BASE + encodeView(rich());
    expect(url.length).toBeLessThan(2000);
    expect((BASE + encodeView(view())).length).toBeLessThan(150);
  });

  it('does not change the view it encodes', () => {
    const v = rich();
    const frozen = structuredClone(v);
    Object.freeze(v.filters);
    encodeView(Object.freeze(v));
    expect(v).toEqual(frozen);
  });

  it('restores the map position alone when the view data is damaged', () => {
    const good = encodeView(rich());
    const broken = good.replace(/s=v1\.(.{20})/, 's=v1.$1!!~~');
    const { view: back, problems } = decodeView(broken);
    expect(back.zoom).toBe(13.25);
    expect(back.filters).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/damaged/);
  });

  it("reads a v1 link's layer bits in the order they were first written (append-only)", () => {
    const l = (1 << 2) | (1 << 5) | (1 << 8);
    const { view: back } = decodeView(`?s=v1.${toBase64Url(JSON.stringify({ l }))}`);
    expect(back.layers).toEqual(['weakZones', 'siteDiscs', 'labels']);
  });

  it('drops only the damaged fields and restores the others', () => {
    const payload = {
      l: 3,
      c: 99,
      f: { d: '362', s: 7, q: 'Xóm 3' },
      a: 'd362',
      h: 'h-1',
      st: { fr: -20, r4: 2500, p: 'zzz' },
      g: 'vi',
      sc: [
        ['P', [106.2, 20.2]],
        ['P', [500, 20]],
        ['Q', []],
      ],
      zz: 1,
    };
    const { view: back, problems } = decodeView(`?s=v1.${toBase64Url(JSON.stringify(payload))}`);
    expect(back.layers).toEqual(['hamlets', 'whiteZones']);
    expect(back.colourBy).toBeUndefined();
    expect(back.filters).toEqual({ ...EMPTY_FILTERS, district: '362', search: 'Xóm 3' });
    expect(back.area).toEqual({ level: 'district', code: '362' });
    expect(back.settings).toEqual({ defaultRadiusM: { '4G': 2500 } });
    expect(back.scenario).toHaveLength(1);
    expect(back.center).toBeUndefined();
    const text = problems.map(linkProblemText).join('\n');
    expect(text).toMatch(/colouring/);
    expect(text).toMatch(/status filter/);
    expect(text).toMatch(/"fibreServiceRadiusM" is -20; it must be a distance from 1 to 50000 metres/);
    expect(text).toMatch(/"preset" is "zzz"/);
    expect(text).toMatch(/Scenario edit 2 .*coordinates/);
    expect(text).toMatch(/Scenario edit 3 .*"Q"/);
    expect(text).toMatch(/\(zz\)/);
    expect(problems).toHaveLength(7);
    // Refused settings stay structured, for the notice to word them in the UI's language.
    expect(problems.filter((p) => typeof p !== 'string').map((p) => typeof p !== 'string' && p.key)).toEqual([
      'fibreServiceRadiusM',
      'preset',
    ]);
  });

  it("keeps settings the validator refuses out of the view: the bounds are the validator's", () => {
    const st = { sg: 300, r4: 60_000, cr: -1, fr: 'abc', p: '__proto__', tu: 0.97, ws: 2, zz: 1 };
    const { view: back, problems } = decodeView(`?s=v1.${toBase64Url(JSON.stringify({ st }))}`);
    expect(back.settings).toEqual({ weights: { uncoveredShare: 2 } });
    expect(problems.map((p) => typeof p !== 'string' && [p.kind, p.key])).toEqual([
      ['number', 'circleSegments'],
      ['number', 'defaultRadiusM.4G'],
      ['number', 'cost.newSiteRadiusM'],
      ['number', 'fibreServiceRadiusM'],
      ['choice', 'preset'],
      ['unknown', 'st.zz'],
      ['order', 'thresholds.unserved'],
    ]);
  });

  it('rejects an impossible map position without touching the rest', () => {
    const link = encodeView(view({ filters: { ...EMPTY_FILTERS, tier: 2 } })).replace(
      /#map=.*/,
      '#map=9/123/106',
    );
    const { view: back, problems } = decodeView(link);
    expect(back.center).toBeUndefined();
    expect(back.filters?.tier).toBe(2);
    expect(problems).toEqual(['The map position in the link is not valid; the map was not moved.']);
  });

  it('opens a v0 link from the prototype and names what it could not restore', () => {
    const v0 =
      '?s=v0.eyJjZW50ZXIiOlsxMDYuMjM0NSwyMC4xMjM0XSwiem9vbSI6MTEuNSwibGF5ZXJzIjpbImhhbWxldHMiLCJ3aGl0ZSIsImZpYnJlIiwiaGVhdG1hcCJdLCJkaXN0cmljdCI6IjM2MiIsImhhbWxldCI6ImgtMzYyLTAwNDIiLCJ3ZWlnaHRzIjp7ImhvdXNlaG9sZHMiOjAuNSwic2hhcmUiOjAuMiwiZmFjaWxpdGllcyI6MC4yLCJjb3N0IjowLjF9LCJsYW5nIjoidmkiLCJiYXNlbWFwVXJsIjoiaHR0cHM6Ly90aWxlLm9wZW5zdHJlZXRtYXAub3JnL3t6fS97eH0ve3l9LnBuZyJ9';
    const { view: back, problems } = decodeView(BASE + v0);
    expect(back.center).toEqual([106.2345, 20.1234]);
    expect(back.zoom).toBe(11.5);
    expect(back.layers).toEqual(['hamlets', 'whiteZones', 'fibre']);
    expect(back.filters).toEqual({ ...EMPTY_FILTERS, district: '362' });
    expect(back.selectedHamletId).toBe('h-362-0042');
    expect(back.settings).toEqual({
      preset: 'custom',
      weights: { uncoveredHouseholds: 0.5, uncoveredShare: 0.2, facilities: 0.2, costPerHousehold: 0.1 },
    });
    expect(back.lang).toBe('vi');
    expect(problems).toEqual([
      'Layer "heatmap" from the old link no longer exists.',
      '"basemapUrl" from the old link has no equivalent now and was ignored.',
    ]);
  });

  it('says a link from a newer version cannot be read, but still moves the map', () => {
    const { view: back, problems } = decodeView('?s=v7.e30#map=10/20.1/106.2');
    expect(back).toEqual({ center: [106.2, 20.1], zoom: 10 });
    expect(problems[0]).toMatch(/newer version .*v7/);
  });

  it('keeps the unit system and a picked unit; older links with a district or commune keep 2020–2024', () => {
    const units = view({
      area: { level: 'unit', code: '13669' },
      filters: { ...EMPTY_FILTERS, unit: '13669' },
      unitSystem: 'units',
    });
    const back = decodeView(BASE + encodeView(units));
    expect(back.problems).toEqual([]);
    expect(back.view).toMatchObject({
      unitSystem: 'units',
      area: { level: 'unit', code: '13669' },
      filters: { unit: '13669' },
    });
    expect(decodeView(BASE + encodeView(view({ unitSystem: 'districts' }))).view.unitSystem).toBe(
      'districts',
    );
    // A link made before unit systems: no `u`; one naming a district opens in the districts of its time.
    const old = (payload: Record<string, unknown>) =>
      decodeView(`${BASE}?s=v1.${toBase64Url(JSON.stringify(payload))}#map=9/20.25/106.17`);
    expect(old({ a: 'd362' }).view.unitSystem).toBe('districts');
    expect(old({ f: { c: '14350' }, a: 'p' }).view.unitSystem).toBe('districts');
    expect(old({ a: 'p' }).view.unitSystem).toBe('units');
    const unknown = old({ a: 'p', u: 'x' });
    expect(unknown.view.unitSystem).toBe('units');
    expect(unknown.problems.map((p) => linkProblemText(p))).toEqual([
      'The unit system in the link is unknown; the current units (since 1 July 2025) are used.',
    ]);
  });

  it('restores a province area without a code', () => {
    const { view: back, problems } = decodeView(encodeView(view({ area: { level: 'province', code: '' } })));
    expect(problems).toEqual([]);
    expect(back.area).toEqual({ level: 'province', code: '' });
  });

  it('returns nothing and no problem for a plain app URL', () => {
    expect(decodeView(BASE)).toEqual({ view: {}, problems: [] });
  });

  it('round-trips arbitrary filters, layers and search text (property)', () => {
    const layers = fc.subarray([...ALL_LAYERS]);
    const code = fc.stringMatching(/^[0-9]{2,5}$/);
    fc.assert(
      fc.property(
        layers,
        fc.option(code, { nil: null }),
        fc.constantFrom('served', 'partial', 'unserved', null),
        fc.constantFrom(1, 2, 3, null),
        fc.constantFrom('any', 'noFibre', 'noMbb', 'both'),
        fc.string({ unit: 'grapheme', maxLength: 30 }),
        fc.option(fc.string({ minLength: 1, maxLength: 40 }), { nil: null }),
        (ls, district, status, tier, gap, search, hamlet) => {
          const v = view({
            layers: ls,
            filters: { ...EMPTY_FILTERS, district, status, tier, gap, search },
            selectedHamletId: hamlet,
          });
          const { view: back, problems } = decodeView(BASE + encodeView(v));
          expect(problems).toEqual([]);
          expect(back.layers).toEqual(ls);
          expect(back.filters).toEqual(v.filters);
          expect(back.selectedHamletId).toBe(hamlet);
        },
      ),
      { numRuns: 200 },
    );
  });
});
