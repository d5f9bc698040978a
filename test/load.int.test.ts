/**
 * `npm run load` apart from serving: idempotent, and it stamps the graph with the
 * version the API checks (the global setup has loaded seed/ into this database once).
 */
import { resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readSeedFiles } from '../seed/load/files.js';
import { validateSeed } from '../seed/load/validate.js';
import { seedHash } from '../seed/load/version.js';
import type { Database } from '../src/db/database.js';
import { readGraphVersion, SCHEMA_VERSION } from '../src/db/graph-version.js';
import { PROJECT_ROOT } from '../src/graph.js';
import { openTestDb, testNeo4j } from './support/neo4j.js';
import { childEnv, runCommand, stopAllCommands } from './support/process.js';

let db: Database;
beforeAll(async () => {
  db = await openTestDb(60_000);
});
afterAll(async () => {
  await db.close();
});
afterEach(stopAllCommands);

const load = async () => {
  const c = testNeo4j();
  const run = runCommand(['run', '-s', 'load'], childEnv({ NEO4J_URI: c.uri, NEO4J_USERNAME: c.username, NEO4J_PASSWORD: c.password }));
  const code = await run.exited;
  await run.closed;
  expect(code, run.output()).toBe(0);
  return run.output();
};

describe('npm run load: idempotent, stamped', () => {
  it('run twice, the second run creates and updates nothing and leaves the stamp as it was', async () => {
    await load();
    const stamped = await readGraphVersion(db);
    const output = await load();
    expect(output).toMatch(/^seed: nodes 0 created, 0 updated, \d+ unchanged; relationships 0 created, 0 updated, \d+ unchanged$/m);
    expect(output).toContain(`graph version: schema ${SCHEMA_VERSION}, seed ${stamped!.seedHash}, loaded ${stamped!.loadedAt} (stamp unchanged)`);
    expect(await readGraphVersion(db)).toEqual(stamped);
  }, 300_000);

  it('stamps the schema version this build writes and the hash of the seed content', async () => {
    const graph = validateSeed(readSeedFiles(resolve(PROJECT_ROOT, 'seed'), PROJECT_ROOT));
    const version = await readGraphVersion(db);
    expect(version).toEqual({ schemaVersion: SCHEMA_VERSION, seedHash: seedHash(graph), loadedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    // Facts with references, scopes and conditions are schema version 2; the words of
    // their metrics in fact search, version 3.
    expect(version?.schemaVersion).toBe(3);
    expect(seedHash(graph)).toMatch(/^[0-9a-f]{16}$/);
  });
});
