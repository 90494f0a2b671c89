import type { ExpressionSpecification } from 'maplibre-gl';
import type { AnalysisResult, InputLayers, Rollup } from '../analysis/types.ts';
import type { AdminCollection, AdminLayers } from '../store/appState.ts';
import type { UnitSystem } from '../store/viewState.ts';
import { featureBoxes } from '../data/featureBoxes.ts';
import type { FC, ResultLookups } from './mapData.ts';
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

/** What the aggregate is drawn by: the units in force, or a grid when the data has no shapes for them. */
export type AggregateAreas = 'units' | 'communes' | 'grid';

export function aggregateAreas(admin: AdminLayers, unitSystem?: UnitSystem): AggregateAreas {
  const kind = unitSystem === 'units' ? 'units' : 'communes';
  return (admin[kind]?.features.length ?? 0) > 0 ? kind : 'grid';
}

/**
 * Side of a grid cell in degrees, for hamlets imported without commune or unit boundaries: about 11 km at
 * 20° N, 10 px at zoom 7; Vietnam's land is ~2,700 cells.
 */
export const GRID_DEG = 0.1;
/** Grid columns and rows are offset by this in a cell's number (`gridForMap`): ±204.8° at 0.1°. */
const GRID_SPAN = 2048;

/** The cell `ix,iy` as west, south, east, north. */
export function gridCellBounds(cell: string): [number, number, number, number] | null {
  const [ix, iy] = cell.split(',').map(Number);
  if (!Number.isInteger(ix) || !Number.isInteger(iy)) return null;
  return [ix! * GRID_DEG, iy! * GRID_DEG, (ix! + 1) * GRID_DEG, (iy! + 1) * GRID_DEG];
}

/**
 * The grid aggregate: one square per cell holding the centre of a hamlet's bounding box, with the same
 * counts and `gap` as a unit's (`gapOf`, each hamlet's status from `coverage`, the store's lookup of the
 * result), and `cell` ("ix,iy") for a click to zoom to. Without a result every cell has `gap: -1`.
 */
export const gridForMap = memoLast(
  (
    hamlets: InputLayers['hamlets'] | null,
    coverage: ResultLookups['coverageById'],
    result: AnalysisResult | null,
  ): FC | null => {
    if (!hamlets || hamlets.features.length === 0) return null;
    const boxes = featureBoxes(hamlets.features);
    // Cells by a number made of their column and row (no string per hamlet), named once each below.
    const cells = new Map<number, Pick<Rollup, 'hamlets' | 'hamletsByStatus'> & { cell: string }>();
    const features = hamlets.features;
    for (let i = 0; i < features.length; i++) {
      const x = (boxes[i * 4]! + boxes[i * 4 + 2]!) / 2;
      const y = (boxes[i * 4 + 1]! + boxes[i * 4 + 3]!) / 2;
      if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
      const ix = Math.floor(x / GRID_DEG);
      const iy = Math.floor(y / GRID_DEG);
      // Columns and rows of the globe at 0.1° stay within ±1,800, well inside ±GRID_SPAN: distinct numbers.
      const key = (ix + GRID_SPAN) * GRID_SPAN * 2 + (iy + GRID_SPAN);
      let c = cells.get(key);
      if (!c) {
        c = { cell: `${ix},${iy}`, hamlets: 0, hamletsByStatus: { served: 0, partial: 0, unserved: 0 } };
        cells.set(key, c);
      }
      c.hamlets++;
      const st = coverage.get((features[i] as (typeof features)[number]).properties.id)?.status;
      if (st) c.hamletsByStatus[st]++;
    }
    const analysed = result !== null;
    return {
      type: 'FeatureCollection',
      features: [...cells.values()].map(({ cell, ...c }) => {
        const [w, s, e, n] = gridCellBounds(cell)!;
        return {
          type: 'Feature',
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [w, s],
                [e, s],
                [e, n],
                [w, n],
                [w, s],
              ],
            ],
          },
          properties: {
            cell,
            hamlets: c.hamlets,
            served: c.hamletsByStatus.served,
            partial: c.hamletsByStatus.partial,
            unserved: c.hamletsByStatus.unserved,
            gap: analysed ? gapOf(c) : -1,
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
