import { readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import { CRS_CHOICES } from '../../../src/data/crs.ts';
import { cliRun } from '../../fixtures/cli/cliRun.ts';
import { tempDir } from '../../fixtures/cli/tempDir.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const TINY = join(ROOT, 'tests/fixtures/cli/tiny');
const IMPORT = join(ROOT, 'tests/fixtures/import');

/** A box from longitude x0 to x1 over the tiny hamlets' rows (latitude 20.29–20.32). */
const unit = (props: Record<string, unknown>, x0: number, x1: number) => ({
  type: 'Feature',
  properties: props,
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [x0, 20.29],
        [x1, 20.29],
        [x1, 20.32],
        [x0, 20.32],
        [x0, 20.29],
      ],
    ],
  },
});

async function unitsFile(dir: string, features: unknown[]): Promise<string> {
  const path = join(dir, 'units.geojson');
  await writeFile(path, JSON.stringify({ type: 'FeatureCollection', features }));
  return path;
}

async function run(units: string, out: string, hamlets = join(TINY, 'hamlets.geojson')) {
  return cliRun(['analyze', '--hamlets', hamlets, '--units', units, '--out', out, '--quiet']);
}

function csv(text: string): Record<string, string>[] {
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const parsed = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

describe('analyze --units', () => {
  // The tiny hamlets are 0.01° boxes side by side from 106.20: TD-01 lies 60/40 in A and B, TD-02 in B,
  // TD-03 just beyond B (about 50 m: the nearest unit), TD-04 over 1 km from any unit.
  const ok = [
    unit({ code: 'A', name: 'Xã An' }, 106.2, 106.206),
    unit({ code: 'B', name: 'Phường Bình' }, 106.206, 106.2195),
  ];

  it('adds the unit to every hamlet, sums by unit and lists split and outside hamlets', async () => {
    const dir = await tempDir('vt-units-');
    const out = join(dir, 'out');
    const r = await run(await unitsFile(dir, ok), out);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/1 hamlet overlaps no unit; .*TD-03 → B \(nearest, \d+ m\)/);
    expect(r.err).toMatch(/1 hamlet lies outside every unit \(unit_code left empty.*\): TD-04 /);

    const ranking = csv(await readFile(join(out, 'ranking.csv'), 'utf8'));
    const byId = new Map(ranking.map((row) => [row.id, row]));
    expect(Object.keys(ranking[0]!).slice(3, 8)).toEqual([
      'commune',
      'district',
      'unit_code',
      'unit_name',
      'unit_overlap_share',
    ]);
    expect([...byId.values()].map((h) => [h.id, h.unit_code, h.unit_name]).sort()).toEqual([
      ['TD-01', 'A', 'Xã An'],
      ['TD-02', 'B', 'Phường Bình'],
      ['TD-03', 'B', 'Phường Bình'],
      ['TD-04', '', ''],
    ]);
    expect(Number(byId.get('TD-01')!.unit_overlap_share)).toBeCloseTo(0.6, 3);
    expect(Number(byId.get('TD-02')!.unit_overlap_share)).toBeCloseTo(0.95, 3);
    expect(byId.get('TD-03')!.unit_overlap_share).toBe('0');

    const geo = JSON.parse(await readFile(join(out, 'hamlets.geojson'), 'utf8')) as {
      features: { properties: Record<string, unknown> }[];
    };
    expect(geo.features.map((f) => [f.properties.id, f.properties.unit_code])).toEqual([
      ['TD-01', 'A'],
      ['TD-02', 'B'],
      ['TD-03', 'B'],
      ['TD-04', null],
    ]);

    const summary = csv(await readFile(join(out, 'summary.csv'), 'utf8'));
    expect(summary.map((s) => [s.level, s.code, s.name, s.hamlets, s.households])).toEqual([
      ['province', '36', 'Nam Định', '4', '660'],
      ['unit', '(unknown)', '(unknown)', '1', '210'],
      ['unit', 'A', 'Xã An', '1', '120'],
      ['unit', 'B', 'Phường Bình', '2', '330'],
    ]);
    const json = JSON.parse(await readFile(join(out, 'summary.json'), 'utf8')) as {
      units: { code: string }[];
      districts: unknown[];
    };
    expect(json.units.map((u) => u.code)).toEqual(['(unknown)', 'A', 'B']);
    expect(json.districts).toEqual([]);

    const splits = csv(await readFile(join(out, 'unit-splits.csv'), 'utf8'));
    expect(splits.map((s) => [s.hamlet_id, s.unit_code, s.share, s.assigned, s.method])).toEqual([
      ['TD-01', 'A', '0.6', 'yes', 'overlap'],
      ['TD-01', 'B', '0.4', 'no', 'overlap'],
      ['TD-03', 'B', '0', 'yes', 'nearest'],
      ['TD-04', '', '0', 'no', 'none'],
    ]);
  });

  it('keeps the commune and district summary without --units', async () => {
    const out = join(await tempDir('vt-units-'), 'out');
    const r = await cliRun(['analyze', '--hamlets', join(TINY, 'hamlets.geojson'), '--out', out, '-q']);
    expect(r.code).toBe(0);
    const summary = csv(await readFile(join(out, 'summary.csv'), 'utf8'));
    expect(summary.map((s) => s.level)).toEqual(['province', 'district', 'commune', 'commune']);
    expect(Object.keys(csv(await readFile(join(out, 'ranking.csv'), 'utf8'))[0]!)).not.toContain('unit_code');
    expect(existsSync(join(out, 'unit-splits.csv'))).toBe(false);
  });

  it('refuses units that overlap each other, naming both and the area', async () => {
    const dir = await tempDir('vt-units-');
    const overlapping = [
      unit({ code: 'A', name: 'Xã An' }, 106.2, 106.21),
      unit({ code: 'B', name: 'Phường Bình' }, 106.205, 106.22),
    ];
    const out = join(dir, 'out');
    const r = await run(await unitsFile(dir, overlapping), out);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /units\.geojson \(--units\): 1 pair of units overlap by more than 0\.1 % of the smaller one/,
    );
    expect(r.err).toMatch(/A Xã An and B Phường Bình: [\d,]+ m² \(50\.0 % of the smaller\)/);
    expect(r.err).toMatch(/What to do: fix the boundaries/);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a unit without a code or without a name, naming the feature', async () => {
    const dir = await tempDir('vt-units-');
    for (const [props, why] of [
      [{ name: 'Xã An' }, /feature 1 \("Xã An"\): has no code\. — Choose which column holds the unit code/],
      [{ code: 'A' }, /feature 1.*: has no name\. — Choose which column holds the unit name/],
    ] as const) {
      const r = await run(await unitsFile(dir, [unit(props, 106.2, 106.21), ok[1]]), join(dir, 'out'));
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/units\.geojson: 1 of the 2 features of the units layer cannot be used:/);
      expect(r.err).toMatch(why);
    }
  });

  it('asks for --crs for units in metres that name no coordinate system, and reprojects with it', async () => {
    const dir = await tempDir('vt-units-');
    const noPrj = await run(join(IMPORT, 'hamlets-vn2000-noprj.zip'), join(dir, 'a'));
    expect(noPrj.code).toBe(1);
    expect(noPrj.err).toMatch(/hamlets-vn2000-noprj\.zip: has no coordinate system/);
    expect(noPrj.err).toMatch(/add --crs CODE/);
    // The same two units in VN-2000 / UTM 48N metres, in a GeoJSON that does not say so.
    const utm = proj4(CRS_CHOICES.find((c) => c.code === 'VN2000-UTM48N')!.proj4, 'WGS84');
    const metres = ok.map((f) => ({
      ...f,
      geometry: {
        type: 'Polygon',
        coordinates: f.geometry.coordinates.map((ring) => ring.map((p) => utm.inverse(p))),
      },
    }));
    const file = await unitsFile(dir, metres);
    const refused = await run(file, join(dir, 'b'));
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/units\.geojson.*coordinate/);
    expect(refused.err).toMatch(/add --crs CODE/);
    // --crs names the system of every file that names none: the hamlets in the same metres.
    const tiny = JSON.parse(await readFile(join(TINY, 'hamlets.geojson'), 'utf8')) as {
      features: { geometry: { coordinates: number[][][] } }[];
    };
    for (const f of tiny.features)
      f.geometry.coordinates = f.geometry.coordinates.map((ring) => ring.map((p) => utm.inverse(p)));
    const hamlets = join(dir, 'hamlets.geojson');
    await writeFile(hamlets, JSON.stringify(tiny));
    const out = join(dir, 'c');
    const r = await cliRun([
      'analyze',
      '--hamlets',
      hamlets,
      '--units',
      file,
      '--crs',
      'VN2000-UTM48N',
      '--out',
      out,
      '-q',
    ]);
    expect(r.err).not.toMatch(/error/);
    expect(r.code).toBe(0);
    const ranking = csv(await readFile(join(out, 'ranking.csv'), 'utf8'));
    expect(ranking.map((h) => [h.id, h.unit_code]).sort()).toEqual([
      ['TD-01', 'A'],
      ['TD-02', 'B'],
      ['TD-03', 'B'],
      ['TD-04', ''],
    ]);
  });
});
