/**
 * Everything the serving process reports about itself, built once per app: metrics,
 * tracing, access logs with request ids, incident logs, and readiness (the graph version
 * watch feeds both readiness and metrics). server.ts wires the pieces in; main.ts passes
 * the settings.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { Express } from 'express';
import type { Database } from '../db/database.js';
import type { Logger } from '../logger.js';
import { GraphVersionWatch, type GraphVersionWatchOptions } from '../ops/graph-version-watch.js';
import { Readiness } from '../ops/readiness.js';
import { IncidentLog } from './incidents.js';
import { createMetrics, type Metrics } from './metrics.js';
import { type RequestTelemetry, requestTelemetry, requestTelemetryPlugin } from './requests.js';
import { createTracing, type Tracing, type TracingOptions, traceQueries } from './tracing.js';

export interface ObservabilitySettings {
  accessLog: boolean;
  /** Session requests waiting beyond which readiness says overloaded. */
  readyMaxWaitingSessions: number;
  tracing: TracingOptions;
  graphVersion?: GraphVersionWatchOptions;
}

export const DEFAULT_OBSERVABILITY: ObservabilitySettings = {
  accessLog: true,
  readyMaxWaitingSessions: 32,
  tracing: { serviceName: 'magnesium-supply-graph' },
};

export interface Observability {
  metrics: Metrics;
  tracing: Tracing | undefined;
  graphVersion: GraphVersionWatch;
  readiness: Readiness;
  /** First for every request: request id, access log, request metrics and span. */
  requestTelemetry: RequestTelemetry;
  apolloPlugin: ApolloServerPlugin<object>;
  /** GET /metrics in Prometheus text format. */
  mountMetrics(app: Express): void;
  stop(): Promise<void>;
}

export async function createObservability(
  db: Database,
  logger: Logger,
  settings: ObservabilitySettings = DEFAULT_OBSERVABILITY,
): Promise<Observability> {
  const tracing = await createTracing(settings.tracing);
  const graphVersion = new GraphVersionWatch(db, settings.graphVersion);
  void graphVersion.start();
  const metrics = createMetrics(db, graphVersion);
  const untrace = tracing ? traceQueries(db, tracing) : () => {};
  const incidents = new IncidentLog(logger);
  return {
    metrics,
    tracing,
    graphVersion,
    readiness: new Readiness(db, graphVersion, { maxWaitingSessions: settings.readyMaxWaitingSessions }),
    requestTelemetry: requestTelemetry({ metrics, logger, tracing, incidents, accessLog: settings.accessLog }),
    apolloPlugin: requestTelemetryPlugin(),
    mountMetrics(app) {
      app.get('/metrics', async (_req, res) => {
        res.set('content-type', metrics.registry.contentType).send(await metrics.registry.metrics());
      });
    },
    async stop() {
      graphVersion.stop();
      metrics.close();
      untrace();
      incidents.stop();
      await tracing?.shutdown();
    },
  };
}
