/** The real HTTP server, in-process, on a free port, over the seeded test graph. */
import type { AddressInfo } from 'node:net';
import type { Database } from '../../src/db/database.js';
import { type Config, loadConfig } from '../../src/config.js';
import { createHttpServer } from '../../src/http/listen.js';
import { createLogger, type Logger } from '../../src/logger.js';
import type { Observability } from '../../src/observability/index.js';
import { createServer, type ServerDeps } from '../../src/server.js';

export interface TestServer {
  url: string;
  /** POSTs a GraphQL operation (with any extra headers) and returns the parsed JSON body and HTTP status. */
  graphql<T = any>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<{ status: number; headers: Headers; body: T }>;
  close(): Promise<void>;
}

/** The server as `npm start` builds it by default, with the given settings changed. */
export async function startTestServer(
  db: Database,
  overrides: Partial<ServerDeps['config']> & { http?: Config['http'] } = {},
  logger: Logger = createLogger('silent'),
  observability?: Observability,
): Promise<TestServer> {
  const config = { ...loadConfig({}), ...overrides };
  const app = await createServer({ db, config, logger, ...(observability ? { observability } : {}) });
  const server = createHttpServer(app.listener, config.http).listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    async graphql(query, variables, headers = {}) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, headers: response.headers, body: await response.json() };
    },
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await app.stop();
    },
  };
}
