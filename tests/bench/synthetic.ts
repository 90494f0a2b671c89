import { centroid } from '@turf/centroid';
import { featureCollection, lineString, point } from '@turf/helpers';
import { voronoi } from '@turf/voronoi';
import type { Feature, FeatureCollection, LineString, Point, Polygon } from 'geojson';
import type {
  FacilityProps,
  FibreProps,
  HamletProps,
  InputLayers,
  SiteProps,
} from '../../src/analysis/types.ts';

/** Mulberry32: a tiny seeded generator so every bench run sees the same province. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A synthetic delta province like the shipped one: ~`hamlets` Voronoi hamlets in a 0.4°×0.4° square near
 * Nam Định, sites for three operators with realistic gaps (none in the south-east corner, thinner near the
 * coast), fibre along two "national roads" and a spanning network, and facilities. Used until
 * `geodata/hamlets.geojson` ships, and by tests that need a province-sized input.
 */
export function syntheticProvince(hamlets = 3000, sites = 1100, seed = 7): InputLayers {
  const r = rng(seed);
  const [w, s, e, n] = [106.0, 20.0, 106.4, 20.4];
  const seeds = featureCollection(
    Array.from({ length: hamlets }, () => point([w + r() * (e - w), s + r() * (n - s)])),
  );
  const cells = voronoi(seeds, { bbox: [w, s, e, n] });
  const hamletFeatures: Feature<Polygon, HamletProps>[] = [];
  cells.features.forEach((cell, i) => {
    if (!cell?.geometry) return;
    const c = centroid(cell).geometry.coordinates as [number, number];
    const commune = Math.floor((c[0] - w) / 0.05) + 8 * Math.floor((c[1] - s) / 0.05);
    hamletFeatures.push({
      type: 'Feature',
      geometry: cell.geometry,
      properties: {
        id: `H${i}`,
        name: `Xóm ${i}`,
        commune: `Xã ${commune}`,
        commune_code: `C${commune}`,
        district: `Huyện ${Math.floor(commune / 8)}`,
        district_code: `D${Math.floor(commune / 8)}`,
        households: 150 + Math.floor(r() * 150),
        synthetic: true,
      },
    });
  });
  const siteFeatures: Feature<Point, SiteProps>[] = [];
  while (siteFeatures.length < sites) {
    const x = w + r() * (e - w);
    const y = s + r() * (n - s);
    // Leave gaps: nothing in the south-east corner, few sites along the east (coastal) edge.
    if (x > 106.3 && y < 20.1) continue;
    if (x > 106.35 && r() < 0.7) continue;
    const k = siteFeatures.length;
    const tech = k % 5 === 0 ? '2G' : k % 3 === 0 ? '2G,3G,4G' : '4G';
    const props: SiteProps = { id: `S${k}`, operator: ['VNPT', 'Viettel', 'Mobifone'][k % 3], tech };
    if (k % 4 === 0) props.radius_m = 1500 + Math.floor(r() * 1500);
    if (k % 17 === 0) props.azimuths = [0, 120, 240];
    siteFeatures.push(point([x, y], props));
  }
  const fibreFeatures: Feature<LineString | Point, FibreProps>[] = [
    lineString(
      Array.from({ length: 40 }, (_, i) => [w + (i / 39) * (e - w), s + 0.15 + 0.02 * Math.sin(i / 3)]),
      { id: 'QL10', kind: 'backbone' },
    ),
    lineString(
      Array.from({ length: 40 }, (_, i) => [w + 0.12 + 0.02 * Math.cos(i / 4), s + (i / 39) * (n - s)]),
      { id: 'QL21', kind: 'access' },
    ),
  ];
  for (let i = 0; i < 60; i++) {
    const x = w + r() * (e - w - 0.1);
    const y = s + r() * (n - s);
    fibreFeatures.push(
      lineString(
        [
          [x, y],
          [x + 0.01 + r() * 0.03, y + (r() - 0.5) * 0.03],
          [x + 0.03 + r() * 0.04, y + (r() - 0.5) * 0.05],
        ],
        { id: `F${i}`, kind: 'access' },
      ),
    );
  }
  const facilities: Feature<Point, FacilityProps>[] = Array.from({ length: 300 }, (_, i) =>
    point([w + r() * (e - w), s + r() * (n - s)], {
      id: `school-${i}`,
      kind: i % 3 === 0 ? 'health' : 'school',
      name: `Trường ${i}`,
    }),
  );
  const fc = <T>(features: T[]): { type: 'FeatureCollection'; features: T[] } => ({
    type: 'FeatureCollection',
    features,
  });
  return {
    hamlets: fc(hamletFeatures),
    sites: fc(siteFeatures),
    fibre: fc(fibreFeatures) as FeatureCollection<LineString | Point, FibreProps>,
    facilities: fc(facilities),
  };
}
