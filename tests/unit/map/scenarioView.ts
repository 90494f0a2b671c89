import type { FeatureCollection, Position } from 'geojson';
import type { ScenarioEdit } from '../../../src/analysis/scenarioTypes.ts';

// A what-if scenario for the plan's tests: a proposed site and fibre route, a site switched off, a
// route being drawn and an area it covers.
export const site: ScenarioEdit = {
  kind: 'add-site',
  site: {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [106.2, 20.2] },
    properties: { id: 'P-1', tech: '4G', radius_m: 2000, proposed: true },
  },
};
export const fibre: ScenarioEdit = {
  kind: 'add-fibre',
  fibre: {
    type: 'Feature',
    geometry: {
      type: 'LineString',
      coordinates: [
        [106.1, 20.1],
        [106.15, 20.12],
      ],
    },
    properties: { id: 'PF-1', kind: 'access', proposed: true },
  },
};
export const off: ScenarioEdit = { kind: 'site-off', siteId: 'VT-7', at: [106.3, 20.3] };
export const covered: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [106, 20],
            [106.01, 20],
            [106.01, 20.01],
            [106, 20],
          ],
        ],
      },
      properties: { hamletId: 'h1', kind: 'gained' },
    },
  ],
};
export const edits = [site, fibre, off];
export const draft: Position[] = [
  [106.4, 20.4],
  [106.41, 20.41],
];
