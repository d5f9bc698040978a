/**
 * The OpenTelemetry SDK side of tracing.ts, imported only when tracing is on: a tracer
 * provider (not registered globally, see tracing.ts) with a batching OTLP/HTTP exporter,
 * or the given exporter span by span, and the W3C `traceparent` propagator.
 */
import { ROOT_CONTEXT } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { Tracing, TracingOptions } from './tracing.js';

const propagator = new W3CTraceContextPropagator();
const headerGetter = {
  keys: (carrier: Record<string, unknown>) => Object.keys(carrier),
  get: (carrier: Record<string, string | string[] | undefined>, key: string) => carrier[key],
};

/** Starts the provider for `options`, which name an exporter or an OTLP endpoint. */
export function startTracing(options: TracingOptions): Tracing {
  const processor = options.exporter
    ? new SimpleSpanProcessor(options.exporter)
    : new BatchSpanProcessor(new OTLPTraceExporter({ url: `${options.otlpEndpoint!.replace(/\/+$/, '')}/v1/traces` }));
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
