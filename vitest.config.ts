import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['server/**/*.test.ts', 'common/**/*.test.ts', 'web/**/*.test.ts', 'bench/**/*.test.ts'],
    globalSetup: ['server/test/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    // Files in one worker share its module registry, and so its one database: opening PGlite
    // with PostGIS takes seconds, so it is opened once per worker, not once per file.
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 180_000,
  },
});
