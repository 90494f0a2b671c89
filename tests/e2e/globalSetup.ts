import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { preview, type PreviewServer } from 'vite';
import { findTestGlobals } from '../../tools/noTestGlobals.ts';
import type { TestProject } from 'vitest/node';

let server: PreviewServer | undefined;

/**
 * Serves the built app (dist/, made by `npm run test:e2e` before vitest starts, in its e2e mode) on a free
 * local port.
 */
export async function setup(project: TestProject): Promise<void> {
  if (!existsSync('dist/index.html')) {
    throw new Error('dist/ is missing: run `npm run test:e2e` (it builds first).');
  }
  const assets = join('dist', 'assets');
  const handle = readdirSync(assets).some(
    (f) => f.endsWith('.js') && findTestGlobals(readFileSync(join(assets, f), 'utf8')).includes('__vt'),
  );
  if (!handle) {
    throw new Error(
      'dist/ is a production build, which gives the tests no handle on the map: run `npm run test:e2e` ' +
        '(it builds with `vite build --mode e2e`).',
    );
  }
  server = await preview({ preview: { port: 0, host: '127.0.0.1', strictPort: false }, logLevel: 'error' });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a local URL');
  project.provide('baseUrl', url);
}

export async function teardown(): Promise<void> {
  await server?.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
