import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../src/analysis/settings.ts';
import {
  LoadError,
  loadLayer,
  MIGRATIONS,
  parseProject,
  PROJECT_VERSION,
  readFileKind,
  serializeProject,
  SettingsRefused,
  type Project,
} from '../../../src/data/index.ts';
import { fixture } from './helpers.ts';

async function sampleProject(): Promise<Omit<Project, 'version'>> {
  const hamlets = await loadLayer({ name: 'h.geojson', data: fixture('hamlets.geojson') }, 'hamlets');
  const sites = await loadLayer({ name: 'sites.csv', data: fixture('sites.csv') }, 'sites');
  return {
    name: 'Giao Thủy thử nghiệm',
    layers: { hamlets: hamlets.collection, sites: sites.collection },
    settings: { ...DEFAULT_SETTINGS, fibreServiceRadiusM: 650 },
    scenarios: [{ id: 's1', edits: [{ op: 'addSite', lon: 106.4, lat: 20.3 }] }],
    view: { center: [106.4, 20.3], zoom: 11 },
    versions: [],
  };
}

describe('project file', () => {
  it('round-trips layers, settings, scenarios and view', async () => {
    const p = await sampleProject();
    const text = serializeProject(p);
    expect(JSON.parse(text)).toMatchObject({ version: PROJECT_VERSION });
    expect(readFileKind('du-an.json', text)).toBe('project');
    const { project, reports } = parseProject(text);
    expect(project.layers).toEqual(p.layers);
    expect(project.settings).toEqual(p.settings);
    expect(project.scenarios).toEqual(p.scenarios);
    expect(project.view).toEqual(p.view);
    expect(project.name).toBe('Giao Thủy thử nghiệm');
    expect(reports.every((r) => r.skipped.length === 0)).toBe(true);
  });

  it('fills settings missing from the file with the defaults', () => {
    const { project } = parseProject(
      JSON.stringify({ version: 1, layers: {}, settings: { fibreServiceRadiusM: 400 } }),
    );
    expect(project.settings).toEqual({ ...DEFAULT_SETTINGS, fibreServiceRadiusM: 400 });
    expect(project.scenarios).toEqual([]);
  });

  it('refuses files from a newer version, non-projects and bad layers with clear errors', () => {
    const cases: [string, RegExp][] = [
      ['{"version":3,"layers":{}}', /newer version of Vùng Trắng \(project version 3; this one reads 2/],
      ['{"layers":{}}', /no "version" number/],
      ['{"type":"FeatureCollection","features":[]}', /GeoJSON layer, not a project/],
      [
        '{"version":1,"layers":{"roads":{"type":"FeatureCollection","features":[]}}}',
        /unknown layer "roads"/,
      ],
      ['{"version":1,"layers":{"hamlets":[]}}', /"hamlets" layer that is not a FeatureCollection/],
      ['{"version":1,"layers":{},"scenarios":{}}', /"scenarios" that are not a list/],
      ['{"version":1,', /du-an\.json: is not valid JSON at line 1, column 14/],
      ['[]', /not a project file/],
    ];
    for (const [text, message] of cases) {
      let caught: unknown;
      try {
        parseProject(text, 'du-an.json');
      } catch (err) {
        caught = err;
      }
      expect(caught, text).toBeInstanceOf(LoadError);
      expect((caught as LoadError).message, text).toMatch(message);
    }
  });

  it('runs migrations for older versions', () => {
    MIGRATIONS[0] = (doc) => ({ ...doc, layers: doc.oldLayers, oldLayers: undefined });
    try {
      const { project } = parseProject(JSON.stringify({ version: 0, oldLayers: {} }));
      expect(project.version).toBe(PROJECT_VERSION);
      expect(project.layers).toEqual({});
      expect(project.versions).toEqual([]);
    } finally {
      delete MIGRATIONS[0];
    }
    expect(() => parseProject('{"version":0,"layers":{}}')).toThrow(/cannot be upgraded/);
  });

  it('re-validates hand-edited layers', () => {
    const text = JSON.stringify({
      version: 1,
      layers: {
        hamlets: {
          type: 'FeatureCollection',
          features: [
            { type: 'Feature', properties: { id: 'a' }, geometry: { type: 'Point', coordinates: [106, 20] } },
          ],
        },
      },
    });
    const { project, reports } = parseProject(text, 'p.json');
    expect(project.layers.hamlets?.features).toHaveLength(0);
    expect(reports[0]?.skipped[0]?.message).toMatch(/^p\.json › hamlets: feature 1 \(id a\): is a point/);
  });

  describe('refuses a file whose settings the validator refuses, naming the file, the key and the fix', () => {
    const cases: [string, Record<string, unknown>, string][] = [
      ['text for a radius', { fibreServiceRadiusM: 'abc' }, '"fibreServiceRadiusM" is "abc"'],
      ['20 000 000 circle segments', { circleSegments: 20_000_000 }, '"circleSegments" is 20000000'],
      ['a preset named __proto__', { preset: '__proto__' }, '"preset" is "__proto__"'],
      ['a negative radius', { defaultRadiusM: { '4G': -3000 } }, '"defaultRadiusM.4G" is -3000'],
      ['an unknown key', { fibreRadius: 800 }, '"fibreRadius" is not a setting this version knows'],
      ['a group of the wrong type', { thresholds: [0.9, 0.1] }, '"thresholds" is [0.9,0.1]'],
    ];
    it.each(cases)('%s', async (_, settings, words) => {
      const text = JSON.stringify({ ...(await sampleProject()), version: 1, settings });
      const err = (() => {
        try {
          parseProject(text, 'du-an.json');
        } catch (e) {
          return e;
        }
      })();
      expect(err).toBeInstanceOf(SettingsRefused);
      expect(err).toBeInstanceOf(LoadError);
      const refused = err as SettingsRefused;
      expect(refused.message).toContain('du-an.json: has settings this version cannot use: ');
      expect(refused.message).toContain(words);
      expect(refused.fix).toMatch(
        /^Correct ".+" in the file's "settings" \(or delete it to use the default\)/,
      );
      expect(refused.problems).toHaveLength(1);
    });
  });
});

describe('project file, version 2: dated versions of the data', () => {
  it('opens a version 1 file (written before versions existed) with no versions', async () => {
    const v1 = JSON.stringify({ ...(await sampleProject()), versions: undefined, version: 1 });
    expect(JSON.parse(v1)).not.toHaveProperty('versions');
    const { project } = parseProject(v1, 'cu.json');
    expect(project.version).toBe(2);
    expect(project.versions).toEqual([]);
    expect(project.layers.hamlets?.features.length).toBeGreaterThan(0);
  });

  it('round-trips versions, writing a layer they share with each other or the project once', async () => {
    const p = await sampleProject();
    const hamlets = p.layers.hamlets!;
    const sites2022 = { ...p.layers.sites!, features: p.layers.sites!.features.slice(0, 1) };
    const versions = [
      {
        id: 'v1',
        date: '2022-12',
        label: 'Cuối 2022',
        group: 'g',
        settings: {},
        layers: { hamlets, sites: sites2022 },
      },
      {
        id: 'v2',
        date: '2024-12',
        group: 'g',
        settings: { fibreServiceRadiusM: 700 },
        layers: { hamlets, sites: sites2022 },
      },
      { id: 'v3', date: '2026-06', group: 'g', settings: {}, layers: { hamlets, sites: p.layers.sites! } },
    ];
    const text = serializeProject({ ...p, versions });
    const doc = JSON.parse(text);
    // The project's own hamlets and 2026 sites are referred to; the 2022 sites are written once.
    expect(doc.versions.map((v: { layers: unknown }) => v.layers)).toEqual([
      { hamlets: '@hamlets', sites: expect.stringMatching(/^L\d+-[0-9a-f]{16}$/) },
      { hamlets: '@hamlets', sites: doc.versions[0].layers.sites },
      { hamlets: '@hamlets', sites: '@sites' },
    ]);
    expect(Object.keys(doc.versionLayers)).toEqual([doc.versions[0].layers.sites]);
    expect(text.length).toBeLessThan(JSON.stringify(p).length + JSON.stringify(sites2022).length + 2000);

    const { project } = parseProject(text, 'du-an.json');
    expect(project.versions.map((v) => [v.id, v.date, v.label, v.group])).toEqual([
      ['v1', '2022-12', 'Cuối 2022', 'g'],
      ['v2', '2024-12', undefined, 'g'],
      ['v3', '2026-06', undefined, 'g'],
    ]);
    expect(project.versions[1]?.settings).toEqual({ fibreServiceRadiusM: 700 });
    expect(project.versions[0]?.layers.sites).toEqual(sites2022);
    expect(project.versions[2]?.layers.sites).toEqual(p.layers.sites);
    // A shared layer is validated once and is one object for every version that has it.
    expect(project.versions[0]?.layers.sites).toBe(project.versions[1]?.layers.sites);
    expect(project.versions[0]?.layers.hamlets).toBe(project.layers.hamlets);
  });

  it('refuses damaged versions, naming the version and what is wrong', async () => {
    const p = await sampleProject();
    const base = JSON.parse(serializeProject(p));
    const version = { id: 'v1', date: '2024-12', group: 'g', settings: {}, layers: { hamlets: '@hamlets' } };
    const cases: [unknown, unknown, RegExp][] = [
      [[{ ...version, date: '12/2024' }], {}, /versions\[0\] \(12\/2024\) has no date as YYYY-MM/],
      [
        [version, { ...version, date: '2025-06' }],
        {},
        /versions\[1\] \(2025-06\) has the id "v1" of an earlier version/,
      ],
      [
        [{ ...version, layers: { sites: 'L1-00' } }],
        {},
        /versions\[0\] \(2024-12\) refers to a "sites" layer "L1-00" that "versionLayers" does not hold/,
      ],
      [[{ ...version, layers: { roads: '@roads' } }], {}, /unknown layer "roads"/],
      [
        [{ ...version, layers: { facilities: '@facilities' } }],
        {},
        /refers to the project's "facilities" layer, which it does not have/,
      ],
      [[{ ...version, layers: {} }], {}, /versions\[0\] \(2024-12\) has no hamlets/],
      [{}, {}, /"versions" that are not a list/],
    ];
    for (const [versions, versionLayers, message] of cases) {
      const text = JSON.stringify({ ...base, versions, versionLayers });
      expect(() => parseProject(text, 'du-an.json'), message.source).toThrow(message);
    }
    const refused = JSON.stringify({
      ...base,
      versions: [{ ...version, settings: { circleSegments: 1e7 } }],
    });
    expect(() => parseProject(refused, 'du-an.json')).toThrow(SettingsRefused);
    expect(() => parseProject(refused, 'du-an.json')).toThrow(
      /du-an\.json › versions\[0\] \(2024-12\): has settings/,
    );
  });
});
