import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  LENS_COLUMNS,
  OPERATORS_CSV_HEADER,
  RANKING_CSV_HEADER,
  SHARING_CSV_HEADER,
} from '../../../src/analysis/exports.ts';
import { DEFAULT_SETTINGS } from '../../../src/analysis/settings.ts';
import { cliRun } from '../../fixtures/cli/cliRun.ts';
import { ANALYZE_OUTPUTS } from '../../fixtures/cli/inputs.ts';
import { tempDir } from '../../fixtures/cli/tempDir.ts';
import { fc, hamlet, ll, site } from '../analysis/helpers.ts';

/**
 * Two 2 km square hamlets 10 km apart, households spread by area (metres on a plane at 106.2°E 20.2°N):
 * A (400 households): Viettel's 4G disc (3 km) over all of it, MobiFone's 4G coverage polygon over its
 *   west 40 %, VNPT's access fibre along its middle, 1 km long (a 500 m capsule: 1 km² + π·0.25 km²).
 *   Market: black (both) 160, grey (Viettel alone) 240, white 0: grey.
 * B (100): MobiFone's 2G-only mast at its centre, 6 km: weak, no operator's MBB, white.
 * MobiFone's lens: A 0.4 of MBB, gap 240, all competitor-only; B gap 100, all white. Its tower sharing:
 * Viettel's site gains A's east 60 % (240 households, at the co-location cost); its own 2G mast, upgraded
 * at the 4G default radius (3 km, not 6), gains B whole (100, at the upgrade cost).
 */
const CAPSULE = 1000 * 1000 + Math.PI * 500 ** 2;
let dir: string;
let inputs: string[];

beforeAll(async () => {
  dir = await tempDir('vt-op-');
  const layers = {
    hamlets: fc([hamlet('A', 0, 0, 1000, 400), hamlet('B', 10_000, 0, 1000, 100)]),
    sites: fc([
      site('vt-a', 0, 0, { tech: '4G', radius_m: 3000, operator: 'Viettel' }),
      site('mf-b', 10_000, 0, { tech: '2G', radius_m: 6000, operator: 'MobiFone' }),
    ]),
    coverage: fc([
      {
        type: 'Feature',
        geometry: {
          type: 'Polygon',
          coordinates: [
            [ll(-2000, -2000), ll(-200, -2000), ll(-200, 2000), ll(-2000, 2000), ll(-2000, -2000)],
          ],
        },
        properties: { tech: '4G', operator: 'MobiFone', level: 'good' },
      },
    ]),
    fibre: fc([
      {
        type: 'Feature',
        geometry: { type: 'LineString', coordinates: [ll(-500, 0), ll(500, 0)] },
        properties: { id: 'f1', operator: 'VNPT', kind: 'access' },
      },
    ]),
  };
  inputs = [];
  for (const [role, layer] of Object.entries(layers)) {
    const path = join(dir, `${role}.geojson`);
    await writeFile(path, JSON.stringify(layer));
    inputs.push(`--${role}`, path);
  }
});

async function csv(path: string, header: readonly string[]): Promise<Record<string, string>[]> {
  const text = await readFile(path, 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const parsed = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  expect(parsed.meta.fields).toEqual([...header]);
  return parsed.data;
}

const byId = (rows: Record<string, string>[]) => new Map(rows.map((r) => [r.id ?? r.hamlet_id, r]));
const num = (v: string | undefined): number => Number(v);

describe('vungtrang analyze: operators', () => {
  it('writes the market columns in hamlets.geojson and ranking.csv, and operators.csv', async () => {
    const out = join(dir, 'plain');
    const r = await cliRun(['analyze', ...inputs, '--out', out, '--quiet']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect((await readdir(out)).sort()).toEqual(ANALYZE_OUTPUTS);
    const ranking = byId(await csv(join(out, 'ranking.csv'), RANKING_CSV_HEADER));
    const a = ranking.get('A');
    expect(num(a?.mbb_0op_share)).toBe(0);
    expect(num(a?.mbb_1op_share)).toBeCloseTo(0.6, 3);
    expect(num(a?.mbb_2op_share)).toBeCloseTo(0.4, 3);
    expect(num(a?.mbb_1op_households)).toBeCloseTo(240, 0);
    expect(num(a?.mbb_2op_households)).toBeCloseTo(160, 0);
    expect(a?.market_class).toBe('grey');
    const b = ranking.get('B');
    expect([b?.mbb_0op_share, b?.mbb_0op_households, b?.market_class]).toEqual(['1', '100', 'white']);
    expect(a).not.toHaveProperty('op_mbb_share');

    const hamlets = JSON.parse(await readFile(join(out, 'hamlets.geojson'), 'utf8')) as {
      features: { properties: Record<string, unknown> }[];
    };
    const props = hamlets.features.find((f) => f.properties.id === 'A')?.properties;
    expect(props).toMatchObject({ market_class: 'grey', mbb_0op_share: 0, mbb_0op_households: 0 });
    expect(props?.mbb_2op_share as number).toBeCloseTo(0.4, 3);

    const ops = await csv(join(out, 'operators.csv'), OPERATORS_CSV_HEADER);
    expect(ops.map((o) => [o.hamlet_id, o.operator])).toEqual([
      ['A', 'MobiFone'],
      ['A', 'VNPT'],
      ['A', 'Viettel'],
    ]);
    const [mf, vnpt, vt] = ops;
    expect(num(mf?.mbb_share)).toBeCloseTo(0.4, 3);
    expect(num(mf?.mbb_households)).toBeCloseTo(160, 0);
    expect([mf?.fibre_share, vt?.fibre_share, vt?.mbb_share, vt?.mbb_households]).toEqual([
      '0',
      '0',
      '1',
      '400',
    ]);
    expect([vnpt?.mbb_share, vnpt?.mbb_households]).toEqual(['0', '0']);
    // The capsule's area to within 0.1 % (DATA-MODEL §3), and households in proportion.
    expect(Math.abs(num(vnpt?.fibre_share) - CAPSULE / 4e6)).toBeLessThan(0.001 * (CAPSULE / 4e6) + 5e-5);
    expect(Math.abs(num(vnpt?.fibre_households) - (400 * CAPSULE) / 4e6)).toBeLessThan(0.3);
  });

  it("--operator adds the operator's lens columns and sharing.csv, ranked by households gained", async () => {
    const out = join(dir, 'mobifone');
    const r = await cliRun(['analyze', ...inputs, '--operator', 'MobiFone', '--out', out]);
    expect(r.code).toBe(0);
    expect((await readdir(out)).sort()).toEqual([...ANALYZE_OUTPUTS, 'sharing.csv'].sort());
    expect(r.err).toMatch(
      /MobiFone: MBB for 160 of 500 households; gap 340 \(240 where only competitors cover, 100 where no operator does\); 2 tower-sharing candidates, best vt-a \(Viettel\) \+240 households\./,
    );
    const ranking = byId(
      await csv(join(out, 'ranking.csv'), [
        ...RANKING_CSV_HEADER.slice(0, -2),
        ...LENS_COLUMNS,
        'mode',
        'scenario',
      ]),
    );
    const a = ranking.get('A');
    expect(num(a?.op_mbb_share)).toBeCloseTo(0.4, 3);
    expect(num(a?.op_gap_households)).toBeCloseTo(240, 0);
    expect(num(a?.op_competitor_only_households)).toBeCloseTo(240, 0);
    expect(a?.op_white_households).toBe('0');
    const b = ranking.get('B');
    expect([b?.op_mbb_share, b?.op_gap_households, b?.op_competitor_only_households]).toEqual([
      '0',
      '100',
      '0',
    ]);
    expect(b?.op_white_households).toBe('100');
    const hamlets = JSON.parse(await readFile(join(out, 'hamlets.geojson'), 'utf8')) as {
      features: { properties: Record<string, unknown> }[];
    };
    expect(hamlets.features.find((f) => f.properties.id === 'B')?.properties).toMatchObject({
      op_mbb_share: 0,
      op_gap_households: 100,
      op_white_households: 100,
    });

    const sharing = await csv(join(out, 'sharing.csv'), SHARING_CSV_HEADER);
    expect(sharing.map((s) => [s.site_id, s.owner_operator, s.hamlet_ids, s.kind, s.radius_m])).toEqual([
      ['vt-a', 'Viettel', 'A', 'share', '3000'],
      ['mf-b', 'MobiFone', 'B', 'upgrade', String(DEFAULT_SETTINGS.defaultRadiusM['4G'])],
    ]);
    const [share, upgrade] = sharing;
    expect(num(share?.households_gained)).toBeCloseTo(240, 0);
    expect(num(share?.cost_vnd)).toBe(DEFAULT_SETTINGS.cost.colocationVnd);
    expect(num(share?.cost_per_household_vnd) / (DEFAULT_SETTINGS.cost.colocationVnd / 240)).toBeCloseTo(
      1,
      3,
    );
    expect(num(upgrade?.households_gained)).toBe(100);
    expect(num(upgrade?.cost_vnd)).toBe(DEFAULT_SETTINGS.cost.upgradeVnd);
    expect(num(upgrade?.cost_per_household_vnd)).toBe(DEFAULT_SETTINGS.cost.upgradeVnd / 100);
  });

  it('an operator the layers do not name exits 64, lists the operators found and writes nothing', async () => {
    const out = join(dir, 'unknown');
    const r = await cliRun(['analyze', ...inputs, '--operator', 'mobifone', '--out', out, '-q']);
    expect(r.code).toBe(64);
    expect(r.err).toBe(
      'error: --operator "mobifone" is not an operator of the layers read. Operators found: "MobiFone", ' +
        '"VNPT", "Viettel". Did you mean "MobiFone"? Names are matched exactly.\n',
    );
    await expect(readdir(out)).rejects.toThrow();
  });
});
