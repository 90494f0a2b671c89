import type { ColocationOptions, ColocationResult } from './colocation.ts';
import { AnalysisSession } from './incremental.ts';
import type { EditResult } from './incremental.ts';
import { scenarioDelta } from './scenarioDelta.ts';
import type { Scenario, ScenarioDelta, ScenarioEdit } from './scenarioTypes.ts';
import { onlyRankingDiffers, withDefaults } from './settings.ts';
import type { EngineState } from './engine.ts';
import type { AnalysisResult, InputLayers, ProgressCallback, Settings } from './types.ts';
import { fibreId, siteId } from './featureIds.ts';
import { ScenarioError, describeEdit } from './scenario.ts';

export interface ScenarioUpdate {
  result: AnalysisResult;
  delta: ScenarioDelta;
  /** Hamlets recomputed by this update (union over the edits undone and applied). */
  changedHamletIds: string[];
  /** Wall time of the incremental recompute, ms. */
  ms: number;
}

/**
 * A live what-if analysis: the baseline is analysed once, then `sync(edits)` brings the session to any list
 * of edits by undoing the edits past the common prefix and applying the new ones, each recomputing only the
 * hamlets it reaches. Undo, redo and switching between saved scenarios are all one `sync`.
 *
 * @example
 * const s = new ScenarioSession(layers, settings);
 * const { delta } = s.sync([{ kind: 'add-site', site }]);
 * s.sync([]); // back to the baseline
 */
export class ScenarioSession {
  private readonly session: AnalysisSession;
  private readonly settings: Settings;
  readonly baseline: AnalysisResult;
  private applied: ScenarioEdit[] = [];

  /**
   * `onProgress` follows the baseline's analysis, as `analyze`'s does; `engine` is the baseline's engine
   * when it was computed already (a run split across threads, `BlockMerge`).
   */
  constructor(
    layers: InputLayers,
    settings?: Partial<Settings>,
    onProgress?: ProgressCallback,
    engine?: EngineState,
  ) {
    this.settings = engine?.settings ?? withDefaults(settings);
    this.session = new AnalysisSession(layers, this.settings, onProgress, engine);
    this.baseline = this.session.result();
  }

  /**
   * The session under `settings`, which differ from this session's at most in the ranking, the costs and
   * the targets (`onlyRankingDiffers`): its edits are undone, and the new session takes over its engine, so
   * nothing is analysed again; only the ranking and the roll-ups are made anew. This session must not be
   * used afterwards. `layers` are the ones this session was made from.
   *
   * @throws Error when the settings differ in more than that.
   * @example const commercial = session.reranked(layers, withDefaults({ preset: 'commercial' }));
   */
  reranked(layers: InputLayers, settings: Settings): ScenarioSession {
    if (!onlyRankingDiffers(this.settings, settings))
      throw new Error('A session is re-ranked only for settings that change the ranking or the costs alone.');
    this.sync([]);
    const engine = this.session.engine();
    engine.settings = settings;
    return new ScenarioSession(layers, settings, undefined, engine);
  }

  /** The settings the session analyses with (defaults filled in). */
  settingsUsed(): Settings {
    return this.settings;
  }

  /** The edits currently applied. */
  edits(): ScenarioEdit[] {
    return this.applied.slice();
  }

  /**
   * Tower-sharing candidates for an operator against the edits applied now; a candidate's `site` goes into
   * the scenario as an `add-site` edit.
   */
  colocation(operator: string, opts?: ColocationOptions): ColocationResult {
    return this.session.colocation(operator, opts);
  }

  sync(edits: readonly ScenarioEdit[], name = 'current'): ScenarioUpdate {
    const t0 = performance.now();
    let keep = 0;
    while (keep < edits.length && keep < this.applied.length && edits[keep] === this.applied[keep]) keep++;
    const changed = new Set<string>();
    let result = this.session.result();
    const note = (r: EditResult): void => {
      for (const id of r.changedHamletIds) changed.add(id);
      result = r.result;
    };
    for (let i = this.applied.length - 1; i >= keep; i--) note(this.revert(this.applied[i] as ScenarioEdit));
    this.applied = this.applied.slice(0, keep);
    for (let i = keep; i < edits.length; i++) {
      const edit = edits[i] as ScenarioEdit;
      note(this.apply(edit, i, name));
      this.applied.push(edit);
    }
    const ms = performance.now() - t0;
    const scenario: Scenario = { id: name, name, edits: this.applied.slice() };
    return {
      result,
      delta: scenarioDelta(this.baseline, result, scenario, this.settings),
      changedHamletIds: [...changed].sort(),
      ms,
    };
  }

  private apply(edit: ScenarioEdit, index: number, name: string): EditResult {
    const where = `Scenario "${name}", edit ${index + 1} (${describeEdit(edit)})`;
    if (edit.kind === 'add-site') {
      const id = siteId(edit.site, -1);
      if (this.session.layers().sites.some((s, i) => siteId(s, i) === id))
        throw new ScenarioError(
          `${where}: the site id "${id}" is already taken; give the proposal a new id.`,
        );
      return this.session.addSite(edit.site);
    }
    if (edit.kind === 'add-fibre') {
      const id = fibreId(edit.fibre, -1);
      if (this.session.layers().fibre.some((f, i) => fibreId(f, i) === id))
        throw new ScenarioError(`${where}: the fibre id "${id}" is already taken; give the route a new id.`);
      return this.session.addFibre(edit.fibre);
    }
    const site = this.session.layers().sites.find((s, i) => siteId(s, i) === edit.siteId);
    if (!site)
      throw new ScenarioError(`${where}: there is no site with id "${edit.siteId}" in the sites layer.`);
    // Reverting would switch on a site the data had off, so an edit must never be a no-op.
    if (String(site.properties?.status ?? '').toLowerCase() === 'off')
      throw new ScenarioError(`${where}: site "${edit.siteId}" is already off in the sites layer.`);
    return this.session.setSiteStatus(edit.siteId, 'off');
  }

  private revert(edit: ScenarioEdit): EditResult {
    if (edit.kind === 'add-site') return this.session.removeSite(siteId(edit.site, -1));
    if (edit.kind === 'add-fibre') return this.session.removeFibre(fibreId(edit.fibre, -1));
    return this.session.setSiteStatus(edit.siteId, 'on');
  }
}
