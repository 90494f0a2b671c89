import type { Feature } from 'geojson';
import type { ScenarioEdit } from '../../analysis/scenarioTypes.ts';
import { registerProjectExtras } from '../persist/projectFile.ts';
import { editsToFeatures, featuresToEdits } from '../share/scenarioEdits.ts';
import type { SavedScenario, ScenarioStore } from './scenarioStore.ts';

interface StoredScenario {
  id: string;
  name: string;
  features: Feature[];
  current?: boolean;
}

/**
 * Saved scenarios (and the live one, marked `current`) travel in project files as named lists of GeoJSON
 * features in the proposals-file format, so a project's scenarios also open in any GIS. Their deltas are
 * not stored: they are measured again when a scenario is opened.
 */
export function registerScenarioProjectExtras(store: ScenarioStore): void {
  registerProjectExtras({
    getScenarios: (): StoredScenario[] => {
      const s = store.getState();
      const saved = s.saved.map((x) => ({
        id: x.id,
        name: x.name,
        features: editsToFeatures(x.edits, undefined),
      }));
      return s.edits.length > 0
        ? [
            ...saved,
            { id: 'current', name: s.name, features: editsToFeatures(s.edits, undefined), current: true },
          ]
        : saved;
    },
    setScenarios: (list) => {
      const saved: SavedScenario[] = [];
      let current: { edits: ScenarioEdit[]; name: string } | null = null;
      for (const raw of list) {
        const x = raw as Partial<StoredScenario> | null;
        if (!x || !Array.isArray(x.features)) continue;
        const name = typeof x.name === 'string' ? x.name : '';
        const { edits } = featuresToEdits(x.features);
        if (x.current) current = { edits, name };
        else saved.push({ id: String(x.id ?? name), name: name || String(x.id ?? ''), edits, delta: null });
      }
      store.getState().setSaved(saved);
      store.getState().setEdits(current?.edits ?? [], current?.name ?? '');
    },
  });
}
