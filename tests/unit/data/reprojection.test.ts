import { describe, expect, it } from 'vitest';
import proj4 from 'proj4';
import type { FeatureCollection, Polygon } from 'geojson';
import { CRS_CHOICES, LoadError, loadLayer, resolveCrs } from '../../../src/data/index.ts';
import { fixture, fixtureText, metresBetween } from './helpers.ts';

// The WGS84 source the VN-2000 fixtures were projected from (make-fixtures.ts).
const truth = JSON.parse(fixtureText('hamlets.geojson')) as FeatureCollection<Polygon>;

function worstError(fc: FeatureCollection, reference: FeatureCollection<Polygon>): number {
  let worst = 0;
  fc.features.forEach((f, i) => {
    const got = (f.geometry as Polygon).coordinates[0] as number[][];
    const want = new Map((reference.features[i]?.geometry.coordinates[0] ?? []).map((p) => [p.join(), p]));
    // Compare vertex sets: the importer may rewind a ring.
    for (const p of got) {
      let best = Infinity;
      for (const q of want.values()) best = Math.min(best, metresBetween(p, q));
      worst = Math.max(worst, best);
    }
  });
  return worst;
}

describe('VN-2000 reprojection', () => {
  it('lands within 2 m of the known WGS84 position, from an ESRI .prj without TOWGS84', async () => {
    const r = await loadLayer({ name: 'thon.zip', data: fixture('hamlets-vn2000-cp1258.zip') }, 'hamlets');
    expect(worstError(r.collection, truth)).toBeLessThan(2);
    expect(r.crs.note).toMatch(/official 7-parameter shift/);
    expect(r.crs.applied).toMatch(/TOWGS84\[-191\.90441429/);
  });

  it('would be about 200 m off without the datum shift', async () => {
    const r = await loadLayer({ name: 'thon.zip', data: fixture('hamlets-vn2000-cp1258.zip') }, 'hamlets');
    const naive = proj4(
      '+proj=tmerc +lat_0=0 +lon_0=105.5 +k=0.9999 +x_0=500000 +y_0=0 +ellps=WGS84 +units=m',
      'WGS84',
    );
    const p = (r.collection.features[0]?.geometry as Polygon).coordinates[0]?.[0] as number[];
    const metres = proj4(
      'WGS84',
      '+proj=tmerc +lat_0=0 +lon_0=105.5 +k=0.9999 +x_0=500000 +y_0=0 +ellps=WGS84 +towgs84=-191.90441429,-39.30318279,-111.45032835,0.00928836,-0.01975479,0.00427372,0.252906278 +units=m',
      p,
    );
    const shift = metresBetween(p, naive.forward(metres));
    expect(shift).toBeGreaterThan(150);
    expect(shift).toBeLessThan(300);
  });

  it('asks for a CRS when a file has metres and no .prj, naming the VN-2000 TM-3 choice', async () => {
    const err = await loadLayer(
      { name: 'noprj.zip', data: fixture('hamlets-vn2000-noprj.zip') },
      'hamlets',
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LoadError);
    expect((err as LoadError).message).toMatch(
      /noprj\.zip: has no coordinate system.*look like metres.*VN-2000 TM-3/,
    );
    expect((err as LoadError).fix).toMatch(/105°30′/);
  });

  it('imports the same file once the user chooses VN2000-TM3-105.5', async () => {
    const r = await loadLayer({ name: 'noprj.zip', data: fixture('hamlets-vn2000-noprj.zip') }, 'hamlets', {
      crs: 'VN2000-TM3-105.5',
    });
    expect(worstError(r.collection, truth)).toBeLessThan(2);
    expect(r.crs.detected).toMatch(/central meridian 105°30′.*chosen/);
  });

  it('detects metres in a GeoJSON with no CRS', async () => {
    await expect(
      loadLayer({ name: 'm.geojson', data: fixture('hamlets-metres.geojson') }, 'hamlets'),
    ).rejects.toThrow(/m\.geojson: has no coordinate system, and its coordinates look like metres/);
  });

  it('refuses a projected CRS choice for data in degrees', async () => {
    await expect(
      loadLayer({ name: 'h.geojson', data: fixture('hamlets.geojson') }, 'hamlets', { crs: 'VN2000-UTM48N' }),
    ).rejects.toThrow(/look like degrees/);
  });

  it('reads a legacy GeoJSON crs member', async () => {
    const fc = JSON.parse(fixtureText('hamlets-metres.geojson')) as Record<string, unknown>;
    const named = { ...fc, crs: { type: 'name', properties: { name: 'VN2000-TM3-105.5' } } };
    const r = await loadLayer({ name: 'c.geojson', data: JSON.stringify(named) }, 'hamlets');
    expect(worstError(r.collection, truth)).toBeLessThan(2);
  });
});

// An independent 7-parameter (position vector) Helmert shift, VN-2000 → WGS84, both on the WGS84
// ellipsoid: checks that proj4 applies the official parameters the way the decree defines them.
function helmertVn2000ToWgs84(lon: number, lat: number): [number, number] {
  const a = 6378137;
  const f = 1 / 298.257223563;
  const e2 = f * (2 - f);
  const rad = Math.PI / 180;
  const sec = rad / 3600;
  const [tx, ty, tz, rx, ry, rz, ppm] = [
    -191.90441429,
    -39.30318279,
    -111.45032835,
    0.00928836 * sec,
    -0.01975479 * sec,
    0.00427372 * sec,
    0.252906278,
  ];
  const phi = lat * rad;
  const lam = lon * rad;
  const n = a / Math.sqrt(1 - e2 * Math.sin(phi) ** 2);
  const [x, y, z] = [
    n * Math.cos(phi) * Math.cos(lam),
    n * Math.cos(phi) * Math.sin(lam),
    n * (1 - e2) * Math.sin(phi),
  ];
  const k = 1 + ppm * 1e-6;
  const X = tx + k * (x - rz * y + ry * z);
  const Y = ty + k * (rz * x + y - rx * z);
  const Z = tz + k * (-ry * x + rx * y + z);
  const p = Math.hypot(X, Y);
  let lat2 = Math.atan2(Z, p * (1 - e2));
  for (let i = 0; i < 10; i++) {
    const N = a / Math.sqrt(1 - e2 * Math.sin(lat2) ** 2);
    const h = p / Math.cos(lat2) - N;
    lat2 = Math.atan2(Z, p * (1 - (e2 * N) / (N + h)));
  }
  return [Math.atan2(Y, X) / rad, lat2 / rad];
}

describe('VN-2000 datum shift, checked independently', () => {
  it('matches a hand-written Helmert transform to within 5 cm', () => {
    const def = resolveCrs('VN2000', 'f').def;
    for (const [lon, lat] of [
      [106.17, 20.42],
      [105.5, 21.0],
      [108.2, 16.05],
      [106.7, 10.78],
    ] as const) {
      const viaProj4 = proj4(def, 'WGS84').forward([lon, lat]);
      expect(metresBetween(viaProj4, helmertVn2000ToWgs84(lon, lat))).toBeLessThan(0.05);
    }
  });
});

describe('swapped latitude/longitude', () => {
  it('is detected, swapped back and said so', async () => {
    const r = await loadLayer({ name: 's.geojson', data: fixture('hamlets-swapped.geojson') }, 'hamlets');
    expect(worstError(r.collection, truth)).toBeLessThan(0.01);
    expect(r.crs.note).toMatch(/swapped/);
    expect(r.report.warnings[0]?.message).toMatch(/^s\.geojson: Latitude and longitude were swapped/);
  });

  it('is left alone when the user insists on lon/lat, so every latitude of ~106 is out of range', async () => {
    const r = await loadLayer({ name: 's.geojson', data: fixture('hamlets-swapped.geojson') }, 'hamlets', {
      axisOrder: 'lonlat',
    });
    expect(r.report.imported).toBe(0);
    expect(r.report.skipped[0]?.message).toMatch(
      /feature 1 \(id GT-01, "Thôn Đông Hải"\): has coordinates out of range/,
    );
  });

  it('is not claimed for correct lon/lat data', async () => {
    const r = await loadLayer({ name: 'h.geojson', data: fixture('hamlets.geojson') }, 'hamlets');
    expect(r.crs.note).toBeUndefined();
  });
});

describe('CRS_CHOICES', () => {
  it('offers WGS84, VN-2000 TM-3 zones with the datum shift, and UTM 48N/49N', () => {
    const codes = CRS_CHOICES.map((c) => c.code);
    expect(codes).toEqual(
      expect.arrayContaining(['WGS84', 'VN2000-TM3-105.5', 'VN2000-UTM48N', 'VN2000-UTM49N', 'WGS84-UTM48N']),
    );
    const nd = CRS_CHOICES.find((c) => c.code === 'VN2000-TM3-105.5');
    expect(nd?.label).toMatch(/105°30′.*Nam Định/);
    expect(nd?.proj4).toMatch(/\+lon_0=105\.5 \+k=0\.9999 \+x_0=500000.*\+towgs84=-191\.90441429/);
  });

  it('resolves EPSG aliases and adds the shift to a bare VN-2000 proj4 string', () => {
    expect(resolveCrs('EPSG:3405', 'f').def).toMatch(/\+lon_0=105 \+k=0\.9996.*towgs84/);
    expect(resolveCrs('EPSG:4326', 'f').isWgs84).toBe(true);
    expect(resolveCrs('EPSG:9209', 'f').def).toMatch(/\+lon_0=105\.5 \+k=0\.9999/);
    const wgsPrj =
      'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';
    expect(resolveCrs(wgsPrj, 'f.prj').isWgs84).toBe(true);
    const bare = resolveCrs(
      '+proj=tmerc +lon_0=105.5 +k=0.9999 +x_0=500000 +ellps=WGS84 +units=m +title=VN-2000',
      'f',
    );
    expect(bare.def).toMatch(/towgs84/);
    expect(() => resolveCrs('PROJCS["nonsense"', 'f.prj')).toThrow(LoadError);
  });
});
