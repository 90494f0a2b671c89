import { spawn, spawnSync } from 'node:child_process';
import { existsSync, watch } from 'node:fs';
import { chmod, copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCliBundle } from '../../fixtures/cli/bundle.ts';
import { cliRun } from '../../fixtures/cli/cliRun.ts';
import { coastalPart, MEASURED_FLAGS } from '../../fixtures/cli/coastalPart.ts';
import { ANALYZE_OUTPUTS } from '../../fixtures/cli/inputs.ts';
import { tempDir } from '../../fixtures/cli/tempDir.ts';

// The few things only a real process shows: the built bundle runs, exits with the right code, and
// cleans up on a signal. Everything else about the commands is tested in-process (main.test.ts).
const TINY = resolve(import.meta.dirname, '../../fixtures/cli/tiny');
const SCENARIO = resolve(import.meta.dirname, '../../fixtures/scenario');
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

/**
 * `analyze` started on the tiny hamlets with large properties, written to `dir`: the results are large, so
 * reading and writing take long enough to be interrupted (~0.4 s to write these 32 MB; 1 MB notes left
 * ~60 ms, shorter than a pause of the busy test worker).
 */
async function analyzeLarge(dir: string, out: string, flags: string[]) {
  const fc = JSON.parse(await readFile(join(TINY, 'hamlets.geojson'), 'utf8'));
  for (const f of fc.features) f.properties.note = 'x'.repeat(8_000_000);
  await writeFile(join(dir, 'hamlets.geojson'), JSON.stringify(fc));
  return spawn(process.execPath, [
    bin,
    'analyze',
    '--hamlets',
    join(dir, 'hamlets.geojson'),
    '--out',
    out,
    ...flags,
  ]);
}

describe('the vungtrang bundle, spawned', () => {
  it('analyses the tiny fixture, writes every output and exits 0', async () => {
    const out = join(await tempDir('vt-spawn-'), 'result');
    const layer = (n: string) => [`--${n}`, join(TINY, `${n}.geojson`)];
    const r = cli(['analyze', ...layer('hamlets'), ...layer('fibre'), ...layer('sites'), '--out', out]);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/Analysed 4 hamlets in \d+ ms/);
    expect((await readdir(out)).sort()).toEqual(ANALYZE_OUTPUTS);
  });

  it('writes on 2 threads the same files, byte for byte, and the same warnings as main() on one (measured)', async () => {
    const parent = await tempDir('vt-spawn-');
    const part = await coastalPart(parent);
    const layers = [
      ...Object.entries(part).flatMap(([role, path]) => [`--${role}`, path]),
      ...MEASURED_FLAGS,
    ];
    const args = (threads: string) => [
      'analyze',
      ...layers,
      '--out',
      join(parent, `t${threads}`),
      '--threads',
      threads,
      '-q',
    ];
    // One thread in this process (the same code, unbundled); two threads need the bundle's workers.
    const inProcess = await cliRun(args('1'));
    const runs = [
      { out: join(parent, 't1'), code: inProcess.code, stderr: inProcess.err },
      { out: join(parent, 't2'), ...cli(args('2')) },
    ];
    for (const r of runs) expect(r.code, r.stderr).toBe(0);
    const [one, two] = runs as [(typeof runs)[0], (typeof runs)[0]];
    // The province's speed tests beyond these hamlets are named, on every thread count alike.
    expect(one.stderr).toMatch(/mobile-tiles\.csv: row \d+: lies outside the hamlets/);
    expect(two.stderr).toBe(one.stderr);
    for (const name of [...ANALYZE_OUTPUTS, 'challenges.csv']) {
      const a = await readFile(join(one.out, name));
      expect(a.length).toBeGreaterThan(100);
      expect(a.equals(await readFile(join(two.out, name))), name).toBe(true);
    }
  });

  it('with a scenario, a run on 3 threads writes the result and the delta of one thread', async () => {
    const parent = await tempDir('vt-spawn-');
    const layer = (n: string) => [`--${n}`, join(TINY, `${n}.geojson`)];
    const scenario = ['--scenario', join(SCENARIO, 'proposals.geojson')];
    const outs = ['1', '3'].map((threads) => {
      const out = join(parent, `t${threads}`);
      const r = cli([
        'analyze',
        ...layer('hamlets'),
        ...layer('fibre'),
        ...layer('sites'),
        ...scenario,
        '--out',
        out,
        '--threads',
        threads,
        '-q',
      ]);
      expect(r.code, r.stderr).toBe(0);
      return out;
    });
    const names = await readdir(outs[0] as string);
    expect(names).toContain('delta.json');
    expect(await readdir(outs[1] as string)).toEqual(names);
    for (const name of names) {
      expect(
        (await readFile(join(outs[0] as string, name))).equals(await readFile(join(outs[1] as string, name))),
        name,
      ).toBe(true);
    }
  });

  it('exits 1 on a broken file with one message naming it, no stack trace and no output', async () => {
    const parent = await tempDir('vt-spawn-');
    const r = cli(['analyze', '--hamlets', join(TINY, 'broken-hamlets.geojson'), '--out', join(parent, 'o')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: .*broken-hamlets\.geojson: .*JSON/m);
    expect(r.stderr).not.toMatch(/bug|^\s+at /m);
    expect(await readdir(parent)).toEqual([]);
  });

  it('refuses an --out whose parent it may not write in, before reading anything (exit 73)', async () => {
    const dir = await tempDir('vt-spawn-');
    await chmod(dir, 0o755);
    await copyFile(join(TINY, 'hamlets.geojson'), join(dir, 'hamlets.geojson'));
    await mkdir(join(dir, 'locked'));
    await chmod(join(dir, 'locked'), 0o555);
    // root may write anywhere: run as "nobody" there, so the permission is really missing.
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const out = join(dir, 'locked', 'out');
    const r = cli(['analyze', '--hamlets', join(dir, 'hamlets.geojson'), '--out', out], {
      ...asUser,
      cwd: dir,
    });
    expect(r.code).toBe(73);
    expect(r.stderr).toBe(
      `error: --out ${out} cannot be created: no permission to write in ${join(dir, 'locked')}. Choose a directory you can write to.\n`,
    );
  });

  it('removes its partial files and the directory it made when stopped by Ctrl-C while writing', async () => {
    const dir = await tempDir('vt-spawn-');
    const out = join(dir, 'out');
    const child = await analyzeLarge(dir, out, ['-q']);
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const watcher = watch(dir, (_event, name) => {
      if (name === 'out') {
        child.kill('SIGINT');
        watcher.close();
      }
    });
    const code = await new Promise<number | null>((done) => child.on('exit', (c) => done(c)));
    watcher.close();
    expect(existsSync(out)).toBe(false);
    expect(await readdir(dir)).toEqual(['hamlets.geojson']);
    expect(stderr).toMatch(/stopped by SIGINT; the partial results were removed/);
    expect(code).toBe(130);
  });

  it('stops at once, by the signal and with nothing written, when SIGTERM comes before the write', async () => {
    const dir = await tempDir('vt-spawn-');
    // The command runs in a worker thread; the main thread must not hold the signal back while it works.
    const out = join(dir, 'out');
    const child = await analyzeLarge(dir, out, []);
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
      if (stderr.includes('Reading ')) child.kill('SIGTERM');
    });
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((done) =>
      child.on('exit', (c, s) => done([c, s])),
    );
    expect(signal).toBe('SIGTERM');
    expect(code).toBe(null);
    expect(stderr).not.toMatch(/Analysed|stopped by/);
    expect(await readdir(dir)).toEqual(['hamlets.geojson']);
  });
});
