import { idbPoolKv, type PoolKv } from '../../data/layerPool.ts';
import { registerProjectVersions } from '../persist/projectFile.ts';
import { replaceVersions } from './versionDb.ts';
import type { VersionStore } from './versionStore.ts';

/**
 * Opening a project replaces the saved versions with the project's (as it replaces the data, settings and
 * scenarios); a comparison of versions the project does not have is dropped. `done` reports the write's end.
 */
export function registerVersionProject(
  store: VersionStore,
  kv: PoolKv = idbPoolKv,
  done: (p: Promise<void>) => void = () => undefined,
): void {
  registerProjectVersions((versions) => {
    done(
      replaceVersions(versions, kv)
        .then((saved) => {
          const s = store.getState();
          const ids = new Set([...s.builtIn, ...saved].map((v) => v.id));
          if (s.compare && !(ids.has(s.compare.before) && ids.has(s.compare.after))) s.setCompare(null);
          s.setSaved(saved);
        })
        .catch((e: unknown) =>
          store.setState({
            problem: { kind: 'failed', message: e instanceof Error ? e.message : String(e) },
          }),
        ),
    );
  });
}
