import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { contentSecurityPolicy } from './tools/csp.ts';
import { VitePWA } from 'vite-plugin-pwa';
import { gzipAssets } from './tools/gzipStatic.ts';
import { noTestGlobals } from './tools/noTestGlobals.ts';
import { shippedResult } from './tools/shippedResult.ts';

export default defineConfig({
  plugins: [
    react(),
    contentSecurityPolicy(),
    gzipAssets(),
    noTestGlobals(),
    shippedResult(),
    // The installable app and its service worker (Workbox): the app shell, scripts, styles, the workers and
    // the sample's files are precached, so the app opens with no network after a first visit. An update
    // waits until the user accepts it (`registerType: 'prompt'`); the page registers the worker itself,
    // after the first ranked list (src/store/appUpdate.ts).
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['favicon.ico', 'icons/apple-touch-icon.png'],
      manifest: {
        name: 'Vùng Trắng — bản đồ vùng trắng băng rộng',
        short_name: 'Vùng Trắng',
        description:
          'Tìm nơi còn thiếu băng rộng ở nông thôn và xếp hạng các thôn, xóm cần phủ sóng, kéo cáp trước.',
        lang: 'vi',
        start_url: './',
        scope: './',
        display: 'standalone',
        theme_color: '#1f4e8c',
        background_color: '#f7f6f3',
        icons: [
          { src: 'icons/icon.svg', sizes: 'any', type: 'image/svg+xml' },
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{html,js,mjs,css,geojson,bin,wasm,ico,svg,png,webmanifest}'],
        globIgnores: ['**/*.gz'],
        // The sample's hamlets (~1.4 MB) and MapLibre (~1 MB) are the largest files.
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  base: './',
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
    // The build analyses the sample on purpose (`shippedResult`, about a second): no warning for it.
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
});
