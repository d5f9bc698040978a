/**
 * Prometheus metrics (prom-client), one registry per app so tests and several servers
 * in one process never share series. Request series are labelled by operation name and
 * the outcome code the client was told; database series by the Cypher file name. Pool
 * and availability gauges are read at scrape time from state already in memory.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Database } from '../db/database.js';
import type { GraphVersionWatch } from '../ops/graph-version-watch.js';

/** Seconds; from a cached lookup to the 20 s request deadline. */
const REQUEST_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20];
const QUERY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 15];

export interface Metrics {
  registry: Registry;
  requests: Counter<'operation' | 'code'>;
  requestDuration: Histogram<'operation' | 'code'>;
  inFlight: Gauge;
  /** Stops listening to the database. */
  close(): void;
}

export function createMetrics(db: Database, graph: GraphVersionWatch): Metrics {
  const registry = new Registry();
  // process_resident_memory_bytes, nodejs_eventloop_lag_seconds, heap, GC: Node's usual set.
  collectDefaultMetrics({ register: registry });

  const requests = new Counter({
    name: 'mgkg_graphql_requests_total',
    help: 'GraphQL requests answered, by operation name and outcome code (OK or the first error code).',
    labelNames: ['operation', 'code'] as const,
    registers: [registry],
  });
  const requestDuration = new Histogram({
    name: 'mgkg_graphql_request_duration_seconds',
    help: 'Time from receiving a GraphQL request to the end of its answer.',
    labelNames: ['operation', 'code'] as const,
    buckets: REQUEST_BUCKETS,
    registers: [registry],
  });
  const inFlight = new Gauge({
    name: 'mgkg_graphql_requests_in_flight',
    help: 'GraphQL requests being worked on now.',
    registers: [registry],
  });
  const queryDuration = new Histogram({
    name: 'mgkg_db_query_duration_seconds',
    help: 'Cypher queries that completed, by query file (cypher/<name>.cypher) and mode; _count is the number of queries.',
    labelNames: ['query', 'mode'] as const,
    buckets: QUERY_BUCKETS,
    registers: [registry],
  });
  new Gauge({
    name: 'mgkg_db_sessions_in_use',
    help: 'Database sessions open now, across requests.',
    registers: [registry],
    collect() {
      this.set(db.sessionStats.inUse);
    },
  });
  new Gauge({
    name: 'mgkg_db_sessions_waiting',
    help: 'Session requests waiting for a place (beyond NEO4J_MAX_SESSIONS).',
    registers: [registry],
    collect() {
      this.set(db.sessionStats.waiting);
    },
  });
  new Gauge({
    name: 'mgkg_db_sessions_max',
    help: 'Database sessions allowed at once (NEO4J_MAX_SESSIONS, at most the pool size).',
    registers: [registry],
    collect() {
      this.set(db.sessionStats.max);
    },
  });
  new Gauge({
    name: 'mgkg_db_available',
    help: '1 while the database answers the availability probe, 0 while it does not.',
    registers: [registry],
    collect() {
      this.set(db.availability.isUp() ? 1 : 0);
    },
  });
  new Gauge({
    name: 'mgkg_graph_version_info',
    help: 'Always 1: the graph version stamp as labels (state: unknown, missing, supported or unsupported).',
    labelNames: ['state', 'schema_version', 'seed_hash'] as const,
    registers: [registry],
    collect() {
      const { state, version } = graph.status;
      this.reset();
      this.set({ state, schema_version: String(version?.schemaVersion ?? ''), seed_hash: version?.seedHash ?? '' }, 1);
    },
  });

  const unsubscribe = db.onQuery(({ query, mode, ms }) => queryDuration.observe({ query, mode }, ms / 1000));
  return { registry, requests, requestDuration, inFlight, close: unsubscribe };
}
