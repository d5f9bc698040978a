/**
 * How the bench's own servers listen (the app's process, the floor's, the stock Apollo
 * Server of the overhead measurement): on 127.0.0.1 at a free port, closed with their
 * connections so a run never waits for a keep-alive to time out.
 */
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LoopbackServer {
  url: string;
  close(): Promise<void>;
}

/** Serves `listener`; `close` stops listening, then runs `stop` (the app's own shutdown). */
export async function listenOnLoopback(listener: RequestListener, stop?: () => Promise<void>): Promise<LoopbackServer> {
  const server = createServer(listener);
  server.listen(0, '127.0.0.1');
  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('listening', () => resolveListen());
    server.once('error', rejectListen);
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolveClose) => server.close(() => resolveClose()));
      await stop?.();
    },
  };
}
