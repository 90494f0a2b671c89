import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'vite';
import { bundledLicences } from './tools/bundledLicences.ts';

const BIN = 'vungtrang.mjs';

/**
 * The CLI as one self-contained ES module for Node (`npm run build:cli`; `prepare` runs it, so `npm ci`
 * and `npm pack` leave a working `vungtrang`). Every library it uses is bundled in: an installed CLI
 * needs no node_modules and no TypeScript.
 */
export default defineConfig({
  publicDir: false,
  logLevel: 'warn',
  ssr: { target: 'node', noExternal: true },
  plugins: [
    bundledLicences('THIRD-PARTY-LICENSES.txt'),
    {
      // `npx vungtrang` in the checkout runs the file itself, so it must be executable.
      name: 'vungtrang:executable',
      writeBundle(options) {
        chmodSync(join(options.dir ?? 'dist-cli', BIN), 0o755);
      },
    },
  ],
  build: {
    ssr: 'src/cli/bin.ts',
    outDir: 'dist-cli',
    emptyOutDir: true,
    target: 'node20',
    minify: true,
    rolldownOptions: { output: { entryFileNames: BIN, codeSplitting: false } },
  },
});
