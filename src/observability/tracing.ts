/**
 * OpenTelemetry tracing, off unless OTEL_EXPORTER_OTLP_ENDPOINT is set: one SERVER span
 * per HTTP request (named after the GraphQL operation once known) and one CLIENT span
 * per Cypher query under it, sent in batches to an OTLP/HTTP collector. The provider is
 * not registered globally: spans are parented explicitly through the request context
 * (request-context.ts), so several servers in one process (tests) never share one.
 */
import { context as otelContext, type Context, SpanKind, SpanStatusCode, trace, type Tracer } from '@opentelemetry/api';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import type { Database } from '../db/database.js';
import { currentRequest } from './request-context.js';

export interface TracingOptions {
  serviceName: string;
  /** The collector's base URL; spans go to `<endpoint>/v1/traces`, as the OTLP spec says. */
  otlpEndpoint?: string;
  /** An exporter to use instead (tests pass an InMemorySpanExporter); spans are sent one by one. */
  exporter?: SpanExporter;
}

export interface Tracing {
  tracer: Tracer;
  /** The context a request's span starts under: the caller's `traceparent`, when sent. */
  incoming(headers: Record<string, string | string[] | undefined>): Context;
  /** Sends what is buffered (tests, shutdown). */
  flush(): Promise<void>;
  shutdown(): Promise<void>;
}

/**
 * The tracer, or undefined when tracing is off (no endpoint, no exporter). The SDK, its
 * OTLP exporter and propagator are loaded only when tracing is on (tracing-sdk.ts): off,
 * as it is by default, they were 3.4 MB of the heap after importing the server (24.1
 * against 20.7 MB), kept for nothing.
 */
export async function createTracing(options: TracingOptions): Promise<Tracing | undefined> {
  if (!options.exporter && !options.otlpEndpoint) return undefined;
  const { startTracing } = await import('./tracing-sdk.js');
  return startTracing(options);
}

/**
 * One span per completed Cypher query, under the span of the request that ran it. The
 * database reports a query when it ends (Database.onQuery), so the span is recorded
 * afterwards with the measured start; queries outside a request are not traced.
 */
export function traceQueries(db: Database, tracing: Tracing): () => void {
  return db.onQuery(({ query, mode, ms }) => {
    const request = currentRequest();
    if (!request?.span) return;
    const end = Date.now();
    const span = tracing.tracer.startSpan(
      `${mode} ${query}`,
      {
        kind: SpanKind.CLIENT,
        startTime: end - ms,
        attributes: {
          'db.system.name': 'neo4j',
          'db.namespace': db.options.database,
          'db.query.summary': query,
          'db.operation.name': mode,
          'request.id': request.id,
        },
      },
      trace.setSpan(otelContext.active(), request.span),
    );
    span.setStatus({ code: SpanStatusCode.OK });
    span.end(end);
  });
}
