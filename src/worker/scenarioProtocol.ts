import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { ScenarioUpdate } from '../analysis/scenarioSession.ts';
import type { Scenario } from '../analysis/scenarioTypes.ts';

/** What the analysis worker returns for each what-if edit: the session's update plus the areas to highlight. */
export interface ScenarioWorkerUpdate extends ScenarioUpdate {
  covered: FeatureCollection<Polygon | MultiPolygon, { hamletId: string; kind: 'gained' | 'lost' }>;
}

export interface SuggestReply {
  scenario: Scenario;
  households: number;
  ms: number;
  candidates: number;
}

/**
 * A scenario engine replaced (disposed) before it had started: whoever waited for it should wait for the
 * engine that replaced it instead.
 */
export class EngineDisposed extends Error {
  constructor() {
    super('scenario engine replaced before it started');
    this.name = 'EngineDisposed';
  }
}
