import * as Comlink from 'comlink';
import { holdLifeline } from './lifeline.ts';
import { createAnalysisWorkerApi } from './analysisWorkerApi.ts';

holdLifeline();
Comlink.expose(createAnalysisWorkerApi());
