import type { Plugin } from 'vite';

/** The window globals the browser tests use (`window.__vt`, `window.__vtScenario`), found in built code. */
export function findTestGlobals(code: string): string[] {
  return [...new Set(code.match(/\b__vt[A-Za-z]*\b/g) ?? [])].sort();
}

/**
 * Fails an app build that is not the browser tests' own (`--mode e2e`) when any emitted chunk still names a
 * test global: production must not expose the map and stores on `window`. Server-side builds (the bench
 * runner, which drives a browser) are not the app and are not checked.
 */
export function noTestGlobals(): Plugin {
  let mode = '';
  let ssr = false;
  return {
    name: 'vt-no-test-globals',
    apply: 'build',
    configResolved(config) {
      mode = config.mode;
      ssr = Boolean(config.build.ssr);
    },
    generateBundle(_options, bundle) {
      if (mode === 'e2e' || ssr) return;
      for (const [file, out] of Object.entries(bundle)) {
        const code = out.type === 'chunk' ? out.code : typeof out.source === 'string' ? out.source : '';
        const found = findTestGlobals(code);
        if (found.length > 0) {
          this.error(
            `${file} names the browser tests' window global ${found.join(', ')} in a ${mode} build: ` +
              'expose it only when import.meta.env.MODE is "e2e" (see src/testHandle.ts).',
          );
        }
      }
    },
  };
}
