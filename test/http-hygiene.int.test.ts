/**
 * What a client sees when it sends something the API cannot take, or asks while the
 * database is down: JSON in the GraphQL error shape with an honest code, never an HTML
 * page, a stack trace, or an INTERNAL_SERVER_ERROR for the client's own mistake.
 */
import { connect as connectTcp } from 'node:net';
import { gzipSync } from 'node:zlib';
import neo4j from 'neo4j-driver';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../src/db/database.js';
import { freePort } from '../src/local-neo4j/process.js';
import { createLogger } from '../src/logger.js';
import { openTestDb } from './support/neo4j.js';
import { startTestServer, type TestServer } from './support/server.js';

let db: Database;
let api: TestServer;
const logLines: Array<{ level: number; msg: string }> = [];
beforeAll(async () => {
  db = await openTestDb();
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  api = await startTestServer(db, {}, createLogger('info', sink));
});
afterAll(async () => {
  await api.close();
  await db.close();
});

const post = (body: string | Uint8Array, headers: Record<string, string>) =>
  fetch(`${api.url}/graphql`, { method: 'POST', headers, body: body as BodyInit });

const expectJsonError = async (response: Response, status: number, code: string) => {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const body = await response.json();
  expect(body.errors[0].extensions.code).toBe(code);
  expect(JSON.stringify(body)).not.toMatch(/stacktrace|node_modules|\/work\/|\bat \w+ \(/);
  return body;
};

describe('HTTP hygiene: every refusal is JSON with a code', () => {
  it('a subscription: 400 BAD_REQUEST; a mutation without a token: 401 UNAUTHENTICATED; nothing logged at error level', async () => {
    const subscription = await post(JSON.stringify({ query: 'subscription { health { status } }' }), { 'content-type': 'application/json' });
    const body = await expectJsonError(subscription, 400, 'BAD_REQUEST');
    expect(body.errors[0].message).toBe('This API has no subscription operations. Send a query (or, as a curator, a mutation).');
    const mutation = await post(JSON.stringify({ query: 'mutation { __typename }' }), { 'content-type': 'application/json' });
    await expectJsonError(mutation, 401, 'UNAUTHENTICATED');
    expect(logLines.filter((line) => line.level >= 50)).toEqual([]);
  });

  it('an unsupported charset or content encoding, and gzip that is not gzip: 415 or 400 in JSON', async () => {
    const query = JSON.stringify({ query: '{ __typename }' });
    await expectJsonError(await post(query, { 'content-type': 'application/json; charset=latin1' }), 415, 'BAD_REQUEST');
    await expectJsonError(await post(query, { 'content-type': 'application/json', 'content-encoding': 'zstd' }), 415, 'BAD_REQUEST');
    await expectJsonError(
      await post(Buffer.from('not gzip at all'), { 'content-type': 'application/json', 'content-encoding': 'gzip' }),
      400,
      'BAD_REQUEST',
    );
    // Real gzip is fine.
    const zipped = await post(gzipSync(query), { 'content-type': 'application/json', 'content-encoding': 'gzip' });
    expect(await zipped.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('persisted-query extensions are refused as unsupported, whatever their version', async () => {
    const body = JSON.stringify({ extensions: { persistedQuery: { version: 2, sha256Hash: 'abc' } } });
    const response = await post(body, { 'content-type': 'application/json' });
    expect(response.status).toBeLessThan(500);
    const json = await response.json();
    expect(json.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_SUPPORTED');
  });

  it('answers, and errors in GraphQL, tell caches not to keep them (cache-control: no-store), and carry no ETag to revalidate', async () => {
    const answer = await post(JSON.stringify({ query: '{ entity(id: "company:yimeitai") { id } }' }), { 'content-type': 'application/json' });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(answer.headers.get('etag')).toBeNull();
    const refused = await post(JSON.stringify({ query: '{ entity(id: 1 }' }), { 'content-type': 'application/json' });
    expect(refused.status).toBe(400);
    expect(refused.headers.get('cache-control')).toBe('no-store');
  });

  it('an unknown path: a JSON 404', async () => {
    const response = await fetch(`${api.url}/nothing-here`);
    await expectJsonError(response, 404, 'NOT_FOUND');
  });

  it('GraphQL answers at /graphql in any case, below it and with a query string, as the Express mount did; a look-alike path is a 404', async () => {
    const query = JSON.stringify({ query: '{ __typename }' });
    for (const path of ['/graphql', '/GraphQL', '/graphql/', '/graphql/anything', '/graphql?x=1']) {
      const response = await fetch(`${api.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: query });
      expect({ path, status: response.status, body: await response.json() }).toEqual({ path, status: 200, body: { data: { __typename: 'Query' } } });
      expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    }
    const get = await fetch(`${api.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(await get.json()).toEqual({ data: { __typename: 'Query' } });
    for (const path of ['/graphqlx', '/graph']) {
      const response = await fetch(`${api.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: query });
      await expectJsonError(response, 404, 'NOT_FOUND');
    }
  });

  it('a refusal before GraphQL runs (a body that is not JSON) carries the request id in its header and its error, and changes nothing for the next request', async () => {
    const bad = await post('{"query": ', { 'content-type': 'application/json', 'x-request-id': 'hygiene-bad-json' });
    expect(bad.headers.get('x-request-id')).toBe('hygiene-bad-json');
    expect(bad.headers.get('content-length')).not.toBeNull();
    const body = await expectJsonError(bad, 400, 'BAD_REQUEST');
    expect(body).toEqual({ errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST', requestId: 'hygiene-bad-json' } }] });
    const next = await post(JSON.stringify({ query: '{ __typename }' }), { 'content-type': 'application/json' });
    expect(await next.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('by default, errors carry no stack trace and misspellings are still suggested (introspection is on)', async () => {
    const { status, body } = await api.graphql('{ helth { status } }');
    expect(status).toBe(400);
    expect(body.errors[0].message).toBe('Cannot query field "helth" on type "Query". Did you mean "health"?');
    expect(body.errors[0].extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED', requestId: expect.any(String) });
  });

  it('with introspection off, neither introspection nor suggestions give the schema away', async () => {
    const closed = await startTestServer(db, { introspection: false });
    try {
      const misspelt = await closed.graphql('{ helth { status } }');
      expect(misspelt.body.errors[0].message).toBe('Cannot query field "helth" on type "Query".');
      const introspection = await closed.graphql('{ __schema { types { name } } }');
      expect(introspection.status).toBe(400);
      expect(introspection.body.errors[0].message).toMatch(/introspection is not allowed/i);
    } finally {
      await closed.close();
    }
  });

  it('a body that never arrives is cut off by the body timeout, not held for minutes', async () => {
    const strict = await startTestServer(db, { http: { headersTimeoutMs: 1000, bodyTimeoutMs: 1000, maxConnections: 100 } });
    try {
      const { port } = new URL(strict.url);
      const answer = await new Promise<string>((resolve, reject) => {
        const socket = connectTcp(Number(port), '127.0.0.1', () => {
          socket.write('POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"qu');
        });
        let received = '';
        socket.on('data', (chunk) => (received += chunk));
        socket.on('close', () => resolve(received));
        socket.on('error', reject);
        // A hang guard only: the server's own timeout must end this long before.
        setTimeout(() => reject(new Error('the server held the connection for 20 s')), 20_000).unref();
      });
      expect(answer).toMatch(/^HTTP\/1\.1 408/);
    } finally {
      await strict.close();
    }
  });
});

describe('HTTP hygiene: a database that is down', () => {
  it('health status and the probes answer at once; queries get DATABASE_UNAVAILABLE; readiness says not ready', async () => {
    const driver = neo4j.driver(`bolt://127.0.0.1:${await freePort()}`, neo4j.auth.basic('neo4j', 'whatever-pass'), {
      connectionTimeout: 1000,
      logging: { level: 'error', logger: () => {} },
    });
    const down = new Database(driver, { database: 'neo4j', queryTimeoutMs: 1000 });
    const server = await startTestServer(down);
    try {
      await down.availability.check();
      await down.availability.check();
      const ready = await fetch(`${server.url}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({
        status: 'not ready',
        database: 'down',
        graph: { state: 'unknown' },
        // The graph version watch's first read may still hold its session.
        sessions: { inUse: expect.any(Number), waiting: 0, max: 48 },
        reasons: ['database unavailable', 'graph version not read yet'],
      });
      expect((await fetch(`${server.url}/livez`)).status).toBe(200);
      const health = await server.graphql('{ health { status } }');
      expect(health).toMatchObject({ status: 200, body: { data: { health: { status: 'DATABASE_UNAVAILABLE' } } } });
      const lookup = await server.graphql('{ entity(id: "company:bmw") { name } }');
      expect(lookup.status).toBe(503);
      expect(lookup.body.errors[0].extensions).toEqual({ code: 'DATABASE_UNAVAILABLE', retryable: true, requestId: expect.any(String) });
    } finally {
      await server.close();
      await down.close();
    }
  });
});
