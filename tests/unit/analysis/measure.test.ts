import { describe, expect, it } from 'vitest';
import { area } from '@turf/area';
import { polygon } from '@turf/helpers';
import proj4 from 'proj4';
import type { Position } from 'geojson';
import { analyze } from '../../../src/analysis/analyze.ts';
import { createLocalProjection } from '../../../src/analysis/geometry/projection.ts';
import { layersOf } from './helpers.ts';

const A = 6378137;
const F = 1 / 298.257223563;
const E2 = F * (2 - F);
const E = Math.sqrt(E2);

/** Exact ellipsoidal area of the quadrangle between two parallels and two meridians (authalic formula). */
function quadrangleArea(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const q = (phi: number): number => {
    const s = Math.sin(phi);
    return s / (1 - E2 * s * s) + (1 / (2 * E)) * Math.log((1 + E * s) / (1 - E * s));
  };
  const b2 = A * A * (1 - E2);
  const rad = Math.PI / 180;
  return (b2 / 2) * (lon2 - lon1) * rad * (q(lat2 * rad) - q(lat1 * rad));
}

/** A lon/lat cell with its edges densified so they follow the parallels and meridians. */
function cell(lon1: number, lat1: number, lon2: number, lat2: number, steps = 200): Position[] {
  const ring: Position[] = [];
  for (let i = 0; i < steps; i++) ring.push([lon1 + ((lon2 - lon1) * i) / steps, lat1]);
  for (let i = 0; i < steps; i++) ring.push([lon2, lat1 + ((lat2 - lat1) * i) / steps]);
  for (let i = 0; i < steps; i++) ring.push([lon2 - ((lon2 - lon1) * i) / steps, lat2]);
  for (let i = 0; i < steps; i++) ring.push([lon1, lat2 - ((lat2 - lat1) * i) / steps]);
  ring.push([lon1, lat1]);
  return ring;
}

const hamletOf = (id: string, ring: Position[]) => ({
  type: 'Feature' as const,
  geometry: { type: 'Polygon' as const, coordinates: [ring] },
  properties: { id, name: id },
});

describe('ellipsoidal measurement', () => {
  it('a 1°×1° cell at Nam Định matches the WGS84 quadrangle area within 0.01 %, where turf is ~0.3 % off', () => {
    const ring = cell(106, 20, 107, 21);
    const expected = quadrangleArea(106, 20, 107, 21);
    const got = analyze(layersOf({ hamlets: [hamletOf('cell', ring)] })).hamlets[0]?.areaM2 as number;
    // 2e-5 measured: the point scale varies by that much across a whole degree; hamlets are far smaller.
    expect(Math.abs(got / expected - 1)).toBeLessThan(1e-4);
    expect(Math.abs(area(polygon([ring])) / expected - 1)).toBeGreaterThan(1e-3);
  });

  it('cells far from the projection centre are still exact: the point scale is divided out per hamlet', () => {
    const cells = [
      cell(105, 19, 105.2, 19.2),
      cell(107.3, 21.3, 107.5, 21.5),
      cell(106.1, 20.1, 106.3, 20.3),
    ];
    const result = analyze(layersOf({ hamlets: cells.map((r, i) => hamletOf(`c${i}`, r)) }));
    const boxes = [
      [105, 19, 105.2, 19.2],
      [107.3, 21.3, 107.5, 21.5],
      [106.1, 20.1, 106.3, 20.3],
    ] as const;
    boxes.forEach(([a, b, c, d], i) => {
      const got = result.hamlets[i]?.areaM2 as number;
      expect(Math.abs(got / quadrangleArea(a, b, c, d) - 1)).toBeLessThan(1e-4);
    });
  });

  it('the local transverse Mercator agrees with proj4 to a millimetre and inverts itself', () => {
    const p = createLocalProjection(106.2, 20.3);
    const def = '+proj=tmerc +lat_0=20.3 +lon_0=106.2 +k=1 +x_0=0 +y_0=0 +ellps=WGS84 +units=m';
    for (const [lon, lat] of [
      [106.21, 20.3],
      [107.5, 21.4],
      [105, 19],
    ] as const) {
      const [x, y] = p.forward(lon, lat);
      const [ex, ey] = proj4('WGS84', def, [lon, lat]);
      expect(Math.hypot(x - ex, y - ey)).toBeLessThan(1e-3);
      const [lon2, lat2] = p.inverse(x, y);
      expect(Math.abs(lon2 - lon) + Math.abs(lat2 - lat)).toBeLessThan(1e-8);
    }
    expect(p.scaleAt(106.2, 20.3)).toBeCloseTo(1, 9);
    // At 1.3° from the central meridian lengths grow by about x²/2R² ≈ 2.2e-4.
    expect(p.scaleAt(107.5, 21.4)).toBeGreaterThan(1.0002);
  });
});
