import * as Comlink from 'comlink';
import type { ColocationOptions, ColocationResult } from '../analysis/colocation.ts';
import { holdLifeline } from './lifeline.ts';
import { newlyCoveredAreas } from '../analysis/scenarioCovered.ts';
import { ScenarioSession } from '../analysis/scenarioSession.ts';
import type { ScenarioEdit } from '../analysis/scenarioTypes.ts';
import { suggestSites } from '../analysis/suggestSites.ts';
import type { SuggestOptions } from '../analysis/suggestSites.ts';
import type { InputLayers, Settings } from '../analysis/types.ts';
import { fetchSampleCollections, sampleLayersOf } from '../data/sampleLayers.ts';
import type { ScenarioWorkerUpdate, SuggestReply } from './scenarioProtocol.ts';

let session: ScenarioSession | null = null;

function live(): ScenarioSession {
  if (!session) throw new Error('scenario worker: init must be called before sync');
  return session;
}

const api = {
  /** Analyses the baseline once; every later edit is incremental. */
  init(layers: InputLayers, settings: Settings): void {
    session = new ScenarioSession(layers, settings);
  },
  /** The same from the shipped sample's files, fetched and parsed here (see `originOf`). */
  async initFromUrls(urls: Record<string, string>, settings: Settings): Promise<void> {
    const { input } = sampleLayersOf(await fetchSampleCollections(urls));
    session = new ScenarioSession(input, settings);
  },
  sync(edits: ScenarioEdit[], name: string): ScenarioWorkerUpdate {
    const s = live();
    const u = s.sync(edits, name);
    // Highlight what every edit of the scenario changed, not only the last one.
    const touched = u.delta.statusChanges.map((c) => c.id);
    const changed = new Set([...touched, ...changedSinceBaseline(s, u.result)]);
    return { ...u, covered: newlyCoveredAreas(s.baseline, u.result, [...changed]) };
  },
  /** Tower-sharing candidates for an operator against the edits synced last. */
  colocation(operator: string, opts?: ColocationOptions): ColocationResult {
    return live().colocation(operator, opts);
  },
  suggest(opts: SuggestOptions): SuggestReply {
    const s = live();
    const r = suggestSites(s.baseline, s.settingsUsed(), opts);
    return { scenario: r.scenario, households: r.households, ms: r.ms, candidates: r.candidates };
  },
};

/** Hamlets whose broadband households differ from the baseline by more than rounding. */
function changedSinceBaseline(s: ScenarioSession, after: ScenarioWorkerUpdate['result']): string[] {
  const was = new Map(s.baseline.hamlets.map((h) => [h.id, h]));
  const out: string[] = [];
  for (const h of after.hamlets) {
    const b = was.get(h.id);
    if (b && Math.abs(b.uncoveredHouseholds - h.uncoveredHouseholds) > 1e-3) out.push(h.id);
  }
  return out;
}

export type ScenarioWorkerApi = typeof api;

holdLifeline();
Comlink.expose(api);
