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
