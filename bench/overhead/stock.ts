/**
 * A stock Apollo Server 5, the baseline of the per-request overhead: the same
 * @apollo/server, Express and express.json as the app, with the stock Express
 * integration (@as-integrations/express5), a trivial schema, no plugins, no context, on
 * /graphql at 127.0.0.1 (a free port), run by the bench in a process of its own
 * (stock-process.ts) beside the app's.
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
