import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Files that replace a module with vi.mock: they need modules of their own, so they run isolated.
const MOCKING = [
  'tests/unit/data/readFile.test.ts',
  'tests/unit/worker/analysisClient.test.ts',
  'tests/unit/worker/splitRun.test.ts',
];

// After each test file: remove the temporary directories it made.
const SETUP = ['tests/setup/tempDirs.ts'];

export default defineConfig({
  plugins: [react()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          exclude: MOCKING,
          setupFiles: SETUP,
          environment: 'node',
          // Worker threads instead of child processes: ~10 % less CPU for the same isolated files.
          pool: 'threads',
          // One module graph (and one jsdom) for all files instead of one per file: half the CPU of npm test.
          isolate: false,
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'unit-isolated',
          include: MOCKING,
          setupFiles: SETUP,
          environment: 'node',
          pool: 'threads',
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'pack',
          include: ['tests/pack/**/*.test.ts'],
          setupFiles: SETUP,
          environment: 'node',
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          globalSetup: ['tests/e2e/globalSetup.ts'],
        },
      },
    ],
  },
});
