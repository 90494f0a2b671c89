import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { RANKING_CSV_HEADER } from '../../../src/analysis/exports.ts';
import { CHALLENGES_CSV_HEADER, MEASURED_COLUMNS } from '../../../src/analysis/measuredExports.ts';
import { lonLatToTile, tileToQuadkey } from '../../../src/data/quadkey.ts';
import { cliRun } from '../../fixtures/cli/cliRun.ts';
import { ANALYZE_OUTPUTS } from '../../fixtures/cli/inputs.ts';
import { tempDir } from '../../fixtures/cli/tempDir.ts';

const TINY = resolve(import.meta.dirname, '../../fixtures/cli/tiny');

/** Every zoom-16 tile over [w, e] × [s, n], as CSV rows with the given speeds. */
function tileRows(w: number, s: number, e: number, n: number, speeds: string): string[] {
  const a = lonLatToTile(w, n, 16);
  const b = lonLatToTile(e, s, 16);
  const rows: string[] = [];
  for (let x = a.x; x <= b.x; x++)
    for (let y = a.y; y <= b.y; y++) rows.push(`${tileToQuadkey({ x, y, z: 16 })},${speeds}`);
  return rows;
}

const parse = (text: string) =>
  Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true });

describe('analyze with measured layers', () => {
  it('adds the measured columns, writes challenges.csv and reports bad rows with the file and the row', async () => {
    const dir = await tempDir('vt-measured-');
    const tiles = join(dir, 'mobile-tiles.csv');
    // TD-02 is covered by S1's 4G; its tests fail. TD-04 has no 4G; its tests are good. One row is bad.
    await writeFile(
      tiles,
      [
        'quadkey,avg_d_kbps,avg_u_kbps,avg_lat_ms,tests,devices',
        ...tileRows(106.211, 20.301, 106.219, 20.309, '2500,400,120,10,3'),
        ...tileRows(106.231, 20.301, 106.239, 20.309, '60000,15000,30,10,5'),
        '13221013011232x3,1000,100,50,3,1',
      ].join('\n'),
    );
    const reports = join(dir, 'ghi-nhan.geojson');
    const report = (id: string, lon: number) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [lon, 20.305] },
      properties: { id, time: '2026-03-14T16:21:05+07:00', result: 'no_signal' },
    });
    await writeFile(
      reports,
      JSON.stringify({ type: 'FeatureCollection', features: [report('a', 106.212), report('b', 106.213)] }),
    );
    const out = join(dir, 'out');
    const r = await cliRun([
      'analyze',
      ...['--hamlets', join(TINY, 'hamlets.geojson'), '--sites', join(TINY, 'sites.geojson')],
      ...['--mobile-tests', tiles, '--field-reports', reports, '--out', out],
    ]);
    expect(r.err).toMatch(
      /mobile-tiles\.csv: row \d+: has "13221013011232x3" in "quadkey", which is not a quadkey/,
    );
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/Challenge list: 2 hamlets \(1 modelled served where measurements fail, 1 /);
    expect((await readdir(out)).sort()).toEqual([...ANALYZE_OUTPUTS, 'challenges.csv'].sort());

    const ranking = parse(await readFile(join(out, 'ranking.csv'), 'utf8'));
    expect(ranking.meta.fields).toEqual([...RANKING_CSV_HEADER, ...MEASURED_COLUMNS]);
    const byId = new Map(ranking.data.map((row) => [row.id, row]));
    expect(byId.get('TD-02')).toMatchObject({
      mobile_down_mbps: '2.5',
      mobile_quality: 'failing',
      no_signal_reports: '2',
      challenge: 'over',
    });
    expect(byId.get('TD-04')).toMatchObject({ mobile_down_mbps: '60', mobile_quality: 'meets_target' });
    expect(byId.get('TD-01')).toMatchObject({ mobile_down_mbps: '', mobile_quality: 'no_data' });

    const challenges = parse(await readFile(join(out, 'challenges.csv'), 'utf8'));
    expect(challenges.meta.fields).toEqual([...CHALLENGES_CSV_HEADER]);
    expect(challenges.data.map((c) => [c.id, c.direction, c.reasons])).toEqual([
      ['TD-02', 'over', 'failing_tests;no_signal_reports'],
      ['TD-04', 'under', 'good_tests'],
    ]);

    const hamlets = JSON.parse(await readFile(join(out, 'hamlets.geojson'), 'utf8'));
    const td2 = hamlets.features.find((f: { properties: { id: string } }) => f.properties.id === 'TD-02');
    expect(td2.properties.mobile_tests).toBeGreaterThan(5);
    expect(td2.properties.mobile_quality).toBe('failing');
  });

  it('lists the measured flags in --help', async () => {
    const r = await cliRun(['analyze', '--help']);
    for (const flag of ['--mobile-tests', '--fixed-tests', '--speed-points', '--field-reports'])
      expect(r.out).toContain(flag);
    expect(r.out).toContain('challenges.csv');
  });
});
