import { describe, expect, it } from 'vitest';
import { guessMeasuredRole, quadkeyRing, tileRoleFromName } from '../../../src/data/speedTests.ts';
import { LoadError, loadLayer } from '../../../src/data/index.ts';
import { probeFile } from '../../../src/data/probeFile.ts';

const HEAD = 'quadkey,avg_d_kbps,avg_u_kbps,avg_lat_ms,tests,devices';
const csv = (...rows: string[]): string => [HEAD, ...rows].join('\n');
const load = (name: string, text: string, role: Parameters<typeof loadLayer>[1], extent?: number[]) =>
  loadLayer({ name, data: text }, role, extent ? { extent: extent as [number, number, number, number] } : {});

describe('speed-test tile files', () => {
  it('reads a CSV of quadkeys into tile squares with numbers as numbers', async () => {
    const { collection, report } = await load(
      'mobile_tiles.csv',
      csv('1322101301123223,35926,12492,52,7,4'),
      'mobileTests',
    );
    expect(report.imported).toBe(1);
    const f = collection.features[0]!;
    expect(f.properties).toMatchObject({
      quadkey: '1322101301123223',
      avg_d_kbps: 35926,
      tests: 7,
      devices: 4,
    });
    expect(f.geometry).toEqual({ type: 'Polygon', coordinates: [quadkeyRing('1322101301123223')] });
  });

  it('reads a WKT tile column', async () => {
    const text = [
      'tile,avg_d_kbps,avg_u_kbps,avg_lat_ms,tests,devices',
      '"POLYGON((106.1 20.3, 106.2 20.3, 106.2 20.4, 106.1 20.4, 106.1 20.3))",1000,500,40,3,2',
    ].join('\n');
    const { collection } = await load('tiles.csv', text, 'fixedTests');
    expect(collection.features[0]!.geometry).toMatchObject({ type: 'Polygon' });
    expect((collection.features[0]!.geometry as { coordinates: number[][][] }).coordinates[0]![2]).toEqual([
      106.2, 20.4,
    ]);
  });

  it('reports each bad row with the file, the row and the fix, and keeps the good ones', async () => {
    const { collection, report } = await load(
      'mobile_tiles.csv',
      csv(
        '1322101301123223,35926,12492,52,7,4',
        '13221013011232x3,35926,12492,52,7,4',
        '1322101301123232,-5,12492,52,3,1',
        '1322101301123233,5000,1000,52,0,0',
        '1322101301123230,5000,1000,,3,1',
        '1322101301123231,4000,900,60,2,1',
      ),
      'mobileTests',
    );
    expect(report.total).toBe(6);
    expect(report.imported).toBe(2);
    expect(collection.features.map((f) => f.properties?.quadkey)).toEqual([
      '1322101301123223',
      '1322101301123231',
    ]);
    const byRow = report.skipped.map((i) => [i.index, i.message, i.fix]);
    expect(byRow).toHaveLength(4);
    const [quadkey, negative, zero, empty] = report.skipped;
    expect(quadkey!.message).toMatch(/mobile_tiles\.csv.*row 3.*"13221013011232x3".*not a quadkey/);
    expect(quadkey!.fix).toMatch(/digits 0–3/);
    expect(negative!.message).toMatch(/row 4/);
    expect(negative!.message).toMatch(/-5 in "avg_d_kbps" is negative/);
    expect(negative!.fix).toMatch(/number of 0 or more/);
    expect(zero!.message).toMatch(/row 5/);
    expect(zero!.message).toMatch(/0 tests/);
    expect(empty!.message).toMatch(/row 6/);
    expect(empty!.message).toMatch(/no value in "avg_lat_ms"/);
    for (const i of report.skipped) expect(i.fix.length).toBeGreaterThan(10);
  });

  it('refuses a file without a tile column or without a speed column, naming the columns it has', async () => {
    const noTile = load('t.csv', 'id,avg_d_kbps,avg_u_kbps,avg_lat_ms,tests\n1,2,3,4,5', 'mobileTests');
    await expect(noTile).rejects.toBeInstanceOf(LoadError);
    await expect(noTile).rejects.toThrow(/no "quadkey" or "tile" column.*columns: id, avg_d_kbps/);
    const noSpeed = load('t.csv', 'quadkey,tests\n1322101301123223,5', 'mobileTests');
    await expect(noSpeed).rejects.toThrow(/no "avg_d_kbps", "avg_u_kbps", "avg_lat_ms" columns/);
  });

  it('guesses mobile or fixed from the file name, and a tile file from its columns', () => {
    expect(tileRoleFromName('2026-q1_performance_fixed_tiles.csv')).toBe('fixedTests');
    expect(tileRoleFromName('o-do-co-dinh.geojson')).toBe('fixedTests');
    expect(tileRoleFromName('Ô đo cố định.csv')).toBe('fixedTests');
    expect(tileRoleFromName('mobile-tiles.csv')).toBe('mobileTests');
    expect(guessMeasuredRole('x.csv', HEAD.split(','))).toBe('mobileTests');
    expect(guessMeasuredRole('x.csv', ['lon', 'lat', 'download_mbps', 'result'])).toBe('speedPoints');
    expect(guessMeasuredRole('x.geojson', ['id', 'time', 'result', 'note'])).toBe('fieldReports');
    expect(guessMeasuredRole('x.csv', ['lon', 'lat', 'name'])).toBeNull();
  });

  it('probes a tile CSV as mobile or fixed tiles from its name', async () => {
    const probe = await probeFile({
      name: 'fixed-tiles.csv',
      data: csv('1322101301123223,35926,12492,52,7,4'),
    });
    expect(probe.role).toBe('fixedTests');
    const mobile = await probeFile({ name: 'tiles.csv', data: csv('1322101301123223,35926,12492,52,7,4') });
    expect(mobile.role).toBe('mobileTests');
  });
});

describe('speed-test points and field reports', () => {
  const POINTS = 'lon,lat,download_mbps,upload_mbps,latency_ms,operator,tech,time,result';

  it('reads points, reports a negative speed and a bad result per row, and keeps no_service rows without speeds', async () => {
    const text = [
      POINTS,
      '106.18,20.30,40.06,11.94,34,Viettel,4G,2026-01-01T08:26:45+07:00,ok',
      '106.18,20.31,,,,VNPT,4G,2026-01-02T08:00:00+07:00,no_service',
      '106.18,20.32,-3,1,20,VNPT,4G,2026-01-02T08:00:00+07:00,ok',
      '106.18,20.33,10,1,20,VNPT,4G,2026-01-02T08:00:00+07:00,maybe',
    ].join('\n');
    const { collection, report } = await load('points.csv', text, 'speedPoints');
    expect(collection.features.map((f) => f.properties?.result)).toEqual(['ok', 'no_service']);
    expect(collection.features[0]!.properties).toMatchObject({ download_mbps: 40.06, tech: '4G' });
    expect(collection.features[1]!.properties?.download_mbps).toBeUndefined();
    expect(report.skipped.map((i) => i.index)).toEqual([2, 3]);
    expect(report.skipped[0]!.message).toMatch(/-3 in "download_mbps" is negative/);
    expect(report.skipped[1]!.message).toMatch(/result "maybe"/);
    expect(report.skipped[1]!.fix).toMatch(/no_service/);
  });

  it('keeps points outside the hamlets with a warning per row naming them', async () => {
    const text = [
      POINTS,
      '106.18,20.30,40,11,34,Viettel,4G,,ok',
      '105.00,21.50,40,11,34,Viettel,4G,,ok',
    ].join('\n');
    const { collection, report } = await load('points.csv', text, 'speedPoints', [106, 20, 106.5, 20.5]);
    expect(collection.features).toHaveLength(2);
    expect(report.warnings).toHaveLength(1);
    expect(report.warnings[0]!.index).toBe(1);
    expect(report.warnings[0]!.message).toMatch(/outside the hamlets.*counts in no hamlet/);
    expect(report.warnings[0]!.fix).toMatch(/longitude and latitude/);
  });

  it('reads field-report GeoJSON, giving reports without an id one, and skips a report without a result', async () => {
    const gj = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [106.2, 20.3] },
          properties: {
            id: 'r-1',
            time: '2026-03-14T16:21:05+07:00',
            result: 'no_signal',
            tech: '4G',
            note: 'Không có sóng',
          },
        },
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [106.21, 20.3] },
          properties: { time: '2026-03-14T16:30:00+07:00', result: 'weak' },
        },
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [106.22, 20.3] },
          properties: { time: 'x' },
        },
      ],
    };
    const { collection, report } = await load('ghi-nhan.geojson', JSON.stringify(gj), 'fieldReports');
    expect(collection.features.map((f) => [f.properties?.id, f.properties?.result])).toEqual([
      ['r-1', 'no_signal'],
      ['ghi-nhan-2', 'weak'],
    ]);
    expect(collection.features[0]!.properties?.note).toBe('Không có sóng');
    expect(report.skipped).toHaveLength(1);
    expect(report.skipped[0]!.message).toMatch(/no result/);
  });
});
