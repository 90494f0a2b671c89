import type { FeatureCollection } from 'geojson';
import type { VersionState } from '../store/versions/versionStore.ts';
import { allVersions } from '../store/versions/versionStore.ts';
import type { LegendChanges } from './legend.ts';

type Shown = Pick<VersionState, 'comparison' | 'showOnMap'>;

/** The changed hamlets the map draws: the comparison's, while it is to be shown on the map. */
export function shownChanges(v: Shown): FeatureCollection | null {
  return v.showOnMap && v.comparison ? v.comparison.map : null;
}

/** A version's month as the legend and the panel write it: `12/2022`. */
export function monthLabel(date: string): string {
  const [y, m] = date.split('-');
  return `${m}/${y}`;
}

/** What the legend lists for the compared versions: the kinds of change the map shows, and the dates. */
export function legendChanges(v: Shown & Pick<VersionState, 'builtIn' | 'saved'>): LegendChanges | null {
  const fc = shownChanges(v);
  if (!fc || !v.comparison) return null;
  const date = (id: string): string => {
    const meta = allVersions(v).find((x) => x.id === id);
    return meta ? monthLabel(meta.date) : id;
  };
  return {
    gained: fc.features.some((f) => f.properties?.change === 'gained'),
    lost: fc.features.some((f) => f.properties?.change === 'lost'),
    before: date(v.comparison.pair.before),
    after: date(v.comparison.pair.after),
  };
}
