import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../fixtures/cli/tempDir.ts';
import { main } from '../../../src/cli/main.ts';

const TINY = resolve(import.meta.dirname, '../../fixtures/cli/tiny');

function buffers(): { io: Parameters<typeof main>[1] & object; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    io: { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) } },
    out: () => out,
    err: () => err,
  };
}

async function tinyRun(extra: string[]): Promise<{ code: number; dir: string; err: string }> {
  const dir = join(await tempDir('vt-main-'), 'out');
  const b = buffers();
  const code = await main(
    [
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
      dir,
      ...extra,
    ],
    b.io,
  );
  return { code, dir, err: b.err() };
}

async function ranking(dir: string): Promise<Record<string, string>[]> {
  const text = await readFile(join(dir, 'ranking.csv'), 'utf8');
  return Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true }).data;
}

describe('main', () => {
  it('lists the commands for --help and exits 0; with no command exits 64', async () => {
    const b = buffers();
    expect(await main(['--help'], b.io)).toBe(0);
    expect(b.out()).toMatch(/Commands:\n {2}analyze/);
    const c = buffers();
    expect(await main([], c.io)).toBe(64);
    expect(c.err()).toMatch(/Usage: vungtrang <command>/);
  });

  it('names an unknown command', async () => {
    const b = buffers();
    expect(await main(['rank'], b.io)).toBe(64);
    expect(b.err()).toBe(
      'error: vungtrang: unknown command "rank". Commands: analyze, suggest. Run "vungtrang --help".\n',
    );
  });

  it('requires --hamlets and --out', async () => {
    const b = buffers();
    expect(await main(['analyze', '--hamlets', 'h.geojson'], b.io)).toBe(64);
    expect(b.err()).toMatch(/--out DIR required/);
  });

  it('reports progress and a summary line on stderr', async () => {
    const r = await tinyRun([]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/Analysed 4 hamlets in \d+ ms: 1 unserved, 2 partial, 1 served; 3 ranked/);
    expect(r.err).toMatch(/100%/);
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
    const b = buffers();
    expect(await main(['analyze', '--hamlets', path, '--out', join(dir, 'out')], b.io)).toBe(1);
    expect(b.err()).toContain(`error: ${path}: none of its 1 features is a usable hamlets feature`);
    expect(b.err()).toMatch(/warning: .*"Xóm A".*point/);
    expect(await readdir(dir)).toEqual(['hamlets.geojson']);
  });
});
