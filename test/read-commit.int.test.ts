/**
 * When a query answers (src/db/database.ts, runSession): a read as soon as its rows are
 * in, before the COMMIT that ends its transaction; a write only after its COMMIT. The
 * session of an answered read still counts until it has closed, against the process's
 * gate and the request's cap, and a read that fails still fails. Every transaction sends
 * its BEGIN with its first query.
 */
import neo4j, { type Driver, type Session, type SessionConfig } from 'neo4j-driver';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Database } from '../src/db/database.js';
import { sessionsIdle, testNeo4j } from './support/neo4j.js';

const READ = { name: 'test/read-commit-read', mode: 'read' as const, text: 'MATCH (e:Entity {id: $id}) RETURN e.name AS name' };
const WRITE = { name: 'test/read-commit-write', mode: 'write' as const, text: 'MERGE (n:OpsReadCommitTest {id: $id}) RETURN n.id AS id' };
const FAILING_READ = { name: 'test/read-commit-failing', mode: 'read' as const, text: 'UNWIND [0] AS zero RETURN 1 / zero AS never' };

/** The real driver, with each session kept in `sessions` and its close noted in `events` once it has happened. */
function noteClosing(driver: Driver, events: string[], sessions: Session[]): Driver {
  const session = driver.session.bind(driver);
  return Object.assign(Object.create(driver) as Driver, {
    session: (config: SessionConfig): Session => {
      const opened = session(config);
      sessions.push(opened);
      const close = opened.close.bind(opened);
      opened.close = async () => {
        await close();
        events.push('session closed');
      };
      return opened;
    },
    close: () => driver.close(),
  });
}

let driver: Driver;
let events: string[];
const sessions: Session[] = [];
let db: Database;
beforeAll(() => {
  const c = testNeo4j();
  driver = neo4j.driver(c.uri, neo4j.auth.basic(c.username, c.password), { logging: { level: 'error', logger: () => {} } });
  events = [];
  db = new Database(noteClosing(driver, events, sessions), { database: c.database, queryTimeoutMs: 15_000 });
});
beforeEach(async () => {
  await sessionsIdle(db);
  events.length = 0;
});
afterAll(async () => {
  await db.run({ name: 'test/read-commit-cleanup', mode: 'write', text: 'MATCH (n:OpsReadCommitTest) DELETE n' });
  await db.close();
});

describe('A read answers before its COMMIT, a write after', () => {
  it('a read has its rows while its session is still closing, and that session counts until it has closed', async () => {
    const rows = await db.run(READ, { id: 'company:bmw' });
    events.push('answered');
    expect(rows).toEqual([{ name: 'BMW' }]);
    expect(db.sessionStats.inUse).toBe(1);
    await sessionsIdle(db);
    expect(events).toEqual(['answered', 'session closed']);
  });

  it('a write answers only once committed and its session closed', async () => {
    const rows = await db.run(WRITE, { id: 'first' });
    events.push('answered');
    expect(rows).toEqual([{ id: 'first' }]);
    expect(events).toEqual(['session closed', 'answered']);
    expect(db.sessionStats.inUse).toBe(0);
  });

  it('a read that fails rejects with the failure, and its session closes', async () => {
    await expect(db.run(FAILING_READ)).rejects.toThrow("/ by zero");
    await sessionsIdle(db);
    expect(events).toEqual(['session closed']);
  });

  it("a request's cap counts a read's session until it has closed: with a cap of one, the next read waits for it", async () => {
    const request = db.forRequest({ deadlineAt: Date.now() + 15_000, deadlineMs: 15_000, maxSessions: 1 });
    let most = 0;
    const stop = db.onQuery(() => {
      most = Math.max(most, db.sessionStats.inUse);
    });
    try {
      const answers = await Promise.all([
        request.run(READ, { id: 'company:bmw' }).then((rows) => (events.push('first answered'), rows)),
        request.run(READ, { id: 'company:tesla' }).then((rows) => (events.push('second answered'), rows)),
      ]);
      expect(answers).toEqual([[{ name: 'BMW' }], [{ name: 'Tesla' }]]);
      expect(most).toBe(1);
      await sessionsIdle(db);
      // The second read's session opened only after the first's had closed.
      expect(events).toEqual(['first answered', 'session closed', 'second answered', 'session closed']);
    } finally {
      stop();
    }
  });

  it('sends BEGIN with the first query, reads and writes alike (the driver still has the switch its executeQuery uses)', async () => {
    sessions.length = 0;
    await db.run(READ, { id: 'company:bmw' });
    await db.run(WRITE, { id: 'second' });
    expect(sessions).toHaveLength(2);
    for (const session of sessions) {
      expect((session as unknown as { _transactionExecutor: { pipelineBegin: boolean } })._transactionExecutor.pipelineBegin).toBe(true);
    }
  });
});
