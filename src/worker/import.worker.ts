import * as Comlink from 'comlink';
import { holdLifeline } from './lifeline.ts';
import { importWorkerApi } from './importWorkerApi.ts';

holdLifeline();
Comlink.expose(importWorkerApi);
