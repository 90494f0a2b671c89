import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import proj4 from 'proj4';
import { area } from '@turf/area';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { analyze } from '../../../src/analysis/analyze.ts';
import type { AnalysisResult, HamletCoverage, InputLayers } from '../../../src/analysis/types.ts';

const ROOT = join(import.meta.dirname, '../../fixtures/coverage');
const TM = '+proj=tmerc +lat_0=20.2 +lon_0=106.2 +k=1 +x_0=0 +y_0=0 +ellps=WGS84 +units=m +no_defs';
const ll = (x: number, y: number): [number, number] => proj4(TM, 'WGS84', [x, y]) as [number, number];

/** Split a fixture's single FeatureCollection into layers by each feature's `layer` property. */
function loadCase(name: string): InputLayers {
  const fc = JSON.parse(readFileSync(join(ROOT, name, 'in.geojson'), 'utf8')) as FeatureCollection;
  const layers: Record<string, Feature[]> = {};
  for (const f of fc.features) (layers[String(f.properties?.layer)] ??= []).push(f);
  const collection = (k: string) =>
    layers[k] ? { type: 'FeatureCollection', features: layers[k] } : undefined;
  return {
    hamlets: collection('hamlets'),
    sites: collection('sites'),
    fibre: collection('fibre'),
    coverage: collection('coverage'),
    facilities: collection('facilities'),
    households: collection('households'),
  } as InputLayers;
}

const STATUS_FILL = { served: '#1a9641', partial: '#ffffbf', unserved: '#d7191c' } as const;
const r1 = (v: number): number => Math.round(v * 10) / 10;

/** What is written to out.geojson: hamlets coloured by status, then their white and weak zones. */
function goldenOf(layers: InputLayers, result: AnalysisResult): FeatureCollection & { warnings: string[] } {
  const features: Feature[] = [];
  for (const h of result.hamlets) {
    const input = layers.hamlets.features.find((f) => f.properties.id === h.id) as Feature;
    features.push({
      type: 'Feature',
      geometry: input.geometry,
      properties: {
        id: h.id,
        status: h.status,
        flags: h.flags,
        areaM2: r1(h.areaM2),
        classAreaM2: Object.fromEntries(Object.entries(h.classAreaM2).map(([k, v]) => [k, r1(v)])),
        households: h.households,
        broadbandShare: Math.round(h.broadbandShare * 1e4) / 1e4,
        distanceToFibreM: h.distanceToFibreM === null ? null : r1(h.distanceToFibreM),
        distanceToMbbSiteM: h.distanceToMbbSiteM === null ? null : r1(h.distanceToMbbSiteM),
        fill: STATUS_FILL[h.status],
        'fill-opacity': 0.3,
      },
    });
    const zone = (g: Geometry | null, kind: string, fill: string): void => {
      if (g)
        features.push({
          type: 'Feature',
          geometry: g,
          properties: { hamlet: h.id, zone: kind, fill, 'fill-opacity': 0.7 },
        });
    };
    zone(h.whiteZone, 'white', '#7b3294');
    zone(h.weakZone, 'weak', '#fdae61');
  }
  return { type: 'FeatureCollection', features, warnings: result.warnings };
}

const cases = readdirSync(ROOT).filter((d) => existsSync(join(ROOT, d, 'in.geojson')));

describe('golden coverage fixtures', () => {
  it.each(cases)('%s matches out.geojson', (name) => {
    const layers = loadCase(name);
    const golden = goldenOf(layers, analyze(layers));
    const outPath = join(ROOT, name, 'out.geojson');
    // REGEN=1 writes the goldens; otherwise a case without one fails rather than passing on its own output.
    if (process.env.REGEN === '1') writeFileSync(outPath, JSON.stringify(golden, null, 1) + '\n');
    if (!existsSync(outPath)) {
      throw new Error(
        `${name}/out.geojson is missing: run REGEN=1 npx vitest run tests/unit/analysis/golden.test.ts, ` +
          'then check the written geometry by hand (geojson.io) before committing it.',
      );
    }
    expect(golden).toEqual(JSON.parse(readFileSync(outPath, 'utf8')));
  });
});

function run(name: string): { result: AnalysisResult; h: (id?: string) => HamletCoverage } {
  const result = analyze(loadCase(name));
  return { result, h: (id = 'h') => result.hamlets.find((x) => x.id === id) as HamletCoverage };
}

/** Relative closeness for hand-computed areas: within 0.1 % (the ellipsoid promise). */
function near(actual: number, expected: number, rel = 1e-3): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.max(Math.abs(expected), 1));
}

describe('hand-checked areas (m², shapes drawn in metres; 64 circle segments on an equal-area radius)', () => {
  it('fully covered: a 1 km square inside a 3 km disc is all MBB and served', () => {
    const h = run('fully-covered').h();
    near(h.areaM2, 1e6);
    near(h.classAreaM2.mbb, 1e6);
    expect(h.classAreaM2.white).toBe(0);
    expect(h.status).toBe('served');
    expect(h.whiteZone).toBeNull();
  });

  it('fully white: a site 20 km east is 19.5 km from the square', () => {
    const h = run('fully-white').h();
    near(h.classAreaM2.white, 1e6);
    expect(h.status).toBe('unserved');
    near(h.distanceToMbbSiteM as number, 19500);
    near(area(h.whiteZone as Geometry), 1e6, 6e-3); // turf is spherical: only roughly equal
  });

  it('half by one disc: a disc centred on the east edge covers πr²/2', () => {
    const h = run('half-disc').h();
    near(h.classAreaM2.mbb, (Math.PI * 1e6) / 2);
    near(h.classAreaM2.white, 4e6 - (Math.PI * 1e6) / 2);
    expect(Math.abs(h.mbbShare - Math.PI / 8)).toBeLessThan(0.005);
    expect(h.status).toBe('partial');
  });

  it('many overlapping discs: the union is two discs minus their lens; a 2G disc makes the rest weak', () => {
    const r = 600;
    const d = 600;
    const lens = 2 * r * r * Math.acos(d / (2 * r)) - (d / 2) * Math.sqrt(4 * r * r - d * d);
    const union = 2 * Math.PI * r * r - lens;
    const h = run('overlapping-discs').h();
    near(h.classAreaM2.mbb, union);
    near(h.classAreaM2.weak, 4e6 - union);
    expect(h.classAreaM2.white).toBeLessThan(1);
    expect(Math.abs(h.broadbandShare - union / 4e6)).toBeLessThan(0.005);
  });

  it('MultiPolygon with a hole: the hole is not counted, the far part is white', () => {
    const h = run('multipolygon-hole').h();
    near(h.areaM2, 4e6);
    near(h.classAreaM2.mbb, Math.PI * 1e6 - 1e6);
    near(h.classAreaM2.white, 4e6 - (Math.PI * 1e6 - 1e6));
    expect(h.whiteZone?.type).toBe('MultiPolygon');
  });

  it('fibre only: a 1 km route buffered 500 m is 1000×1000 + π·500²', () => {
    const h = run('fibre-only').h();
    near(h.classAreaM2.fibre, 1e6 + Math.PI * 250000);
    expect(h.classAreaM2.mbb + h.classAreaM2['fibre+mbb']).toBe(0);
    expect(h.distanceToFibreM).toBe(0);
    expect(h.flags).toEqual({ noFibre: false, noMbb: true });
  });

  it('legacy only: 2G/3G with the default 6 km radius makes the whole hamlet weak (vùng lõm)', () => {
    const h = run('legacy-only').h();
    near(h.classAreaM2.weak, 1e6);
    expect(h.status).toBe('unserved');
    expect(h.whiteZone).toBeNull();
    near(area(h.weakZone as Geometry), 1e6, 6e-3);
    expect(h.distanceToMbbSiteM).toBeNull();
  });

  it('sector: a 90° beam facing east covers a quarter disc, on the east side', () => {
    const h = run('sector').h();
    near(h.classAreaM2.mbb, (Math.PI * 1e6) / 4);
    const white = h.whiteZone as Geometry & { type: 'Polygon' | 'MultiPolygon' };
    expect(booleanPointInPolygon(ll(600, 0), white)).toBe(false);
    expect(booleanPointInPolygon(ll(-600, 0), white)).toBe(true);
    expect(booleanPointInPolygon(ll(0, 600), white)).toBe(true);
  });

  it('coverage edge: a hamlet touching a coverage polygon gets none of it; one straddling gets half', () => {
    const { h } = run('coverage-edge');
    expect(h('edge').classAreaM2.mbb).toBeLessThan(0.01);
    near(h('edge').classAreaM2.white, 1e6);
    near(h('straddle').classAreaM2.mbb, 5e5);
    near(h('straddle').classAreaM2.white, 5e5);
  });

  it('degenerate slivers: a spike and duplicate vertices change nothing; a bow-tie is repaired with a warning', () => {
    const { result, h } = run('degenerate-slivers');
    near(h('spike').areaM2, 1e6);
    near(h('spike').classAreaM2.white, 1e6);
    near(h('bowtie').areaM2, 5e5);
    expect(result.warnings.some((w) => w.includes('"bowtie"') && w.includes('repaired'))).toBe(true);
    expect(result.warnings.some((w) => w.includes('"spike"'))).toBe(false);
    expect(result.warnings.some((w) => w.includes('"zero-width"'))).toBe(true);
  });

  it('the five classes always add up to the hamlet area', () => {
    for (const name of cases) {
      for (const h of analyze(loadCase(name)).hamlets) {
        const sum = Object.values(h.classAreaM2).reduce((a, b) => a + b, 0);
        expect(Math.abs(sum - h.areaM2)).toBeLessThan(1e-6 * h.areaM2 + 1e-6);
      }
    }
  });
});
