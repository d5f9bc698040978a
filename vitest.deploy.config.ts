import { defineConfig } from 'vitest/config';

// The static checks of the deployment files (Dockerfile, compose, Kubernetes), on their
// own: no database, so CI runs them in seconds before the full suite (which runs them too).
export default defineConfig({
  test: {
    include: ['test/deploy.test.ts', 'test/neo4j-version.test.ts'],
    reporters: ['default'],
  },
});
