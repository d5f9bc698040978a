/**
 * Builds the HTTP app without listening: Apollo Server on /graphql (served on Node's own
 * request and response, http/graphql-endpoint.ts) and Express for every other path.
 * Only main.ts (and tests) decide where it listens, so tests run the real server
 * in-process.
 */
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { RequestListener } from 'node:http';
import express, { type Express } from 'express';
import type { GraphQLFormattedError } from 'graphql';
import type { Config } from './config.js';
import { Authenticator, authPlugin, requireToken } from './auth.js';
import { type Context, createContext } from './context.js';
import type { Database } from './db/database.js';
import { ErrorCode } from './errors.js';
import { compiledExecution } from './http/compiled-execution.js';
import { answerRequestError, jsonErrorHandler, notFoundHandler } from './http/errors.js';
import { graphqlEndpoint, routeGraphqlFirst } from './http/graphql-endpoint.js';
import { inFlightLimit, requestDeadline } from './http/guards.js';
import { mountProbes } from './http/probes.js';
import type { Logger } from './logger.js';
import { createObservability, type Observability } from './observability/index.js';
import { telemetryMiddleware, withRequestId } from './observability/requests.js';
import { operationLimitsPlugin, PARSE_OPTIONS } from './protections.js';
import { readOnlyPlugin } from './read-only-plugin.js';
import { resolvers } from './resolvers/index.js';
import { loadTypeDefs } from './schema.js';
import { mountWeb } from './web.js';

/** Requests larger than this are refused before parsing (HTTP 413). */
export const MAX_REQUEST_BYTES = 64 * 1024;

export interface ServerDeps {
  db: Database;
  config: Pick<Config, 'exposeErrorDetails' | 'introspection' | 'limits' | 'auth'>;
  logger: Logger;
  /** Metrics, tracing, access logs, readiness; built with defaults when not given. */
  observability?: Observability;
}

export interface AppServer {
  /** What Node's HTTP server runs for each request: /graphql, then `app` for the rest. */
  listener: RequestListener;
  /** Every path but /graphql: probes, metrics, the playground and explorer, 404s. */
  app: Express;
  apollo: ApolloServer<Context>;
  /** Stops Apollo; the caller closes the HTTP listener and the database. */
  stop(): Promise<void>;
}

const PUBLIC_CODES = new Set<string>([
  ...Object.values(ErrorCode),
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * Passes through errors with a public code (thrown on purpose, or GraphQL's own
 * validation errors); masks everything else, which is logged in full instead. Only an
 * operator who opts in (EXPOSE_ERROR_DETAILS) sees internal messages and stack traces.
 */
export function maskError(
  formatted: GraphQLFormattedError,
  error: unknown,
  exposeDetails: boolean,
  logger: Logger,
): GraphQLFormattedError {
  const code = String(formatted.extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR);
  if (PUBLIC_CODES.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions: exposeDetails ? (formatted.extensions ?? {}) : extensions };
  }
  logger.error({ err: error, path: formatted.path }, 'unexpected error while resolving');
  if (exposeDetails) return formatted;
  return {
    message: 'Unexpected error.',
    ...(formatted.path ? { path: formatted.path } : {}),
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}

/** The `Idempotency-Key` header: one printable value, else none. */
const idempotencyKeyOf = (value: string | string[] | undefined): string | null => {
  const key = (Array.isArray(value) ? value[0] : value)?.trim();
  return key && /^[\x21-\x7e]{1,200}$/.test(key) ? key : null;
};

export async function createServer(deps: ServerDeps): Promise<AppServer> {
  const { db, config, logger } = deps;
  const observability = deps.observability ?? (await createObservability(db, logger));
  const authenticator = new Authenticator(config.auth);
  const apollo = new ApolloServer<Context>({
    // The executable schema Apollo would build from typeDefs and resolvers, executed by
    // graphql-jit (http/compiled-execution.ts); Apollo parses, validates and runs plugins.
    gateway: compiledExecution(makeExecutableSchema({ typeDefs: loadTypeDefs(), resolvers })),
    introspection: config.introspection,
    // "Did you mean …" names fields: with introspection off it would give the schema away.
    hideSchemaDetailsFromClientErrors: !config.introspection,
    includeStacktraceInErrorResponses: config.exposeErrorDetails,
    // No automatic persisted queries: nothing here needs them, and a cache fed by
    // clients is one more thing to bound.
    persistedQueries: false,
    // The parser stops at MAX_TOKENS, so a huge document costs no more than that to parse.
    parseOptions: PARSE_OPTIONS,
    // main.ts owns signal handling: it must also stop the HTTP listener and the database.
    stopOnTerminationSignals: false,
    formatError: (formatted, error) => withRequestId(maskError(formatted, error, config.exposeErrorDetails, logger)),
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      // Apollo installs its cache-control plugin unless told not to. It hooks every field
      // resolution (so Apollo wraps every resolver) to compute hints this schema never
      // sets; all it ever added was `cache-control: no-store`, which the route sets below.
      ApolloServerPluginCacheControlDisabled(),
      readOnlyPlugin<Context>(),
      authPlugin<Context>(config.auth),
      operationLimitsPlugin(),
      observability.apolloPlugin,
    ],
  });
  await apollo.start();

  const answerError = answerRequestError(logger, MAX_REQUEST_BYTES);
  const graphql = graphqlEndpoint({
    apollo,
    telemetry: observability.requestTelemetry,
    admit: inFlightLimit(config.limits.maxInFlight),
    deadline: requestDeadline(db, config.limits),
    maxRequestBytes: MAX_REQUEST_BYTES,
    answerError,
    context: async (req, requestDb) => {
      const auth = await authenticator.authenticate(req.headers);
      requireToken(auth, config.auth);
      return createContext(requestDb, { auth, idempotencyKey: idempotencyKeyOf(req.headers['idempotency-key']) });
    },
  });

  const app = express();
  app.disable('x-powered-by');
  // Express hashes every answer it sends for an ETag; nothing it serves here is
  // revalidated by one. (The explorer's static files keep theirs: serve-static sets its own.)
  app.set('etag', false);
  app.use(telemetryMiddleware(observability.requestTelemetry));
  mountProbes(app, db, observability.readiness);
  observability.mountMetrics(app);
  mountWeb(app);
  app.use(notFoundHandler);
  app.use(jsonErrorHandler(answerError));

  return {
    listener: routeGraphqlFirst(graphql, app),
    app,
    apollo,
    stop: async () => {
      await apollo.stop();
      await observability.stop();
    },
  };
}
