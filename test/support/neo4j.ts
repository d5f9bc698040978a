/** Connections to the test run's Neo4j (see test/global-setup.ts). */
import { inject } from 'vitest';
import { connect } from '../../src/db/connect.js';
import type { Database } from '../../src/db/database.js';

export interface TestNeo4j {
  uri: string;
  username: string;
  password: string;
  database: string;
  /** True when the run uses NEO4J_TEST_URI rather than a Neo4j it started itself. */
  external: boolean;
}

export function testNeo4j(): TestNeo4j {
  return inject('neo4j');
}

/** A Database on the seeded test graph; close it in afterAll. */
export function openTestDb(queryTimeoutMs = 15_000): Promise<Database> {
  const c = testNeo4j();
  return connect({ ...c, queryTimeoutMs, connectTimeoutMs: 10_000 });
}

/**
 * Waits until none of the database's sessions is in use (at most 5 s): a read answers
 * before its session has closed (its COMMIT finishes behind the answer,
 * src/db/database.ts), and a server reads the graph's version as it starts (then every
 * 30 s, src/ops/graph-version-watch.ts); neither must count against what a test measures.
 */
export async function sessionsIdle(database: Database): Promise<void> {
  for (let waited = 0; database.sessionStats.inUse > 0; waited += 5) {
    if (waited > 5000) throw new Error('sessions still in use after 5 s');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
