/**
 * The floor's server: a bare `node:http` handler on 127.0.0.1 (a free port), in a
 * process of its own (process.ts) beside the app's, answering `POST /` with `{name, variables}` by running
 * the operation's one floor query (operations.ts) and replying `{data}` as JSON. No
 * framework, no validation beyond the operation's name, no GraphQL: what is left of a
 * request's time is the HTTP round trip, the driver and the query.
 */
import type { IncomingMessage } from 'node:http';
import type { Database } from '../../src/db/database.js';
import { listenOnLoopback, type LoopbackServer } from '../loopback.js';
import { FLOOR } from './operations.js';

async function body(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export type FloorServer = LoopbackServer;

export async function startFloorServer(db: Database): Promise<FloorServer> {
  return listenOnLoopback((request, response) => {
    void (async () => {
      try {
        const { name, variables } = JSON.parse(await body(request)) as { name: string; variables?: Record<string, unknown> };
        const handler = FLOOR[name];
        if (!handler) {
          response.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: `no floor for ${name}` }));
          return;
        }
        const data = await handler(db, variables ?? {});
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data }));
      } catch (error) {
        response
          .writeHead(500, { 'content-type': 'application/json' })
          .end(JSON.stringify({ error: error instanceof Error ? error.message : String(error) }));
      }
    })();
  });
}
