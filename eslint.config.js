import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const impure = {
  patterns: [
    {
      group: ['react', 'react-dom', 'react-*', 'maplibre-gl', 'zustand', 'zustand/*'],
      message: 'analysis/ and data/ stay pure: no React, MapLibre or store.',
    },
    {
      group: ['**/store/**', '**/components/**', '**/map/**', '**/worker/**'],
      message: 'analysis/ and data/ stay pure.',
    },
  ],
};

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
  {
    files: ['src/analysis/**/*.ts', 'src/data/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', impure] },
  },
  {
    files: ['.ci/**/*.mjs', 'eslint.config.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
