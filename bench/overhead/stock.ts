/**
 * A stock Apollo Server 5, the baseline of the per-request overhead: the same
 * @apollo/server, @as-integrations/express5 and express.json as the app, a trivial
 * schema, no plugins, no context, on /graphql at 127.0.0.1 (a free port), in the bench
 * process beside the app.
 */
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { listenOnLoopback, type LoopbackServer } from '../loopback.js';

/** http://127.0.0.1:port (the API is on /graphql). */
export type StockServer = LoopbackServer;

export async function startStockServer(): Promise<StockServer> {
  const apollo = new ApolloServer({ typeDefs: 'type Query { hello: String }', resolvers: { Query: { hello: () => 'hello' } } });
  await apollo.start();
  const app = express();
  app.use('/graphql', express.json(), expressMiddleware(apollo));
  return listenOnLoopback(app, () => apollo.stop());
}
