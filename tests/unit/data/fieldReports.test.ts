import { describe, expect, it } from 'vitest';
import {
  fieldReportsGeoJson,
  mergeReports,
  readFieldReportsFile,
  reportsFromFeatures,
  type FieldReport,
} from '../../../src/data/fieldReports.ts';
import { LoadError } from '../../../src/data/LoadError.ts';

function report(id: string, time: string, extra: Record<string, unknown> = {}): FieldReport {
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [106.17, 20.25] },
    properties: { id, time, result: 'no_signal', ...extra },
  };
}

describe('the field-report GeoJSON format', () => {
  it('writes only the format’s properties, newest first, coordinates to 6 decimals', () => {
    const a = report('a', '2026-11-01T08:00:00.000Z', {
      operator: 'Viettel',
      tech: '4G',
      download_mbps: 0.5,
    });
    const b = report('b', '2026-11-02T08:00:00.000Z', { note: 'Cuối xóm', stray: 'x' });
    b.geometry.coordinates = [106.123456789, 20.987654321];
    const fc = fieldReportsGeoJson([a, b]);
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features.map((f) => f.properties.id)).toEqual(['b', 'a']);
    expect(fc.features[0]!.geometry.coordinates).toEqual([106.123457, 20.987654]);
    expect(fc.features[0]!.properties).toEqual({
      id: 'b',
      time: '2026-11-02T08:00:00.000Z',
      result: 'no_signal',
      note: 'Cuối xóm',
    });
    expect(Object.keys(fc.features[1]!.properties)).toEqual([
      'id',
      'time',
      'result',
      'operator',
      'tech',
      'download_mbps',
    ]);
  });

  it('reads back what it writes', () => {
    const reports = [
      report('x', '2026-11-03T01:02:03.000Z', { result: 'weak', upload_mbps: 0, tech: 'fixed' }),
      report('y', '2026-10-03T01:02:03.000Z', { result: 'ok', operator: 'VNPT', download_mbps: 42.5 }),
    ];
    const back = reportsFromFeatures(JSON.parse(JSON.stringify(fieldReportsGeoJson(reports))).features);
    expect(back.problems).toEqual([]);
    expect(back.reports).toEqual(fieldReportsGeoJson(reports).features);
  });

  it('leaves out a bad feature with a line naming it and why, and keeps the others', () => {
    const good = report('ok1', '2026-11-01T08:00:00Z');
    const read = reportsFromFeatures([
      good,
      {
        ...report('r2', '2026-11-01T08:00:00Z'),
        properties: { id: 'r2', time: '2026-11-01', result: 'none' },
      },
      { ...report('r3', 'yesterday') },
      { type: 'Feature', geometry: { type: 'LineString', coordinates: [] }, properties: {} },
      report('', '2026-11-01T08:00:00Z'),
      report('r6', '2026-11-01T08:00:00Z', { download_mbps: -3 }),
      report('r7', '2026-11-01T08:00:00Z', { tech: 'LTE' }),
      { ...good, geometry: { type: 'Point', coordinates: [500, 20] } },
      report('ok1', '2026-11-05T08:00:00Z'),
    ]);
    expect(read.reports.map((r) => r.properties.id)).toEqual(['ok1']);
    expect(read.reports[0]!.properties.time).toBe('2026-11-01T08:00:00.000Z');
    expect(read.problems).toEqual([
      'feature 2: report "r2": "result" must be no_signal, weak or ok (found "none")',
      'feature 3: report "r3": "time" is not an ISO 8601 date and time',
      'feature 4: the geometry is not a Point',
      'feature 5: it has no "id"',
      'feature 6: report "r6": "download_mbps" must be a number of Mb/s, 0 or more',
      'feature 7: report "r7": "tech" must be one of 2G, 3G, 4G, 5G, fixed',
      'feature 8: the point (500, 20) is not a longitude/latitude',
      'feature 9: id "ok1" appears twice; the first is kept',
    ]);
  });

  it('merges by id: a report with a known id replaces it, others are added', () => {
    const mine = [report('a', '2026-11-01T08:00:00.000Z'), report('b', '2026-11-02T08:00:00.000Z')];
    const incoming = [
      report('b', '2026-11-02T08:00:00.000Z', { result: 'ok', note: 'fixed now' }),
      report('c', '2026-11-03T08:00:00.000Z'),
    ];
    const merged = mergeReports(mine, incoming);
    expect(merged.added).toBe(1);
    expect(merged.updated).toBe(1);
    expect(merged.reports.map((r) => r.properties.id)).toEqual(['c', 'b', 'a']);
    expect(merged.reports[1]!.properties.result).toBe('ok');
    expect(mine[1]!.properties.result).toBe('no_signal');
  });

  it('reads a file through the app’s reader, and refuses one with no report or not GeoJSON', async () => {
    const text = JSON.stringify(fieldReportsGeoJson([report('f1', '2026-11-01T08:00:00.000Z')]));
    const read = await readFieldReportsFile({ name: 'reports.geojson', data: text });
    expect(read.reports).toHaveLength(1);
    const empty = JSON.stringify({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', geometry: null, properties: {} }],
    });
    await expect(readFieldReportsFile({ name: 'empty.geojson', data: empty })).rejects.toThrow(
      /empty\.geojson.*holds no field report \(feature 1: the geometry is not a Point\)/,
    );
    await expect(
      readFieldReportsFile({ name: 'sites.csv', data: 'lon,lat\n106,20\n' }),
    ).rejects.toBeInstanceOf(LoadError);
  });
});
