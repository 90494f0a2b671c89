import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analysis/analyze.ts';
import { fibreShapes, siteShapes } from '../../../src/analysis/coverageShapes.ts';
import { TILE_SIZE_M } from '../../../src/analysis/engine.ts';
import {
  hamletsGeoJson,
  RANKING_CSV_HEADER,
  SUMMARY_CSV_HEADER,
  zonesGeoJson,
} from '../../../src/analysis/exports.ts';
import { SCALE } from '../../../src/analysis/geometry/clip.ts';
import { createLocalProjection } from '../../../src/analysis/geometry/projection.ts';
import { scenarioDelta } from '../../../src/analysis/scenarioDelta.ts';
import { scenarioToCsv } from '../../../src/analysis/scenarioIo.ts';
import { DEFAULT_SETTINGS, PRESETS } from '../../../src/analysis/settings.ts';
import type { FibreFeature, SiteFeature } from '../../../src/analysis/types.ts';
import { OUTPUT_FILES } from '../../../src/cli/analyzeCommand.ts';
import { EXIT_USAGE } from '../../../src/cli/errors.ts';
import { SCENARIO_OUTPUT_FILES } from '../../../src/cli/scenario.ts';
import { CRS_CHOICES, MAX_FILE_BYTES, MAX_UNZIPPED_BYTES, PROJECT_VERSION } from '../../../src/data/index.ts';
import { DISTRICT_PICK_ZOOM } from '../../../src/map/areaPick.ts';
import { PRINT_PIXEL_RATIO, PRINT_SIZES } from '../../../src/map/snapshotLayout.ts';
import { SETTINGS_KEY } from '../../../src/store/persist/kvStore.ts';
import { DATA_KEY } from '../../../src/store/persist/persist.ts';
import { encodeView, LINK_VERSION } from '../../../src/store/share/codec.ts';
import { DEFAULT_VIEW } from '../../../src/store/slices/viewSlice.ts';
import { fromBase64Url } from '../../../src/store/share/base64url.ts';
import { sampleRun } from '../../fixtures/sampleRun.ts';
import { hamlet, layersOf, site } from '../analysis/helpers.ts';

/**
 * The numbers and names the README and docs/ state, checked against the code and the sample. Each claim is
 * found by the sentence around it: when a sentence is reworded, this test says which one to update here.
 */
const ROOT = join(import.meta.dirname, '../../..');
const text = (path: string): string => readFileSync(join(ROOT, path), 'utf8');
const README = text('README.md');
const DATA_MODEL = text('docs/DATA-MODEL.md');
const ARCHITECTURE = text('docs/ARCHITECTURE.md');

/** The groups of `re` in `doc`; fails naming the claim when the sentence is gone. */
function claim(doc: string, name: string, re: RegExp): string[] {
  const m = re.exec(doc);
  if (!m) throw new Error(`${name}: no text matches ${re}; update the document or this test.`);
  return m.slice(1).map((g) => g ?? '');
}

/** "1,166" → 1166. */
const num = (s: string): number => Number(s.replace(/[,\s]/g, ''));

/** `actual` written with as many decimals as the document uses for it. */
function expectWritten(documented: string, actual: number, what: string): void {
  const decimals = documented.split('.')[1]?.length ?? 0;
  expect(actual.toFixed(decimals), what).toBe(documented);
}

/** Backticked names in a span of text: "`a`, `b`" or "`a, b`". */
function backticked(span: string): string[] {
  return [...span.matchAll(/`([^`]+)`/g)].flatMap((m) => (m[1] ?? '').split(/,\s*/)).map((s) => s.trim());
}

describe('numbers in the README and docs/ match the code', () => {
  const proj = createLocalProjection(106.2, 20.3);
  const radiusM = 5000;
  const centre = proj.forward(106.2, 20.3).map((v) => v * SCALE) as [number, number];
  const node: FibreFeature = {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [106.2, 20.3] },
    properties: { kind: 'access' },
  };
  const tower: SiteFeature = {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [106.2, 20.3] },
    properties: { tech: '4G', radius_m: radiusM },
  };
  const settings = { ...DEFAULT_SETTINGS, fibreServiceRadiusM: radiusM };
  const discPath = siteShapes(tower, 's', proj, settings).shapes[0]?.paths()[0] ?? [];
  const fibrePath = fibreShapes(node, 'f', proj, settings).shapes[0]?.paths()[0] ?? [];
  /** How far vertices (outside) and edge midpoints (inside) lie from the true circle, in % of the radius. */
  const strays = (path: { x: number; y: number }[]): { out: number; in: number } => {
    const r = radiusM * proj.scaleAt(106.2, 20.3) * SCALE;
    const d = (x: number, y: number): number => Math.hypot(x - centre[0], y - centre[1]) / r - 1;
    const out = Math.max(...path.map((p) => d(p.x, p.y)));
    const mids = path.map((p, i) => {
      const q = path[(i + 1) % path.length] as { x: number; y: number };
      return d((p.x + q.x) / 2, (p.y + q.y) / 2);
    });
    return { out: 100 * out, in: -100 * Math.min(...mids) };
  };

  it('circle segments: 64 on discs, 32 on fibre', () => {
    expect(discPath).toHaveLength(DEFAULT_SETTINGS.circleSegments);
    const [disc, fibre] = claim(
      README,
      'README segments',
      /Site discs have (\d+) segments per full circle and fibre\s+buffers (\d+)/,
    );
    expect(num(disc as string)).toBe(discPath.length);
    expect(num(fibre as string)).toBe(fibrePath.length);
    const [dm, dmFibre] = claim(
      DATA_MODEL,
      'DATA-MODEL §3 segments',
      /per full circle \(default \*\*(\d+)\*\*\)[\s\S]*?use half as many, at least 16: \*\*(\d+)\*\* by\s+default/,
    );
    expect(num(dm as string)).toBe(discPath.length);
    expect(num(dmFibre as string)).toBe(fibrePath.length);
    const [cell] = claim(DATA_MODEL, 'DATA-MODEL §12 circleSegments', /\| `circleSegments` \| (\d+) \|/);
    expect(num(cell as string)).toBe(DEFAULT_SETTINGS.circleSegments);
  });

  it('how far polygon vertices stray from the true circle', () => {
    const disc = strays(discPath);
    const fibre = strays(fibrePath);
    const [rDisc, rFibre] = claim(
      README,
      'README vertex strays',
      /vertices within ([\d.]+) % of\s+the radius on discs, ([\d.]+) % on fibre buffers/,
    );
    expectWritten(rDisc as string, disc.out, 'README: disc vertices');
    expectWritten(rFibre as string, fibre.out, 'README: fibre vertices');
    const [out64, in64, out32, in32] = claim(
      DATA_MODEL,
      'DATA-MODEL §3 vertex strays',
      /Vertices then lie\s+([\d.]+) % outside the true circle and edge midpoints ([\d.]+) % inside it at 64 segments; at 32 segments\s+\(fibre\) ([\d.]+) % outside and ([\d.]+) % inside/,
    );
    expectWritten(out64 as string, disc.out, 'DATA-MODEL: disc vertices');
    expectWritten(in64 as string, disc.in, 'DATA-MODEL: disc edge midpoints');
    expectWritten(out32 as string, fibre.out, 'DATA-MODEL: fibre vertices');
    expectWritten(in32 as string, fibre.in, 'DATA-MODEL: fibre edge midpoints');
  });

  it('the default beam width of a sector', () => {
    const sector = siteShapes(
      { ...tower, properties: { ...tower.properties, azimuths: '0' } },
      's',
      proj,
      settings,
    ).shapes[0]?.paths()[0];
    const angles = (sector ?? [])
      .filter((p) => Math.hypot(p.x - centre[0], p.y - centre[1]) > 1000)
      .map((p) => (Math.atan2(p.y - centre[1], p.x - centre[0]) * 180) / Math.PI);
    const width = Math.max(...angles) - Math.min(...angles);
    const [documented] = claim(
      DATA_MODEL,
      'DATA-MODEL §1 beamwidth',
      /\*\*`beamwidth`\*\* is degrees, (\d+) when absent/,
    );
    expect(width).toBeCloseTo(num(documented as string), 2);
  });

  it('coverage, status and tile defaults', () => {
    expect(
      num(claim(README, 'README fibre reach', /Fibre serves within (\d+) m of access routes/)[0] as string),
    ).toBe(DEFAULT_SETTINGS.fibreServiceRadiusM);
    const [served, unserved] = claim(
      README,
      'README status thresholds',
      /A hamlet is served when ≥ (\d+) % of its households[\s\S]*?unserved when ≤ (\d+) % do/,
    );
    expect(num(served as string) / 100).toBe(DEFAULT_SETTINGS.thresholds.served);
    expect(num(unserved as string) / 100).toBe(DEFAULT_SETTINGS.thresholds.unserved);
    const [appServed, appUnserved] = claim(
      README,
      'README map legend',
      /served \(≥ (\d+) % of households[\s\S]*?unserved \(≤ (\d+) %\)/,
    );
    expect(num(appServed as string) / 100).toBe(DEFAULT_SETTINGS.thresholds.served);
    expect(num(appUnserved as string) / 100).toBe(DEFAULT_SETTINGS.thresholds.unserved);
    expect(num(claim(README, 'README tiles', /grouped into (\d+) km tiles/)[0] as string) * 1000).toBe(
      TILE_SIZE_M,
    );
    expect(
      num(claim(README, 'README pick zoom', /picks the district\s+\(below zoom (\d+)\)/)[0] as string),
    ).toBe(DISTRICT_PICK_ZOOM);
    expect(num(claim(README, 'README CLI fibre radius', /`--fibre-radius (\d+)`/)[0] as string)).toBe(
      DEFAULT_SETTINGS.fibreServiceRadiusM,
    );
    const [dpi] = claim(README, 'README PNG sizes', /screen, A4 or A3 at (\d+) dpi/);
    expect(num(dpi as string) / 96).toBe(PRINT_PIXEL_RATIO);
    expect(Object.keys(PRINT_SIZES).sort()).toEqual(['a3', 'a4']);
  });

  it('the settings table of DATA-MODEL §12 and the radii of §2', () => {
    const row = (name: string): string =>
      claim(
        DATA_MODEL,
        `DATA-MODEL §12 ${name}`,
        new RegExp(`\\| \`${name.replace('.', '\\.')}\` \\| ([^|]+) \\|`),
      )[0] as string;
    expect(num(row('fibreServiceRadiusM'))).toBe(DEFAULT_SETTINGS.fibreServiceRadiusM);
    const radii = (s: string): Record<string, number> =>
      Object.fromEntries([...s.matchAll(/([2-5]G) ([\d,]+)/g)].map((m) => [m[1], num(m[2] as string)]));
    expect(radii(row('defaultRadiusM'))).toEqual(DEFAULT_SETTINGS.defaultRadiusM);
    const [section2] = claim(
      DATA_MODEL,
      'DATA-MODEL §2 radii',
      /default radius of the site's technologies in that\s+group: ([^.]+)\./,
    );
    expect(radii((section2 as string).replace(/ m\b/g, ''))).toEqual(DEFAULT_SETTINGS.defaultRadiusM);
    const pair = (s: string): number[] => s.split('/').map(num);
    const t = DEFAULT_SETTINGS.thresholds;
    expect(pair(row('thresholds.served` / `.unserved'))).toEqual([t.served, t.unserved]);
    expect(pair(row('thresholds.noFibre` / `.noMbb'))).toEqual([t.noFibre, t.noMbb]);
    expect(row('preset')).toBe(`\`${DEFAULT_SETTINGS.preset}\``);
    const c = DEFAULT_SETTINGS.cost;
    expect(num(row('cost.fibrePerKmVnd'))).toBe(c.fibrePerKmVnd);
    expect(num(row('cost.dropPerHouseholdVnd'))).toBe(c.dropPerHouseholdVnd);
    expect(num(row('cost.siteVnd'))).toBe(c.siteVnd);
    expect(num(row('cost.newSiteRadiusM'))).toBe(c.newSiteRadiusM);
    const [fibre, drop, newSite, reach] = claim(
      DATA_MODEL,
      'DATA-MODEL §8 unit costs',
      /fibre ([\d,]+) per km, a drop ([\d,]+) per\s+household, a new site ([\d,]+), a new site's reach ([\d,]+) m/,
    );
    expect([fibre, drop, newSite, reach].map((s) => num(s as string))).toEqual([
      c.fibrePerKmVnd,
      c.dropPerHouseholdVnd,
      c.siteVnd,
      c.newSiteRadiusM,
    ]);
    const [served, unserved, noFibre] = claim(
      DATA_MODEL,
      'DATA-MODEL §5 thresholds',
      /s ≥ `served` \(([\d.]+)\)[\s\S]*?s ≤ `unserved` \(([\d.]+)\)[\s\S]*?fibre share ≤ `noFibre` \(([\d.]+)\)/,
    );
    expect([served, unserved, noFibre].map((s) => num(s as string))).toEqual([
      t.served,
      t.unserved,
      t.noFibre,
    ]);
  });

  it('the ranking presets of DATA-MODEL §7', () => {
    for (const name of ['equity', 'commercial'] as const) {
      const [cells] = claim(
        DATA_MODEL,
        `DATA-MODEL §7 ${name}`,
        new RegExp(`\\| \`${name}\` \\([^)]*\\) \\|([^\\n]+)\\|`),
      );
      const w = PRESETS[name];
      expect((cells as string).split('|').map(num), name).toEqual([
        w.uncoveredHouseholds,
        w.uncoveredShare,
        w.facilities,
        w.costPerHousehold,
      ]);
    }
  });

  it('import limits, coordinate systems, format versions and exit codes', () => {
    const [file, unzipped] = claim(
      DATA_MODEL,
      'DATA-MODEL §1 limits',
      /Files over (\d+) MB, or zips\s+unpacking to over (\d+) MB/,
    );
    expect(num(file as string) * 1024 * 1024).toBe(MAX_FILE_BYTES);
    expect(num(unzipped as string) * 1024 * 1024).toBe(MAX_UNZIPPED_BYTES);
    const meridians = CRS_CHOICES.flatMap((c) => /^VN2000-TM3-([\d.]+)$/.exec(c.code)?.[1] ?? []).map(Number);
    const [from, to, step] = claim(
      DATA_MODEL,
      'DATA-MODEL §1 TM-3 zones',
      /central meridians from (\d+)° to (\d+)° in steps of (\d+)′/,
    );
    expect([Math.min(...meridians), Math.max(...meridians)]).toEqual([
      num(from as string),
      num(to as string),
    ]);
    expect((meridians[1] as number) - (meridians[0] as number)).toBe(num(step as string) / 60);
    expect(num(claim(DATA_MODEL, 'DATA-MODEL §11 link', /### Share link, version (\d+)/)[0] as string)).toBe(
      LINK_VERSION,
    );
    expect(
      num(claim(DATA_MODEL, 'DATA-MODEL §11 project', /### Project file, version (\d+)/)[0] as string),
    ).toBe(PROJECT_VERSION);
    expect(
      num(claim(README, 'README project file', /a project file \(`\.json`, `version: (\d+)`\)/)[0] as string),
    ).toBe(PROJECT_VERSION);
    expect(DATA_MODEL).toContain(`\`${DATA_KEY}\``);
    expect(DATA_MODEL).toContain(`\`${SETTINGS_KEY}\``);
    const [usage] = claim(DATA_MODEL, 'DATA-MODEL §10 exit codes', /(\d+) usage error/);
    expect(num(usage as string)).toBe(EXIT_USAGE);
  });

  it('the share link orders of DATA-MODEL §11', () => {
    const payload = (view: typeof DEFAULT_VIEW): Record<string, unknown> => {
      const s = new URLSearchParams(encodeView(view).split('#')[0]).get('s') ?? '';
      return JSON.parse(fromBase64Url(s.replace(/^v\d+\./, ''))) as Record<string, unknown>;
    };
    const [layers] = claim(DATA_MODEL, 'DATA-MODEL §11 layer bits', /bit order `([^`]+)`/);
    (layers as string).split(', ').forEach((id, bit) => {
      expect(payload({ ...DEFAULT_VIEW, layers: [id as (typeof DEFAULT_VIEW.layers)[number]] }).l, id).toBe(
        1 << bit,
      );
    });
    const [colours] = claim(DATA_MODEL, 'DATA-MODEL §11 colouring', /hamlet colouring: index into `([^`]+)`/);
    (colours as string).split(', ').forEach((by, i) => {
      expect(payload({ ...DEFAULT_VIEW, colourBy: by as typeof DEFAULT_VIEW.colourBy }).c, by).toBe(i);
    });
  });
});

describe('the outputs documented match what the code writes', () => {
  const layers = layersOf({
    hamlets: [hamlet('a', 0, 0, 500), hamlet('b', 4000, 0, 500)],
    sites: [site('s1', 0, 0, { tech: '4G', radius_m: 700 })],
  });
  const result = analyze(layers);

  it('the CLI writes the files the docs list', () => {
    const [files] = claim(
      DATA_MODEL,
      'DATA-MODEL §10 analyze',
      /### `vungtrang analyze`\n\nWrites (\w+) files/,
    );
    expect(files).toBe(['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven'][OUTPUT_FILES.length]);
    for (const f of [...OUTPUT_FILES, ...SCENARIO_OUTPUT_FILES])
      expect(DATA_MODEL, f).toContain(`**\`${f}\`**`);
    for (const f of OUTPUT_FILES) expect(README, f).toContain(`\`${f}\``);
  });

  it('hamlets.geojson fields', () => {
    const added = Object.keys(hamletsGeoJson(result, layers.hamlets).features[0]?.properties ?? {}).filter(
      (k) => !(k in (layers.hamlets.features[0]?.properties ?? {})) || k === 'households',
    );
    const [readme] = claim(
      README,
      'README hamlets.geojson',
      /every input hamlet with its properties plus `([^`]+)`/,
    );
    expect(backticked(`\`${readme}\``).sort()).toEqual(added.sort());
    const [dm] = claim(
      DATA_MODEL,
      'DATA-MODEL §10 hamlets.geojson',
      /\*\*`hamlets\.geojson`\*\*: every input hamlet with its own properties, plus ([\s\S]*?)\n- \*\*/,
    );
    const names = backticked(dm as string).filter((n) => /^[a-z_0-9]+$/.test(n) && n !== 'null');
    expect(names.sort()).toEqual(added.sort());
  });

  it('zone, ranking, summary, proposals and delta fields', () => {
    const zone = Object.keys(zonesGeoJson(result, 'white').features[0]?.properties ?? {});
    const [zoneDoc] = claim(
      DATA_MODEL,
      'DATA-MODEL §10 zones',
      /one feature per hamlet that has such a zone, with\s+([\s\S]*?) \(in that zone\)/,
    );
    expect(
      backticked(zoneDoc as string)
        .filter((n) => n !== 'white' && n !== 'weak')
        .sort(),
    ).toEqual(zone.sort());
    const header = (name: string): string[] =>
      backticked(
        claim(
          DATA_MODEL,
          `DATA-MODEL §10 ${name}`,
          // The first list of names in backticks after the file's name.
          new RegExp(`${name.replace('.', '\\.')}\`[^\`]*?(\`[^\`]*,[^\`]*\`)`),
        )[0] as string,
      );
    expect(header('ranking.csv')).toEqual([...RANKING_CSV_HEADER]);
    expect(header('summary.csv')).toEqual([...SUMMARY_CSV_HEADER]);
    const proposals = scenarioToCsv({ id: 'x', name: 'x', edits: [] }, DEFAULT_SETTINGS)
      .replace('\uFEFF', '')
      .split('\r\n')[0];
    expect(header('proposals.csv').join(',')).toBe(proposals);
    const delta = scenarioDelta(result, result, { id: 'x', name: 'x', edits: [] }, DEFAULT_SETTINGS);
    const [deltaDoc] = claim(
      DATA_MODEL,
      'DATA-MODEL §10 delta.json',
      /delta of §9: ([\s\S]*?)\), and the scenario/,
    );
    expect(backticked(deltaDoc as string).sort()).toEqual(Object.keys(delta).sort());
    const [summaryDoc] = claim(
      DATA_MODEL,
      'DATA-MODEL §10 summary.json',
      /\*\*`summary\.json`\*\*: ([\s\S]*?)\n- \*\*/,
    );
    const summaryKeys = backticked(summaryDoc as string).filter((n) => /^[a-zA-Z]+$/.test(n));
    expect(summaryKeys.sort()).toEqual(Object.keys(result.summary).sort());
  });
});

describe('the shipped sample as the README describes it', () => {
  const geodata = join(ROOT, 'geodata');
  const manifest = JSON.parse(text('geodata/manifest.json')) as {
    seed: number;
    files: { file: string; features: number }[];
  };
  const count = (file: string): number =>
    manifest.files.find((f) => f.file === `${file}.geojson`)?.features ?? NaN;
  const read = (name: string): FeatureCollection =>
    JSON.parse(readFileSync(join(geodata, `${name}.geojson`), 'utf8')) as FeatureCollection;

  it('feature counts, households and seed', () => {
    const row = (layer: string): number[] =>
      (claim(README, `README sample ${layer}`, new RegExp(`\\n\\| ${layer} \\| ([\\d, ]+) \\|`))[0] as string)
        .split(', ')
        .map(num);
    expect(row('province, districts, communes')).toEqual([
      count('province'),
      count('districts'),
      count('communes'),
    ]);
    for (const layer of ['hamlets', 'fibre', 'sites', 'facilities'])
      expect(row(layer), layer).toEqual([count(layer)]);
    const [hamlets, sites, fibre] = claim(
      README,
      'README speed data',
      /on the shipped sample \(([\d,]+) hamlets, ([\d,]+) sites, ([\d,]+) fibre features\)/,
    );
    expect([hamlets, sites, fibre].map((s) => num(s as string))).toEqual([
      count('hamlets'),
      count('sites'),
      count('fibre'),
    ]);
    expect(num(claim(README, 'README 16×', /16× the province \(([\d,]+) hamlets\)/)[0] as string)).toBe(
      16 * count('hamlets'),
    );
    expect(num(claim(README, 'README seed', /seed (\d+)\)/)[0] as string)).toBe(manifest.seed);
    const [districts, communes] = claim(
      DATA_MODEL,
      'DATA-MODEL §13',
      /The province, (\d+)\s+districts and (\d+) communes are real/,
    );
    expect([num(districts as string), num(communes as string)]).toEqual([
      count('districts'),
      count('communes'),
    ]);

    const households = read('hamlets').features.map((f) => Number(f.properties?.households));
    const [census] = claim(README, 'README census households', /2019 census households \(([\d,]+)\)/);
    expect(households.reduce((a, b) => a + b, 0)).toBe(num(census as string));
    expect(read('province').features[0]?.properties?.households).toBe(num(census as string));
    const [min, max] = claim(README, 'README households per hamlet', /(\d+)–(\d+) households each/);
    expect(Math.min(...households)).toBeGreaterThanOrEqual(num(min as string));
    expect(Math.max(...households)).toBeLessThanOrEqual(num(max as string));
  });

  it('its size, raw and gzipped as the build writes it', () => {
    let raw = 0;
    let gz = 0;
    for (const f of readdirSync(geodata).filter((n) => n.endsWith('.geojson'))) {
      const bytes = readFileSync(join(geodata, f));
      raw += bytes.length;
      gz += gzipSync(bytes, { level: 9 }).length;
    }
    const [rawMb, gzMb] = claim(
      README,
      'README sample size',
      /the sample is ([\d.]+) MB raw and ([\d.]+) MB gzipped/,
    );
    expectWritten(rawMb as string, raw / 1e6, 'raw MB');
    expectWritten(gzMb as string, gz / 1e6, 'gzipped MB');
  });

  it('the share of unserved and partial hamlets at the default settings', () => {
    const st = sampleRun().result.summary.province.hamletsByStatus;
    const n = st.served + st.partial + st.unserved;
    const [unserved, partial] = claim(
      README,
      'README gaps',
      /about (\d+) % of hamlets come out unserved and (\d+) % partial/,
    );
    expect(Math.round((100 * st.unserved) / n)).toBe(num(unserved as string));
    expect(Math.round((100 * st.partial) / n)).toBe(num(partial as string));
  });
});

describe('references in the docs lead somewhere', () => {
  const sections = new Set([...DATA_MODEL.matchAll(/^## (\d+)\. /gm)].map((m) => m[1]));
  const sources = (dir: string): string[] =>
    readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && /\.(ts|tsx|md)$/.test(e.name))
      .map((e) => join(e.parentPath, e.name));

  it('every "DATA-MODEL §n" cited in src/, tests/ and the docs is a section of docs/DATA-MODEL.md', () => {
    const files = [...sources('src'), ...sources('tests'), join(ROOT, 'README.md'), ...sources('docs')];
    for (const file of files) {
      const body = readFileSync(file, 'utf8');
      expect(body, file).not.toMatch(/design\/DATA-MODEL/);
      for (const m of body.matchAll(/DATA-MODEL(?:\.md\))?(?:\.md)? §(\d+)/g)) {
        expect(sections.has(m[1] as string), `${file} cites §${m[1]}`).toBe(true);
      }
    }
  });

  it('every file that docs/ARCHITECTURE.md names exists', () => {
    const files = ['src', 'tests', 'tools']
      .flatMap((dir) => readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true }))
      .concat(readdirSync(ROOT, { withFileTypes: true }))
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name).slice(ROOT.length));
    const named = [...ARCHITECTURE.matchAll(/`([\w./-]+\.(?:ts|tsx|mjs|css))`/g)].map((m) => m[1] as string);
    expect(named.length).toBeGreaterThan(30);
    for (const p of named)
      expect(
        files.some((f) => f.endsWith(`/${p}`)),
        p,
      ).toBe(true);
  });
});
