/**
 * The usual setup of an API test file: a database connection and the real HTTP server
 * over the seeded graph, opened before the file's tests and closed after them.
 *
 * Options: `curators` configures a curator and a reader API key (TEST_CURATOR_KEY,
 * TEST_READER_KEY) and gives `asCurator`; `ownNeo4j` runs the server on a Neo4j of the
 * file's own (test/support/own-neo4j.ts), for tests that write: the run's shared graph
 * stays as the seed made it, for the tests that check the whole graph.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, expect } from 'vitest';
import { loadConfig } from '../../src/config.js';
import type { Database } from '../../src/db/database.js';
import { openTestDb } from './neo4j.js';
import { type OwnNeo4j, startOwnNeo4j } from './own-neo4j.js';
import { startTestServer, type TestServer } from './server.js';

export const TEST_CURATOR_KEY = 'test-curator-key-0123456789';
export const TEST_READER_KEY = 'test-reader-key-0123456789';
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

export interface TestApiOptions {
  /** Accept TEST_CURATOR_KEY (curator "test-curator") and TEST_READER_KEY (reader "test-reader"). */
  curators?: boolean;
  /** A Neo4j of the file's own, seeded or with the schema only. */
  ownNeo4j?: { name: string; seed?: boolean };
}

export interface TestApi {
  readonly db: Database;
  readonly server: TestServer;
  /** Runs an operation that must succeed (HTTP 200, no errors) and returns its data. */
  query(text: string, variables?: Record<string, unknown>): Promise<any>;
  /** The same with TEST_CURATOR_KEY as "Authorization: Bearer" (needs `curators`). */
  asCurator(text: string, variables?: Record<string, unknown>): Promise<any>;
  /**
   * `query`, with the database queries it ran counted by name (`seen`); the server's
   * graph-version watch, which polls in the background whatever is asked, is left out.
   */
  counted(text: string, variables?: Record<string, unknown>): Promise<{ seen: Record<string, number>; data: any }>;
}

export function useTestApi(options: TestApiOptions = {}): TestApi {
  let db: Database | undefined;
  let server: TestServer | undefined;
  let own: OwnNeo4j | undefined;
  beforeAll(async () => {
    if (options.ownNeo4j) {
      own = await startOwnNeo4j(options.ownNeo4j.name, { seed: options.ownNeo4j.seed ?? false });
      db = own.db;
    } else db = await openTestDb();
    const defaults = loadConfig({});
    server = await startTestServer(db, {
      // A Neo4j of its own beside the run's, on two cores, plans its first walks slowly.
      ...(options.ownNeo4j ? { limits: { ...defaults.limits, requestDeadlineMs: 90_000 } } : {}),
      ...(options.curators
        ? {
            auth: {
              ...defaults.auth,
              curatorKeys: [{ name: 'test-curator', sha256: sha(TEST_CURATOR_KEY) }],
              readerKeys: [{ name: 'test-reader', sha256: sha(TEST_READER_KEY) }],
            },
          }
        : {}),
    });
  });
  afterAll(async () => {
    await server?.close();
    if (own) await own.stop();
    else await db?.close();
  });
  const succeed = async (answer: Promise<{ status: number; body: any }>) => {
    const { status, body } = await answer;
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    expect(status).toBe(200);
    return body.data;
  };
  const query = (text: string, variables?: Record<string, unknown>) => succeed(server!.graphql(text, variables));
  return {
    get db() {
      return db!;
    },
    get server() {
      return server!;
    },
    query,
    asCurator: (text, variables) => succeed(server!.graphql(text, variables, { authorization: `Bearer ${TEST_CURATOR_KEY}` })),
    counted: async (text, variables) => {
      const seen: Record<string, number> = {};
      const stop = db!.onQuery((event) => {
        if (event.query !== 'system/graph-version') seen[event.query] = (seen[event.query] ?? 0) + 1;
      });
      try {
        return { seen, data: await query(text, variables) };
      } finally {
        stop();
      }
    },
  };
}
