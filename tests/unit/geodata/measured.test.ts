import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { quadkeyBounds } from '../../../src/data/quadkey.ts';

const dir = join(import.meta.dirname, '../../../geodata');
const csv = (file: string) => {
  const parsed = Papa.parse<Record<string, string>>(readFileSync(join(dir, file), 'utf8'), {
    header: true,
    skipEmptyLines: true,
  });
  expect(parsed.errors, file).toEqual([]);
  return { columns: parsed.meta.fields ?? [], rows: parsed.data };
};
const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
  measured: { file: string; kind: string; rows: number; bytes: number; synthetic: boolean }[];
};
const province = JSON.parse(readFileSync(join(dir, 'province.geojson'), 'utf8')) as FeatureCollection<
  Polygon | MultiPolygon
>;
const g = province.features[0]?.geometry;
const ring = g ? (g.type === 'Polygon' ? [g.coordinates] : g.coordinates).flat(2) : [];
const box = {
  w: Math.min(...ring.map((p) => p[0] ?? 0)),
  s: Math.min(...ring.map((p) => p[1] ?? 0)),
  e: Math.max(...ring.map((p) => p[0] ?? 0)),
  n: Math.max(...ring.map((p) => p[1] ?? 0)),
};
const TILE_COLUMNS = ['quadkey', 'avg_d_kbps', 'avg_u_kbps', 'avg_lat_ms', 'tests', 'devices'];
const int = (v: string | undefined) => (v !== undefined && /^\d+$/.test(v) ? Number(v) : NaN);

describe('committed measured files', () => {
  it('are listed in the manifest as illustrative, under 1 MB each', () => {
    expect(manifest.measured.map((m) => [m.file, m.kind])).toEqual([
      ['measured/mobile-tiles.csv', 'mobile'],
      ['measured/fixed-tiles.csv', 'fixed'],
      ['measured/speedtest-points.csv', 'points'],
    ]);
    for (const m of manifest.measured) {
      expect(m.synthetic).toBe(true);
      expect(statSync(join(dir, m.file)).size, m.file).toBe(m.bytes);
      expect(m.bytes, m.file).toBeLessThan(500_000);
      expect(csv(m.file).rows, m.file).toHaveLength(m.rows);
    }
    expect(readFileSync(join(dir, 'measured/README.md'), 'utf8')).toMatch(/illustrative/i);
  });

  for (const kind of ['mobile', 'fixed'] as const) {
    it(`${kind} tiles: the open-data columns, valid zoom-16 quadkeys over the province, plausible values`, () => {
      const { columns, rows } = csv(`measured/${kind}-tiles.csv`);
      expect(columns).toEqual(TILE_COLUMNS);
      expect(rows.length).toBeGreaterThan(1000);
      const keys = rows.map((r) => r.quadkey ?? '');
      expect(new Set(keys).size).toBe(keys.length);
      expect([...keys].sort()).toEqual(keys);
      let in100to300 = 0;
      for (const r of rows) {
        expect(r.quadkey).toMatch(/^[0-3]{16}$/);
        const [w, s, e, n] = quadkeyBounds(r.quadkey ?? '');
        expect(e > box.w && w < box.e && n > box.s && s < box.n, r.quadkey).toBe(true);
        const down = int(r.avg_d_kbps);
        const up = int(r.avg_u_kbps);
        const tests = int(r.tests);
        expect(down, r.quadkey).toBeGreaterThan(0);
        expect(down, r.quadkey).toBeLessThan(kind === 'mobile' ? 700_000 : 400_000);
        expect(up, r.quadkey).toBeGreaterThan(0);
        expect(int(r.avg_lat_ms), r.quadkey).toBeGreaterThan(0);
        expect(int(r.avg_lat_ms), r.quadkey).toBeLessThan(400);
        expect(tests, r.quadkey).toBeGreaterThanOrEqual(1);
        expect(int(r.devices), r.quadkey).toBeGreaterThanOrEqual(1);
        expect(int(r.devices), r.quadkey).toBeLessThanOrEqual(tests);
        if (down >= 100_000 && down <= 300_000) in100to300++;
      }
      if (kind === 'fixed') expect(in100to300 / rows.length).toBeGreaterThan(0.7);
      else expect(in100to300 / rows.length).toBeLessThan(0.1);
    });
  }

  it('points: the documented columns; ok rows have speeds, no_service rows none; Jan–May 2026', () => {
    const { columns, rows } = csv('measured/speedtest-points.csv');
    expect(columns).toEqual([
      'lon',
      'lat',
      'download_mbps',
      'upload_mbps',
      'latency_ms',
      'operator',
      'tech',
      'time',
      'result',
    ]);
    expect(rows.length).toBeGreaterThan(200);
    expect(rows.length).toBeLessThan(600);
    const times = rows.map((r) => r.time ?? '');
    expect([...times].sort()).toEqual(times);
    for (const r of rows) {
      const at = `${r.lon},${r.lat}`;
      expect(Number(r.lon), at).toBeGreaterThan(box.w);
      expect(Number(r.lon), at).toBeLessThan(box.e);
      expect(Number(r.lat), at).toBeGreaterThan(box.s);
      expect(Number(r.lat), at).toBeLessThan(box.n);
      expect(['Viettel', 'VNPT', 'MobiFone', 'Vietnamobile'], at).toContain(r.operator);
      expect(r.time, at).toMatch(/^2026-0[1-5]-\d\dT\d\d:\d\d:\d\d\+07:00$/);
      expect(Number.isNaN(Date.parse(r.time ?? ''))).toBe(false);
      if (r.result === 'ok') {
        expect(['4G', '5G', 'fixed'], at).toContain(r.tech);
        expect(Number(r.download_mbps), at).toBeGreaterThan(0);
        expect(Number(r.upload_mbps), at).toBeGreaterThan(0);
        expect(int(r.latency_ms), at).toBeGreaterThan(0);
        if (r.tech === 'fixed') expect(['VNPT', 'Viettel']).toContain(r.operator);
      } else {
        expect(r.result, at).toBe('no_service');
        expect([r.download_mbps, r.upload_mbps, r.latency_ms, r.tech], at).toEqual(['', '', '', '']);
      }
    }
    const share = (f: (r: Record<string, string>) => boolean) => rows.filter(f).length / rows.length;
    expect(share((r) => r.result === 'no_service')).toBeGreaterThan(0.1);
    expect(share((r) => r.result === 'no_service')).toBeLessThan(0.4);
    expect(share((r) => r.tech === 'fixed')).toBeGreaterThan(0.05);
  });
});
