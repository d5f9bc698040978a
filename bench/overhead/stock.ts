/**
 * A stock Apollo Server 5, the baseline of the per-request overhead: the same
 * @apollo/server, @as-integrations/express5 and express.json as the app, a trivial
 * schema, no plugins, no context, on /graphql at 127.0.0.1 (a free port), in the bench
 * process beside the app.
 */
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';

export interface StockServer {
  /** http://127.0.0.1:port (the API is on /graphql). */
  url: string;
  close(): Promise<void>;
}

export async function startStockServer(): Promise<StockServer> {
  const apollo = new ApolloServer({ typeDefs: 'type Query { hello: String }', resolvers: { Query: { hello: () => 'hello' } } });
  await apollo.start();
  const app = express();
  app.use('/graphql', express.json(), expressMiddleware(apollo));
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('listening', () => resolveListen());
    server.once('error', rejectListen);
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolveClose) => server.close(() => resolveClose()));
      await apollo.stop();
    },
  };
}
