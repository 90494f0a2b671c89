import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { FORMAT_INPUTS } from '../fixtures/cli/inputs.ts';
import { tempDir } from '../fixtures/cli/tempDir.ts';

// The CLI as a user gets it: `npm pack` (which builds the bundle through `prepare`), then
// `npm install --omit=dev` of the tarball in an empty folder, then `npx vungtrang`.
const ROOT = resolve(import.meta.dirname, '../..');
const GEODATA = join(ROOT, 'geodata');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const NPX = process.platform === 'win32' ? 'npx.cmd' : 'npx';

function run(cmd: string, args: string[], opts: SpawnSyncOptions) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 300_000, ...opts });
  return { code: r.status, stdout: String(r.stdout), stderr: String(r.stderr) };
}

interface PackResult {
  filename: string;
  size: number;
  unpackedSize: number;
  files: { path: string }[];
}

let pack: PackResult;
let app = '';
const vungtrang = (args: string[]) =>
  run(NPX, ['--no', '--', 'vungtrang', ...args], { cwd: app, env: { ...process.env, VUNGTRANG_DEBUG: '' } });

beforeAll(async () => {
  const dest = await tempDir('vt-pack-');
  const packed = run(NPM, ['pack', '--json', '--pack-destination', dest], { cwd: ROOT });
  expect(packed.stderr).not.toMatch(/npm error/);
  expect(packed.code).toBe(0);
  // prepare's own output comes first on stdout; the JSON report is the last thing printed.
  pack = (JSON.parse(packed.stdout.slice(packed.stdout.search(/^\[/m))) as PackResult[])[0] as PackResult;
  app = await tempDir('vt-install-');
  await writeFile(join(app, 'package.json'), JSON.stringify({ name: 'vt-install-test', private: true }));
  const installed = run(
    NPM,
    ['install', '--omit=dev', '--no-audit', '--no-fund', '--no-package-lock', join(dest, pack.filename)],
    { cwd: app },
  );
  expect(installed.stderr).not.toMatch(/npm error/);
  expect(installed.code).toBe(0);
}, 300_000);

describe('the packed CLI, installed with --omit=dev', () => {
  it('ships only the bundle, its licences, the README, the licence and package.json', () => {
    expect(pack.files.map((f) => f.path).sort()).toEqual([
      'LICENSE',
      'README.md',
      'dist-cli/THIRD-PARTY-LICENSES.txt',
      'dist-cli/vungtrang.mjs',
      'package.json',
    ]);
    expect(pack.unpackedSize).toBeLessThan(2_000_000);
  });

  it('installs no other package: the bundle is self-contained', async () => {
    const modules = (await readdir(join(app, 'node_modules'))).filter((n) => !n.startsWith('.'));
    expect(modules).toEqual(['vungtrang']);
  });

  it('runs `npx vungtrang --help`', () => {
    const r = vungtrang(['--help']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Vùng Trắng — rural broadband gaps per hamlet/);
  });

  it('analyses the shipped sample; the outputs add up to the input', async () => {
    const out = join(app, 'nam-dinh');
    const layer = (n: string): string[] =>
      existsSync(join(GEODATA, `${n}.geojson`)) ? [`--${n}`, join(GEODATA, `${n}.geojson`)] : [];
    const r = vungtrang([
      'analyze',
      ...layer('hamlets'),
      ...layer('fibre'),
      ...layer('sites'),
      ...layer('facilities'),
      ...(existsSync(join(GEODATA, 'province.geojson'))
        ? ['--province', join(GEODATA, 'province.geojson')]
        : []),
      '--out',
      out,
    ]);
    expect(r.stderr).not.toMatch(/^\s+at |^error/m);
    expect(r.code).toBe(0);
    const input = JSON.parse(await readFile(join(GEODATA, 'hamlets.geojson'), 'utf8')) as {
      features: { properties: { households: number } }[];
    };
    const households = input.features.reduce((a, f) => a + f.properties.households, 0);
    expect(r.stderr).toMatch(new RegExp(`Analysed ${input.features.length} hamlets in \\d+ ms`));

    const ranking = await readFile(join(out, 'ranking.csv'), 'utf8');
    const rows = Papa.parse<Record<string, string>>(ranking.slice(1), { header: true, skipEmptyLines: true });
    expect(rows.errors).toEqual([]);
    expect(rows.data).toHaveLength(input.features.length);
    const hamlets = JSON.parse(await readFile(join(out, 'hamlets.geojson'), 'utf8'));
    expect(hamlets.features).toHaveLength(input.features.length);

    const summary = JSON.parse(await readFile(join(out, 'summary.json'), 'utf8'));
    const sum = (xs: { households: number }[]): number => xs.reduce((a, x) => a + x.households, 0);
    expect(summary.province.households).toBe(households);
    expect(sum(summary.districts)).toBeCloseTo(households, 3);
    expect(sum(summary.communes)).toBeCloseTo(households, 3);
    const st = summary.province.hamletsByStatus;
    expect(st.served + st.partial + st.unserved).toBe(input.features.length);
    expect(rows.data.filter((x) => x.rank !== '')).toHaveLength(st.partial + st.unserved);
  });

  it('reads a Shapefile zip, a CSV and a KML without any installed library', async () => {
    const out = join(app, 'formats');
    const r = vungtrang(['analyze', ...FORMAT_INPUTS, '--out', out, '--quiet']);
    expect(r.stderr).not.toMatch(/^error/m);
    expect(r.code).toBe(0);
    expect(await readFile(join(out, 'ranking.csv'), 'utf8')).toContain('Tổ dân phố Số 3');
  });
});
