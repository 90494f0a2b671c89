import { copyFile, lstat, mkdir, readdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANALYZE_OUTPUTS } from '../../fixtures/cli/inputs.ts';
import { tempDir } from '../../fixtures/cli/tempDir.ts';
import { cliRun } from '../../fixtures/cli/cliRun.ts';

const TINY = resolve(import.meta.dirname, '../../fixtures/cli/tiny');
const HAMLETS = join(TINY, 'hamlets.geojson');

const analyze = (out: string, ...extra: string[]) =>
  cliRun(['analyze', '--hamlets', HAMLETS, '--out', out, ...extra]);

/** Nothing was read or analysed: the --out check came first. */
function refusedBeforeWork(r: { code: number; err: string }): void {
  expect(r.code).toBe(73);
  expect(r.err).not.toMatch(/Reading|Analysed|bug/);
  expect(r.err.trim().split('\n')).toHaveLength(1);
}

describe('analyze --out: checked before any work (exit 73)', () => {
  it('refuses an --out that is a file', async () => {
    const dir = await tempDir('vt-out-');
    await writeFile(join(dir, 'out'), 'mine');
    const r = await analyze(join(dir, 'out'));
    refusedBeforeWork(r);
    expect(r.err).toMatch(/--out .*out is a file, not a directory/);
    expect(await readFile(join(dir, 'out'), 'utf8')).toBe('mine');
  });

  it('refuses an --out below a file, naming the file in the way', async () => {
    const dir = await tempDir('vt-out-');
    await writeFile(join(dir, 'notes.txt'), 'mine');
    const r = await analyze(join(dir, 'notes.txt', 'out'));
    refusedBeforeWork(r);
    expect(r.err).toContain(`${join(dir, 'notes.txt')} is a file, not a directory`);
  });

  it('refuses an --out through a loop of symbolic links', async () => {
    const dir = await tempDir('vt-out-');
    await symlink(join(dir, 'b'), join(dir, 'a'));
    await symlink(join(dir, 'a'), join(dir, 'b'));
    for (const out of [join(dir, 'a'), join(dir, 'a', 'out')]) {
      const r = await analyze(out);
      refusedBeforeWork(r);
      expect(r.err).toMatch(/loop of symbolic links/);
    }
  });

  it('refuses an --out that holds an input, and leaves the input as it was', async () => {
    const dir = await tempDir('vt-out-');
    await copyFile(HAMLETS, join(dir, 'hamlets.geojson'));
    const before = await readFile(join(dir, 'hamlets.geojson'), 'utf8');
    const r = await cliRun(['analyze', '--hamlets', join(dir, 'hamlets.geojson'), '--out', dir]);
    refusedBeforeWork(r);
    expect(r.err).toMatch(/holds the input .*hamlets\.geojson/);
    expect(await readFile(join(dir, 'hamlets.geojson'), 'utf8')).toBe(before);
    expect(await readdir(dir)).toEqual(['hamlets.geojson']);
  });

  it('refuses a directory where an output file goes, and keeps it', async () => {
    const dir = await tempDir('vt-out-');
    await mkdir(join(dir, 'ranking.csv'));
    await writeFile(join(dir, 'ranking.csv', 'keep.txt'), 'mine');
    const r = await analyze(dir);
    refusedBeforeWork(r);
    expect(r.err).toMatch(/holds ranking\.csv as a directory/);
    expect(await readFile(join(dir, 'ranking.csv', 'keep.txt'), 'utf8')).toBe('mine');
  });

  it('says --fibre-radius -5 is out of range (a usage error), not that it needs a value', async () => {
    const r = await analyze(join(await tempDir('vt-out-'), 'out'), '--fibre-radius', '-5');
    expect(r.code).toBe(64);
    expect(r.err).toMatch(/--fibre-radius -5 is out of range: give a distance in metres from 1 to 50000/);
    expect(r.err).not.toMatch(/needs a value/);
    const s = await cliRun([
      'suggest',
      '--hamlets',
      HAMLETS,
      '--sites-count',
      '1',
      '--radius',
      '-5',
      '--out',
      'x',
    ]);
    expect(s.code).toBe(64);
    expect(s.err).toMatch(/--radius -5: give a number of at least 0/);
  });
});

describe('analyze --out: writes only its own files', () => {
  it('leaves other files and folders in --out alone and replaces only its outputs', async () => {
    const dir = await tempDir('vt-out-');
    await writeFile(join(dir, 'notes.txt'), 'mine');
    await mkdir(join(dir, 'maps'));
    await writeFile(join(dir, 'maps', 'a.png'), 'png');
    await writeFile(join(dir, 'ranking.csv'), 'old');
    const r = await analyze(dir, '--quiet');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect((await readdir(dir)).sort()).toEqual([...ANALYZE_OUTPUTS, 'maps', 'notes.txt'].sort());
    expect(await readFile(join(dir, 'notes.txt'), 'utf8')).toBe('mine');
    expect(await readFile(join(dir, 'maps', 'a.png'), 'utf8')).toBe('png');
    expect(await readFile(join(dir, 'ranking.csv'), 'utf8')).toMatch(/^\uFEFFrank,/);
  });

  it('names the outputs of an earlier run that this run did not rewrite', async () => {
    const dir = await tempDir('vt-out-');
    await writeFile(join(dir, 'delta.json'), '{}');
    const r = await analyze(dir, '--quiet');
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^warning: .*: delta\.json is from an earlier run; left as it was\.$/m);
    expect(await readFile(join(dir, 'delta.json'), 'utf8')).toBe('{}');
  });

  it('writes through a symbolically linked --out and keeps the link', async () => {
    const dir = await tempDir('vt-out-');
    await mkdir(join(dir, 'real'));
    await symlink(join(dir, 'real'), join(dir, 'link'));
    const r = await analyze(join(dir, 'link'), '--quiet');
    expect(r.code).toBe(0);
    expect((await lstat(join(dir, 'link'))).isSymbolicLink()).toBe(true);
    expect((await readdir(join(dir, 'real'))).sort()).toEqual(ANALYZE_OUTPUTS);
    expect((await readdir(dir)).sort()).toEqual(['link', 'real']);
  });

  it('creates --out and its files with the usual permissions (the umask), not 0700', async () => {
    const dir = await tempDir('vt-out-');
    // What this process makes without asking for a mode: the umask applied to 0777 and 0666.
    await mkdir(join(dir, 'plain'));
    await writeFile(join(dir, 'plain', 'f'), '');
    const dirMode = (await stat(join(dir, 'plain'))).mode & 0o777;
    const fileMode = (await stat(join(dir, 'plain', 'f'))).mode & 0o777;
    const r = await analyze(join(dir, 'new', 'out'), '--quiet');
    expect(r.code).toBe(0);
    expect((await stat(join(dir, 'new'))).mode & 0o777).toBe(dirMode);
    expect((await stat(join(dir, 'new', 'out'))).mode & 0o777).toBe(dirMode);
    for (const f of ANALYZE_OUTPUTS)
      expect((await stat(join(dir, 'new', 'out', f))).mode & 0o777).toBe(fileMode);
  });
});
