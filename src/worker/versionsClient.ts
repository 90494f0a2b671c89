import * as Comlink from 'comlink';
import type { AreaShares } from '../analysis/progress.ts';
import type {
  ComparisonResult,
  VersionJob,
  VersionProgress,
  VersionsWorkerApi,
} from './versionsWorkerApi.ts';

/** The versions engine as the store's controller sees it; tests pass an in-thread one. */
export interface VersionsEngine {
  compare(before: VersionJob, after: VersionJob, onProgress?: VersionProgress): Promise<ComparisonResult>;
  progress(jobs: VersionJob[], onProgress?: VersionProgress): Promise<{ id: string; shares: AreaShares[] }[]>;
}

/**
 * The versions engine in its own Web Worker, started on the first request (a first visit never starts it):
 * analysing three versions of a province takes a few seconds and must not hold up the page or the
 * analysis worker.
 */
export function createVersionsWorkerEngine(): VersionsEngine {
  let api: Comlink.Remote<VersionsWorkerApi> | null = null;
  const remote = (): Comlink.Remote<VersionsWorkerApi> =>
    (api ??= Comlink.wrap<VersionsWorkerApi>(
      new Worker(new URL('./versions.worker.ts', import.meta.url), { type: 'module' }),
    ));
  return {
    compare: (before, after, onProgress) =>
      remote().compare(before, after, onProgress ? Comlink.proxy(onProgress) : undefined),
    progress: (jobs, onProgress) =>
      remote().progress(jobs, onProgress ? Comlink.proxy(onProgress) : undefined),
  };
}
