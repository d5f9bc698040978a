/**
 * Builds the HTTP app: Apollo Server on /graphql behind Express, without listening.
 * Only main.ts (and tests) decide where it listens, so tests run the real server
 * in-process.
 */
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express } from 'express';
import type { GraphQLFormattedError } from 'graphql';
import type { Config } from './config.js';
import { type Context, createContext } from './context.js';
import type { Database } from './db/database.js';
import { ErrorCode } from './errors.js';
import type { Logger } from './logger.js';
import { resolvers } from './resolvers/index.js';
import { loadTypeDefs } from './schema.js';
import { operationLimitsPlugin } from './protections.js';
import { mountWeb } from './web.js';

/** Requests larger than this are refused before parsing (HTTP 413). */
export const MAX_REQUEST_BYTES = 64 * 1024;

export interface ServerDeps {
  db: Database;
  config: Pick<Config, 'env'>;
  logger: Logger;
}

export interface AppServer {
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
 * validation errors); masks everything else, which is logged in full instead.
 */
export function maskError(
  formatted: GraphQLFormattedError,
  error: unknown,
  env: Config['env'],
  logger: Logger,
): GraphQLFormattedError {
  const code = String(formatted.extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR);
  if (PUBLIC_CODES.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions: env === 'development' ? (formatted.extensions ?? {}) : extensions };
  }
  logger.error({ err: error, path: formatted.path }, 'unexpected error while resolving');
  if (env === 'development') return formatted;
  return {
    message: 'Unexpected error.',
    ...(formatted.path ? { path: formatted.path } : {}),
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}

export async function createServer(deps: ServerDeps): Promise<AppServer> {
  const { db, config, logger } = deps;
  const apollo = new ApolloServer<Context>({
    typeDefs: loadTypeDefs(),
    resolvers,
    introspection: true,
    includeStacktraceInErrorResponses: config.env === 'development',
    // main.ts owns signal handling: it must also stop the HTTP listener and the database.
    stopOnTerminationSignals: false,
    formatError: (formatted, error) => maskError(formatted, error, config.env, logger),
    plugins: [ApolloServerPluginLandingPageDisabled(), operationLimitsPlugin()],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.use(
    '/graphql',
    express.json({ limit: MAX_REQUEST_BYTES }),
    expressMiddleware(apollo, { context: async () => createContext(db) }),
  );
  mountWeb(app);
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  // Oversized or malformed bodies: a short JSON error, not Express's HTML page.
  app.use(
    (
      error: { status?: number; type?: string },
      _req: express.Request,
      res: express.Response,
      next: express.NextFunction,
    ) => {
      if (error?.type === 'entity.too.large') {
        res.status(413).json({
          errors: [
            {
              message: `The request is larger than ${MAX_REQUEST_BYTES} bytes.`,
              extensions: { code: ErrorCode.LIMIT_EXCEEDED },
            },
          ],
        });
        return;
      }
      if (error?.type === 'entity.parse.failed') {
        res.status(400).json({
          errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }],
        });
        return;
      }
      next(error);
    },
  );

  return { app, apollo, stop: () => apollo.stop() };
}
