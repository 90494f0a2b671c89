import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Feature, FeatureCollection, LineString, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import Papa from 'papaparse';
import { type CommuneFeature, readCommunes } from './communes.ts';
import { approximateGaps } from './gapCheck.ts';
import { cleanPolygonal } from './geom.ts';
import { generateSample } from './generate.ts';
import { verifyWithEngine } from './verifyWithEngine.ts';
import { SYNTHETIC_NOTE, featureCollectionText } from './writeGeoJson.ts';

/** Census day, 1 April 2019: the seed of the shipped sample. */
const SAMPLE_SEED = 20190401;

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sources = join(root, 'sources', 'nam-dinh');

function readJson(file: string): FeatureCollection {
  const path = join(sources, file);
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as FeatureCollection;
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

function main(): void {
  const started = Date.now();
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

  const synthetic = { illustrative: true, note: SYNTHETIC_NOTE };
  const files: [string, Feature[], Record<string, unknown>][] = [
    ['province.geojson', province, {}],
    ['districts.geojson', districts, {}],
    ['communes.geojson', sample.communes, {}],
    ['hamlets.geojson', sample.hamlets, synthetic],
    ['fibre.geojson', sample.fibre, synthetic],
    ['sites.geojson', sample.sites, synthetic],
    ['facilities.geojson', sample.facilities, synthetic],
  ];
  const manifest = {
    name: 'Nam Định sample (2020–2024 boundaries)',
    seed: SAMPLE_SEED,
    note: 'Hamlets, fibre, sites and facilities are synthetic (illustrative)',
    generator: 'npm run geodata (geodata/scripts/build-geodata.ts)',
    sources: 'geodata/SOURCES.md',
    files: files.map(([name, features]) => {
      writeFileSync(join(root, name), featureCollectionText(features, files.find((f) => f[0] === name)?.[2]));
      return {
        file: name,
        features: features.length,
        bytes: statSync(join(root, name)).size,
        synthetic: name !== 'province.geojson' && name !== 'districts.geojson' && name !== 'communes.geojson',
      };
    }),
  };
  writeFileSync(join(root, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);

  const gaps = approximateGaps(sample.hamlets, sample.fibre, sample.sites);
  const pct = (n: number) => `${((100 * n) / gaps.hamlets).toFixed(1)} %`;
  for (const f of manifest.files)
    console.log(
      `${f.file.padEnd(20)} ${String(f.features).padStart(5)} features ${(f.bytes / 1e6).toFixed(2)} MB`,
    );
  console.log(
    `approximate check: served ${pct(gaps.served)}, partial ${pct(gaps.partial)}, unserved ${pct(gaps.unserved)} ` +
      `(white ${pct(gaps.unservedWhite)}), no fibre ${pct(gaps.noFibre)}, no MBB ${pct(gaps.noMbb)}`,
  );
  console.log('unserved by district:', gaps.unservedByDistrict);
  console.log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (process.argv.includes('--verify')) verifyWithEngine(sample);
}

main();
