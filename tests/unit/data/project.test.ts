import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../src/analysis/settings.ts';
import {
  LoadError,
  loadLayer,
  MIGRATIONS,
  parseProject,
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
  };
}

describe('project file', () => {
  it('round-trips layers, settings, scenarios and view', async () => {
    const p = await sampleProject();
    const text = serializeProject(p);
    expect(JSON.parse(text)).toMatchObject({ version: 1 });
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
      ['{"version":2,"layers":{}}', /newer version of Vùng Trắng \(project version 2/],
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
      expect(project.version).toBe(1);
      expect(project.layers).toEqual({});
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
