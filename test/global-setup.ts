/**
 * Gives the test run a real, seeded Neo4j of its own: NEO4J_TEST_URI when set (with
 * NEO4J_TEST_USERNAME / NEO4J_TEST_PASSWORD), otherwise a local Neo4j started on a
 * free port with a throw-away data directory, so a run never touches a database a
 * developer is using. Tests read the connection with `inject('neo4j')`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { readSeedFiles } from '../seed/load/files.js';
import { validateSeed } from '../seed/load/validate.js';
import { loadSeed } from '../seed/load/write.js';
import { connect } from '../src/db/connect.js';
import { PROJECT_ROOT } from '../src/graph.js';
import { freePort, type LocalNeo4j, startLocalNeo4j } from '../src/local-neo4j/process.js';
import type { TestNeo4j } from './support/neo4j.js';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: TestNeo4j;
  }
}

let local: LocalNeo4j | undefined;
let dataDir: string | undefined;

export async function setup(project: TestProject): Promise<void> {
  let connection: TestNeo4j;
  if (process.env.NEO4J_TEST_URI) {
    connection = {
      uri: process.env.NEO4J_TEST_URI,
      username: process.env.NEO4J_TEST_USERNAME ?? 'neo4j',
      password: process.env.NEO4J_TEST_PASSWORD ?? '',
      database: process.env.NEO4J_TEST_DATABASE ?? 'neo4j',
      external: true,
    };
  } else {
    dataDir = mkdtempSync(join(tmpdir(), 'mgkg-test-neo4j-'));
    local = await startLocalNeo4j({
      launcherDir: resolve(PROJECT_ROOT, 'neo4j-local'),
      dir: dataDir,
      port: await freePort(),
      heapMb: 1024,
      pageCacheMb: 256,
      password: undefined,
      log: (line) => console.log(`[test neo4j] ${line}`),
    });
    connection = {
      uri: local.uri,
      username: local.username,
      password: local.password,
      database: 'neo4j',
      external: false,
    };
  }
  const db = await connect({ ...connection, queryTimeoutMs: 60_000, connectTimeoutMs: 20_000 });
  try {
    await loadSeed(db, validateSeed(readSeedFiles(resolve(PROJECT_ROOT, 'seed'), PROJECT_ROOT)));
  } finally {
    await db.close();
  }
  project.provide('neo4j', connection);
}

export async function teardown(): Promise<void> {
  await local?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
