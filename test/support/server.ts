/** The real HTTP server, in-process, on a free port, over the seeded test graph. */
import type { AddressInfo } from 'node:net';
import type { Database } from '../../src/db/database.js';
import { createLogger } from '../../src/logger.js';
import { createServer } from '../../src/server.js';

export interface TestServer {
  url: string;
  /** POSTs a GraphQL operation and returns the parsed JSON body and HTTP status. */
  graphql<T = any>(query: string, variables?: Record<string, unknown>): Promise<{ status: number; body: T }>;
  close(): Promise<void>;
}

export async function startTestServer(
  db: Database,
  env: 'development' | 'production' = 'production',
): Promise<TestServer> {
  const app = await createServer({ db, config: { env }, logger: createLogger('silent') });
  const server = app.app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    async graphql(query, variables) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, body: await response.json() };
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await app.stop();
    },
  };
}
