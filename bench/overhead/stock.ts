/**
 * A stock Apollo Server 5, the baseline of the per-request overhead: the same
 * @apollo/server, Express and express.json as the app, with the stock Express
 * integration (@as-integrations/express5), a schema of one lookup, no plugins, no
 * context, on /graphql at 127.0.0.1 (a free port), run by the bench in a process of its
 * own (stock-process.ts) beside the app's. Its one resolver, `entity(id)`, runs the
 * floor's query for the minimal lookup (cypher/bench/floor-load-entity.cypher, through
 * LOAD_FLOOR), so the same lookup through it costs what Apollo Server and Express add
 * to the floor, and no more.
 */
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { Database } from '../../src/db/database.js';
import { ENTITY_NAME, LOAD_FLOOR } from '../load/operations.js';
import { listenOnLoopback, type LoopbackServer } from '../loopback.js';

/** http://127.0.0.1:port (the API is on /graphql). */
export type StockServer = LoopbackServer;

const TYPE_DEFS = `type Query { entity(id: ID!): Entity }
type Entity { id: ID! name: String! kind: String! }`;

export async function startStockServer(db: Database): Promise<StockServer> {
  const lookup = LOAD_FLOOR[ENTITY_NAME]!;
  const apollo = new ApolloServer({
    typeDefs: TYPE_DEFS,
    resolvers: { Query: { entity: async (_: unknown, { id }: { id: string }) => ((await lookup(db, { id })) as { entity: unknown }).entity } },
  });
  await apollo.start();
  const app = express();
  app.use('/graphql', express.json(), expressMiddleware(apollo));
  return listenOnLoopback(app, () => apollo.stop());
}
