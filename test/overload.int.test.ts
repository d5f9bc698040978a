/**
 * Backpressure and deadlines over HTTP, on the real server: a request never holds more
 * database sessions than its cap, a full session queue is refused at once with 503
 * OVERLOADED, too many requests in flight likewise, and a database that accepts
 * connections but never answers costs a request its deadline, not a hang.
 */
import { createServer as createTcpServer, type Server as TcpServer, type Socket } from 'node:net';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../src/db/database.js';
import { openTestDb, sessionsIdle, testNeo4j } from './support/neo4j.js';
import { startTestServer } from './support/server.js';

const quietDriver = (uri: string, extra: Record<string, unknown> = {}) => {
  const c = testNeo4j();
  return neo4j.driver(uri, neo4j.auth.basic(c.username, c.password), { logging: { level: 'error', logger: () => {} }, ...extra });
};

/** A TCP server that accepts connections and never says a word: a frozen database. */
async function silentServer(): Promise<{ uri: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: TcpServer = createTcpServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as { port: number }).port;
  return {
    uri: `bolt://127.0.0.1:${port}`,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const aliases = (n: number, field: string) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ')} }`;

let db: Database;
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(async () => {
  await db.close();
});

describe('Backpressure: sessions per request and in total', () => {
  it('a request with twelve aliased lookups holds at most its cap of sessions at once', async () => {
    const server = await startTestServer(db, { limits: { requestDeadlineMs: 20_000, maxInFlight: 128, maxSessionsPerRequest: 2 } });
    await sessionsIdle(db);
    let most = 0;
    const stop = db.onQuery(() => {
      most = Math.max(most, db.sessionStats.inUse);
    });
    try {
      const { status, body } = await server.graphql(aliases(12, 'search(query: "magnesium", first: 1) { entity { id } }'));
      expect(status).toBe(200);
      expect(body.errors).toBeUndefined();
      expect(Object.keys(body.data)).toHaveLength(12);
      expect(most).toBeGreaterThan(0);
      expect(most).toBeLessThanOrEqual(2);
    } finally {
      stop();
      await server.close();
    }
  });

  it('a full session queue is refused at once with 503 OVERLOADED and Retry-After, never INTERNAL_SERVER_ERROR', async () => {
    const c = testNeo4j();
    // One session for the whole process and no queue: the second of two concurrent
    // lookups has nowhere to wait.
    const tiny = new Database(quietDriver(c.uri), { database: c.database, queryTimeoutMs: 10_000, maxSessions: 1, maxQueuedSessions: 0 });
    const server = await startTestServer(tiny);
    try {
      // While the start's read of the graph's version holds the one session, every
      // request would be refused.
      await sessionsIdle(tiny);
      const responses = await Promise.all(
        Array.from({ length: 6 }, () => server.graphql(aliases(3, 'entity(id: "company:bmw") { name }'))),
      );
      const codes = responses.flatMap((r) => (r.body.errors ?? []).map((e: any) => e.extensions.code));
      expect(codes.length).toBeGreaterThan(0);
      expect(new Set(codes)).toEqual(new Set(['OVERLOADED']));
      const refused = responses.find((r) => r.body.errors)!;
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toBe('2');
      expect(refused.body.errors[0]).toMatchObject({
        message: 'The service is busy with other requests; try again shortly.',
        extensions: { code: 'OVERLOADED', retryable: true },
      });
      // Those that got a place answered in full.
      expect(responses.some((r) => r.status === 200 && r.body.data.a0.name === 'BMW')).toBe(true);
    } finally {
      await server.close();
      await tiny.close();
    }
  });
});

describe('Deadlines: a database that never answers', () => {
  it('answers at the deadline with 503 DEADLINE_EXCEEDED, refuses requests beyond the in-flight cap meanwhile, and recovers', async () => {
    const frozen = await silentServer();
    const stuck = new Database(quietDriver(frozen.uri, { connectionTimeout: 60_000 }), { database: 'neo4j', queryTimeoutMs: 60_000 });
    const server = await startTestServer(stuck, { limits: { requestDeadlineMs: 1500, maxInFlight: 1, maxSessionsPerRequest: 4 } });
    try {
      const slow = server.graphql('{ entity(id: "company:bmw") { name } }');
      // Wait until the first request is in flight, then a second one finds no room.
      await new Promise((resolve) => setTimeout(resolve, 200));
      const crowded = await server.graphql('{ entity(id: "company:bmw") { name } }');
      expect(crowded.status).toBe(503);
      expect(crowded.headers.get('retry-after')).toBe('2');
      expect(crowded.body).toEqual({
        errors: [{ message: 'The service is busy with other requests; try again shortly.', extensions: { code: 'OVERLOADED', retryable: true, requestId: expect.any(String) } }],
      });
      const answered = await slow;
      expect(answered.status).toBe(503);
      expect(answered.headers.get('retry-after')).toBe('2');
      expect(answered.body.errors).toHaveLength(1);
      expect(answered.body.errors[0]).toMatchObject({
        message: 'The request did not finish within 1500 ms; try again shortly, or ask for less (fewer tiers or results).',
        extensions: { code: 'DEADLINE_EXCEEDED', retryable: true, deadlineMs: 1500 },
      });
      // The request's place is free again: the next request is let in (and meets its own deadline).
      const next = await server.graphql('{ __typename }');
      expect(next).toMatchObject({ status: 200, body: { data: { __typename: 'Query' } } });
    } finally {
      await server.close();
      await frozen.close();
      await stuck.close();
    }
  });
});
