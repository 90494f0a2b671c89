import * as Comlink from 'comlink';
import { assignUnits } from '../analysis/units.ts';

const api = { assign: assignUnits };

export type UnitsWorkerApi = typeof api;

Comlink.expose(api);
