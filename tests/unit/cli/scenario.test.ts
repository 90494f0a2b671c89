import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliRun as run } from '../../fixtures/cli/cliRun.ts';
import { tempDir } from '../../fixtures/cli/tempDir.ts';

const TINY = resolve(import.meta.dirname, '../../fixtures/cli/tiny');
const SCENARIO = resolve(import.meta.dirname, '../../fixtures/scenario');
const LAYERS = ['--hamlets', 'hamlets.geojson', '--fibre', 'fibre.geojson', '--sites', 'sites.geojson'].map(
  (a) => (a.endsWith('.geojson') ? join(TINY, a) : a),
);

const json = async (path: string): Promise<Record<string, unknown>> =>
  JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;

describe('vungtrang analyze --scenario', () => {
  it('analyses the edited layers and adds delta.json and the proposals', async () => {
    const out = join(await tempDir('vt-scn-'), 'out');
    const { code, err } = await run([
      'analyze',
      ...LAYERS,
      '--scenario',
      join(SCENARIO, 'proposals.geojson'),
      '--out',
      out,
    ]);
    expect(err).not.toMatch(/error/);
    expect(code).toBe(0);
    const delta = await json(join(out, 'delta.json'));
    expect(delta.scenario).toBe('Tower at Bãi Ngang');
    expect(delta.edits).toBe(3);
    expect(delta.proposedSites).toBe(1);
    expect(delta.sitesOff).toBe(1);
    expect(delta.newBroadbandHouseholds as number).toBeGreaterThan(0);
    expect(delta.proposedFibreKm as number).toBeCloseTo(2.61, 1);
    const proposals = await json(join(out, 'proposals.geojson'));
    expect((proposals.features as unknown[]).length).toBe(3);
    expect(await readFile(join(out, 'proposals.csv'), 'utf8')).toMatch(/^\uFEFFedit,id,/);
    expect(err).toMatch(/Scenario "Tower at Bãi Ngang" \(3 edits\): \+\d+ households/);
    // The hamlets output is the scenario's: the proposed tower's hamlet gains mobile broadband.
    const hamlets = await json(join(out, 'hamlets.geojson'));
    const td4 = (hamlets.features as { properties: Record<string, unknown> }[]).find(
      (f) => f.properties.id === 'TD-04',
    );
    expect(td4?.properties.mbb_share as number).toBeGreaterThan(0.5);
  });

  it('names the file, the feature and the fix for a bad proposal, and exits 1', async () => {
    const out = join(await tempDir('vt-scn-'), 'out');
    const bad = join(SCENARIO, 'bad-proposals.geojson');
    const { code, err } = await run(['analyze', ...LAYERS, '--scenario', bad, '--out', out]);
    expect(code).toBe(1);
    expect(err).toContain(`${bad}: feature #1 (id "P-1") has an unknown tech "6G"`);
  });
});

describe('vungtrang suggest', () => {
  it('writes proposals that analyze --scenario reads back to the same delta', async () => {
    const dir = await tempDir('vt-sug-');
    const { code, err } = await run([
      'suggest',
      ...LAYERS,
      '--sites-count',
      '2',
      '--radius',
      '800',
      '--out',
      join(dir, 's'),
    ]);
    expect(err).not.toMatch(/error/);
    expect(code).toBe(0);
    const proposals = await json(join(dir, 's', 'proposals.geojson'));
    expect((proposals.features as unknown[]).length).toBe(2);
    const suggested = await json(join(dir, 's', 'delta.json'));
    expect(suggested.newBroadbandHouseholds as number).toBeGreaterThan(0);
    const again = await run([
      'analyze',
      ...LAYERS,
      '--scenario',
      join(dir, 's', 'proposals.geojson'),
      '--out',
      join(dir, 'a'),
    ]);
    expect(again.code).toBe(0);
    const delta = await json(join(dir, 'a', 'delta.json'));
    expect(delta.newBroadbandHouseholds as number).toBeCloseTo(suggested.newBroadbandHouseholds as number, 6);
  });

  it('is a usage error without --sites-count or --budget', async () => {
    const { code, err } = await run(['suggest', ...LAYERS, '--out', 'x']);
    expect(code).toBe(64);
    expect(err).toMatch(/--sites-count N or --budget VND/);
  });
});
