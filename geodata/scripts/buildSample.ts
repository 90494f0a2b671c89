import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AnalysisResult } from '../../src/analysis/types.ts';
import type { Feature, FeatureCollection, LineString, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import Papa from 'papaparse';
import { type CommuneFeature, readCommunes } from './communes.ts';
import { cleanPolygonal } from './geom.ts';
import { analyze } from '../../src/analysis/analyze.ts';
import { unitSplitsCsv } from '../../src/analysis/exports.ts';
import { assignUnits, splitHamlets, type UnitAssignment } from '../../src/analysis/units.ts';
import type { SyntheticFacility } from './facilities.ts';
import type { SyntheticFibre } from './fibre.ts';
import { type Sample, generateSample } from './generate.ts';
import type { SyntheticHamlet } from './hamlets.ts';
import { type Measured, POINT_COLUMNS, TILE_COLUMNS, csvText, makeMeasured } from './measured.ts';
import type { SyntheticSite } from './sites.ts';
import { CURRENT_VERSION } from './versions.ts';
import { SYNTHETIC_NOTE, featureCollectionText } from './writeGeoJson.ts';
import { makeUnits2025, type UnitFeature } from './units2025.ts';

/** Census day, 1 April 2019: the seed of the shipped sample. */
export const SAMPLE_SEED = 20190401;

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sources = join(root, 'sources', 'nam-dinh');

function readJson<T = FeatureCollection>(file: string): T {
  const path = join(sources, file);
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch (e) {
    throw new Error(`${path}: cannot read it as JSON (${(e as Error).message}); restore it from git.`);
  }
}

/** Households and population per 2019 census commune code. */
function readCensus(): Map<string, { households: number; population: number }> {
  const file = join(sources, 'nam-dinh-census2019-communes.csv');
  const rows = Papa.parse<Record<string, string>>(readFileSync(file, 'utf8'), {
    header: true,
    skipEmptyLines: true,
  });
  const out = new Map<string, { households: number; population: number }>();
  for (const r of rows.data) {
    const households = Number(r.households);
    const population = Number(r.pop_total);
    if (!r.code_2019 || !Number.isInteger(households) || !Number.isInteger(population)) {
      throw new Error(`${file}: row ${JSON.stringify(r)} lacks code_2019, households or pop_total.`);
    }
    out.set(r.code_2019, { households, population });
  }
  return out;
}

/**
 * The 226 communes of 2020–2024 with households and population summed from the 2019 census rows of the
 * communes they were merged from, checked against the figures carried in the boundary file.
 */
function loadCommunes(): CommuneFeature[] {
  const file = 'nam-dinh-communes-226.geojson';
  const fc = readJson(file);
  const census = readCensus();
  for (const f of fc.features) {
    const p = f.properties ?? {};
    const codes = new Set<string>([String(p.code), ...((p.merged_from_2019 as string[] | undefined) ?? [])]);
    let households = 0;
    let population = 0;
    for (const code of codes) {
      const row = census.get(code);
      if (!row)
        throw new Error(
          `${file}: ${p.name} (${p.code}) refers to census commune ${code}, which the CSV lacks.`,
        );
      households += row.households;
      population += row.population;
    }
    if (p.households_2019 !== undefined && p.households_2019 !== households) {
      throw new Error(
        `${file}: ${p.name} carries ${p.households_2019} households but the census rows add up to ${households}.`,
      );
    }
    f.properties = { ...p, households, population };
  }
  return readCommunes(fc, file);
}

function polygonal(f: Feature, file: string): Polygon | MultiPolygon {
  const g = f.geometry;
  if (g?.type !== 'Polygon' && g?.type !== 'MultiPolygon') {
    throw new Error(
      `${file}: ${String(f.properties?.name)} has a ${g?.type ?? 'missing'} geometry; it must be a (Multi)Polygon.`,
    );
  }
  return cleanPolygonal(g);
}

function sum<T>(items: readonly T[], f: (t: T) => number): number {
  return items.reduce((s, t) => s + f(t), 0);
}

/** Everything `npm run geodata` writes, as text by path under geodata/, with what it was made from. */
export interface BuiltSample {
  /** Path under geodata/ → exact file text. */
  files: Map<string, string>;
  sample: Sample;
  /** The files as read back (coordinates at 6 decimals), by path. */
  layers: Map<string, FeatureCollection>;
  /** The engine on every network version, oldest first; the last is the latest (geodata/ itself). */
  runs: { date: string; folder: string; result: AnalysisResult }[];
  measured: Measured;
  /** The hamlets' 2025 units (`unit-splits.csv` lists the split ones). */
  units: UnitAssignment;
}

/**
 * Builds the whole shipped sample from geodata/sources/ in memory: the layers, the earlier network versions,
 * the engine's run on each version and the measured files made against the latest run, and the manifest.
 * Deterministic: the same sources give the same text.
 * @example const { files } = buildSample(); files.get('sites.geojson')
 */
export function buildSample(): BuiltSample {
  const communes = loadCommunes();
  const roads = readJson('nam-dinh-roads-national.geojson').features as Feature<
    LineString | MultiLineString
  >[];
  const sample = generateSample({ communes, roads, seed: SAMPLE_SEED });

  const province = readJson('nam-dinh-province.geojson').features.map((f) => ({
    type: 'Feature' as const,
    geometry: polygonal(f, 'nam-dinh-province.geojson'),
    properties: {
      code: String(f.properties?.code),
      name: String(f.properties?.name),
      type: 'Tỉnh',
      households: sum(communes, (c) => c.properties.households),
      population: sum(communes, (c) => c.properties.population),
    },
  }));
  const districts = readJson('nam-dinh-districts.geojson').features.map((f) => {
    const code = String(f.properties?.code);
    const members = communes.filter((c) => c.properties.district_code === code);
    return {
      type: 'Feature' as const,
      geometry: polygonal(f, 'nam-dinh-districts.geojson'),
      properties: {
        code,
        name: String(f.properties?.name),
        type: String(f.properties?.type ?? ''),
        households: sum(members, (c) => c.properties.households),
        population: sum(members, (c) => c.properties.population),
      },
    };
  });

  const communes226 = readJson('nam-dinh-communes-226.geojson').features;
  const units = makeUnits2025(
    readJson('nam-dinh-wards-2025.geojson'),
    readJson('nam-dinh-admin-history.json'),
    communes226,
  );

  const synthetic = { illustrative: true, note: SYNTHETIC_NOTE };
  const files = new Map<string, string>();
  const layers = new Map<string, FeatureCollection>();
  // Everything after the layers reads them back as written (coordinates at 6 decimals), as the app does.
  const put = (path: string, text: string): { bytes: number } => {
    files.set(path, text);
    if (path.endsWith('.geojson')) layers.set(path, JSON.parse(text) as FeatureCollection);
    return { bytes: Buffer.byteLength(text) };
  };
  const layer = <T extends Feature>(path: string) =>
    layers.get(path) as FeatureCollection<T['geometry'], T['properties']>;
  const top = (
    [
      ['province.geojson', province, {}],
      ['districts.geojson', districts, {}],
      ['communes.geojson', sample.communes, {}],
      ['units.geojson', units, {}],
      ['hamlets.geojson', sample.hamlets, synthetic],
      ['fibre.geojson', sample.fibre, synthetic],
      ['sites.geojson', sample.sites, synthetic],
      ['facilities.geojson', sample.facilities, synthetic],
    ] as [string, Feature[], Record<string, unknown>][]
  ).map(([name, features, members]) => ({
    file: name,
    features: features.length,
    ...put(name, featureCollectionText(features, members)),
    synthetic: Object.keys(members).length > 0,
  }));
  for (const v of sample.versions) {
    const members = { ...synthetic, version: v.date };
    put(`versions/${v.date}/sites.geojson`, featureCollectionText(v.sites, members));
    put(`versions/${v.date}/fibre.geojson`, featureCollectionText(v.fibre, members));
  }
  const inFolder = (folder: string, file: string) => (folder === '.' ? file : `${folder}/${file}`);

  // The engine on every version; hamlets and facilities are the same in all.
  const hamlets = layer<SyntheticHamlet>('hamlets.geojson');
  // Each hamlet in the 2025 unit holding most of it, as the app and the CLI assign them.
  const assignment = assignUnits(hamlets, layer<UnitFeature>('units.geojson'));
  const unplaced = assignment.hamlets.filter((h) => h.method === 'none');
  if (unplaced.length > 0)
    throw new Error(
      `units.geojson: ${unplaced.length} hamlets get no unit: ${unplaced.map((h) => h.id).join(', ')}`,
    );
  const splitsText = unitSplitsCsv(assignment);
  const runs = [
    ...sample.versions.map((v) => ({ date: v.date, folder: `versions/${v.date}` })),
    { date: CURRENT_VERSION, folder: '.' },
  ].map((v) => ({
    ...v,
    result: analyze({
      hamlets,
      fibre: layer<SyntheticFibre>(inFolder(v.folder, 'fibre.geojson')),
      sites: layer<SyntheticSite>(inFolder(v.folder, 'sites.geojson')),
      facilities: layer<SyntheticFacility>('facilities.geojson'),
    }),
  }));
  const latest = runs[runs.length - 1] as (typeof runs)[number];

  const measured = makeMeasured({
    ctx: sample.context,
    hamlets: hamlets.features,
    sites: layer<SyntheticSite>('sites.geojson').features,
    fibre: layer<SyntheticFibre>('fibre.geojson').features,
    engine: latest.result.hamlets,
    seed: SAMPLE_SEED,
  });
  const csv = (file: string, kind: string, period: string, rows: number, text: string) => ({
    file,
    kind,
    period,
    rows,
    ...put(file, text),
    synthetic: true,
  });
  const measuredFiles = [
    csv(
      'measured/mobile-tiles.csv',
      'mobile',
      '2026-01/2026-03',
      measured.mobileTiles.length,
      csvText(measured.mobileTiles, TILE_COLUMNS),
    ),
    csv(
      'measured/fixed-tiles.csv',
      'fixed',
      '2026-01/2026-03',
      measured.fixedTiles.length,
      csvText(measured.fixedTiles, TILE_COLUMNS),
    ),
    csv(
      'measured/speedtest-points.csv',
      'points',
      '2026-01/2026-05',
      measured.points.length,
      csvText(measured.points, POINT_COLUMNS),
    ),
  ];

  // How often the unit of largest overlap is the one the GSO crosswalk gives the hamlet's commune.
  const to2025 = new Map(communes226.map((c) => [String(c.properties?.code), c.properties?.codes_2025_07]));
  const communeOf = new Map(hamlets.features.map((h) => [h.properties.id, h.properties.commune_code]));
  const agree = assignment.hamlets.filter((h) =>
    (to2025.get(String(communeOf.get(h.id))) as string[] | undefined)?.includes(h.code),
  ).length;
  const splits = {
    file: 'unit-splits.csv',
    hamlets: splitHamlets(assignment).length,
    agreeWithCrosswalk: agree,
    byCrosswalk: assignment.hamlets.filter((h) => h.method === 'crosswalk').length,
    byNearest: assignment.hamlets.filter((h) => h.method === 'nearest').length,
    rows: splitsText.split('\r\n').length - 2,
    ...put('unit-splits.csv', splitsText),
  };

  const manifest = {
    name: 'Nam Định sample (2020–2024 boundaries; the communes and wards of 1 July 2025)',
    seed: SAMPLE_SEED,
    date: CURRENT_VERSION,
    note: 'Hamlets, fibre, sites and facilities are synthetic (illustrative)',
    generator: 'npm run geodata (geodata/scripts/build-geodata.ts)',
    sources: 'geodata/SOURCES.md',
    files: top,
    versions: runs.map((v) => ({
      date: v.date,
      folder: v.folder,
      files: ['sites.geojson', 'fibre.geojson'].map((file) => {
        const path = inFolder(v.folder, file);
        return {
          file,
          features: layer(path).features.length,
          bytes: Buffer.byteLength(files.get(path) ?? ''),
        };
      }),
    })),
    versionsNote:
      'Each version folder holds sites.geojson and fibre.geojson: the same ids at the same positions in every version; hamlets, facilities and boundaries are the ones in geodata/. The files in geodata/ itself are the latest version.',
    unitSplits: splits,
    unitSplitsNote:
      'Hamlets lying in more than one 2025 unit (another unit holds at least 1 % of them), one row per unit with its share, and the hamlets that overlap no unit with the unit the crosswalk gives them; see geodata/SOURCES.md.',
    measured: measuredFiles,
    measuredNote:
      'Illustrative speed tests (not real measurements), consistent with the synthetic network plus noise and a few planted contradictions; see geodata/measured/README.md.',
  };
  files.set('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
  return { files, sample, layers, runs, measured, units: assignment };
}
