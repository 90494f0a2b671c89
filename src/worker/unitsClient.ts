import * as Comlink from 'comlink';
import type { InputLayers } from '../analysis/types.ts';
import type { UnitAssignment, UnitCollection } from '../analysis/units.ts';
import type { UnitsWorkerApi } from './units.worker.ts';

/** Assigns hamlets to units (`assignUnits`); the app's runs it in a worker, tests on their own thread. */
export type AssignUnits = (hamlets: InputLayers['hamlets'], units: UnitCollection) => Promise<UnitAssignment>;

/**
 * `assignUnits` in a Web Worker, started after `startAfter`: clipping 2,800 hamlets against 57 units takes about a second, which
 * the page must not freeze for. A newer call terminates the worker busy with an older one.
 */
export function workerAssignUnits(startAfter?: () => Promise<void>): AssignUnits {
  let worker: Worker | null = null;
  let busy = false;
  return async (hamlets, units) => {
    // On two busy cores the first map and list come first.
    await startAfter?.();
    if (busy && worker) {
      worker.terminate();
      worker = null;
    }
    worker ??= new Worker(new URL('./units.worker.ts', import.meta.url), { type: 'module' });
    const api = Comlink.wrap<UnitsWorkerApi>(worker);
    busy = true;
    try {
      return await api.assign(hamlets, units);
    } finally {
      busy = false;
    }
  };
}
