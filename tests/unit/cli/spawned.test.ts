import { spawnSync } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCliBundle } from '../../fixtures/cli/bundle.ts';
import { tempDir } from '../../fixtures/cli/tempDir.ts';

// The few things only a real process shows: the built bundle runs and exits with the right code.
// Everything else about the commands is tested in-process (main.test.ts).
const TINY = resolve(import.meta.dirname, '../../fixtures/cli/tiny');
let bin = '';
beforeAll(async () => {
  bin = await buildCliBundle();
}, 120_000);

function cli(args: string[], opts: { uid?: number; gid?: number; cwd?: string } = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, VUNGTRANG_DEBUG: '' },
    ...opts,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the vungtrang bundle, spawned', () => {
  it('analyses the tiny fixture, writes every output and exits 0', async () => {
    const out = join(await tempDir('vt-spawn-'), 'result');
    const layer = (n: string) => [`--${n}`, join(TINY, `${n}.geojson`)];
    const r = cli(['analyze', ...layer('hamlets'), ...layer('fibre'), ...layer('sites'), '--out', out]);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/Analysed 4 hamlets in \d+ ms/);
    expect((await readdir(out)).sort()).toEqual([
      'hamlets.geojson',
      'ranking.csv',
      'summary.csv',
      'summary.json',
      'weak-zones.geojson',
      'white-zones.geojson',
    ]);
  });

  it('exits 1 on a broken file with one message naming it, no stack trace and no output', async () => {
    const parent = await tempDir('vt-spawn-');
    const r = cli(['analyze', '--hamlets', join(TINY, 'broken-hamlets.geojson'), '--out', join(parent, 'o')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: .*broken-hamlets\.geojson: .*JSON/m);
    expect(r.stderr).not.toMatch(/bug|^\s+at /m);
    expect(await readdir(parent)).toEqual([]);
  });
});
