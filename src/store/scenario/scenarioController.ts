import type { ColocationOptions, ColocationResult } from '../../analysis/colocation.ts';
import type { AnalysisResult, InputLayers, Settings } from '../../analysis/types.ts';
import type { SuggestOptions } from '../../analysis/suggestSites.ts';
import type { ScenarioEngine } from '../../worker/scenarioClient.ts';
import { WorkerFailed } from '../../worker/lifeline.ts';
import { EngineDisposed, type SuggestReply } from '../../worker/scenarioProtocol.ts';
import { effectiveSettings, type AppStore } from '../store.ts';
import type { ScenarioStore } from './scenarioStore.ts';

/**
 * Keeps the live scenario and the app in step: the scenario engine (a ScenarioSession in a worker) is
 * built from the app's data and settings once its baseline analysis is in; every change of the edit list
 * is one `sync` (undo, redo and loading a saved scenario alike), whose delta and newly covered areas go to
 * the scenario store. Which result the app shows follows the store's `shown`: the scenario's (so the map,
 * the ranking, the roll-ups and the exports show it) or the baseline's, kept from the analysis runner.
 * Only the newest edit list is synced; older ones still in flight are dropped.
 */
export interface ScenarioControl {
  stop(): void;
  /** Suggested sites from the baseline analysis (the engine's, so the same data and settings). */
  suggest(opts: SuggestOptions): Promise<SuggestReply>;
  /**
   * Tower-sharing candidates for an operator from the engine of the app's data and settings, against the
   * edits it has synced (ask once the scenario is not busy).
   */
  colocation(operator: string, opts?: ColocationOptions): Promise<ColocationResult>;
  /** Syncs the edit list again (after the engine's worker failed), on a freshly built engine if need be. */
  retry(): void;
}

/** The scenario store's error when the engine's worker died twice: the panel words it and offers a retry. */
export const SCENARIO_WORKER_FAILED = 'scenario-worker-failed';

let current: ScenarioControl | null = null;

/** The running controller, for the panel's suggest form; null before the app starts it. */
export function scenarioControl(): ScenarioControl | null {
  return current;
}

/**
 * Above this many hamlets the scenario engine is started when a what-if is first asked for (an edit, a
 * suggestion, tower sharing), not after every new baseline: when its worker no longer holds the run's
 * analysis, starting it copies every layer there and analyses them all again, which at national size is
 * tens of seconds of both cores for a what-if the user may never open.
 */
const EAGER_SCENARIO_MAX_HAMLETS = 20_000;

export function startScenarioController(
  app: AppStore,
  scenario: ScenarioStore,
  makeEngine: () => ScenarioEngine,
  eagerMaxHamlets = EAGER_SCENARIO_MAX_HAMLETS,
): ScenarioControl {
  let engine: ScenarioEngine | null = null;
  let builtFor: { input: InputLayers; settings: Settings } | null = null;
  let ready: Promise<void> | null = null;
  /** Results this controller put into the app store, so its own writes are not taken for a new baseline. */
  const pushed = new WeakSet<AnalysisResult>();
  /** The runner's last result (the layers without the scenario) and how long it took. */
  let baseline: { result: AnalysisResult; ms: number | null } | null = null;
  let generation = 0;
  let syncedEdits: unknown = scenario.getState().edits;

  const ensure = (input: InputLayers, settings: Settings): Promise<void> => {
    if (builtFor && builtFor.input === input && builtFor.settings === settings && ready) return ready;
    engine?.dispose();
    engine = makeEngine();
    builtFor = { input, settings };
    const mine = engine.init(input, settings);
    ready = mine;
    // An engine that failed to build is built again on the next call, not kept failing.
    mine.catch((e: unknown) => {
      if (ready === mine && !(e instanceof EngineDisposed)) builtFor = null;
    });
    return mine;
  };

  /**
   * Waits for the engine of the app's current data and settings. An engine replaced while it was still
   * starting (new data or settings) rejects with `EngineDisposed`: wait for its replacement instead.
   */
  const settle = async (): Promise<boolean> => {
    for (let tries = 0; tries < 5; tries++) {
      const s = app.getState();
      if (!s.input) return false;
      try {
        await ensure(s.input, effectiveSettings(s));
        return engine !== null;
      } catch (e) {
        if (!(e instanceof EngineDisposed)) throw e;
      }
    }
    return false;
  };

  const put = (result: AnalysisResult, ms: number | null): void => {
    const a = app.getState();
    if (a.result === result) return;
    pushed.add(result);
    a.finishRun(a.runId, result, ms ?? 0);
  };

  /** Puts the result of the plan the user chose into the app, when it is known. */
  const showChosen = (): void => {
    const st = scenario.getState();
    if (st.shown === 'scenario' && st.edits.length > 0) {
      if (st.scenarioResult && syncedEdits === st.edits && !st.busy) put(st.scenarioResult, st.lastMs);
    } else if (baseline) put(baseline.result, baseline.ms);
  };

  const run = async (): Promise<void> => {
    const s = app.getState();
    if (!s.input || !s.result) return;
    const { edits, name } = scenario.getState();
    const mine = ++generation;
    syncedEdits = edits;
    scenario.getState().setBusy(true);
    if (edits.length === 0) scenario.getState().setScenarioResult(null);
    try {
      if (!(await settle()) || !engine) return;
      const u = await engine.sync(edits, name || 'current');
      if (mine !== generation) return;
      const st = scenario.getState();
      st.setScenarioResult(edits.length > 0 ? u.result : null);
      st.setOutcome({
        delta: edits.length > 0 ? u.delta : null,
        covered: edits.length > 0 ? u.covered : null,
        ms: u.ms,
      });
      st.fillSavedDelta(edits, u.delta);
      st.setError(null);
    } catch (e) {
      if (mine === generation) {
        const message = e instanceof WorkerFailed ? SCENARIO_WORKER_FAILED : undefined;
        scenario.getState().setError(message ?? (e instanceof Error ? e.message : String(e)));
      }
    } finally {
      if (mine === generation) {
        scenario.getState().setBusy(false);
        showChosen();
      }
    }
  };

  const offScenario = scenario.subscribe((st, before) => {
    if (st.edits !== syncedEdits) void run();
    else if (st.shown !== before.shown) showChosen();
  });
  const offApp = app.subscribe((s, before) => {
    // A result shown before its layers (a saved or shipped one) is taken up again once they arrive: the
    // runner then finds the same result, and a scenario waiting for the layers runs.
    const layersCame = s.input !== null && before.input === null && s.result !== null;
    if (!layersCame && (!s.result || s.result === before.result || pushed.has(s.result))) return;
    if (!s.result) return;
    // A fresh baseline from the analysis runner (new data or settings): keep it, and measure the scenario
    // against it again when there is one (the app shows the baseline until the scenario is measured).
    baseline = { result: s.result, ms: s.lastRunMs };
    if (scenario.getState().edits.length > 0) {
      scenario.getState().setScenarioResult(null);
      void run();
    } else if (
      s.input &&
      !s.running &&
      s.lastRunFrom !== 'cache' &&
      s.input.hamlets.features.length <= eagerMaxHamlets
    )
      // The engine takes over the run's analysis, so the first edit costs milliseconds. A result opened from
      // storage has no analysis behind it: building one (and, above the limit, even taking over a run) waits
      // until a what-if is asked for.
      void ensure(s.input, effectiveSettings(s)).catch(() => {});
  });
  const control: ScenarioControl = {
    stop: () => {
      offScenario();
      offApp();
      engine?.dispose();
      engine = null;
      if (current === control) current = null;
    },
    suggest: async (opts) => {
      const s = app.getState();
      if (!s.input) throw new Error('Load data before asking for suggestions.');
      if (!(await settle()) || !engine) throw new Error('The scenario engine is not running.');
      return engine.suggest(opts);
    },
    colocation: async (operator, opts) => {
      if (!app.getState().input) throw new Error('Load data before asking for tower sharing.');
      if (!(await settle()) || !engine) throw new Error('The scenario engine is not running.');
      return engine.colocation(operator, opts);
    },
    retry: () => void run(),
  };
  current = control;
  return control;
}
