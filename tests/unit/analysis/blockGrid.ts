import type { InputLayers } from '../../../src/analysis/types.ts';
import { hamlet, layersOf, point, site } from './helpers.ts';
import { route } from './randomEdits.ts';

export const GRID_SIDE = 24;
/** A 24×24 grid of 1 km hamlets (576: three blocks) with sites, access and backbone fibre, households. */
export function blockGrid(): InputLayers {
  const hamlets = [];
  const households = [];
  for (let i = 0; i < GRID_SIDE; i++)
    for (let j = 0; j < GRID_SIDE; j++) {
      hamlets.push(hamlet(`h${i}-${j}`, i * 1000, j * 1000, 500, 50 + ((i * 7 + j) % 40)));
      if ((i + j) % 5 === 0) households.push(point(i * 1000 + 200, j * 1000 - 100, { count: 12 }));
    }
  return layersOf({
    hamlets,
    households,
    sites: [
      site('s0', 3000, 3000, { tech: '4G', radius_m: 2500, operator: 'Viettel' }),
      site('s1', 15000, 9000, { tech: '2G,3G,4G', operator: 'VNPT' }),
      site('s2', 20000, 20000, { tech: '4G', radius_m: 1800, azimuths: [0, 180], operator: 'Viettel' }),
      site('s3', 8000, 18000, { tech: '2G', operator: 'MobiFone' }),
      site('s4', 3000, 3000, { tech: '4G', radius_m: 300, operator: 'Viettel' }),
      site('s5', 4000, 4500, { tech: '2G,3G', operator: 'MobiFone' }),
    ],
    fibre: [
      route(
        'f0',
        [
          [-500, 2500],
          [12000, 2600],
        ],
        'VNPT',
      ),
      route(
        'f1',
        [
          [9000, 12000],
          [9000, 23000],
        ],
        'Viettel',
      ),
      route(
        'b0',
        [
          [4000, -800],
          [23000, 15000],
        ],
        undefined,
        'backbone',
      ),
    ],
  });
}
