import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, FeatureCollection, Point } from 'geojson';
import { describe, expect, it } from 'vitest';

const dir = join(import.meta.dirname, '../../../geodata');
const read = (path: string) =>
  JSON.parse(readFileSync(join(dir, path), 'utf8')) as FeatureCollection & Record<string, unknown>;
type Props = { id: string; operator?: string; tech?: string; radius_m?: number; synthetic?: boolean };
const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
  date: string;
  versions: { date: string; folder: string; files: { file: string; features: number; bytes: number }[] }[];
};
const versions = manifest.versions.map((v) => ({
  date: v.date,
  sites: read(join(v.folder, 'sites.geojson')).features as Feature<Point, Props>[],
  fibre: read(join(v.folder, 'fibre.geojson')).features as Feature<never, Props>[],
}));
const latest = versions[versions.length - 1];
const byId = <T extends { properties: Props }>(list: T[]) => new Map(list.map((f) => [f.properties.id, f]));
const isMbb = (tech?: string) => /4G|5G/.test(tech ?? '');

describe('committed network versions', () => {
  it('are listed in the manifest, oldest first, the latest being geodata/ itself', () => {
    expect(manifest.date).toBe('2026-06');
    expect(manifest.versions.map((v) => [v.date, v.folder])).toEqual([
      ['2022-12', 'versions/2022-12'],
      ['2024-12', 'versions/2024-12'],
      ['2026-06', '.'],
    ]);
    for (const v of manifest.versions) {
      for (const f of v.files) {
        const path = join(dir, v.folder, f.file);
        expect(existsSync(path), path).toBe(true);
        expect(statSync(path).size, path).toBe(f.bytes);
        expect(read(join(v.folder, f.file)).features, path).toHaveLength(f.features);
      }
    }
  });

  it('are marked illustrative and dated', () => {
    for (const v of manifest.versions.slice(0, -1)) {
      for (const file of ['sites.geojson', 'fibre.geojson']) {
        const fc = read(join(v.folder, file));
        expect(fc.illustrative).toBe(true);
        expect(fc.version).toBe(v.date);
        for (const f of fc.features) expect(f.properties?.synthetic).toBe(true);
      }
    }
  });

  it('keep every id at its position; an earlier fibre feature is the same feature today', () => {
    const sitesNow = byId(latest?.sites ?? []);
    const fibreNow = byId(latest?.fibre ?? []);
    for (const v of versions.slice(0, -1)) {
      expect(new Set(v.sites.map((f) => f.properties.id)).size).toBe(v.sites.length);
      for (const f of v.sites) {
        const now = sitesNow.get(f.properties.id);
        if (!now) continue;
        expect(f.geometry.coordinates, `${v.date} ${f.properties.id}`).toEqual(now.geometry.coordinates);
        expect(f.properties.radius_m).toBe(now.properties.radius_m);
        expect(f.properties.operator).toBe(now.properties.operator);
      }
      for (const f of v.fibre)
        expect(f, `${v.date} ${f.properties.id}`).toEqual(fibreNow.get(f.properties.id));
    }
  });

  it('grow over time: fibre and 4G/5G sites are only added, 2G sites go in 2024 and three 4G sites in 2025', () => {
    for (let i = 1; i < versions.length; i++) {
      const before = versions[i - 1];
      const after = versions[i];
      if (!before || !after) continue;
      const fibreAfter = byId(after.fibre);
      for (const f of before.fibre) expect(fibreAfter.has(f.properties.id), f.properties.id).toBe(true);
      const sitesAfter = byId(after.sites);
      const gone = before.sites.filter((f) => !sitesAfter.has(f.properties.id)).map((f) => f.properties.id);
      expect(
        gone.every((id) => (i === 1 ? /^site-2g-\d+$/ : /^site-old-\d$/).test(id)),
        gone.join(),
      ).toBe(true);
      expect(gone.length).toBeGreaterThan(0);
      // A 4G/5G site of the earlier version still offers it later (or is one of the three gone).
      for (const f of before.sites) {
        const later = sitesAfter.get(f.properties.id);
        if (later && isMbb(f.properties.tech))
          expect(isMbb(later.properties.tech), f.properties.id).toBe(true);
      }
      expect(after.sites.filter((f) => isMbb(f.properties.tech)).length).toBeGreaterThan(
        before.sites.filter((f) => isMbb(f.properties.tech)).length,
      );
      expect(after.fibre.length).toBeGreaterThan(before.fibre.length);
    }
    const fiveG = versions.map((v) => v.sites.filter((f) => f.properties.tech?.includes('5G')).length);
    expect(fiveG[0]).toBe(0);
    expect(fiveG[1]).toBeGreaterThan(0);
    expect(fiveG[2]).toBeGreaterThan(fiveG[1] ?? 0);
  });

  it('put a Vietnamobile site only on a tower that carries 4G in the same version', () => {
    for (const v of versions) {
      const hosts = new Set(
        v.sites
          .filter((f) => f.properties.operator !== 'Vietnamobile' && isMbb(f.properties.tech))
          .map((f) => f.geometry.coordinates.join()),
      );
      const fourth = v.sites.filter((f) => f.properties.operator === 'Vietnamobile');
      expect(fourth.length, v.date).toBeGreaterThan(0);
      for (const f of fourth) expect(hosts.has(f.geometry.coordinates.join()), f.properties.id).toBe(true);
    }
  });
});
