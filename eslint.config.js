import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

/**
 * The layers of src/ and the folders each may not import: data flows one way, analysis → data → worker →
 * store → map, i18n → components (docs/ARCHITECTURE.md). Files at the top of src/ wire them together.
 */
const FORBIDDEN = {
  analysis: ['data', 'worker', 'store', 'map', 'components', 'i18n', 'cli'],
  data: ['worker', 'store', 'map', 'components', 'i18n', 'cli'],
  worker: ['store', 'map', 'components', 'i18n', 'cli'],
  store: ['map', 'components', 'i18n', 'cli'],
  map: ['worker', 'components', 'cli'],
  i18n: ['data', 'worker', 'map', 'components', 'cli'],
  components: ['cli'],
  cli: ['worker', 'store', 'map', 'components', 'i18n'],
};
// A new folder of src/ needs its line above (styles/ holds CSS only).
const unlisted = readdirSync(new URL('./src', import.meta.url), { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== 'styles' && !(d.name in FORBIDDEN))
  .map((d) => `src/${d.name}/`);
if (unlisted.length > 0)
  throw new Error(`eslint.config.js: give ${unlisted.join(', ')} a layer in FORBIDDEN.`);

/** Folders that run without a page (workers, Node): no React, MapLibre or store library. */
const NO_UI = new Set(['analysis', 'data', 'worker', 'cli']);

const layerRules = Object.entries(FORBIDDEN).map(([folder, forbidden]) => ({
  files: [`src/${folder}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group: forbidden.map((f) => `**/${f}/**`),
            message: `src/${folder}/ may not import ${forbidden.map((f) => `${f}/`).join(', ')} (layers: eslint.config.js).`,
          },
          {
            regex: '(^|/)(App\\.tsx|main\\.tsx|boot\\.ts)$',
            message: 'The entry files at the top of src/ import the layers, never the other way.',
          },
          ...(NO_UI.has(folder)
            ? [
                {
                  group: ['react', 'react-dom', 'react-*', 'maplibre-gl', 'zustand', 'zustand/*'],
                  message: `src/${folder}/ runs without a page: no React, MapLibre or store library.`,
                },
              ]
            : []),
        ],
      },
    ],
  },
}));

export default tseslint.config(
  { ignores: ['dist', 'dist-cli', 'node_modules', 'coverage', 'geodata/sources'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  ...layerRules,
  {
    files: ['.ci/**/*.mjs', 'eslint.config.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
