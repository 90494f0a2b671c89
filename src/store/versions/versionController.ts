import { engineSettingsKey, withDefaults } from '../../analysis/settings.ts';
import type { Settings } from '../../analysis/types.ts';
import type { SampleVersion } from '../../data/sampleVersions.ts';
import type { VersionsEngine } from '../../worker/versionsClient.ts';
import type { VersionJob } from '../../worker/versionsWorkerApi.ts';
import type { AppState } from '../appState.ts';
import { effectiveSettings, type AppStore } from '../store.ts';
import { groupOf, readIndex } from './versionDb.ts';
import {
  allVersions,
  type VersionMeta,
  type VersionProblem,
  type VersionState,
  type VersionStore,
} from './versionStore.ts';

/** The sample's built-in versions as the store lists them. */
export function builtInVersions(
  list: readonly SampleVersion[],
): (VersionMeta & { urls: Record<string, string> })[] {
  return list.map((v) => ({
    id: `sample:${v.date}`,
    date: v.date,
    label: '',
    group: 'sample',
    builtIn: true,
    urls: v.urls,
  }));
}

/** A version as a job for the worker: built-in ones with the app's settings, saved ones with their own. */
function jobOf(v: VersionMeta, current: Settings): VersionJob {
  const urls = (v as { urls?: Record<string, string> }).urls;
  return {
    id: v.id,
    source: urls ? { kind: 'urls', urls } : { kind: 'pool', layers: v.layers ?? {} },
    settings: v.builtIn ? current : withDefaults(v.settings),
  };
}

/**
 * The group whose progress is drawn: the compared "after" version's; without a comparison, the group of the
 * data in the app when it has versions, else the sample's.
 */
function progressGroup(v: VersionState, app: AppState): string {
  const all = allVersions(v);
  const after = v.compare && all.find((x) => x.id === v.compare?.after);
  if (after) return after.group;
  const mine = groupOf(app);
  return all.some((x) => x.group === mine) ? mine : 'sample';
}

function problemOf(e: unknown, ids: readonly string[]): VersionProblem {
  if (e instanceof Error && e.name === 'VersionLayersMissing') {
    const id = ids.find((x) => e.message.includes(x)) ?? ids[0] ?? '';
    return { kind: 'missing', id };
  }
  return { kind: 'failed', message: e instanceof Error ? e.message : String(e) };
}

/**
 * Runs the time view: reads the saved versions' list, and while the view is in use asks the versions engine
 * for the chosen comparison and for the progress of the group's versions, again when the versions or the
 * settings that change results change (not the targets). A newer request makes an older one's answer stale.
 *
 * @example startVersionController(appStore, versionStore, createVersionsWorkerEngine);
 */
export function startVersionController(
  app: AppStore,
  versions: VersionStore,
  makeEngine: () => VersionsEngine,
  readSaved: () => Promise<VersionMeta[]> = () => readIndex(),
): () => void {
  let engine: VersionsEngine | null = null;
  const get = (): VersionsEngine => (engine ??= makeEngine());
  let compareKey = '';
  let progressKey = '';
  let compareToken = 0;
  let progressToken = 0;

  void readSaved()
    .then((saved) => versions.getState().setSaved(saved))
    .catch(() => versions.getState().setSaved([]));

  const check = (): void => {
    const v = versions.getState();
    const a = app.getState();
    if (!v.active || !v.loaded || !a.input) return;
    const settings = effectiveSettings(a);
    const settingsKey = engineSettingsKey(settings);
    const all = allVersions(v);
    const byId = new Map(all.map((x) => [x.id, x]));

    const pair = v.compare;
    const ck = pair ? `${pair.before}|${pair.after}|${settingsKey}|${all.map((x) => x.id).join(',')}` : '';
    if (ck !== compareKey) {
      compareKey = ck;
      if (pair) {
        const before = byId.get(pair.before);
        const after = byId.get(pair.after);
        if (!before || !after) {
          versions.setState({
            comparison: null,
            problem: { kind: 'missing', id: before ? pair.after : pair.before },
          });
        } else {
          const mine = ++compareToken;
          let answered = false;
          versions.setState({ comparing: { done: 0, total: 2 }, problem: null });
          get()
            .compare(jobOf(before, settings), jobOf(after, settings), (done, total) => {
              // The worker's counts can arrive after its answer: none is shown once it has come.
              if (mine === compareToken && !answered) versions.setState({ comparing: { done, total } });
            })
            .then((r) => {
              answered = true;
              if (mine !== compareToken) return;
              const c = r.comparison;
              versions.setState(
                c.ok
                  ? {
                      comparison: {
                        pair,
                        hamlets: c.hamlets,
                        areas: c.areas,
                        causesKnown: c.causesKnown,
                        settingsDiffer: r.settingsDiffer,
                        map: r.map,
                      },
                      problem: null,
                      comparing: null,
                    }
                  : {
                      comparison: null,
                      comparing: null,
                      problem: { kind: 'differentHamlets', onlyBefore: c.onlyBefore, onlyAfter: c.onlyAfter },
                    },
              );
              runProgress();
            })
            .catch((e: unknown) => {
              if (mine !== compareToken) return;
              versions.setState({
                comparison: null,
                comparing: null,
                problem: problemOf(e, [pair.before, pair.after]),
              });
            });
          return;
        }
      }
    }
    runProgress();
  };

  const runProgress = (): void => {
    const v = versions.getState();
    const a = app.getState();
    if (!v.active || !v.loaded || !a.input) return;
    const settings = effectiveSettings(a);
    const group = progressGroup(v, a);
    const list = allVersions(v)
      .filter((x) => x.group === group)
      .sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
    const pk = `${group}|${engineSettingsKey(settings)}|${list.map((x) => x.id).join(',')}`;
    if (pk === progressKey) return;
    progressKey = pk;
    const mine = ++progressToken;
    let answered = false;
    versions.setState({ measuring: { done: 0, total: list.length } });
    get()
      .progress(
        list.map((x) => jobOf(x, settings)),
        (done, total) => {
          if (mine === progressToken && !answered) versions.setState({ measuring: { done, total } });
        },
      )
      .then((rows) => {
        answered = true;
        if (mine !== progressToken) return;
        const shares = new Map(rows.map((r) => [r.id, r.shares]));
        versions.setState({
          measuring: null,
          progress: {
            group,
            versions: list.map((x) => ({
              id: x.id,
              date: x.date,
              label: x.label,
              shares: shares.get(x.id) ?? [],
            })),
          },
        });
      })
      .catch((e: unknown) => {
        if (mine !== progressToken) return;
        progressKey = '';
        versions.setState({
          measuring: null,
          progress: null,
          problem: problemOf(
            e,
            list.map((x) => x.id),
          ),
        });
      });
  };

  const offVersions = versions.subscribe((s, before) => {
    if (
      s.active !== before.active ||
      s.loaded !== before.loaded ||
      s.compare !== before.compare ||
      s.saved !== before.saved
    )
      check();
  });
  let lastInput = app.getState().input;
  let lastKey = engineSettingsKey(effectiveSettings(app.getState()));
  const offApp = app.subscribe((s) => {
    const key = engineSettingsKey(effectiveSettings(s));
    if (s.input === lastInput && key === lastKey) return;
    lastInput = s.input;
    lastKey = key;
    check();
  });
  return () => {
    offVersions();
    offApp();
    compareToken++;
    progressToken++;
  };
}
