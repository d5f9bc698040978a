/**
 * The usual setup of an API test file: a database connection and the real HTTP server
 * over the seeded graph, opened before the file's tests and closed after them.
 */
import { afterAll, beforeAll, expect } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { openTestDb } from './neo4j.js';
import { startTestServer, type TestServer } from './server.js';

export interface TestApi {
  readonly db: Database;
  readonly server: TestServer;
  /** Runs an operation that must succeed (HTTP 200, no errors) and returns its data. */
  query(text: string, variables?: Record<string, unknown>): Promise<any>;
}

export function useTestApi(): TestApi {
  let db: Database | undefined;
  let server: TestServer | undefined;
  beforeAll(async () => {
    db = await openTestDb();
    server = await startTestServer(db);
  });
  afterAll(async () => {
    await server?.close();
    await db?.close();
  });
  return {
    get db() {
      return db!;
    },
    get server() {
      return server!;
    },
    async query(text, variables) {
      const { status, body } = await server!.graphql(text, variables);
      expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
      expect(status).toBe(200);
      return body.data;
    },
  };
}
