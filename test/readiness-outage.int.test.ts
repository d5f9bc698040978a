/**
 * Readiness through a database outage: a TCP relay stands between the API and the test
 * Neo4j, and "stopping the database" closes the relay and every connection through it.
 * /readyz turns 503 (database unavailable) while /livez stays 200, and /readyz turns 200
 * again once the relay is back. Waits are hang guards, not timing assertions.
 */
import { createServer, type Server, type Socket, connect as tcp } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../src/db/connect.js';
import { SCHEMA_VERSION } from '../src/db/graph-version.js';
import type { Database } from '../src/db/database.js';
import { freePort } from '../src/local-neo4j/process.js';
import { testNeo4j } from './support/neo4j.js';
import { startTestServer, type TestServer } from './support/server.js';

class Relay {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  constructor(
    readonly port: number,
    private readonly target: { host: string; port: number },
  ) {}

  async start(): Promise<void> {
    this.server = createServer((client) => {
      const upstream = tcp(this.target.port, this.target.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => s.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    const closed = new Promise((resolve) => this.server?.close(resolve));
    for (const s of this.sockets) s.destroy();
    await closed;
  }
}

const until = async (what: string, check: () => Promise<boolean>, guardMs = 30_000) => {
  const deadline = Date.now() + guardMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`hang guard: ${what} not seen within ${guardMs} ms`);
};

let relay: Relay;
let db: Database;
let server: TestServer;
beforeAll(async () => {
  const c = testNeo4j();
  const target = /\/\/([^:/]+):(\d+)/.exec(c.uri)!;
  relay = new Relay(await freePort(), { host: target[1]!, port: Number(target[2]) });
  await relay.start();
  db = await connect({ ...c, uri: `bolt://127.0.0.1:${relay.port}`, queryTimeoutMs: 5000, connectTimeoutMs: 5000 });
  db.startMonitoring();
  server = await startTestServer(db);
});
afterAll(async () => {
  await server.close();
  await db.close();
  await relay.stop();
});

const readyz = async () => {
  const response = await fetch(`${server.url}/readyz`);
  return { status: response.status, body: await response.json() };
};

describe('Readiness: a database outage', () => {
  it('ready, then 503 while the database is gone with /livez still 200, then ready again', async () => {
    await until('ready', async () => (await readyz()).status === 200);

    await relay.stop();
    await until('not ready', async () => (await readyz()).status === 503);
    const down = await readyz();
    expect(down.body).toMatchObject({ status: 'not ready', database: 'down', graph: { state: 'supported', schemaVersion: SCHEMA_VERSION } });
    expect(down.body.reasons).toEqual(['database unavailable']);
    expect((await fetch(`${server.url}/livez`)).status).toBe(200);

    await relay.start();
    await until('ready again', async () => (await readyz()).status === 200);
    expect((await readyz()).body).toMatchObject({ status: 'ready', database: 'up', reasons: [] });
  });
});
