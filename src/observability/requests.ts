/**
 * Per-request telemetry in one function and one Apollo plugin: the request id (the
 * client's sane x-request-id or a new one, echoed in the response header and in every
 * error's `extensions.requestId`), a JSON access log line, the request metrics, and the
 * request's span. The function runs first for every request (in the /graphql endpoint,
 * and as Express's first middleware for the other paths), so it sees every answer,
 * including those the guards and the error handler send before GraphQL runs; the plugin
 * adds what only Apollo knows (the operation, the GraphQL error code).
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NextFunction } from 'express';
import { type GraphQLFormattedError, Kind, type OperationDefinitionNode } from 'graphql';
import type { Logger } from '../logger.js';
import type { IncidentLog } from './incidents.js';
import { BoundedLabels } from './labels.js';
import type { Metrics } from './metrics.js';
import { currentRequest, type RequestInfo, requestIdFrom, runInRequest } from './request-context.js';
import type { Tracing } from './tracing.js';

/** Paths polled by machines: no access log line, or the log would be mostly probes. */
const QUIET_PATHS = new Set(['/livez', '/readyz', '/healthz', '/metrics']);

/** Distinct operation names kept as metric labels; more become 'other'. */
const MAX_OPERATION_LABELS = 200;

/** The outcome code when no error code was sent: what the HTTP status says. */
function codeFromStatus(status: number): string {
  if (status < 400) return 'OK';
  if (status === 413) return 'LIMIT_EXCEEDED';
  if (status < 500) return 'BAD_REQUEST';
  return 'INTERNAL_SERVER_ERROR';
}

interface ErrorLike {
  extensions?: Record<string, unknown>;
}

/** Records the first error's code as the request's outcome. */
function recordCode(errors: readonly ErrorLike[] | undefined, info: RequestInfo): void {
  if (errors && errors.length > 0) info.code ??= String(errors[0]!.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
}

const withId = (extensions: Record<string, unknown> | undefined, info: RequestInfo) => ({ ...extensions, requestId: info.id });

/**
 * An answer sent outside GraphQL (a guard, the error handler, a 404): records its code
 * on the current request and stamps every error with the request id (in place). Those
 * answers are sent from the request's own async chain (its guards, its deadline timer,
 * body-parser's callback, which raw-body binds to it), so the request is found as
 * GraphQL's errors find it (withRequestId).
 */
export function markErrors(errors: readonly ErrorLike[] | undefined): void {
  const info = currentRequest();
  if (!info) return;
  recordCode(errors, info);
  for (const error of errors ?? []) error.extensions = withId(error.extensions, info);
}

/**
 * A formatted GraphQL error with the current request's id (Apollo's formatError). Every
 * error of a GraphQL answer passes here, including those Apollo sends before any plugin
 * runs (CSRF prevention, a body that is no GraphQL request), so this is the one place
 * GraphQL errors get the id.
 */
export function withRequestId(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const info = currentRequest();
  return info ? { ...formatted, extensions: withId(formatted.extensions, info) } : formatted;
}

export interface RequestTelemetryOptions {
  metrics: Metrics;
  logger: Logger;
  tracing?: Tracing;
  incidents: IncidentLog;
  accessLog: boolean;
}

/** The path of a request's URL, without its query string. */
export const pathOf = (url: string | undefined): string => {
  const path = url ?? '/';
  const query = path.indexOf('?');
  return query === -1 ? path : path.slice(0, query);
};

/**
 * Starts a request's telemetry and runs `serve` as part of it. Works on Node's own
 * request and response, so the Express middleware (every path but /graphql) and the
 * /graphql endpoint (http/graphql-endpoint.ts) share it.
 */
export type RequestTelemetry = (req: IncomingMessage, res: ServerResponse, serve: () => void) => void;

export function requestTelemetry(options: RequestTelemetryOptions): RequestTelemetry {
  const { metrics, logger, tracing, incidents } = options;
  const operations = new BoundedLabels(MAX_OPERATION_LABELS);
  return (req, res, serve) => {
    const started = performance.now();
    const info: RequestInfo = { id: requestIdFrom(req.headers['x-request-id']) };
    res.setHeader('x-request-id', info.id);
    // Read now: routers mounted on a path rewrite req.url while they run.
    const path = pathOf(req.url);
    const isGraphql = path === '/graphql';
    const method = req.method ?? 'GET';
    if (isGraphql) metrics.inFlight.inc();
    if (tracing) {
      info.span = tracing.tracer.startSpan(
        `${method} ${isGraphql ? '/graphql' : 'other'}`,
        { kind: SpanKind.SERVER, attributes: { 'http.request.method': method, 'url.path': path, 'request.id': info.id } },
        tracing.incoming(req.headers),
      );
    }
    res.once('close', () => {
      const seconds = (performance.now() - started) / 1000;
      const status = res.statusCode;
      const code = info.code ?? codeFromStatus(status);
      const operation = info.operation === undefined ? 'none' : operations.label(info.operation);
      if (isGraphql) {
        metrics.inFlight.dec();
        metrics.requests.inc({ operation, code });
        metrics.requestDuration.observe({ operation, code }, seconds);
        incidents.record(code);
      }
      if (info.span) {
        info.span.setAttribute('http.response.status_code', status);
        info.span.setAttribute('graphql.outcome', code);
        info.span.setStatus({ code: status >= 500 ? SpanStatusCode.ERROR : SpanStatusCode.OK });
        info.span.end();
      }
      if (options.accessLog && !QUIET_PATHS.has(path)) {
        logger.info(
          {
            requestId: info.id,
            method,
            path,
            status,
            ms: Math.round(seconds * 1000),
            ...(info.operation !== undefined ? { operation: info.operation } : {}),
            ...(isGraphql ? { code } : {}),
            // Headers finished but the socket closed early: the client went away.
            ...(res.writableFinished ? {} : { aborted: true }),
          },
          'request',
        );
      }
    });
    runInRequest(info, serve);
  };
}

/** The telemetry as Express middleware, first in the chain. */
export const telemetryMiddleware =
  (telemetry: RequestTelemetry) =>
  (req: IncomingMessage, res: ServerResponse, next: NextFunction): void =>
    telemetry(req, res, next);

/** The Apollo side: the operation's name and type, its error code, and the request id on errors. */
export function requestTelemetryPlugin<T extends object>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      const info = currentRequest();
      return {
        async didResolveOperation({ operationName, operation }) {
          if (!info) return;
          info.operation = operationName ?? 'anonymous';
          const type = operation?.operation ?? 'query';
          info.span?.updateName(`${type} ${info.operation}`);
          info.span?.setAttribute('graphql.operation.type', type);
          info.span?.setAttribute('graphql.operation.name', info.operation);
        },
        async willSendResponse({ response, request, document }) {
          if (!info) return;
          // An operation that failed validation never resolved: name it from the document.
          if (info.operation === undefined && document) {
            const named = document.definitions.find(
              (d) => d.kind === Kind.OPERATION_DEFINITION && (request.operationName === undefined || d.name?.value === request.operationName),
            ) as OperationDefinitionNode | undefined;
            info.operation = named?.name?.value ?? 'anonymous';
          }
          // formatError (withRequestId) has already given the errors the request id.
          if (response.body.kind === 'single') recordCode(response.body.singleResult.errors, info);
          info.code ??= 'OK';
        },
      };
    },
  };
}
