import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../fixtures/cli/tempDir.ts';
import { RANKING_CSV_HEADER } from '../../../src/analysis/exports.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const TINY = join(ROOT, 'tests/fixtures/cli/tiny');

/** Runs the real executable, as a user would: `node bin/vungtrang.mjs …`. */
function cli(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/vungtrang.mjs'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 280_000,
    env: { ...process.env, VUNGTRANG_DEBUG: '' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function csvRows(text: string): Record<string, string>[] {
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const parsed = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  expect(parsed.meta.fields).toEqual([...RANKING_CSV_HEADER]);
  return parsed.data;
}

describe('vungtrang analyze (spawned)', () => {
  it('analyses the tiny fixture and writes every output', async () => {
    const parent = await tempDir('vt-cli-');
    const out = join(parent, 'result');
    const r = cli([
      'analyze',
      '--hamlets',
      join(TINY, 'hamlets.geojson'),
      '--fibre',
      join(TINY, 'fibre.geojson'),
      '--sites',
      join(TINY, 'sites.geojson'),
      '--facilities',
      join(TINY, 'facilities.geojson'),
      '--out',
      out,
    ]);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(r.code).toBe(0);
    expect((await readdir(out)).sort()).toEqual([
      'hamlets.geojson',
      'ranking.csv',
      'summary.csv',
      'summary.json',
      'weak-zones.geojson',
      'white-zones.geojson',
    ]);
    expect(await readdir(parent)).toEqual(['result']);

    const rows = csvRows(await readFile(join(out, 'ranking.csv'), 'utf8'));
    expect(rows.map((x) => x.id).sort()).toEqual(['TD-01', 'TD-02', 'TD-03', 'TD-04']);
    const d = rows.find((x) => x.id === 'TD-04')!;
    expect(d.name).toBe('Xóm "Bãi Ngang", cũ');
    expect(d.status).toBe('unserved');
    expect(d.rank).toBe('1');
    for (const row of rows) expect(row.status === 'served').toBe(row.rank === '');

    const hamlets = JSON.parse(await readFile(join(out, 'hamlets.geojson'), 'utf8'));
    expect(hamlets.features).toHaveLength(4);
    expect(hamlets.features[0].properties).toMatchObject({ ma_thon: 'MT1', province: 'Nam Định' });
    const white = JSON.parse(await readFile(join(out, 'white-zones.geojson'), 'utf8'));
    expect(
      white.features.map((f: { properties: { hamlet_id: string } }) => f.properties.hamlet_id),
    ).toContain('TD-04');

    const summary = JSON.parse(await readFile(join(out, 'summary.json'), 'utf8'));
    expect(summary.province).toMatchObject({ code: '36', name: 'Nam Định', hamlets: 4, households: 660 });
    expect(summary.communes.map((c: { code: string }) => c.code)).toEqual(['XA01', 'XA02']);
  });

  it('fails on a broken file with one message naming it, and leaves no output', async () => {
    const parent = await tempDir('vt-cli-');
    const out = join(parent, 'result');
    const r = cli(['analyze', '--hamlets', join(TINY, 'broken-hamlets.geojson'), '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: .*broken-hamlets\.geojson: .*JSON/m);
    expect(r.stderr).not.toMatch(/bug/);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(out)).toBe(false);
    expect(await readdir(parent)).toEqual([]);
  });

  it('names a missing file', async () => {
    const parent = await tempDir('vt-cli-');
    const r = cli(['analyze', '--hamlets', join(parent, 'nope.geojson'), '--out', join(parent, 'o')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/nope\.geojson \(the hamlets layer\) does not exist/);
  });

  it('rejects an unknown flag with exit 64', () => {
    const r = cli(['analyze', '--hamlets', 'x.geojson', '--radius', '5', '--out', 'o']);
    expect(r.code).toBe(64);
    expect(r.stderr).toMatch(/unknown flag --radius/);
  });

  it('prints usage for --help', () => {
    const r = cli(['analyze', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Usage: vungtrang analyze --hamlets FILE/);
    expect(r.stdout).toMatch(/--fibre-radius METRES/);
  });
});

const IMPORT = join(ROOT, 'tests/fixtures/import');
describe('vungtrang analyze on other formats (src/data fixtures)', () => {
  it('reads a VN-2000 Shapefile zip, a CSV of sites and a KML, with Vietnamese names intact', async () => {
    const out = join(await tempDir('vt-cli-'), 'out');
    const r = cli([
      'analyze',
      '--hamlets',
      join(IMPORT, 'hamlets-vn2000-utf8.zip'),
      '--sites',
      join(IMPORT, 'sites.csv'),
      '--facilities',
      join(IMPORT, 'facilities.kml'),
      '--out',
      out,
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning: .*hamlets-vn2000-utf8\.zip: VN-2000 datum/);
    expect(r.stderr).toMatch(/warning: .*sites\.csv: skipped 1 of 5 features/);
    const rows = csvRows(await readFile(join(out, 'ranking.csv'), 'utf8'));
    expect(rows.map((x) => x.name)).toContain('Tổ dân phố Số 3');
  });

  it('asks for --crs when a Shapefile has no .prj', async () => {
    const out = join(await tempDir('vt-cli-'), 'out');
    const r = cli(['analyze', '--hamlets', join(IMPORT, 'hamlets-vn2000-noprj.zip'), '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/hamlets-vn2000-noprj\.zip: has no coordinate system/);
    expect(r.stderr).toMatch(/add --crs CODE, e\.g\. --crs VN2000-TM3-105\.5/);
    expect(existsSync(out)).toBe(false);
  });
});

const SHIPPED = join(ROOT, 'geodata/hamlets.geojson');
describe.skipIf(!existsSync(SHIPPED))('vungtrang analyze on the shipped Nam Định sample', () => {
  it('runs on geodata/ and its roll-ups add up', async () => {
    const parent = await tempDir('vt-cli-');
    const out = join(parent, 'nam-dinh');
    const layer = (n: string): string[] => {
      const p = join(ROOT, 'geodata', `${n}.geojson`);
      return existsSync(p) ? [`--${n}`, p] : [];
    };
    const r = cli([
      'analyze',
      '--hamlets',
      SHIPPED,
      ...layer('fibre'),
      ...layer('sites'),
      ...layer('facilities'),
      ...(existsSync(join(ROOT, 'geodata/province.geojson'))
        ? ['--province', join(ROOT, 'geodata/province.geojson')]
        : []),
      '--out',
      out,
    ]);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(r.code).toBe(0);
    const input = JSON.parse(await readFile(SHIPPED, 'utf8'));
    const rows = csvRows(await readFile(join(out, 'ranking.csv'), 'utf8'));
    expect(rows).toHaveLength(input.features.length);
    const summary = JSON.parse(await readFile(join(out, 'summary.json'), 'utf8'));
    const sum = (xs: { households: number }[]): number => xs.reduce((a, x) => a + x.households, 0);
    expect(sum(summary.districts)).toBeCloseTo(summary.province.households, 3);
    expect(sum(summary.communes)).toBeCloseTo(summary.province.households, 3);
    expect(summary.province.households).toBe(570_901);
  }, 300_000); // a whole province, on a shared 2-core machine
});
