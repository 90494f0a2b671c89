import { readdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { RANKING_CSV_HEADER } from '../../../src/analysis/exports.ts';
import { EXIT_CODES_HELP } from '../../../src/cli/errors.ts';
import { cliRun } from '../../fixtures/cli/cliRun.ts';
import { ANALYZE_OUTPUTS, FORMAT_INPUTS } from '../../fixtures/cli/inputs.ts';
import { tempDir } from '../../fixtures/cli/tempDir.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const TINY = join(ROOT, 'tests/fixtures/cli/tiny');
const IMPORT = join(ROOT, 'tests/fixtures/import');

async function tinyRun(extra: string[]): Promise<{ code: number; dir: string; err: string }> {
  const dir = join(await tempDir('vt-main-'), 'out');
  const layers = ['hamlets', 'fibre', 'sites', 'facilities'].flatMap((n) => [
    `--${n}`,
    join(TINY, `${n}.geojson`),
  ]);
  const { code, err } = await cliRun(['analyze', ...layers, '--out', dir, ...extra]);
  return { code, dir, err };
}

async function ranking(dir: string): Promise<Record<string, string>[]> {
  const text = await readFile(join(dir, 'ranking.csv'), 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const parsed = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  expect(parsed.meta.fields).toEqual([...RANKING_CSV_HEADER]);
  return parsed.data;
}

describe('main', () => {
  it('lists the commands and the exit codes for --help and exits 0; with no command exits 64', async () => {
    const help = await cliRun(['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/Commands:\n {2}analyze/);
    expect(help.out).toContain(EXIT_CODES_HELP);
    const none = await cliRun([]);
    expect(none.code).toBe(64);
    expect(none.err).toMatch(/Usage: vungtrang <command>/);
  });

  it("prints a command's usage and exit codes for --help", async () => {
    for (const command of ['analyze', 'suggest']) {
      const r = await cliRun([command, '--help']);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(new RegExp(`^Usage: vungtrang ${command} --hamlets FILE`));
      expect(r.out).toMatch(/--fibre-radius METRES/);
      expect(r.out).toContain(EXIT_CODES_HELP);
    }
  });

  it("the README's command-line section lists the same exit codes as --help", async () => {
    const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(
      readme.indexOf('## Command line'),
      readme.indexOf('\n## ', readme.indexOf('## Command line') + 1),
    );
    const codes = (text: string): string[] =>
      [...text.matchAll(/^\s*(?:\| )?`?(\d+)`?\s/gm)].map((m) => m[1] as string);
    expect(codes(section)).toEqual(codes(EXIT_CODES_HELP));
  });

  it('names an unknown command, an unknown flag and a missing --out (exit 64)', async () => {
    const rank = await cliRun(['rank']);
    expect(rank.code).toBe(64);
    expect(rank.err).toBe(
      'error: vungtrang: unknown command "rank". Commands: analyze, suggest, compare. Run "vungtrang --help".\n',
    );
    const flag = await cliRun(['analyze', '--hamlets', 'x.geojson', '--radius', '5', '--out', 'o']);
    expect(flag.code).toBe(64);
    expect(flag.err).toMatch(/unknown flag --radius/);
    const out = await cliRun(['analyze', '--hamlets', 'h.geojson']);
    expect(out.code).toBe(64);
    expect(out.err).toMatch(/--out DIR required/);
  });

  it('refuses a --threads that is not a whole number from 1 to 64, before reading or writing (exit 64)', async () => {
    const parent = await tempDir('vt-main-');
    for (const value of ['0', 'two', '1.5', '65', '-2', '']) {
      const r = await cliRun([
        'analyze',
        '--hamlets',
        join(parent, 'missing.geojson'),
        '--out',
        join(parent, 'o'),
        '--threads',
        value,
      ]);
      expect(r.code, value).toBe(64);
      expect(r.err).toMatch(
        new RegExp(
          `^error: --threads ${value}: give a whole number of threads from 1 to 64, e\\.g\\. --threads 2 `,
        ),
      );
      expect(r.err).not.toMatch(/missing\.geojson/);
    }
    const bare = await cliRun(['analyze', '--hamlets', 'h.geojson', '--out', join(parent, 'o'), '--threads']);
    expect(bare.code).toBe(64);
    expect(bare.err).toMatch(/--threads needs a value \(N\)/);
    expect(await readdir(parent)).toEqual([]);
  });

  it('analyses the tiny fixture: every output, the ranking, the zones and the summary', async () => {
    const r = await tinyRun([]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/Analysed 4 hamlets in \d+ ms: 1 unserved, 2 partial, 1 served; 3 ranked/);
    expect(r.err).toMatch(/100%/);
    // What it is doing, in order: the engine's preparation and the writing say so before they start.
    const steps = ['Reading ', 'Analysing 4 hamlets…', '(100%)', `Writing ${r.dir}/…`, 'Analysed 4'];
    const at = steps.map((s) => r.err.indexOf(s));
    expect(
      at.every((i) => i >= 0),
      r.err,
    ).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect((await readdir(r.dir)).sort()).toEqual(ANALYZE_OUTPUTS);
    expect(await readdir(join(r.dir, '..'))).toEqual(['out']);
    const rows = await ranking(r.dir);
    expect(rows.map((x) => x.id).sort()).toEqual(['TD-01', 'TD-02', 'TD-03', 'TD-04']);
    const d = rows.find((x) => x.id === 'TD-04')!;
    expect(d.name).toBe('Xóm "Bãi Ngang", cũ');
    expect(d.status).toBe('unserved');
    expect(d.rank).toBe('1');
    for (const row of rows) expect(row.status === 'served').toBe(row.rank === '');
    const hamlets = JSON.parse(await readFile(join(r.dir, 'hamlets.geojson'), 'utf8'));
    expect(hamlets.features).toHaveLength(4);
    expect(hamlets.features[0].properties).toMatchObject({ ma_thon: 'MT1', province: 'Nam Định' });
    const white = JSON.parse(await readFile(join(r.dir, 'white-zones.geojson'), 'utf8'));
    expect(
      white.features.map((f: { properties: { hamlet_id: string } }) => f.properties.hamlet_id),
    ).toContain('TD-04');
    const summary = JSON.parse(await readFile(join(r.dir, 'summary.json'), 'utf8'));
    expect(summary.province).toMatchObject({ code: '36', name: 'Nam Định', hamlets: 4, households: 660 });
    expect(summary.communes.map((c: { code: string }) => c.code)).toEqual(['XA01', 'XA02']);
  });

  it('ranks by the chosen weights: cost-only settings put the cheapest per household first', async () => {
    const equity = await tinyRun(['--quiet']);
    expect(equity.err).toBe('');
    const settings = join(equity.dir, '..', 'cost-only.json');
    const weights = { uncoveredHouseholds: 0, uncoveredShare: 0, facilities: 0, costPerHousehold: 1 };
    await writeFile(settings, JSON.stringify({ weights }));
    const cheap = await tinyRun(['--quiet', '--settings', settings]);
    // One hamlet per tier here, so the order cannot change; the scores show the weights arrived.
    const score = async (dir: string): Promise<string | undefined> =>
      (await ranking(dir)).find((r) => r.id === 'TD-01')?.score;
    expect(await score(cheap.dir)).toBe('1');
    expect(await score(equity.dir)).not.toBe('1');
  });

  it('names a missing file, and a broken one, and leaves no output (exit 1)', async () => {
    const parent = await tempDir('vt-main-');
    const missing = await cliRun([
      'analyze',
      '--hamlets',
      join(parent, 'nope.geojson'),
      '--out',
      join(parent, 'o'),
    ]);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/nope\.geojson \(the hamlets layer\) does not exist/);
    const broken = await cliRun([
      'analyze',
      '--hamlets',
      join(TINY, 'broken-hamlets.geojson'),
      '--out',
      join(parent, 'o'),
    ]);
    expect(broken.code).toBe(1);
    expect(broken.err).toMatch(/^error: .*broken-hamlets\.geojson: .*JSON/m);
    expect(await readdir(parent)).toEqual([]);
  });

  it('names the hamlets file when no hamlet feature is usable, and lists why', async () => {
    const dir = await tempDir('vt-main-');
    const path = join(dir, 'hamlets.geojson');
    const point = { type: 'Point', coordinates: [106.2, 20.3] };
    await writeFile(
      path,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [{ type: 'Feature', properties: { id: 'a', name: 'Xóm A' }, geometry: point }],
      }),
    );
    const r = await cliRun(['analyze', '--hamlets', path, '--out', join(dir, 'out')]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`error: ${path}: none of its 1 features is a usable hamlets feature`);
    expect(r.err).toMatch(/warning: .*"Xóm A".*point/);
    expect(await readdir(dir)).toEqual(['hamlets.geojson']);
  });
});

describe('analyze on other formats (src/data fixtures)', () => {
  it('reads a VN-2000 Shapefile zip, a CSV of sites and a KML (xmldom), with Vietnamese names intact', async () => {
    const out = join(await tempDir('vt-main-'), 'out');
    const r = await cliRun(['analyze', ...FORMAT_INPUTS, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/warning: .*hamlets-vn2000-utf8\.zip: VN-2000 datum/);
    expect(r.err).toMatch(/warning: .*sites\.csv: skipped 1 of 5 features/);
    expect(r.err).toMatch(/warning: .*facilities\.kml: repaired 1 features/);
    expect((await ranking(out)).map((x) => x.name)).toContain('Tổ dân phố Số 3');
  });

  it('names a KML that is not well-formed XML (exit 1)', async () => {
    const dir = await tempDir('vt-main-');
    await writeFile(join(dir, 'bad.kml'), '<kml><Placemark><name>A</name></kml>');
    const r = await cliRun([
      'analyze',
      '--hamlets',
      join(TINY, 'hamlets.geojson'),
      '--facilities',
      join(dir, 'bad.kml'),
      '--out',
      join(dir, 'out'),
    ]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^error: .*bad\.kml: is not well-formed XML \(.+\)\.$/m);
  });

  it('asks for --crs when a Shapefile has no .prj', async () => {
    const out = join(await tempDir('vt-main-'), 'out');
    const r = await cliRun(['analyze', '--hamlets', join(IMPORT, 'hamlets-vn2000-noprj.zip'), '--out', out]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/hamlets-vn2000-noprj\.zip: has no coordinate system/);
    expect(r.err).toMatch(/add --crs CODE, e\.g\. --crs VN2000-TM3-105\.5/);
    expect(existsSync(out)).toBe(false);
  });
});
