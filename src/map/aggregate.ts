import type { ExpressionSpecification } from 'maplibre-gl';
import type { Rollup } from '../analysis/types.ts';
import type { AdminCollection } from '../store/appState.ts';
import type { FC } from './mapData.ts';
import { memoLast } from './memo.ts';
import { AGGREGATE } from './palette.ts';

/**
 * Below this zoom the map draws the units (communes and wards, or the communes of 2020–2024) coloured by
 * their hamlets' status instead of the hamlets and their zones. The sample's hamlets have a median area of
 * 0.53 km² (10th percentile 0.15 km²): at 20° N that is 5 px across at zoom 9 (p10: 2.7 px), 2.5 px at
 * zoom 8 and 1.3 px at zoom 7, where the national set (the province 32×, ~89,000 hamlets) fits a desktop
 * screen and its zone outlines merge into blobs. At 9 and above hamlets are drawn as before.
 */
export const AGGREGATE_BELOW_ZOOM = 9;

/** Whether the map shows the aggregate rather than the hamlets at `zoom`. */
export function showsAggregate(zoom: number): boolean {
  return zoom < AGGREGATE_BELOW_ZOOM;
}

/**
 * A unit's gap (docs/DATA-MODEL.md, "Aggregate colouring"): the share of its hamlets lacking coverage,
 * an unserved hamlet counting whole and a partly served one half, so 0 is all served, ½ all partly served
 * and 1 all unserved; -1 for a unit without hamlets.
 * @example gapOf({ hamlets: 4, hamletsByStatus: { served: 1, partial: 2, unserved: 1 } }) // 0.5
 */
export function gapOf(r: Pick<Rollup, 'hamlets' | 'hamletsByStatus'>): number {
  if (r.hamlets <= 0) return -1;
  return (r.hamletsByStatus.unserved + r.hamletsByStatus.partial / 2) / r.hamlets;
}

/**
 * The unit shapes with their roll-up's hamlet counts by status and `gap` joined by `code`; the geometry
 * objects are the layer's own (nothing is recomputed). Units without a roll-up (no hamlets, or no result
 * yet) get `gap: -1`. The same object while the shapes and the roll-ups are unchanged.
 */
export const aggregateForMap = memoLast(
  (areas: AdminCollection | null, rollups: readonly Rollup[] | undefined): FC | null => {
    if (!areas) return null;
    const byCode = new Map((rollups ?? []).map((r) => [r.code, r]));
    return {
      type: 'FeatureCollection',
      features: areas.features.map((f) => {
        const r = byCode.get(String(f.properties.code));
        return {
          type: 'Feature',
          geometry: f.geometry,
          properties: {
            ...f.properties,
            hamlets: r?.hamlets ?? 0,
            served: r?.hamletsByStatus.served ?? 0,
            partial: r?.hamletsByStatus.partial ?? 0,
            unserved: r?.hamletsByStatus.unserved ?? 0,
            gap: r ? gapOf(r) : -1,
          },
        };
      }),
    };
  },
);

/** Fill colour of a unit by its `gap`: the aggregate ramp, grey for a unit without hamlets. */
export function aggregateColour(): ExpressionSpecification {
  return [
    'case',
    ['<', ['get', 'gap'], 0],
    AGGREGATE.none,
    [
      'interpolate',
      ['linear'],
      ['get', 'gap'],
      ...AGGREGATE.stops.flatMap(([v, c]) => [v, c]),
    ] as unknown as ExpressionSpecification,
  ];
}
