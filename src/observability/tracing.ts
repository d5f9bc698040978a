/**
 * OpenTelemetry tracing, off unless OTEL_EXPORTER_OTLP_ENDPOINT is set: one SERVER span
 * per HTTP request (named after the GraphQL operation once known) and one CLIENT span
 * per Cypher query under it, sent in batches to an OTLP/HTTP collector. The provider is
 * not registered globally: spans are parented explicitly through the request context
 * (request-context.ts), so several servers in one process (tests) never share one.
 */
import { type Context, context as otelContext, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Tracer } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BasicTracerProvider,
  BatchSpanProcessor,
  SimpleSpanProcessor,
  type SpanExporter,
} from '@opentelemetry/sdk-trace-base';
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

const propagator = new W3CTraceContextPropagator();
const headerGetter = {
  keys: (carrier: Record<string, unknown>) => Object.keys(carrier),
  get: (carrier: Record<string, string | string[] | undefined>, key: string) => carrier[key],
};

/** The tracer, or undefined when tracing is off (no endpoint, no exporter). */
export function createTracing(options: TracingOptions): Tracing | undefined {
  const processor = options.exporter
    ? new SimpleSpanProcessor(options.exporter)
    : options.otlpEndpoint
      ? new BatchSpanProcessor(new OTLPTraceExporter({ url: `${options.otlpEndpoint.replace(/\/+$/, '')}/v1/traces` }))
      : undefined;
  if (!processor) return undefined;
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': options.serviceName }),
    spanProcessors: [processor],
  });
  return {
    tracer: provider.getTracer('magnesium-supply-graph'),
    incoming: (headers) => propagator.extract(ROOT_CONTEXT, headers, headerGetter),
    flush: () => provider.forceFlush(),
    shutdown: () => provider.shutdown(),
  };
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
