import { afterAll } from 'vitest';
import { removeTempDirs } from '../fixtures/cli/tempDir.ts';

// A setup file runs again for each test file, so each removes its own directories even when the test
// files share one module graph (tempDir.ts is then evaluated once).
afterAll(removeTempDirs);
