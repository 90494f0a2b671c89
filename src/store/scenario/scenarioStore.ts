import type { FeatureCollection, Position } from 'geojson';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ScenarioDelta, ScenarioEdit } from '../../analysis/scenarioTypes.ts';
import type { AnalysisResult, SiteProps } from '../../analysis/types.ts';

export type ScenarioMode = 'none' | 'add-site' | 'draw-fibre' | 'site-off';

/**
 * Which numbers the app shows: the loaded layers as they are ("Hiện trạng") or the live scenario on top of
 * them ("Phương án", unsaved edits included). Without edits there is only the baseline.
 */
export type Shown = 'baseline' | 'scenario';

/** What a reload or an opened link brought back, said once on screen. */
export interface Reopened {
  shown: Shown;
  name: string;
  edits: number;
}

export interface SiteForm {
  operator: string;
  tech: '4G' | '5G';
  radiusM: number;
  /** Optional sector azimuths, e.g. "0,120,240"; empty for an omni site. */
  azimuths: string;
}

export interface SavedScenario {
  id: string;
  name: string;
  edits: ScenarioEdit[];
  delta: ScenarioDelta | null;
}

export interface ScenarioState {
  mode: ScenarioMode;
  siteForm: SiteForm;
  /** Vertices of the fibre route being drawn. */
  draft: Position[];
  name: string;
  edits: ScenarioEdit[];
  redoStack: ScenarioEdit[];
  saved: SavedScenario[];
  delta: ScenarioDelta | null;
  covered: FeatureCollection | null;
  busy: boolean;
  error: string | null;
  lastMs: number | null;
  /** The plan the user chose to see; the scenario only counts while it has edits. */
  shown: Shown;
  /** The analysis of the current edits, once the scenario engine measured them (the controller sets it). */
  scenarioResult: AnalysisResult | null;
  reopened: Reopened | null;
  setMode(mode: ScenarioMode): void;
  setSiteForm(patch: Partial<SiteForm>): void;
  addSiteAt(at: Position): void;
  addDraftPoint(at: Position): void;
  finishFibre(): void;
  switchOff(siteId: string, at: Position): void;
  undo(): void;
  redo(): void;
  clear(): void;
  setName(name: string): void;
  /** Saves (or overwrites, by name) the current scenario with its delta. */
  save(): void;
  load(id: string): void;
  removeSaved(id: string): void;
  /** Replaces the edits (a shared link, a suggestion, a project file); clears redo; shows the scenario unless told. */
  setEdits(edits: ScenarioEdit[], name?: string, shown?: Shown): void;
  setShown(shown: Shown): void;
  setScenarioResult(result: AnalysisResult | null): void;
  setReopened(reopened: Reopened | null): void;
  setSaved(saved: SavedScenario[]): void;
  /** Gives saved scenarios with exactly these edits (opened from a project, not yet measured) their delta. */
  fillSavedDelta(edits: ScenarioEdit[], delta: ScenarioDelta | null): void;
  setOutcome(o: { delta: ScenarioDelta | null; covered: FeatureCollection | null; ms: number | null }): void;
  setBusy(busy: boolean): void;
  setError(error: string | null): void;
}

export type ScenarioStore = StoreApi<ScenarioState>;

/** The next free number for a proposal id, over every edit the user can get back to. */
function nextNumber(s: Pick<ScenarioState, 'edits' | 'redoStack' | 'saved'>, prefix: string): number {
  let n = 0;
  const all = [...s.edits, ...s.redoStack, ...s.saved.flatMap((x) => x.edits)];
  for (const e of all) {
    const id =
      e.kind === 'add-site' ? e.site.properties?.id : e.kind === 'add-fibre' ? e.fibre.properties?.id : '';
    const m = new RegExp(`^${prefix}-(\\d+)$`).exec(String(id ?? ''));
    if (m) n = Math.max(n, Number(m[1]));
  }
  return n + 1;
}

/**
 * The what-if scenario being edited, its undo/redo stacks, the saved scenarios and the last measured delta.
 * A store of its own (like the share link's notice) so the app's slices stay untouched; the controller
 * (`scenarioController.ts`) runs the edits through the analysis worker's what-if session and writes the outcome back.
 */
export function createScenarioStore(): ScenarioStore {
  return createStore<ScenarioState>()((set, get) => {
    // An edit is made to be seen: editing shows the scenario.
    const push = (edit: ScenarioEdit): void =>
      set({ edits: [...get().edits, edit], redoStack: [], error: null, shown: 'scenario' });
    return {
      mode: 'none',
      siteForm: { operator: '', tech: '4G', radiusM: 3000, azimuths: '' },
      draft: [],
      name: '',
      edits: [],
      redoStack: [],
      saved: [],
      delta: null,
      covered: null,
      busy: false,
      error: null,
      lastMs: null,
      shown: 'scenario',
      scenarioResult: null,
      reopened: null,
      // Picking an edit tool is choosing to work on the scenario: it is what the page then shows.
      setMode: (mode) => set({ mode, draft: [], ...(mode !== 'none' ? { shown: 'scenario' as const } : {}) }),
      setSiteForm: (patch) => set({ siteForm: { ...get().siteForm, ...patch } }),
      addSiteAt: (at) => {
        const f = get().siteForm;
        const azimuths =
          f.azimuths.trim() === ''
            ? []
            : f.azimuths
                .split(/[,;\s]+/)
                .map(Number)
                .filter(Number.isFinite);
        const props: SiteProps = {
          id: `P-${nextNumber(get(), 'P')}`,
          tech: f.tech,
          radius_m: f.radiusM,
          proposed: true,
          ...(f.operator ? { operator: f.operator } : {}),
          ...(azimuths.length > 0 ? { azimuths } : {}),
        };
        push({
          kind: 'add-site',
          site: { type: 'Feature', geometry: { type: 'Point', coordinates: at }, properties: props },
        });
      },
      addDraftPoint: (at) => set({ draft: [...get().draft, at] }),
      finishFibre: () => {
        const draft = get().draft;
        set({ draft: [] });
        if (draft.length < 2) return;
        const id = `PF-${nextNumber(get(), 'PF')}`;
        push({
          kind: 'add-fibre',
          fibre: {
            type: 'Feature',
            geometry: { type: 'LineString', coordinates: draft },
            properties: { id, kind: 'access', proposed: true },
          },
        });
      },
      switchOff: (siteId, at) => {
        if (get().edits.some((e) => e.kind === 'site-off' && e.siteId === siteId)) return;
        push({ kind: 'site-off', siteId, at });
      },
      undo: () => {
        const edits = get().edits;
        const last = edits[edits.length - 1];
        if (last) set({ edits: edits.slice(0, -1), redoStack: [...get().redoStack, last] });
      },
      redo: () => {
        const stack = get().redoStack;
        const next = stack[stack.length - 1];
        if (next) set({ edits: [...get().edits, next], redoStack: stack.slice(0, -1), shown: 'scenario' });
      },
      clear: () => set({ edits: [], redoStack: [], draft: [] }),
      setName: (name) => set({ name }),
      save: () => {
        const s = get();
        const name = s.name.trim() || `Scenario ${s.saved.length + 1}`;
        const entry: SavedScenario = { id: name, name, edits: s.edits, delta: s.delta };
        const others = s.saved.filter((x) => x.id !== entry.id);
        set({ name, saved: [...others, entry] });
      },
      load: (id) => {
        const x = get().saved.find((s) => s.id === id);
        if (x) set({ edits: x.edits, redoStack: [], name: x.name, draft: [], shown: 'scenario' });
      },
      removeSaved: (id) => set({ saved: get().saved.filter((s) => s.id !== id) }),
      setEdits: (edits, name, shown = 'scenario') =>
        set({ edits, redoStack: [], draft: [], shown, ...(name !== undefined ? { name } : {}) }),
      setShown: (shown) => set({ shown }),
      setScenarioResult: (scenarioResult) => set({ scenarioResult }),
      setReopened: (reopened) => set({ reopened }),
      setSaved: (saved) => set({ saved }),
      fillSavedDelta: (edits, delta) => {
        if (get().saved.some((x) => x.edits === edits && !x.delta))
          set({ saved: get().saved.map((x) => (x.edits === edits && !x.delta ? { ...x, delta } : x)) });
      },
      setOutcome: ({ delta, covered, ms }) => set({ delta, covered, lastMs: ms }),
      setBusy: (busy) => set({ busy }),
      setError: (error) => set({ error }),
    };
  });
}

export const scenarioStore: ScenarioStore = createScenarioStore();
