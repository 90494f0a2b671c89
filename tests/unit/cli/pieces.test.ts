import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../fixtures/cli/tempDir.ts';
import { parseFlags, type FlagTable } from '../../../src/cli/args.ts';
import { CliError } from '../../../src/cli/errors.ts';
import { checkOutputDir, writeOutputs } from '../../../src/cli/output.ts';
import { progressReporter } from '../../../src/cli/progress.ts';
import { resolveSettings } from '../../../src/cli/settingsFile.ts';
import { PRESETS } from '../../../src/analysis/settings.ts';

const flags: FlagTable = {
  hamlets: { type: 'string', value: 'FILE', help: '' },
  out: { type: 'string', value: 'DIR', help: '' },
  quiet: { type: 'boolean', short: 'q', help: '' },
};

describe('parseFlags', () => {
  it('reads known flags', () => {
    expect(parseFlags('analyze', ['--hamlets', 'h.geojson', '-q'], flags)).toMatchObject({
      hamlets: 'h.geojson',
      quiet: true,
    });
  });

  it('names an unknown flag and suggests the near one', () => {
    expect(() => parseFlags('analyze', ['--hamlet', 'x'], flags)).toThrow(
      /unknown flag --hamlet\. Did you mean --hamlets\?/,
    );
  });

  it('says which flag lacks its value', () => {
    expect(() => parseFlags('analyze', ['--out'], flags)).toThrow(/--out needs a value \(DIR\)/);
    expect(() => parseFlags('analyze', ['--out', '-q'], flags)).toThrow(/--out needs a value \(DIR\)/);
  });

  it('takes a negative number as the value of a string flag, for the range check to name', () => {
    expect(parseFlags('analyze', ['--out', '-5', '-q'], flags)).toMatchObject({ out: '-5', quiet: true });
    expect(parseFlags('analyze', ['--out', '-.5'], flags)).toMatchObject({ out: '-.5' });
  });

  it('rejects stray words', () => {
    expect(() => parseFlags('analyze', ['hamlets.geojson'], flags)).toThrow(
      /unexpected argument "hamlets.geojson"/,
    );
  });
});

describe('resolveSettings', () => {
  it('layers defaults, file and flags, flags last', async () => {
    const dir = await tempDir('vt-settings-');
    const path = join(dir, 's.json');
    await writeFile(path, JSON.stringify({ fibreServiceRadiusM: 800, cost: { siteVnd: 5 } }));
    const s = await resolveSettings({ settingsPath: path, fibreRadius: '300', preset: 'commercial' });
    expect(s.fibreServiceRadiusM).toBe(300);
    expect(s.cost.siteVnd).toBe(5);
    expect(s.weights).toEqual(PRESETS.commercial);
  });

  it('treats weights in a file without a preset as custom weights', async () => {
    const dir = await tempDir('vt-settings-');
    const path = join(dir, 's.json');
    const weights = { uncoveredHouseholds: 1, uncoveredShare: 0, facilities: 0, costPerHousehold: 0 };
    await writeFile(path, JSON.stringify({ weights }));
    expect((await resolveSettings({ settingsPath: path })).weights).toEqual(weights);
  });

  it('names the file and the field that is wrong', async () => {
    const dir = await tempDir('vt-settings-');
    const path = join(dir, 'bad.json');
    await writeFile(path, JSON.stringify({ thresholds: { served: 2 } }));
    await expect(resolveSettings({ settingsPath: path })).rejects.toThrow(
      new RegExp(`${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: "thresholds.served" is 2`),
    );
    await writeFile(path, '{ "fibreServiceRadiusM": 500,');
    await expect(resolveSettings({ settingsPath: path })).rejects.toThrow(
      /bad\.json \(--settings\) is not valid JSON/,
    );
  });

  it('stops on any setting the validator refuses, with the file, the key, the value and the range', async () => {
    const dir = await tempDir('vt-settings-');
    const path = join(dir, 'bad.json');
    const cases: [unknown, RegExp][] = [
      [
        { circleSegments: 20_000_000 },
        /"circleSegments" is 20000000; it must be a whole number from 8 to 256/,
      ],
      [
        { preset: '__proto__' },
        /"preset" is "__proto__"; it must be one of "equity", "commercial", "custom"/,
      ],
      [{ defaultRadiusM: { '4G': -3000 } }, /"defaultRadiusM.4G" is -3000; it must be a distance from 1/],
      [{ fibreServiceRadiusM: 'abc' }, /"fibreServiceRadiusM" is "abc"/],
      [{ fibreRadius: 800 }, /"fibreRadius" is not a setting this version knows/],
      [{ cost: [1, 2] }, /"cost" is \[1,2\]; it must be an object/],
      [{ thresholds: { served: 0.1, unserved: 0.2 } }, /"thresholds.unserved" is 0.2; it must be below/],
    ];
    for (const [settings, words] of cases) {
      await writeFile(path, JSON.stringify(settings));
      const err = await resolveSettings({ settingsPath: path }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(CliError);
      expect((err as Error).message.startsWith(`${path}: `)).toBe(true);
      expect((err as Error).message).toMatch(words);
    }
  });

  it('rejects a bad --fibre-radius and an unknown preset', async () => {
    await expect(resolveSettings({ fibreRadius: '-5' })).rejects.toThrow(/--fibre-radius -5 is out of range/);
    await expect(resolveSettings({ fibreRadius: '60000' })).rejects.toThrow(/from 1 to 50000/);
    await expect(resolveSettings({ fibreRadius: 'Infinity' })).rejects.toThrow(CliError);
    await expect(resolveSettings({ fibreRadius: 'abc' })).rejects.toThrow(/--fibre-radius abc/);
    await expect(resolveSettings({ preset: 'cheap' })).rejects.toThrow(/--preset cheap/);
  });
});

describe('writeOutputs', () => {
  it('creates the directory, replaces its own files on a rerun and leaves no temporary file', async () => {
    const parent = await tempDir('vt-out-');
    const out = join(parent, 'out');
    const names = ['a.csv', 'b.json', 'c.json'];
    expect(await writeOutputs(await checkOutputDir(out, names), { 'a.csv': 'x', 'b.json': '{}' })).toEqual(
      [],
    );
    expect((await readdir(out)).sort()).toEqual(['a.csv', 'b.json']);
    await writeFile(join(out, 'c.json'), 'earlier');
    const stale = await writeOutputs(await checkOutputDir(out, names), { 'a.csv': 'y', 'b.json': '{}' });
    expect(stale).toEqual(['c.json']);
    expect(await readFile(join(out, 'a.csv'), 'utf8')).toBe('y');
    expect((await readdir(out)).sort()).toEqual(['a.csv', 'b.json', 'c.json']);
    expect(await readdir(parent)).toEqual(['out']);
  });

  it('removes what it wrote and the directories it made when a write fails (exit 73)', async () => {
    const parent = await tempDir('vt-out-');
    const out = join(parent, 'new', 'out');
    const target = await checkOutputDir(out, ['a.csv']);
    // "sub/b.csv" cannot be created (no such directory): the write fails after a.csv's temporary file.
    const err = await writeOutputs(target, { 'a.csv': 'x', 'sub/b.csv': 'y' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CliError);
    expect((err as CliError).exitCode).toBe(73);
    expect((err as CliError).message).toMatch(/writing the results failed \(ENOENT\)/);
    expect(await readdir(parent)).toEqual([]);
  });
});

describe('progressReporter', () => {
  it('writes a few whole lines when stderr is not a terminal', () => {
    let text = '';
    const p = progressReporter({ isTTY: false, write: (s: string) => (text += s) });
    for (let i = 0; i <= 1000; i++) p.onProgress(i, 1000, 'hamlets');
    p.done();
    expect(text.split('\n').filter(Boolean)).toEqual([
      'hamlets: 0/1000 (0%)',
      'hamlets: 250/1000 (25%)',
      'hamlets: 500/1000 (50%)',
      'hamlets: 750/1000 (75%)',
      'hamlets: 1000/1000 (100%)',
    ]);
    expect(text).not.toContain('\r');
  });

  it('rewrites one line in place on a terminal and ends it', () => {
    let text = '';
    const p = progressReporter({ isTTY: true, write: (s: string) => (text += s) });
    p.onProgress(0, 10, 'hamlets');
    p.onProgress(10, 10, 'hamlets');
    p.done();
    expect(text).toBe('\r\x1b[Khamlets: 0/10 (0%)\r\x1b[Khamlets: 10/10 (100%)\n');
  });
});
