import * as Comlink from 'comlink';
import { createAnalysisWorkerApi } from './analysisWorkerApi.ts';

Comlink.expose(createAnalysisWorkerApi());
