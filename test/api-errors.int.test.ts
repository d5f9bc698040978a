/**
 * Errors and protections: one test per public error code, masking of unexpected
 * errors, limits that reject operations before they reach the database, and the number
 * of database round trips of a nested request.
 */
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../src/db/database.js';
import { freePort } from '../src/local-neo4j/process.js';
import { MAX_ALIASES, MAX_DEPTH } from '../src/protections.js';
import { MAX_REQUEST_BYTES } from '../src/server.js';
import { openTestDb, testNeo4j } from './support/neo4j.js';
import { startTestServer, type TestServer } from './support/server.js';

let db: Database;
let api: TestServer;
let queries = 0;
beforeAll(async () => {
  db = await openTestDb();
  // The server's own background read of the graph version stamp is not a request's round trip.
  db.onQuery(({ query }) => {
    if (query !== 'system/graph-version') queries += 1;
  });
  api = await startTestServer(db);
});
afterAll(async () => {
  await api.close();
  await db.close();
});

/** Runs an operation and returns its single error, after checking it reached the database `dbQueries` times. */
async function errorOf(text: string, variables?: Record<string, unknown>) {
  const { body } = await api.graphql(text, variables);
  expect(body.errors, JSON.stringify(body)).toHaveLength(1);
  return body.errors[0];
}

describe('Errors: one per public code', () => {
  it('NOT_FOUND: a dependency question about an unknown entity', async () => {
    const error = await errorOf('{ upstream(id: "company:nobody") { total } }');
    expect(error.extensions.code).toBe('NOT_FOUND');
    expect(error.message).toBe('No entity has the id "company:nobody".');
  });

  it('BAD_USER_INPUT: an empty search, a forged cursor, a page size of zero', async () => {
    expect(await errorOf('{ search(query: "   ") { score } }')).toMatchObject({
      message: 'query: must not be empty',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(await errorOf('{ entities(after: "not-a-cursor") { totalCount } }')).toMatchObject({
      message: 'after: "not-a-cursor" is not a cursor from this API (use pageInfo.endCursor)',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(await errorOf('{ entities(first: 0) { totalCount } }')).toMatchObject({
      message: 'first: must be a whole number from 1 to 100, got 0',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('LIMIT_EXCEEDED: a page larger than the maximum is rejected, not clamped', async () => {
    expect(await errorOf('{ entities(first: 101) { totalCount } }')).toMatchObject({
      message: 'first: at most 100 is allowed, got 101',
      extensions: { code: 'LIMIT_EXCEEDED', argument: 'first', max: 100 },
    });
  });

  it('DATABASE_UNAVAILABLE: the database cannot be reached', async () => {
    const port = await freePort();
    const driver = neo4j.driver(`bolt://127.0.0.1:${port}`, neo4j.auth.basic('neo4j', 'whatever-pass'), {
      connectionTimeout: 1000,
      maxTransactionRetryTime: 1000,
      logging: { level: 'error', logger: () => {} },
    });
    const down = new Database(driver, { database: 'neo4j', queryTimeoutMs: 1000 });
    const server = await startTestServer(down);
    try {
      const { status, headers, body } = await server.graphql('{ entity(id: "country:china") { name } }');
      // The service's state, not the request's: 503, retry later, the same request.
      expect(status).toBe(503);
      expect(headers.get('retry-after')).toBe('2');
      expect(body.errors).toEqual([
        {
          message: 'The graph database is unavailable; try again shortly.',
          locations: [{ line: 1, column: 3 }],
          path: ['entity'],
          extensions: { code: 'DATABASE_UNAVAILABLE', retryable: true, requestId: expect.any(String) },
        },
      ]);
      // Known down now: the next request is refused at once, without a connection attempt.
      expect(down.availability.state).toBe('down');
      const again = await server.graphql('{ entity(id: "country:china") { name } }');
      expect(again.body.errors[0].extensions.code).toBe('DATABASE_UNAVAILABLE');
    } finally {
      await server.close();
      await down.close();
    }
  });

  it('INTERNAL_SERVER_ERROR: anything unexpected is masked, with no driver message or stack', async () => {
    const c = testNeo4j();
    const driver = neo4j.driver(c.uri, neo4j.auth.basic(c.username, c.password), { logging: { level: 'error', logger: () => {} } });
    // A database name the server does not have: the driver's error is not one the API expects.
    const broken = new Database(driver, { database: 'nosuchdb', queryTimeoutMs: 5000 });
    const production = await startTestServer(broken);
    const development = await startTestServer(broken, { exposeErrorDetails: true });
    try {
      // Twice: a document seen before runs compiled (src/http/compiled-execution.ts),
      // and its errors must be formatted as the interpreted run's are.
      for (let run = 0; run < 2; run++) {
        const masked = (await production.graphql('{ entity(id: "country:china") { name } }')).body;
        expect(masked.errors).toEqual([
          { message: 'Unexpected error.', locations: [{ line: 1, column: 3 }], path: ['entity'], extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: expect.any(String) } },
        ]);
        expect(JSON.stringify(masked)).not.toMatch(/nosuchdb|Neo4j|Graph not found|at /);
        // In development the cause is shown, to help whoever runs the service locally.
        const shown = (await development.graphql('{ entity(id: "country:china") { name } }')).body;
        expect(shown.errors[0].message).toMatch(/nosuchdb/);
      }
    } finally {
      await production.close();
      await development.close();
      await broken.close();
    }
  });
});

describe('Protections: rejected before the database', () => {
  const rejectedWithoutQueries = async (text: string, expected: RegExp, variables?: Record<string, unknown>) => {
    const before = queries;
    const error = await errorOf(text, variables);
    expect(error.extensions.code).toBe('LIMIT_EXCEEDED');
    expect(error.message).toMatch(expected);
    expect(queries).toBe(before);
  };

  it('an operation nested deeper than the limit', async () => {
    let selection = 'id';
    for (let i = 0; i < MAX_DEPTH; i += 1) selection = `relationships(first: 1) { from { ${selection} } }`;
    await rejectedWithoutQueries(`{ entity(id: "country:china") { ${selection} } }`, /^The operation is nested \d+ fields deep; at most 12 is allowed\.$/);
  });

  it('an operation with too many aliases', async () => {
    const aliases = Array.from({ length: MAX_ALIASES + 1 }, (_, i) => `a${i}: health { status }`).join(' ');
    await rejectedWithoutQueries(`{ ${aliases} }`, /^The operation uses 31 aliases; at most 30 are allowed\.$/);
  });

  it('an operation whose estimated cost is too high, with page sizes from variables', async () => {
    await rejectedWithoutQueries(
      `query($n: Int) { entities(first: $n) { edges { node { relationships(first: 200) { from { relationships(first: 200) { id } } } } } } }`,
      /^The operation's estimated cost is \d+; at most 200000 is allowed\./,
      { n: 100 },
    );
  });

  it('a request body larger than the maximum', async () => {
    const before = queries;
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ health { status } } # ${'x'.repeat(MAX_REQUEST_BYTES)}` }),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      errors: [{ message: `The request is larger than ${MAX_REQUEST_BYTES} bytes.`, extensions: { code: 'LIMIT_EXCEEDED', requestId: expect.any(String) } }],
    });
    expect(queries).toBe(before);
  });

  it('lets the IDE’s introspection query through', async () => {
    const { body } = await api.graphql(
      '{ __schema { types { name fields { name type { name ofType { name ofType { name ofType { name ofType { name ofType { name ofType { name } } } } } } } } } } }',
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.__schema.types.length).toBeGreaterThan(50);
  });
});

describe('Round trips: bounded by the depth of the selection, not the number of results', () => {
  const nested = (n: number) => `{
    entities(first: ${n}, orderBy: DEGREE_DESC) {
      edges { node {
        name sources { publisher }
        relationships(first: 10) {
          type from { name } to { name } item { name }
          evidence { claim sources { title date } }
        }
        ... on Country { exports { id to { name } } policiesTargeting { entity { name } } }
      } }
    }
  }`;

  const roundTrips = async (text: string) => {
    const before = queries;
    const { body } = await api.graphql(text);
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    return { trips: queries - before, body };
  };

  it('five entities and twenty-five entities take the same number of queries', async () => {
    const small = await roundTrips(nested(5));
    const large = await roundTrips(nested(25));
    expect(large.body.data.entities.edges).toHaveLength(25);
    expect(small.trips).toBe(large.trips);
    // entities page; sources; relationships; their entities; their sources; exports;
    // exports' entities (merged with the previous level when ready together); policies.
    expect(large.trips).toBeLessThanOrEqual(8);
  });
});
