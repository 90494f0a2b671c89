import * as Comlink from 'comlink';
import { createVersionsWorkerApi } from './versionsWorkerApi.ts';

Comlink.expose(createVersionsWorkerApi());
