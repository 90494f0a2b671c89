import { describe, expect, it } from 'vitest';
import type { Plugin, ResolvedConfig } from 'vite';
import { findTestGlobals, noTestGlobals } from '../../../tools/noTestGlobals.ts';

/** Runs the plugin's build hooks on a fake bundle, as Vite would, and returns the error it raised. */
function check(mode: string, files: Record<string, string>, ssr = false): string | null {
  const plugin: Plugin = noTestGlobals();
  const configResolved = plugin.configResolved as (c: ResolvedConfig) => void;
  configResolved({ mode, build: { ssr } } as unknown as ResolvedConfig);
  const bundle = Object.fromEntries(
    Object.entries(files).map(([name, code]) => [name, { type: 'chunk', code, fileName: name }]),
  );
  let error: string | null = null;
  const context = {
    error: (message: string) => {
      error = message;
      throw new Error(message);
    },
  };
  const generate = plugin.generateBundle as (this: unknown, o: unknown, b: unknown) => void;
  try {
    generate.call(context, {}, bundle);
  } catch {
    // the message is kept in `error`
  }
  return error;
}

describe('no test globals in a production build', () => {
  it('finds the browser tests’ window globals in built code', () => {
    expect(findTestGlobals('a.__vt={map:m};window.__vtScenario=s;x.__vt.store')).toEqual([
      '__vt',
      '__vtScenario',
    ]);
    expect(findTestGlobals('const vtable=1; my__vt=2; "vt"')).toEqual([]);
  });

  it('fails a production build whose code names one, and says where and what to do', () => {
    const error = check('production', { 'assets/a.js': 'ok()', 'assets/main-x.js': 'window.__vt={map:e}' });
    expect(error).toMatch(
      /^assets\/main-x\.js names the browser tests' window global __vt in a production build/,
    );
    expect(error).toContain('import.meta.env.MODE');
    expect(check('production', { 'assets/main-x.js': 'window.map=e' })).toBeNull();
  });

  it('lets the browser tests’ own build and server-side builds through', () => {
    expect(check('e2e', { 'assets/main-x.js': 'window.__vt={map:e}' })).toBeNull();
    expect(check('production', { 'run.js': 'window.__vt.map' }, true)).toBeNull();
  });
});
