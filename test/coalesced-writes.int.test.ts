/**
 * A query's Bolt messages leave as one socket write (src/db/coalesced-writes.ts): its
 * BEGIN, its RUN (however many 1,400-byte pieces the driver packs it into) and its PULL
 * together, then the COMMIT. Counted on the real Neo4j's socket through the stream
 * methods Node hands the socket's writes to (`_write` for one buffer, `_writev` for
 * several at once).
 */
import { Socket } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { coalesceBoltWrites } from '../src/db/coalesced-writes.js';
import type { Database } from '../src/db/database.js';
import { openTestDb, sessionsIdle, testNeo4j } from './support/neo4j.js';

const ECHO = { name: 'test/coalesced-echo', mode: 'read' as const, text: 'RETURN $text AS text, size($text) AS length' };
/** Three times the driver's 1,400-byte buffer: without coalescing, the RUN alone took three writes. */
const LONG_TEXT = 'magnesium '.repeat(420);

type WriteMethod = (this: Socket, ...args: unknown[]) => unknown;
const socketPrototype = Socket.prototype as unknown as { _write: WriteMethod; _writev: WriteMethod };
const original = { write: socketPrototype._write, writev: socketPrototype._writev };

/** Writes handed to Neo4j's sockets while `work` runs and its sessions close: buffers per write. */
async function writesDuring(db: Database, work: () => Promise<unknown>): Promise<number[]> {
  const port = Number(new URL(testNeo4j().uri).port);
  const writes: number[] = [];
  socketPrototype._write = function (this: Socket, ...args: unknown[]) {
    if (this.remotePort === port) writes.push(1);
    return original.write.apply(this, args);
  };
  socketPrototype._writev = function (this: Socket, ...args: unknown[]) {
    if (this.remotePort === port) writes.push((args[0] as unknown[]).length);
    return original.writev.apply(this, args);
  };
  try {
    await work();
    await sessionsIdle(db);
  } finally {
    socketPrototype._write = original.write;
    socketPrototype._writev = original.writev;
  }
  return writes;
}

let db: Database;
beforeAll(async () => {
  db = await openTestDb();
  await db.run(ECHO, { text: 'warm' }); // the connection exists before anything is counted
  await sessionsIdle(db);
});
afterEach(() => {
  socketPrototype._write = original.write;
  socketPrototype._writev = original.writev;
});
afterAll(async () => {
  await db.close();
});

describe('Bolt messages are coalesced into one write per turn', () => {
  it('is installed on this driver version (connect() installs it)', () => {
    expect(coalesceBoltWrites()).toBe(true);
  });

  it('a query of several 1,400-byte pieces goes out in one write, then its COMMIT in another', async () => {
    let rows: unknown;
    const writes = await writesDuring(db, async () => {
      rows = await db.run(ECHO, { text: LONG_TEXT });
    });
    // BEGIN + RUN (in pieces) + PULL as one writev, then COMMIT alone.
    expect(writes).toHaveLength(2);
    expect(writes[0]).toBeGreaterThanOrEqual(4);
    expect(writes[1]).toBe(1);
    // What was sent arrived whole and in order.
    expect(rows).toEqual([{ text: LONG_TEXT, length: LONG_TEXT.length }]);
  });

  it('a short query also sends BEGIN, RUN and PULL together', async () => {
    let rows: unknown;
    const writes = await writesDuring(db, async () => {
      rows = await db.run(ECHO, { text: 'short' });
    });
    expect(writes).toHaveLength(2);
    expect(writes[0]).toBeGreaterThanOrEqual(2);
    expect(rows).toEqual([{ text: 'short', length: 5 }]);
  });

  it('queries running side by side each arrive whole', async () => {
    const texts = Array.from({ length: 8 }, (_, i) => `${i}:${LONG_TEXT}`);
    const answers = await Promise.all(texts.map((text) => db.run(ECHO, { text })));
    expect(answers).toEqual(texts.map((text) => [{ text, length: text.length }]));
  });
});
