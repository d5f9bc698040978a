/**
 * What the service tells its operators: Prometheus series at /metrics, request ids in
 * headers, error bodies and access logs, and traces of an operation with its database
 * spans (in memory, and through OTLP/HTTP to a collector stand-in on 127.0.0.1).
 */
import { createServer as createHttp, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import neo4j from 'neo4j-driver';
import { Database } from '../src/db/database.js';
import { SCHEMA_VERSION } from '../src/db/graph-version.js';
import { createLogger } from '../src/logger.js';
import { createObservability, DEFAULT_OBSERVABILITY } from '../src/observability/index.js';
import { openTestDb, sessionsIdle, testNeo4j } from './support/neo4j.js';
import { startTestServer, type TestServer } from './support/server.js';

let db: Database;
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(async () => {
  await db.close();
});

const logSink = () => {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { lines, logger: createLogger('info', stream) };
};

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

/** Waits for the graph version watch's first read (it starts with the server). */
const whenVersionRead = async (server: TestServer) => {
  for (let i = 0; i < 200; i += 1) {
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    if (!metrics.includes('state="unknown"')) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

describe('Observability: /metrics', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(db);
  });
  afterAll(async () => {
    await server.close();
  });

  it('shows request, latency, database, pool, availability and graph version series after a few requests', async () => {
    await whenVersionRead(server);
    for (let i = 0; i < 2; i += 1) {
      const ok = await post(server.url, { query: 'query OpsMetricsLookup { entity(id: "company:bmw") { name } }' });
      expect(ok.status).toBe(200);
    }
    await post(server.url, { query: 'query OpsMetricsBad { nope }' });
    await post(server.url, { query: '{ entity(id: "company:bmw") { id } }' });
    // A read answers before its session has closed: the scrape must not count it.
    await sessionsIdle(db);

    const response = await fetch(`${server.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    const lines = text.split('\n');
    expect(lines).toContain('mgkg_graphql_requests_total{operation="OpsMetricsLookup",code="OK"} 2');
    expect(lines).toContain('mgkg_graphql_requests_total{operation="OpsMetricsBad",code="GRAPHQL_VALIDATION_FAILED"} 1');
    expect(lines).toContain('mgkg_graphql_requests_total{operation="anonymous",code="OK"} 1');
    expect(lines).toContain('mgkg_graphql_request_duration_seconds_count{operation="OpsMetricsLookup",code="OK"} 2');
    expect(lines).toContain('mgkg_graphql_request_duration_seconds_bucket{le="+Inf",operation="OpsMetricsLookup",code="OK"} 2');
    expect(lines).toContain('mgkg_graphql_requests_in_flight 0');
    expect(text).toMatch(/^mgkg_db_query_duration_seconds_count\{query="entities\/by-ids",mode="read"\} [1-9]\d*$/m);
    expect(text).toMatch(/^mgkg_db_query_duration_seconds_bucket\{le="0\.001",query="entities\/by-ids",mode="read"\} \d+$/m);
    expect(lines).toContain('mgkg_db_sessions_in_use 0');
    expect(lines).toContain('mgkg_db_sessions_waiting 0');
    expect(lines).toContain('mgkg_db_sessions_max 48');
    expect(lines).toContain('mgkg_db_available 1');
    expect(text).toMatch(new RegExp(`^mgkg_graph_version_info\\{state="supported",schema_version="${SCHEMA_VERSION}",seed_hash="[0-9a-f]{16}"\\} 1$`, 'm'));
    expect(text).toMatch(/^process_resident_memory_bytes \d+$/m);
  });
});

describe('Observability: request ids and access logs', () => {
  const sink = logSink();
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(db, {}, sink.logger);
  });
  afterAll(async () => {
    await server.close();
  });

  it('echoes a sane x-request-id and puts it in every error of the answer and in the access log line', async () => {
    const response = await post(server.url, { query: 'query OpsBadField { nope }' }, { 'x-request-id': 'ops-test-42' });
    expect(response.headers.get('x-request-id')).toBe('ops-test-42');
    const body = await response.json();
    expect(body.errors[0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', requestId: 'ops-test-42' });
    const line = sink.lines.find((l) => l.requestId === 'ops-test-42' && l.msg === 'request');
    expect(line).toMatchObject({ level: 30, method: 'POST', path: '/graphql', status: 400, operation: 'OpsBadField', code: 'GRAPHQL_VALIDATION_FAILED' });
    expect(line!.ms).toEqual(expect.any(Number));
  });

  it('replaces an id that is not sane with a generated one', async () => {
    const response = await post(server.url, { query: '{ entity(id: "company:bmw") { name } }' }, { 'x-request-id': 'has spaces "and quotes"' });
    const id = response.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(sink.lines.find((l) => l.requestId === id && l.msg === 'request')).toMatchObject({ status: 200, code: 'OK', operation: 'anonymous' });
  });

  it('puts the id in errors answered before GraphQL runs too (a body that is not JSON)', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'ops-test-bad-json' },
      body: '{"query": ',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST', requestId: 'ops-test-bad-json' } }],
    });
  });

  it('logs an unexpected error in full once, with the id the client got, and logs no error it answered on purpose', async () => {
    const c = testNeo4j();
    const driver = neo4j.driver(c.uri, neo4j.auth.basic(c.username, c.password), { logging: { level: 'error', logger: () => {} } });
    // A database name the server does not have: an error the API does not expect.
    const broken = new Database(driver, { database: 'nosuchdb', queryTimeoutMs: 5000 });
    const brokenSink = logSink();
    const brokenServer = await startTestServer(broken, {}, brokenSink.logger);
    try {
      // Twice: the second run of a document is compiled (http/compiled-execution.ts).
      for (const id of ['ops-test-unexpected-1', 'ops-test-unexpected-2']) {
        const body = await (await post(brokenServer.url, { query: '{ entity(id: "country:china") { name } }' }, { 'x-request-id': id })).json();
        expect(body.errors).toEqual([expect.objectContaining({ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: id } })]);
        const logged = brokenSink.lines.filter((l) => l.msg === 'unexpected error while resolving');
        expect(logged.filter((l) => l.requestId === id)).toEqual([expect.objectContaining({ level: 50, path: ['entity'] })]);
        expect(JSON.stringify(logged.find((l) => l.requestId === id))).toMatch(/nosuchdb/);
      }
      expect(brokenSink.lines.filter((l) => l.msg === 'unexpected error while resolving')).toHaveLength(2);
    } finally {
      await brokenServer.close();
      await broken.close();
    }
    // Errors answered on purpose (a field the schema lacks, an unknown id) are not logged as failures.
    for (const [id, query, code] of [
      ['ops-test-invalid', '{ nope }', 'GRAPHQL_VALIDATION_FAILED'],
      ['ops-test-not-found', '{ relationships(filter: { entity: "company:nope" }, first: 1) { totalCount } }', 'NOT_FOUND'],
    ] as const) {
      const answer = await (await post(server.url, { query }, { 'x-request-id': id })).json();
      expect(answer.errors[0].extensions).toMatchObject({ code, requestId: id });
      expect(sink.lines.filter((l) => l.requestId === id).map((l) => l.msg)).toEqual(['request']);
    }
  });

  it("puts the id in Apollo's own early refusals too (CSRF prevention: a GET without a preflight header, a POST as text/plain)", async () => {
    const get = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, { headers: { 'x-request-id': 'ops-test-csrf-get' } });
    expect(get.status).toBe(400);
    const getBody = await get.json();
    expect(getBody.errors).toHaveLength(1);
    expect(getBody.errors[0].message).toMatch(/cross-site request forgery/i);
    expect(getBody.errors[0].extensions).toEqual({ code: 'BAD_REQUEST', requestId: 'ops-test-csrf-get' });
    const post = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'x-request-id': 'ops-test-csrf-post' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(post.status).toBe(400);
    const postBody = await post.json();
    expect(postBody.errors[0].extensions).toEqual({ code: 'BAD_REQUEST', requestId: 'ops-test-csrf-post' });
    expect(sink.lines.find((l) => l.requestId === 'ops-test-csrf-get' && l.msg === 'request')).toMatchObject({ status: 400, code: 'BAD_REQUEST' });
  });

  it('does not log probe and metrics requests', async () => {
    await fetch(`${server.url}/livez`, { headers: { 'x-request-id': 'ops-test-probe' } });
    await fetch(`${server.url}/metrics`, { headers: { 'x-request-id': 'ops-test-probe' } });
    expect(sink.lines.filter((l) => l.requestId === 'ops-test-probe')).toEqual([]);
  });
});

describe('Observability: tracing', () => {
  it('records an operation as a server span with one child span per database query, carrying the request id', async () => {
    const exporter = new InMemorySpanExporter();
    const logger = createLogger('silent');
    const observability = await createObservability(db, logger, {
      ...DEFAULT_OBSERVABILITY,
      tracing: { serviceName: 'mgkg-test', exporter },
    });
    const server = await startTestServer(db, {}, logger, observability);
    try {
      const response = await post(server.url, { query: 'query OpsTrace { entity(id: "company:bmw") { name } }' }, { 'x-request-id': 'ops-trace-1' });
      expect(response.status).toBe(200);
      await observability.tracing!.flush();
      const spans = exporter.getFinishedSpans();
      const root = spans.find((s) => s.name === 'query OpsTrace');
      expect(root).toBeDefined();
      expect(root!.attributes).toMatchObject({ 'request.id': 'ops-trace-1', 'graphql.operation.name': 'OpsTrace', 'http.response.status_code': 200, 'graphql.outcome': 'OK' });
      const children = spans.filter((s) => s.parentSpanContext?.spanId === root!.spanContext().spanId);
      expect(children.map((s) => s.name)).toContain('read entities/by-ids');
      for (const child of children) {
        expect(child.spanContext().traceId).toBe(root!.spanContext().traceId);
        expect(child.attributes).toMatchObject({ 'db.system.name': 'neo4j', 'db.namespace': 'neo4j', 'request.id': 'ops-trace-1' });
      }
    } finally {
      await server.close();
    }
  });

  it('continues the caller’s trace from a traceparent header', async () => {
    const exporter = new InMemorySpanExporter();
    const observability = await createObservability(db, createLogger('silent'), { ...DEFAULT_OBSERVABILITY, tracing: { serviceName: 'mgkg-test', exporter } });
    const server = await startTestServer(db, {}, createLogger('silent'), observability);
    try {
      const traceId = '0af7651916cd43dd8448eb211c80319c';
      await post(server.url, { query: 'query OpsParent { entity(id: "company:bmw") { name } }' }, { traceparent: `00-${traceId}-b7ad6b7169203331-01` });
      await observability.tracing!.flush();
      const root = exporter.getFinishedSpans().find((s) => s.name === 'query OpsParent');
      expect(root!.spanContext().traceId).toBe(traceId);
      expect(root!.parentSpanContext?.spanId).toBe('b7ad6b7169203331');
    } finally {
      await server.close();
    }
  });

  it('sends the spans to an OTLP/HTTP endpoint when one is configured', async () => {
    const received: Array<{ path: string; type: string; body: any }> = [];
    const collector = createHttp((req: IncomingMessage, res) => {
      let data = '';
      req.on('data', (chunk) => (data += chunk));
      req.on('end', () => {
        received.push({ path: req.url ?? '', type: String(req.headers['content-type']), body: JSON.parse(data) });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    }).listen(0, '127.0.0.1');
    await new Promise((resolve) => collector.once('listening', resolve));
    const endpoint = `http://127.0.0.1:${(collector.address() as AddressInfo).port}`;
    const observability = await createObservability(db, createLogger('silent'), { ...DEFAULT_OBSERVABILITY, tracing: { serviceName: 'mgkg-otlp-test', otlpEndpoint: endpoint } });
    const server = await startTestServer(db, {}, createLogger('silent'), observability);
    try {
      await post(server.url, { query: 'query OpsOtlp { entity(id: "company:bmw") { name } }' });
      await observability.tracing!.flush();
      expect(received.length).toBeGreaterThan(0);
      expect(received[0]).toMatchObject({ path: '/v1/traces', type: 'application/json' });
      const resourceSpans = received.flatMap((r) => r.body.resourceSpans);
      expect(resourceSpans[0].resource.attributes).toContainEqual({ key: 'service.name', value: { stringValue: 'mgkg-otlp-test' } });
      const names = resourceSpans.flatMap((r: any) => r.scopeSpans.flatMap((s: any) => s.spans.map((span: any) => span.name)));
      expect(names).toContain('query OpsOtlp');
      expect(names).toContain('read entities/by-ids');
    } finally {
      await server.close();
      collector.close();
    }
  });
});
