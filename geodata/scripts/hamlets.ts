import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { HamletProps } from '../../src/analysis/types.ts';
import { apportion, clampShares } from './apportion.ts';
import type { CommuneFeature } from './communes.ts';
import { hamletNames } from './hamletNames.ts';
import { type Rng, uniform } from './prng.ts';
import { type Crossing, tileCommune } from './tileCommune.ts';

export const HAMLET_HOUSEHOLDS = { min: 150, max: 300, target: 205 } as const;

export interface SyntheticHamletProps extends HamletProps {
  commune: string;
  commune_code: string;
  district: string;
  district_code: string;
  households: number;
  population: number;
  synthetic: true;
}
export type SyntheticHamlet = Feature<Polygon | MultiPolygon, SyntheticHamletProps>;

export interface CommuneHamlets {
  hamlets: SyntheticHamlet[];
  /** Hamlet centres (the Voronoi seeds), in the same order. */
  anchors: [number, number][];
  /** Points where hamlet boundaries meet the commune outline (absolute micro-degrees), for noding. */
  crossings: Crossing[];
}

/** How many hamlets: ~205 households each, but never outside 150–300 when the census figure allows. */
export function hamletCount(households: number): number {
  const lo = Math.max(1, Math.ceil(households / HAMLET_HOUSEHOLDS.max));
  const hi = Math.max(lo, Math.floor(households / HAMLET_HOUSEHOLDS.min));
  return Math.min(hi, Math.max(lo, Math.round(households / HAMLET_HOUSEHOLDS.target)));
}

/**
 * Synthetic hamlets for one commune: Voronoi cells that tile it, households apportioned so they add up
 * exactly to the census figure, population at the commune's persons per household, and names by commune
 * type. Deterministic for a given rng stream.
 * @example makeCommuneHamlets(commune, rngFor(42, commune.properties.code)).hamlets.length
 */
export function makeCommuneHamlets(commune: CommuneFeature, rng: Rng): CommuneHamlets {
  const c = commune.properties;
  const n = hamletCount(c.households);
  const { cells, crossings } = tileCommune(commune.geometry, n, rng);
  const weights = cells.map(() => uniform(rng, 0.8, 1.2));
  const households = clampShares(
    apportion(c.households, weights),
    HAMLET_HOUSEHOLDS.min,
    HAMLET_HOUSEHOLDS.max,
  );
  const names = hamletNames(c.type, cells.length, rng);
  const perHousehold = c.households > 0 ? c.population / c.households : 0;
  const hamlets = cells.map((cell, i): SyntheticHamlet => {
    const hh = households[i] ?? 0;
    return {
      type: 'Feature',
      properties: {
        id: `${c.code}-${String(i + 1).padStart(2, '0')}`,
        name: names[i] ?? `Xóm ${i + 1}`,
        commune: c.name,
        commune_code: c.code,
        district: c.district,
        district_code: c.district_code,
        households: hh,
        population: Math.round(hh * perHousehold),
        synthetic: true,
      },
      geometry: cell.geometry,
    };
  });
  return { hamlets, anchors: cells.map((cell) => cell.seed), crossings };
}
