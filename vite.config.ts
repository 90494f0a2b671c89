import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { contentSecurityPolicy } from './tools/csp.ts';
import { gzipAssets } from './tools/gzipStatic.ts';
import { noTestGlobals } from './tools/noTestGlobals.ts';

export default defineConfig({
  plugins: [react(), contentSecurityPolicy(), gzipAssets(), noTestGlobals()],
  base: './',
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
});
