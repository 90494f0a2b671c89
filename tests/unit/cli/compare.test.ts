import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { FeatureCollection } from 'geojson';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHANGES_CSV_HEADER } from '../../../src/analysis/versionCompare.ts';
import { cliRun } from '../../fixtures/cli/cliRun.ts';
import { tempDir } from '../../fixtures/cli/tempDir.ts';

const TINY = resolve(import.meta.dirname, '../../fixtures/cli/tiny');
const read = async (path: string): Promise<FeatureCollection> =>
  JSON.parse(await readFile(path, 'utf8')) as FeatureCollection;

let root: string;
/** The tiny fixture as it is (the later version) and an earlier one: S1 still 2G/3G only, no access fibre F1. */
let before: string;
let after: string;

async function analyse(name: string, layers: Record<string, string>, extra: string[] = []): Promise<string> {
  const out = join(root, name);
  const flags = Object.entries(layers).flatMap(([role, path]) => [`--${role}`, path]);
  const r = await cliRun(['analyze', ...flags, '--out', out, '--quiet', ...extra]);
  expect(r.code, r.err).toBe(0);
  return out;
}

async function compare(args: string[]): Promise<{ code: number; err: string; out: string }> {
  const out = join(root, `cmp-${Math.random().toString(36).slice(2)}`);
  const r = await cliRun(['compare', ...args, '--out', out]);
  return { code: r.code, err: r.err, out };
}

beforeAll(async () => {
  root = await tempDir('vt-compare-');
  const inputs = join(root, 'inputs');
  await mkdir(inputs);
  const sites = await read(join(TINY, 'sites.geojson'));
  for (const f of sites.features) if (f.properties?.id === 'S1') f.properties.tech = '2G,3G';
  await writeFile(join(inputs, 'sites-2022.geojson'), JSON.stringify(sites));
  const fibre = await read(join(TINY, 'fibre.geojson'));
  fibre.features = fibre.features.filter((f) => f.properties?.id !== 'F1');
  await writeFile(join(inputs, 'fibre-2022.geojson'), JSON.stringify(fibre));
  const base = { hamlets: join(TINY, 'hamlets.geojson'), facilities: join(TINY, 'facilities.geojson') };
  before = await analyse('2022', {
    ...base,
    sites: join(inputs, 'sites-2022.geojson'),
    fibre: join(inputs, 'fibre-2022.geojson'),
  });
  after = await analyse('2026', {
    ...base,
    sites: join(TINY, 'sites.geojson'),
    fibre: join(TINY, 'fibre.geojson'),
  });
});

describe('vungtrang analyze writes what reaches each hamlet', () => {
  it('as lists of site and fibre ids in hamlets.geojson', async () => {
    const fc = await read(join(after, 'hamlets.geojson'));
    const props = fc.features.map((f) => f.properties ?? {});
    for (const p of props) {
      for (const k of ['reach_sites', 'reach_legacy_sites', 'reach_fibre', 'reach_coverage'])
        expect(Array.isArray(p[k]), `${String(p.id)} ${k}`).toBe(true);
    }
    expect(props.flatMap((p) => p.reach_sites as string[])).toContain('S1');
    expect(props.flatMap((p) => p.reach_fibre as string[])).toContain('F1');
    // Backbone serves nobody, so it reaches no hamlet.
    expect(props.flatMap((p) => p.reach_fibre as string[])).not.toContain('B1');
  });
});

describe('vungtrang compare', () => {
  it('writes changes.csv with the cause and progress.json per area', async () => {
    const r = await compare([
      '--before',
      before,
      '--after',
      after,
      '--before-date',
      '2022-12',
      '--after-date',
      '2026-06',
    ]);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(/^Compared 4 hamlets: \d+ changed/);
    const text = await readFile(join(r.out, 'changes.csv'), 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true });
    expect(rows.meta.fields).toEqual([...CHANGES_CSV_HEADER]);
    expect(rows.data.length).toBeGreaterThan(0);
    const causes = new Set(rows.data.flatMap((row) => row.cause?.split(';') ?? []));
    // S1 got 4G and F1 was laid between the two versions; nothing was lost.
    expect([...causes].sort()).toEqual(['new-fibre', 'site-upgraded']);
    for (const row of rows.data) {
      expect(row.change).toBe('gained');
      expect(Number(row.households_lost)).toBe(0);
      expect(row.cause_ids?.split(';').every((id) => id === 'S1' || id === 'F1')).toBe(true);
    }
    const upgraded = rows.data.find((row) => row.cause === 'site-upgraded');
    expect(upgraded?.cause_ids).toBe('S1');

    const progress = JSON.parse(await readFile(join(r.out, 'progress.json'), 'utf8'));
    expect(progress.before).toEqual({ dir: before, date: '2022-12' });
    expect(progress.settings_differ).toEqual([]);
    const province = progress.areas[0];
    expect(province).toMatchObject({ level: 'province', code: '36', name: 'Nam Định', hamlets: 4 });
    expect(province.after.mbb_hamlet_share).toBeGreaterThan(province.before.mbb_hamlet_share);
    expect(province.change.mbb_hamlet_share).toBeCloseTo(
      province.after.mbb_hamlet_share - province.before.mbb_hamlet_share,
      4,
    );
    const newly = rows.data.reduce((s, row) => s + Number(row.households_newly_covered), 0);
    expect(province.households_newly_covered).toBeCloseTo(newly, 0);
    expect(province.households_lost).toBe(0);
    // The national target (every hamlet by 2025) is past due in June 2026 unless it is met.
    expect(['reached', 'overdue']).toContain(province.on_course.fibre);
    expect(progress.areas.map((a: { level: string; code: string }) => `${a.level}:${a.code}`)).toEqual([
      'province:36',
      'district:HGT',
      'commune:XA01',
      'commune:XA02',
    ]);
  });

  it('names a missing directory, a directory that is not an analyze output, and a missing flag', async () => {
    const missing = await compare(['--before', join(root, 'nope'), '--after', after]);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain(`--before ${join(root, 'nope')}: no such directory`);
    const empty = join(root, 'empty');
    await mkdir(empty);
    const notOutput = await compare(['--before', before, '--after', empty]);
    expect(notOutput.code).toBe(1);
    expect(notOutput.err).toMatch(/--after .*empty: summary\.json is missing or cannot be read/);
    const usage = await cliRun(['compare', '--before', before, '--out', join(root, 'x')]);
    expect(usage.code).toBe(64);
    expect(usage.err).toContain('--after DIR required');
    const date = await cliRun([
      'compare',
      '--before',
      before,
      '--after',
      after,
      '--before-date',
      '2024-13',
      '--after-date',
      '2026-06',
      '--out',
      join(root, 'x'),
    ]);
    expect(date.code).toBe(64);
    expect(date.err).toContain('--before-date 2024-13: give a month as YYYY-MM');
  });

  it('refuses outputs of different hamlets, saying how many and naming them', async () => {
    const hamlets = await read(join(TINY, 'hamlets.geojson'));
    hamlets.features = hamlets.features.filter((f) => f.properties?.id !== 'TD-04');
    const path = join(root, 'inputs', 'three-hamlets.geojson');
    await writeFile(path, JSON.stringify(hamlets));
    const three = await analyse('three', { hamlets: path, sites: join(TINY, 'sites.geojson') });
    const r = await compare(['--before', before, '--after', three]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('hold different hamlets: only in --before: 1 (TD-04); only in --after: none');
  });

  it('warns when the two analyses used different settings, and when causes cannot be told', async () => {
    const settings = join(root, 'inputs', 'radius.json');
    await writeFile(settings, JSON.stringify({ fibreServiceRadiusM: 800 }));
    const wide = await analyse(
      'wide',
      { hamlets: join(TINY, 'hamlets.geojson'), fibre: join(TINY, 'fibre.geojson') },
      ['--settings', settings],
    );
    const r = await compare(['--before', before, '--after', wide]);
    expect(r.code).toBe(0);
    expect(r.err).toContain('warning: the two analyses used different settings (fibreServiceRadiusM)');

    // An output of an older version: no reach lists.
    const old = join(root, 'old');
    await mkdir(old);
    const fc = await read(join(before, 'hamlets.geojson'));
    for (const f of fc.features)
      for (const k of Object.keys(f.properties ?? {})) if (k.startsWith('reach_')) delete f.properties![k];
    await writeFile(join(old, 'hamlets.geojson'), JSON.stringify(fc));
    await writeFile(join(old, 'summary.json'), await readFile(join(before, 'summary.json'), 'utf8'));
    const blind = await compare(['--before', old, '--after', after]);
    expect(blind.code).toBe(0);
    expect(blind.err).toMatch(/old\/hamlets\.geojson does not say which sites and fibre reach each hamlet/);
    const csv = await readFile(join(blind.out, 'changes.csv'), 'utf8');
    expect(csv).toMatch(/,unknown,\r\n/);
  });

  it('names a hamlet without a status in a hand-edited output', async () => {
    const bad = join(root, 'bad');
    await mkdir(bad);
    const fc = await read(join(before, 'hamlets.geojson'));
    delete fc.features[1]!.properties!.status;
    await writeFile(join(bad, 'hamlets.geojson'), JSON.stringify(fc));
    await writeFile(join(bad, 'summary.json'), await readFile(join(before, 'summary.json'), 'utf8'));
    const r = await compare(['--before', bad, '--after', after]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(
      'hamlets.geojson: feature #1 ("TD-02") has no "status" (served, partial or unserved)',
    );
  });
});
