import { area } from '@turf/area';
import { Clipper, FillRule, type Paths64 } from 'clipper2-ts';
import Flatbush from 'flatbush';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { bboxOf, localFrame } from '../../../geodata/scripts/geom.ts';
import { geometryToPaths, type IntGrid } from '../../../geodata/scripts/intGeom.ts';

type Areal = Feature<Polygon | MultiPolygon, { code?: string; commune_code?: string; id?: string }>;

export interface TilingReport {
  communes: number;
  /** Largest |Σ hamlet areas − commune area| / commune area (turf.area, spherical). */
  worstAreaRelDiff: number;
  /** Largest area, m², that lies in a commune or its hamlets but not both (gaps plus spill-over). */
  worstMismatchM2: number;
  /** Largest overlap, m², between two hamlets of the same commune whose bounding boxes meet. */
  worstPairOverlapM2: number;
  /** The same for hamlets of different communes: it also shows overlaps between the communes themselves. */
  worstCrossPairOverlapM2: number;
  pairsChecked: number;
  /** Where the worst mismatch and the worst overlap are, for the failure message. */
  worstCommune: string;
  worstPair: string;
}

/**
 * Checks that hamlets tile their communes: per commune, the areas add up, and the union of its hamlets
 * differs from the commune by a negligible area (exact integer arithmetic on the micro-degree grid); no
 * two neighbouring hamlets overlap (pairs found through a bounding-box index, not all n² pairs).
 */
export function tilingReport(communes: readonly Areal[], hamlets: readonly Areal[]): TilingReport {
  const first = communes[0];
  if (!first) throw new Error('no communes');
  const [lon, lat] = bboxOf(first.geometry);
  const grid: IntGrid = { ox: Math.round(lon * 1e6) - 1_000_000, oy: Math.round(lat * 1e6) - 1_000_000 };
  const frame = localFrame(lon, lat);
  const m2PerUnit = (frame.kx / 1e6) * (frame.ky / 1e6);
  const paths = hamlets.map((h) => Clipper.union(geometryToPaths(grid, h.geometry), FillRule.EvenOdd));

  const report: TilingReport = {
    communes: communes.length,
    worstAreaRelDiff: 0,
    worstMismatchM2: 0,
    worstPairOverlapM2: 0,
    worstCrossPairOverlapM2: 0,
    pairsChecked: 0,
    worstCommune: '',
    worstPair: '',
  };
  const byCommune = new Map<string, number[]>();
  hamlets.forEach((h, i) => {
    const code = h.properties.commune_code ?? '';
    byCommune.set(code, [...(byCommune.get(code) ?? []), i]);
  });
  for (const c of communes) {
    const members = byCommune.get(c.properties.code ?? '') ?? [];
    const commune = Clipper.union(geometryToPaths(grid, c.geometry), FillRule.EvenOdd);
    const union = Clipper.union(
      members.flatMap((i) => paths[i] ?? []),
      FillRule.NonZero,
    );
    const mismatch = Math.abs(Clipper.areaPaths(Clipper.xor(union, commune, FillRule.NonZero))) * m2PerUnit;
    const communeArea = area(c);
    const sum = members.reduce((s, i) => s + area(hamlets[i] as Areal), 0);
    if (mismatch > report.worstMismatchM2) {
      report.worstMismatchM2 = mismatch;
      report.worstCommune = String(c.properties.code);
    }
    report.worstAreaRelDiff = Math.max(report.worstAreaRelDiff, Math.abs(sum - communeArea) / communeArea);
  }

  const index = new Flatbush(Math.max(1, hamlets.length));
  for (const h of hamlets) {
    const b = bboxOf(h.geometry);
    index.add(b[0], b[1], b[2], b[3]);
  }
  index.finish();
  hamlets.forEach((h, i) => {
    const b = bboxOf(h.geometry);
    for (const j of index.search(b[0], b[1], b[2], b[3])) {
      if (j <= i) continue;
      report.pairsChecked++;
      const overlap = Clipper.intersect(paths[i] as Paths64, paths[j] as Paths64, FillRule.NonZero);
      const m2 = Math.abs(Clipper.areaPaths(overlap)) * m2PerUnit;
      if (h.properties.commune_code !== hamlets[j]?.properties.commune_code) {
        report.worstCrossPairOverlapM2 = Math.max(report.worstCrossPairOverlapM2, m2);
      } else if (m2 > report.worstPairOverlapM2) {
        report.worstPairOverlapM2 = m2;
        report.worstPair = `${String(h.properties.id)} × ${String(hamlets[j]?.properties.id)}`;
      }
    }
  });
  return report;
}
