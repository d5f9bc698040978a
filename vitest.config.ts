import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // graphql 16 ships CommonJS (index.js) and ESM (index.mjs). Node gives every importer
    // the CommonJS build; Vite would hand our modules the .mjs one while Apollo keeps the
    // other, and graphql rejects types from a second copy. One entry, as under Node.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    include: ['test/**/*.test.ts'],
    // Starts (or connects to) the test Neo4j once and seeds it; see test/global-setup.ts.
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    // The first run on a new machine downloads Neo4j from Maven Central in the global setup.
    hookTimeout: 600_000,
    // Tests share one seeded database and only read from it, except those that use
    // ids of their own; two workers suit the 2-core machines this runs on.
    maxWorkers: 2,
    reporters: ['default'],
  },
});
