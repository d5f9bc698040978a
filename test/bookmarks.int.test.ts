/**
 * Cluster semantics, against the single test instance through the routing scheme
 * (neo4j://): a write hands back its bookmarks, later requests carrying them read it,
 * the bookmarks a client sends reach the database, and every query the API runs is a
 * read (routed to followers on a cluster).
 */
import { readFileSync, readdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseBookmarks, RequestBookmarks } from '../src/db/bookmarks.js';
import { connect } from '../src/db/connect.js';
import { cypher } from '../src/db/cypher.js';
import type { Database } from '../src/db/database.js';
import { PROJECT_ROOT } from '../src/graph.js';
import { BOOKMARKS_HEADER, requestBookmarks } from '../src/ops/bookmark-headers.js';
import { testNeo4j } from './support/neo4j.js';
import { startTestServer } from './support/server.js';

const WRITE = { name: 'test/bookmark-write', mode: 'write' as const, text: 'MERGE (n:OpsBookmarkTest {id: $id}) SET n.at = $at RETURN n.at AS at' };
const READ = { name: 'test/bookmark-read', mode: 'read' as const, text: 'MATCH (n:OpsBookmarkTest {id: $id}) RETURN n.at AS at' };

let db: Database;
beforeAll(async () => {
  const c = testNeo4j();
  // The routing scheme: the driver asks the server for a routing table first, as on a cluster.
  const uri = c.uri.replace(/^bolt(\+s|\+ssc)?:/, 'neo4j$1:');
  db = await connect({ ...c, uri, queryTimeoutMs: 15_000, connectTimeoutMs: 10_000 });
});
afterAll(async () => {
  await db.run({ name: 'test/cleanup', mode: 'write', text: 'MATCH (n:OpsBookmarkTest) DELETE n' });
  await db.close();
});

const limits = (bookmarks: RequestBookmarks) => ({ deadlineAt: Date.now() + 15_000, deadlineMs: 15_000, maxSessions: 4, bookmarks });

describe('Bookmarks: read your writes through neo4j://', () => {
  it('a write records its bookmarks; a later request carrying them reads the write', async () => {
    const handedBack: string[][] = [];
    const writer = db.forRequest(limits(new RequestBookmarks([], (b) => handedBack.push(b))));
    await writer.run(WRITE, { id: 'ryw', at: 1 });
    expect(handedBack).toHaveLength(1);
    expect(handedBack[0]!.length).toBeGreaterThan(0);

    const reader = db.forRequest(limits(new RequestBookmarks(handedBack[0]!)));
    expect(await reader.run(READ, { id: 'ryw' })).toEqual([{ at: 1 }]);
  });

  it('sends the client’s bookmarks with each session: one the database never issued is refused', async () => {
    const reader = db.forRequest(limits(new RequestBookmarks(['FB:not-a-bookmark'])));
    await expect(reader.run(READ, { id: 'ryw' })).rejects.toThrow();
  });

  it('reads only carry bookmarks: they record none', async () => {
    const handedBack: string[][] = [];
    await db.forRequest(limits(new RequestBookmarks([], (b) => handedBack.push(b)))).run(READ, { id: 'ryw' });
    expect(handedBack).toEqual([]);
  });

  it('over HTTP: the answer to a request that wrote has the header; sending it back reads the write', async () => {
    // No GraphQL operation writes yet: a route of its own stands in for one.
    const app = express();
    app.post('/write', async (req, res) => {
      await db.forRequest(limits(requestBookmarks(req, res))).run(WRITE, { id: 'http', at: 2 });
      res.json({ ok: true });
    });
    app.get('/read', async (req, res) => {
      res.json(await db.forRequest(limits(requestBookmarks(req, res))).run(READ, { id: 'http' }));
    });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const wrote = await fetch(`${url}/write`, { method: 'POST' });
      const header = wrote.headers.get(BOOKMARKS_HEADER);
      expect(header).toMatch(/^\S+$/);
      const read = await fetch(`${url}/read`, { headers: { [BOOKMARKS_HEADER]: header! } });
      expect(await read.json()).toEqual([{ at: 2 }]);
      expect(read.headers.get(BOOKMARKS_HEADER)).toBeNull();
    } finally {
      server.close();
    }
  });

  it('the GraphQL endpoint passes the header on to the database', async () => {
    const server = await startTestServer(db);
    try {
      const writer = new RequestBookmarks();
      await db.forRequest(limits(writer)).run(WRITE, { id: 'gql', at: 3 });
      const ok = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [BOOKMARKS_HEADER]: writer.written!.join(',') },
        body: JSON.stringify({ query: '{ entity(id: "company:bmw") { name } }' }),
      });
      expect(await ok.json()).toEqual({ data: { entity: { name: 'BMW' } } });
      const refused = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [BOOKMARKS_HEADER]: 'FB:not-a-bookmark' },
        body: JSON.stringify({ query: '{ entity(id: "company:bmw") { name } }' }),
      });
      expect((await refused.json()).errors).toHaveLength(1);
    } finally {
      await server.close();
    }
  });
});

describe('Bookmarks: the header', () => {
  it('takes comma-separated printable bookmarks, bounded, and drops anything else', () => {
    expect(parseBookmarks('FB:abc=, FB:def+/')).toEqual(['FB:abc=', 'FB:def+/']);
    expect(parseBookmarks(['FB:a', 'FB:b'])).toEqual(['FB:a', 'FB:b']);
    expect(parseBookmarks('has space,ok')).toEqual(['ok']);
    expect(parseBookmarks(undefined)).toEqual([]);
    expect(parseBookmarks(Array.from({ length: 40 }, (_, i) => `b${i}`).join(','))).toHaveLength(16);
    expect(parseBookmarks('x'.repeat(513))).toEqual([]);
  });
});

describe('Access modes: the API reads, except curators\' writes', () => {
  it('every Cypher file named under src/ is a read (a cluster routes it to followers), except in the curation data layer', () => {
    const names = new Set<string>();
    const writers = new Set<string>();
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (entry.name.endsWith('.ts'))
          for (const m of readFileSync(path, 'utf8').matchAll(/cypher\('([\w/-]+)'\)/g)) (path.endsWith(join('src', 'db', 'curation.ts')) ? writers : names).add(m[1]!);
      }
    };
    walk(join(PROJECT_ROOT, 'src'));
    expect(names.size).toBeGreaterThan(10);
    expect([...names].filter((name) => cypher(name).mode !== 'read')).toEqual([]);
    // Writes run only in mutations, through src/db/curation.ts.
    expect([...writers].filter((name) => cypher(name).mode === 'write').length).toBeGreaterThan(5);
  });
});
